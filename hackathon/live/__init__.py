"""The live channel's pages and rules: announcements, the big screen, the background ticker."""
from .views import bp

__all__ = ["bp"]
