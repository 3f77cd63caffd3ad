"""All models, importable from one place so that migrations see every table."""
from .challenge import Challenge, ChallengeAttachment
from .event import ClockChange, Event
from .membership import Invite, Membership
from .user import User, UserLink, UserSkill

__all__ = ["Challenge", "ChallengeAttachment", "ClockChange", "Event", "Invite", "Membership", "User", "UserLink", "UserSkill"]
