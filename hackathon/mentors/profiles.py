"""Mentor profiles: expertise tags, bio and where to find them, and the availability a mentor toggles."""
from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Event, MentorProfile, MentorTag, User
from ..models.mentor import AVAILABILITIES, AVAILABLE
from ..models.types import utcnow
from . import dispatch, notify, queries
from .checks import check_mentor
from .errors import BadNumber, MentoringError, NotEventMentor

MAX_TEAMS = 100  # a mentor's limit of standing teams, at most


@dataclass
class ProfileDetails:
    """What a mentor says about themselves in one event."""

    tags: list[str] = field(default_factory=list)
    bio: str = ""
    location: str = ""


def draft_profile(event: Event, mentor: User) -> ProfileDetails:
    """What the profile form starts from: the saved profile, or the mentor's skills as expertise."""
    profile = queries.profile_of(event, mentor)
    if profile is None:
        return ProfileDetails(tags=mentor.skill_names, bio=mentor.bio[:500])
    return ProfileDetails(tags=profile.tag_names, bio=profile.bio, location=profile.location)


def save_profile(event: Event, mentor: User, details: ProfileDetails) -> MentorProfile:
    """The mentor saves their expertise tags (the skills' vocabulary), bio and where to find them."""
    check_mentor(mentor, event)
    profile = _profile_for_update(event, mentor)
    wanted = set(details.tags)
    profile.tags = [t for t in profile.tags if t.name in wanted] + [
        MentorTag(name=name) for name in sorted(wanted - set(profile.tag_names))]
    profile.bio, profile.location, profile.updated_at = details.bio.strip(), details.location.strip(), utcnow()
    db.session.commit()
    notify.mentor_changed(event, mentor)
    return profile


def set_availability(event: Event, mentor: User, availability: str) -> MentorProfile:
    """The mentor says whether they are available, busy or away; in auto-assign mode an available
    mentor may get a waiting request at once."""
    check_mentor(mentor, event)
    if availability not in AVAILABILITIES:
        raise MentoringError("Choose available, busy or away.")
    profile = _profile_for_update(event, mentor)
    if availability == AVAILABLE and not profile.is_available:
        profile.idle_since = utcnow()  # back from a break: idle from now, not from before it
    profile.availability, profile.updated_at = availability, utcnow()
    db.session.commit()
    notify.availability_changed(event, mentor)
    if availability == AVAILABLE:
        dispatch.assign_waiting(event)
    return profile


def set_team_limit(event: Event, mentor: User, max_teams: int | None) -> MentorProfile:
    """Organizers cap how many teams the planner gives a mentor (None: no limit; hand-made pairs count too)."""
    if not queries.is_event_mentor(event, mentor.id):
        raise NotEventMentor(event)
    if max_teams is not None and not 0 <= max_teams <= MAX_TEAMS:
        raise BadNumber("A mentor's limit of teams", 0, MAX_TEAMS)
    profile = _profile_for_update(event, mentor)
    profile.max_teams, profile.updated_at = max_teams, utcnow()
    db.session.commit()
    return profile


def _profile_for_update(event: Event, mentor: User) -> MentorProfile:
    """The mentor's profile in `event`, created (with their skills as expertise) on first use."""
    profile = queries.profile_of(event, mentor)
    if profile is not None:
        return profile
    try:
        with db.session.begin_nested():
            profile = MentorProfile(event_id=event.id, user_id=mentor.id, bio=mentor.bio[:500],
                                    tags=[MentorTag(name=name) for name in mentor.skill_names])
            db.session.add(profile)
    except IntegrityError:  # created in a parallel request a moment ago
        profile = queries.profile_of(event, mentor)
    return profile
