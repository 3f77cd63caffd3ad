"""Judging: rubrics, scores and the rankings computed from them."""
