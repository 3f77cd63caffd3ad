"""Mentoring: mentor profiles and directory, teams' help requests, the live help queue and its figures."""
from .views import bp

__all__ = ["bp"]
