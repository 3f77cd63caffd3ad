"""Event rules: creating and editing events, listing them, and the roles people hold in them."""
from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from .. import leaderboard
from ..access import can_manage
from ..errors import DomainError
from ..extensions import db
from ..models import Event, Membership, User
from ..models.event import MILESTONE_COLUMNS
from ..models.membership import ORGANIZER, PARTICIPANT, STAFF_ROLES
from ..models.types import utcnow
from ..realtime import emitters, rooms
from ..schedule import CLOSED, RESULTS, UPCOMING, Schedule


class EventError(DomainError):
    """An event rule refused the change."""


class SlugTaken(EventError):
    def __init__(self, slug):
        super().__init__(f"Another event already uses the address “{slug}”. Choose another.")


class ScheduleOutOfOrder(EventError):
    status = 422

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__(" ".join(message for _, message in problems))


class RoleConflict(EventError):
    def __init__(self, held: str, wanted: str):
        super().__init__(f"You are a {held} in this event, so you can't also be a {wanted}. "
                         "Ask an organizer if this needs to change.")


@dataclass
class EventDetails:
    """Everything an organizer sets about an event; datetimes are aware."""

    name: str
    tagline: str
    description: str
    venue: str
    online_url: str
    timezone: str
    team_size_min: int
    team_size_max: int
    is_published: bool
    registration_opens_at: datetime
    registration_closes_at: datetime
    hacking_starts_at: datetime
    submissions_due_at: datetime
    judging_ends_at: datetime
    results_at: datetime
    image_hosts: str = ""

    def schedule(self) -> Schedule:
        return Schedule(self.registration_opens_at, self.registration_closes_at, self.hacking_starts_at,
                        self.submissions_due_at, self.judging_ends_at, self.results_at)


def create_event(slug: str, details: EventDetails) -> Event:
    """Create an event; the slug is unique and the schedule in order."""
    _check_schedule(details)
    if db.session.scalar(db.select(Event.id).where(Event.slug == slug)) is not None:
        raise SlugTaken(slug)
    event = Event(slug=slug)
    _apply(event, details)
    db.session.add(event)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise SlugTaken(slug) from None
    return event


def update_event(event: Event, details: EventDetails) -> None:
    """Save an organizer's edits; the clock and the board are announced only after the commit."""
    _check_schedule(details)
    _keep_unchanged_milestones(event, details)
    was_published = event.is_published
    _apply(event, details)
    db.session.commit()
    emitters.clock_changed(event)
    leaderboard.event_changed(event)
    if was_published and not event.is_published:
        rooms.event_hidden(event.id)


def _keep_unchanged_milestones(event: Event, details: EventDetails) -> None:
    """A milestone sent back as it was shown keeps its exact instant.

    The form shows whole seconds of wall-clock time, so fractions of a second (a pause's length)
    and the second pass through a daylight-saving change would otherwise move on every save.
    """
    if details.timezone != event.timezone:
        return
    for column in MILESTONE_COLUMNS:
        stored = getattr(event, column)
        shown = event.local(stored).replace(tzinfo=None, microsecond=0)
        if getattr(details, column).replace(tzinfo=None) == shown:
            setattr(details, column, stored)


def _check_schedule(details: EventDetails) -> None:
    problems = details.schedule().order_problems()
    if details.team_size_min > details.team_size_max:
        problems.append(("team_size_min", "The minimum team size can't exceed the maximum."))
    if problems:
        raise ScheduleOutOfOrder(problems)


def _apply(event: Event, details: EventDetails) -> None:
    for field in fields(details):
        setattr(event, field.name, getattr(details, field.name))


def list_hub_events(user: User) -> dict[str, list[Event]]:
    """Published events (plus drafts the user runs) grouped as live, upcoming and past."""
    events = db.session.scalars(db.select(Event).order_by(Event.hacking_starts_at)).all()
    visible = [event for event in events if event.is_published or _runs(user, event)]
    groups = {"live": [], "upcoming": [], "past": []}
    for event in visible:
        phase = event.phase
        key = "past" if phase in (RESULTS, CLOSED) else "upcoming" if phase == UPCOMING else "live"
        groups[key].append(event)
    groups["past"].reverse()
    return groups


def _runs(user: User, event: Event) -> bool:
    return can_manage(user, event)


def check_role_allowed(user: User, event: Event, role: str) -> None:
    """Participants compete, so they hold no staff role in the same event, and staff don't compete."""
    held = set(db.session.scalars(db.select(Membership.role).where(
        Membership.user_id == user.id, Membership.event_id == event.id)))
    staff_held = sorted(held & set(STAFF_ROLES))
    if role == PARTICIPANT and staff_held:
        raise RoleConflict(staff_held[0], PARTICIPANT)
    if role in STAFF_ROLES and PARTICIPANT in held:
        raise RoleConflict(PARTICIPANT, role)


def add_role(user: User, event: Event, role: str, invite_id: int | None = None) -> Membership:
    """Give `user` a role in `event` (idempotent, conflict-checked); the caller commits."""
    existing = db.session.scalar(db.select(Membership).where(
        Membership.user_id == user.id, Membership.event_id == event.id, Membership.role == role))
    if existing is not None:
        return existing
    check_role_allowed(user, event, role)
    membership = Membership(user=user, event=event, role=role, invite_id=invite_id)
    db.session.add(membership)
    return membership


def remove_role(membership: Membership, by: User) -> None:
    """Take a role away; an event always keeps at least one organizer."""
    if membership.role == ORGANIZER and not by.is_site_admin:
        organizers = db.session.scalar(db.select(db.func.count()).select_from(Membership).where(
            Membership.event_id == membership.event_id, Membership.role == ORGANIZER))
        if organizers <= 1:
            raise EventError("An event needs at least one organizer. Invite another before leaving.")
    event_id, user_id, role = membership.event_id, membership.user_id, membership.role
    db.session.delete(membership)
    db.session.commit()
    rooms.role_ended(event_id, user_id, role)


def is_registration_open(event: Event) -> bool:
    """Self sign-up is open between the registration milestones, unless the event is closed."""
    now = utcnow()
    return event.phase != CLOSED and event.registration_opens_at <= now < event.registration_closes_at
