"""Where each waiting team stands: its place in the queue and an ETA from recent service times,
pushed to every waiting team after each change of the queue.

Bursts are merged: the first change of a quiet queue is pushed at once, later ones within the
interval (MENTOR_POSITIONS_COALESCE_SECONDS) go out together at its end, so forty mentors
claiming at once cost one round of pushes, not forty. Nothing is cached between pushes: each push
is computed from the database, so several server processes never disagree for long.
"""
import threading
import time
from dataclasses import dataclass

from flask import current_app, has_request_context

from ..extensions import db, socketio
from ..models import Event, HelpRequest
from ..models.types import utcnow
from ..realtime import emitters
from . import eta, queries

_pending: set[int] = set()
_last_flush: dict[int, float] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class Standing:
    """An open request's place in the queue and the wait to expect."""

    position: int
    eta_minutes: float | None

    @property
    def eta_text(self) -> str:
        return eta.describe_wait(self.eta_minutes)


def standing_of(request: HelpRequest) -> Standing:
    """Where one open request stands now."""
    now, event = utcnow(), request.event
    free, on_duty = queries.mentors_on_duty(event, now)
    position = queries.position_of(request)
    return Standing(position, eta.expected_wait_minutes(position, queries.recent_service_minutes(event, now),
                                                        free, on_duty))


def schedule(event: Event) -> None:
    """Push the waiting teams' standings now, or at the end of the interval if a push just went out."""
    interval = current_app.config.get("MENTOR_POSITIONS_COALESCE_SECONDS", 0.25)
    if interval <= 0 or not has_request_context():  # the ticker and the CLI push inline
        flush(event.id)
        return
    with _lock:
        if event.id in _pending:
            return
        wait = _last_flush.get(event.id, 0.0) + interval - time.monotonic()
        if wait > 0:
            _pending.add(event.id)
    if wait > 0:
        socketio.start_background_task(_flush_later, current_app._get_current_object(), event.id, wait)
    else:
        flush(event.id)


def flush(event_id: int) -> None:
    """Push every waiting team of the event its place in the queue and its ETA."""
    with _lock:
        _last_flush[event_id] = time.monotonic()
    event = db.session.get(Event, event_id)
    waiting = queries.open_queue(event) if event is not None else []
    if not waiting:
        return
    now = utcnow()
    free, on_duty = queries.mentors_on_duty(event, now)
    service = queries.recent_service_minutes(event, now)
    for position, request in enumerate(waiting, 1):
        minutes = eta.expected_wait_minutes(position, service, free, on_duty)
        emitters.help_position(request, position, minutes, eta.describe_wait(minutes))


def _flush_later(app, event_id: int, wait: float) -> None:
    socketio.sleep(wait)
    with _lock:
        _pending.discard(event_id)
    with app.app_context():
        try:
            flush(event_id)
        finally:
            db.session.remove()
