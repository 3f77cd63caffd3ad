"""The seat rules: who holds one of an event's seats, and how freed seats pass down the waitlist.

Every change to seats runs inside `seat_lock(event)`: the event's row is locked (SELECT … FOR
UPDATE on PostgreSQL; on SQLite a writing transaction already holds the database), so counting
the seats held and handing one out cannot interleave with another request doing the same. Two
freed seats therefore never go to the same person, and the seats held never exceed capacity.
"""
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..extensions import db
from ..models import Application, Event, RegistrationSettings
from ..models.registration import ACCEPTED, CONFIRMED, EXPIRED, OPEN, SEAT_HOLDING, WAITLISTED, new_checkin_code


@dataclass
class Changes:
    """Who was moved by one locked step, so the caller can tell them after the commit."""

    user_ids: set[int] = field(default_factory=set)
    waitlist_moved: bool = False
    freed: int = 0    # seats given up or expired in this step
    passed: int = 0   # seats offered down the waitlist in this step

    def touch(self, application: Application) -> None:
        self.user_ids.add(application.user_id)


def seat_lock(event: Event) -> RegistrationSettings:
    """Lock the event for a change of seats and return its registration settings (made if missing)."""
    db.session.execute(db.select(Event.id).where(Event.id == event.id).with_for_update())
    settings = db.session.get(RegistrationSettings, event.id, populate_existing=True)
    if settings is None:
        settings = RegistrationSettings(event_id=event.id)
        db.session.add(settings)
        db.session.flush()
    return settings


def settings_of(event: Event) -> RegistrationSettings:
    """The event's registration settings for reading (defaults when none were saved)."""
    return db.session.get(RegistrationSettings, event.id) or RegistrationSettings(
        event_id=event.id, mode="open", capacity=None, confirm_hours=72, hands_out_voting_codes=False)


def seats_held(event: Event) -> int:
    """Seats taken: offers waiting for an answer and confirmed places."""
    return db.session.scalar(db.select(db.func.count(Application.id)).where(
        Application.event_id == event.id, Application.status.in_(SEAT_HOLDING)))


def seats_left(event: Event, settings: RegistrationSettings) -> int | None:
    """Free seats (None: no limit)."""
    if settings.capacity is None:
        return None
    return max(settings.capacity - seats_held(event), 0)


def has_free_seat(event: Event, settings: RegistrationSettings) -> bool:
    left = seats_left(event, settings)
    return left is None or left > 0


def offer_seat(application: Application, settings: RegistrationSettings, now: datetime, by_id=None) -> None:
    """Give the applicant a seat to confirm before the deadline (held until then)."""
    application.status = ACCEPTED
    application.offer_expires_at = now + timedelta(hours=settings.confirm_hours)
    application.decided_at, application.decided_by_id, application.updated_at = now, by_id, now


def confirm_seat(application: Application, now: datetime) -> None:
    """The applicant takes the seat; their personal check-in code is made now."""
    application.status = CONFIRMED
    application.confirmed_at = application.updated_at = now
    application.offer_expires_at = None
    if application.checkin_code is None:
        application.checkin_code = _unused_checkin_code()


def put_on_waitlist(application: Application, now: datetime) -> None:
    application.status = WAITLISTED
    application.waitlisted_at = application.waitlisted_at or now
    application.offer_expires_at = None
    application.updated_at = now


def settle(event: Event, settings: RegistrationSettings, now: datetime, changes: Changes) -> None:
    """Expire offers whose deadline passed, then offer seats down the waitlist, in order: in an open
    event every free seat, in a reviewed one the seats freed in this step (the organizers hand out
    the others themselves). Call only under `seat_lock`.
    """
    due = db.session.scalars(db.select(Application).where(
        Application.event_id == event.id, Application.status == ACCEPTED, Application.offer_expires_at <= now
    ).execution_options(populate_existing=True)).all()
    for application in due:
        application.status, application.updated_at = EXPIRED, now
        changes.touch(application)
    changes.freed += len(due)
    db.session.flush()
    budget = _seats_to_offer(event, settings, changes)
    if budget == 0:
        return
    waiting = db.session.scalars(_waitlist(event).limit(budget).execution_options(populate_existing=True)).all()
    for application in waiting:
        offer_seat(application, settings, now)
        changes.touch(application)
        changes.waitlist_moved = True
    changes.passed += len(waiting)
    db.session.flush()


def _seats_to_offer(event: Event, settings: RegistrationSettings, changes: Changes) -> int | None:
    left = seats_left(event, settings)
    if settings.mode == OPEN:
        return left
    freed = max(changes.freed - changes.passed, 0)
    return freed if left is None else min(freed, left)


def waitlist_position(application: Application) -> int | None:
    """1 for the first in line; None when not waiting."""
    if application.status != WAITLISTED:
        return None
    ahead = db.session.scalar(db.select(db.func.count(Application.id)).where(
        Application.event_id == application.event_id, Application.status == WAITLISTED,
        db.or_(Application.waitlisted_at < application.waitlisted_at,
               db.and_(Application.waitlisted_at == application.waitlisted_at, Application.id < application.id))))
    return ahead + 1


def waitlisted_user_ids(event: Event) -> set[int]:
    return set(db.session.scalars(db.select(Application.user_id).where(
        Application.event_id == event.id, Application.status == WAITLISTED)))


def _waitlist(event: Event):
    return db.select(Application).where(Application.event_id == event.id, Application.status == WAITLISTED) \
        .order_by(Application.waitlisted_at, Application.id)


def _unused_checkin_code() -> str:
    while True:
        code = new_checkin_code()
        if db.session.scalar(db.select(Application.id).where(Application.checkin_code == code)) is None:
            return code



def waitlist_positions(event: Event) -> dict[int, int]:
    """Every waiting application's place in line, by application id."""
    ids = db.session.scalars(_waitlist(event).with_only_columns(Application.id))
    return {application_id: place for place, application_id in enumerate(ids, start=1)}
