"""Looking mentoring up (read-only): requests, the queue, mentors and the figures' raw material."""
from datetime import datetime, timedelta

from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Event, HelpRequest, Membership, MentorProfile, MentorTag, Team, User
from ..models.membership import MENTOR
from ..models.mentor import AVAILABLE, CLAIMED, OPEN, RESOLVED
from . import matching

# "Least busy" counts the claims a mentor took in this window.
BUSY_WINDOW = timedelta(hours=1)
# The ETA looks at service times of requests resolved this recently (at most this many).
SERVICE_WINDOW = timedelta(hours=2)
SERVICE_SAMPLE = 30


def _with_details():
    return (selectinload(HelpRequest.team), selectinload(HelpRequest.tags), selectinload(HelpRequest.asked_mentor),
            selectinload(HelpRequest.claimed_by))


def find_request(event: Event, request_id: int) -> HelpRequest | None:
    """The help request with this id if it belongs to `event`."""
    request = db.session.get(HelpRequest, request_id)
    return request if request is not None and request.event_id == event.id else None


def active_request_of(team: Team) -> HelpRequest | None:
    """The team's open or claimed request, if any (there is at most one)."""
    return db.session.scalar(db.select(HelpRequest).where(HelpRequest.active_team_id == team.id))


def team_requests(team: Team) -> list[HelpRequest]:
    """Every request the team made, newest first."""
    return list(db.session.scalars(db.select(HelpRequest).where(HelpRequest.team_id == team.id)
                                   .options(*_with_details()).order_by(HelpRequest.created_at.desc(),
                                                                       HelpRequest.id.desc())))


def open_queue(event: Event) -> list[HelpRequest]:
    """The event's open requests in queue order: oldest place first (a release keeps its place)."""
    return list(db.session.scalars(db.select(HelpRequest).where(
        HelpRequest.event_id == event.id, HelpRequest.status == OPEN).options(*_with_details())
        .order_by(HelpRequest.queued_at, HelpRequest.id)))


def waiting_order(event: Event) -> list[tuple[int, int]]:
    """(request id, team id) of the event's open requests in queue order: all the waiting teams' places need."""
    return [tuple(row) for row in db.session.execute(db.select(HelpRequest.id, HelpRequest.team_id).where(
        HelpRequest.event_id == event.id, HelpRequest.status == OPEN).order_by(HelpRequest.queued_at, HelpRequest.id))]


def claimed_requests(event: Event) -> list[HelpRequest]:
    """The requests mentors are helping with right now, longest-running first."""
    return list(db.session.scalars(db.select(HelpRequest).where(
        HelpRequest.event_id == event.id, HelpRequest.status == CLAIMED).options(*_with_details())
        .order_by(HelpRequest.claimed_at, HelpRequest.id)))


def all_requests(event: Event) -> list[HelpRequest]:
    """Every request of the event, oldest first."""
    return list(db.session.scalars(db.select(HelpRequest).where(HelpRequest.event_id == event.id)
                                   .options(*_with_details(), selectinload(HelpRequest.resolved_by))
                                   .order_by(HelpRequest.created_at, HelpRequest.id)))


def active_claim_of(mentor: User) -> HelpRequest | None:
    """The request `mentor` is helping with right now, if any (a mentor holds at most one claim)."""
    return db.session.scalar(db.select(HelpRequest).where(HelpRequest.active_mentor_id == mentor.id))


def position_of(request: HelpRequest) -> int:
    """Where an open request stands in its event's queue (1 = next)."""
    earlier = db.or_(HelpRequest.queued_at < request.queued_at,
                     db.and_(HelpRequest.queued_at == request.queued_at, HelpRequest.id < request.id))
    return 1 + db.session.scalar(db.select(db.func.count()).select_from(HelpRequest).where(
        HelpRequest.event_id == request.event_id, HelpRequest.status == OPEN, earlier))


