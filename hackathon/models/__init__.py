"""All models, importable from one place so that migrations see every table."""
from .event import ClockChange, Event
from .membership import Invite, Membership
from .team import JoinRequest, Team, TeamMember, TeamSeeker, TeamSkill
from .user import User, UserLink, UserSkill

__all__ = ["ClockChange", "Event", "Invite", "JoinRequest", "Membership", "Team", "TeamMember", "TeamSeeker",
           "TeamSkill", "User", "UserLink", "UserSkill"]
