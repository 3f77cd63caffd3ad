"""Judging: rubric, assignment, conflicts, scores and rankings.

Like every blueprint package, this one does not import its views on import: its pure maths
(scoring.py, aggregation.py, judge_effects.py, assigning.py) is used by the leaderboard, which the
judging services call in turn, and importing the maths must not pull in the blueprint. The app
factory imports the blueprint from `judging.views`.
"""