def event_mentors(event: Event) -> list[User]:
    """Every mentor of the event, by name."""
    return list(db.session.scalars(db.select(User).join(Membership, Membership.user_id == User.id).where(
        Membership.event_id == event.id, Membership.role == MENTOR).order_by(db.func.lower(User.display_name))))


def is_event_mentor(event: Event, user_id: int | None) -> bool:
    """Whether the user with this id is a mentor of the event."""
    return user_id is not None and db.session.scalar(db.select(Membership.id).where(
        Membership.event_id == event.id, Membership.user_id == user_id, Membership.role == MENTOR)) is not None


def profile_of(event: Event, user) -> MentorProfile | None:
    """The mentor's profile in this event, if they have saved one."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(db.select(MentorProfile).where(MentorProfile.event_id == event.id,
                                                            MentorProfile.user_id == user.id))


def profiles_by_mentor(event: Event) -> dict[int, MentorProfile]:
    """The event's mentor profiles by user id."""
    return {p.user_id: p for p in db.session.scalars(db.select(MentorProfile).where(
        MentorProfile.event_id == event.id).options(selectinload(MentorProfile.tags)))}


def mentor_tag_vocabulary(event: Event) -> list[str]:
    """Every expertise tag the event's mentors listed, so teams can tag requests in their words."""
    return list(db.session.scalars(db.select(MentorTag.name).join(MentorProfile).where(
        MentorProfile.event_id == event.id).distinct().order_by(MentorTag.name)))


def helping_mentor_ids(event: Event) -> dict[int, HelpRequest]:
    """The requests being helped with in the event, by the id of the mentor helping."""
    return {request.claimed_by_id: request for request in claimed_requests(event)}


def free_mentors(event: Event, now: datetime) -> list[matching.Candidate]:
    """Mentors of the event who are available and not helping anyone, as auto-assign candidates."""
    mentors = db.select(Membership.user_id).where(Membership.event_id == event.id, Membership.role == MENTOR)
    busy = db.select(HelpRequest.active_mentor_id).where(HelpRequest.active_mentor_id.is_not(None))
    profiles = db.session.scalars(db.select(MentorProfile).where(
        MentorProfile.event_id == event.id, MentorProfile.availability == AVAILABLE,
        MentorProfile.user_id.in_(mentors), MentorProfile.user_id.not_in(busy))
        .options(selectinload(MentorProfile.tags)))
    recent = dict(db.session.execute(db.select(HelpRequest.claimed_by_id, db.func.count()).where(
        HelpRequest.event_id == event.id, HelpRequest.claimed_at >= now - BUSY_WINDOW)
        .group_by(HelpRequest.claimed_by_id)).all())
    return [matching.Candidate(p.user_id, frozenset(p.tag_names), recent.get(p.user_id, 0), p.idle_since)
            for p in profiles]


def mentors_on_duty(event: Event, now: datetime) -> tuple[int, int]:
    """(free, on duty): mentors available and not helping, and those plus the ones helping now."""
    free = len(free_mentors(event, now))
    helping = db.session.scalar(db.select(db.func.count()).select_from(HelpRequest).where(
        HelpRequest.event_id == event.id, HelpRequest.status == CLAIMED))
    return free, free + helping


def recent_service_minutes(event: Event, now: datetime) -> list[float]:
    """How long recent helps took (claim to resolution), in minutes, for the waiting teams' ETA."""
    rows = db.session.execute(db.select(HelpRequest.claimed_at, HelpRequest.resolved_at).where(
        HelpRequest.event_id == event.id, HelpRequest.status == RESOLVED, HelpRequest.claimed_at.is_not(None),
        HelpRequest.resolved_at >= now - SERVICE_WINDOW).order_by(HelpRequest.resolved_at.desc())
        .limit(SERVICE_SAMPLE)).all()
    return [max((resolved - claimed).total_seconds() / 60, 0.0) for claimed, resolved in rows]
