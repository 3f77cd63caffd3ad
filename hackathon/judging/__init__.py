"""Judging: rubric, assignment, conflicts, scores and rankings (scoring.py and friends are pure)."""
from .views import bp

__all__ = ["bp"]
