"""People's choice: the audience vote, its voting codes and its results."""
from .views import bp

__all__ = ["bp"]
