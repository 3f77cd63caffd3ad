"""Where each waiting team stands: its place in the queue and an ETA from recent service times,
pushed to every waiting team after each change of the queue.

The push runs in a background task, after the change's own pushes (the team that was claimed hears
it first) and never inside the request. Bursts are merged: changes within the interval
(MENTOR_POSITIONS_COALESCE_SECONDS) of the last push go out together at its end, so forty mentors
claiming at once cost one or two rounds of pushes, not forty. Nothing is cached between pushes:
each is computed from the database, so several server processes never disagree for long.
"""
import threading
import time
from dataclasses import dataclass

from flask import current_app, has_request_context

from ..extensions import db, socketio
from ..models import Event, HelpRequest
from ..models.types import utcnow
from ..realtime import emitters
from . import eta, payloads, queries, roster

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
    own_free = bool(roster.own_mentor_ids(request.team_id) & _free_ids(event, now))
    position = queries.position_of(request)
    return Standing(position, eta.expected_wait_minutes(position, queries.recent_service_minutes(event, now),
                                                        free, on_duty, own_free))


def schedule(event_id: int) -> None:
    """Push the waiting teams' standings soon: at once in the background, or at the end of the
    interval if a push just went out (one push covers every change until it runs)."""
    interval = current_app.config.get("MENTOR_POSITIONS_COALESCE_SECONDS", 0.25)
    if interval <= 0 or not has_request_context():  # tests, the ticker and the CLI push inline
        flush(event_id)
        return
    with _lock:
        if event_id in _pending:
            return
        _pending.add(event_id)
        wait = max(_last_flush.get(event_id, 0.0) + interval - time.monotonic(), 0.0)
    socketio.start_background_task(_flush_later, current_app._get_current_object(), event_id, wait)


def flush(event_id: int) -> None:
    """Push every waiting team of the event its place in the queue and its ETA."""
    with _lock:
        _last_flush[event_id] = time.monotonic()
    event = db.session.get(Event, event_id)
    waiting = queries.waiting_order(event) if event is not None else []
    if not waiting:
        return
    now = utcnow()
    free, on_duty = queries.mentors_on_duty(event, now)
    service = queries.recent_service_minutes(event, now)
    own, free_ids = roster.own_mentors_by_team(event), _free_ids(event, now)
    pushes = []
    for place, (request_id, team_id) in enumerate(waiting, 1):
        own_free = bool(own.get(team_id, frozenset()) & free_ids)
        minutes = eta.expected_wait_minutes(place, service, free, on_duty, own_free)
        pushes.append((team_id, payloads.position(event, team_id, request_id, place, minutes,
                                                  eta.describe_wait(minutes))))
    db.session.commit()  # end the read before the pushes: no transaction is held while sockets are written
    for team_id, payload in pushes:
        emitters.help_position(team_id, payload)


def _free_ids(event: Event, now) -> set[int]:
    """The mentors free to help right now (available, not helping anyone)."""
    return {candidate.id for candidate in queries.free_mentors(event, now)}


def _flush_later(app, event_id: int, wait: float) -> None:
    socketio.sleep(wait)
    with _lock:
        _pending.discard(event_id)  # a change from now on schedules the next push
    with app.app_context():
        try:
            flush(event_id)
        finally:
            db.session.remove()
