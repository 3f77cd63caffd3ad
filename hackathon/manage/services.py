"""Organizer overrides of an event's clock: start now, pause, resume, extend, close.

Each override is recorded (who, when, what) and announced to every screen after the commit.
"""
from datetime import datetime, timedelta

from ..errors import DomainError
from ..extensions import db
from ..models import ClockChange, Event, User
from ..models.types import utcnow
from ..realtime import emitters
from ..submissions.deadline import shift_extensions
from ..schedule import CLOSE, EXTEND, PAUSE, START, clock_actions

MAX_EXTENSION_MINUTES = 24 * 60


class ClockError(DomainError):
    """The clock can't do that now; the message says why."""


def start_now(event: Event, by: User) -> None:
    """Start hacking at once, pulling registration's opening forward if needed."""
    _lock(event)
    now = utcnow()
    if START not in _actions(event, now):
        raise ClockError("Hacking has already started.")
    before = event.hacking_starts_at
    event.hacking_starts_at = now
    event.registration_opens_at = min(event.registration_opens_at, now)
    _record(event, by, "start", f"hacking start moved from {_fmt(event, before)} to now")
    emitters.challenges_changed(event)  # the briefs are revealed at this moment


def pause_clock(event: Event, by: User) -> None:
    """Stop the event's clock; the countdown stands still until resumed."""
    _lock(event)
    reading = event.clock()
    if event.is_paused:
        raise ClockError("The clock is already paused.")
    if PAUSE not in _actions(event):
        raise ClockError("The clock can be paused only while hacking or judging.")
    event.paused_at = utcnow()
    _record(event, by, "pause", f"paused during {reading.phase}")


def resume_clock(event: Event, by: User) -> None:
    """Restart a paused clock, moving every later milestone by the length of the pause."""
    _lock(event)
    if not event.is_paused:
        raise ClockError("The clock is not paused.")
    paused_for = utcnow() - event.paused_at
    event.shift_milestones_after(event.paused_at, paused_for)
    shift_extensions(event, event.paused_at, paused_for)
    event.paused_at = None
    _record(event, by, "resume", f"resumed after {_minutes(paused_for)}; later milestones moved by it")


def extend_deadline(event: Event, by: User, minutes: int) -> None:
    """Push the submission deadline (and anything it would overtake) later by `minutes`."""
    _lock(event)
    if not 1 <= minutes <= MAX_EXTENSION_MINUTES:
        raise ClockError(f"Extend by 1 to {MAX_EXTENSION_MINUTES} minutes.")
    if EXTEND not in _actions(event):
        raise ClockError("Submissions are already due. Grant individual teams an extension instead.")
    before = event.submissions_due_at
    event.shift_milestones_after(before - timedelta(microseconds=1), timedelta(minutes=minutes))
    _record(event, by, "extend",
            f"submissions due moved from {_fmt(event, before)} to {_fmt(event, event.submissions_due_at)}")


def close_event(event: Event, by: User) -> None:
    """Close the event for good: it moves to the past, and its clock stops."""
    _lock(event)
    if CLOSE not in _actions(event):
        raise ClockError("The event is already closed.")
    event.closed_at = utcnow()
    event.paused_at = None
    _record(event, by, "close", "event closed")


def _actions(event: Event, now: datetime | None = None) -> frozenset[str]:
    reading = event.clock(now or utcnow())
    return clock_actions(reading.phase, reading.paused)


def _lock(event: Event) -> None:
    # Two organizers clicking at once must not both pause: re-read the row under a lock.
    db.session.refresh(event, with_for_update=True)


def _record(event: Event, by: User, action: str, detail: str) -> None:
    db.session.add(ClockChange(event=event, user=by, action=action, detail=detail))
    db.session.commit()
    emitters.clock_changed(event)


def _fmt(event: Event, moment: datetime) -> str:
    return event.local(moment).strftime("%a %H:%M %Z")


def _minutes(delta: timedelta) -> str:
    minutes = round(delta.total_seconds() / 60)
    return f"{minutes} min" if minutes else f"{int(delta.total_seconds())} s"
