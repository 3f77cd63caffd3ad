"""All models, importable from one place so that migrations see every table."""
from .announcement import Announcement
from .event import ClockChange, Event
from .membership import Invite, Membership
from .user import User, UserLink, UserSkill

__all__ = ["Announcement", "ClockChange", "Event", "Invite", "Membership", "User", "UserLink", "UserSkill"]
