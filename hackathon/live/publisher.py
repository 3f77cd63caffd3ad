"""Coalesces bursts of score changes into at most one `leaderboard_update` per event per interval.

Nothing is dropped: a flush sends every row that differs from what this process last sent. The
sequence number lives in the database, so updates from several processes stay in one order; if
another process published in between, this one sends the whole board instead of a difference.
"""
import threading
import time

from flask import current_app, has_request_context
from sqlalchemy import update

from ..extensions import db, socketio
from ..models import Event, LeaderboardState
from ..realtime import emitters

_pending: set[int] = set()
_last_sent: dict[int, tuple[int, dict]] = {}  # event id -> (seq, {team_id: row})
_last_flush: dict[int, float] = {}  # event id -> time.monotonic() of its last push
_lock = threading.Lock()


def schedule(event: Event) -> None:
    """Publish at once if the event's last push is an interval old, else once the interval is up.

    The first change of a quiet board goes out immediately; a burst after it is merged into one
    push at the end of the interval. Outside the server (CLI, jobs) it always publishes at once.
    """
    interval = current_app.config.get("LEADERBOARD_COALESCE_SECONDS", 0.1)
    if interval <= 0 or not has_request_context():  # a CLI process may exit before a timer fires
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


def forget(event: Event) -> None:
    """The whole board was just pushed: differences start again from scratch."""
    with _lock:
        _last_sent.pop(event.id, None)


def flush(event_id: int) -> None:
    """Push the rows that changed since this process's last push, under the next sequence number."""
    from .leaderboard import board_payload  # the board builds on this module: import at use

    with _lock:
        _last_flush[event_id] = time.monotonic()
    event = db.session.get(Event, event_id)
    payload = board_payload(event)
    rows = {row["team_id"]: row for row in payload["rows"]}
    with _lock:
        seen_seq, seen_rows = _last_sent.get(event_id, (None, None))
        if seen_seq == payload["seq"]:
            changed = [row for team_id, row in rows.items() if seen_rows.get(team_id) != row]
            removed = [team_id for team_id in seen_rows if team_id not in rows]
        else:
            changed, removed = list(rows.values()), []
        if not changed and not removed:
            return
        seq = _next_seq(event_id, payload["seq"])
        _last_sent[event_id] = (seq, rows)
    emitters.leaderboard_update(event, seq, changed, removed)


def _next_seq(event_id: int, current: int) -> int:
    state = db.session.get(LeaderboardState, event_id)
    if state is None:
        db.session.add(LeaderboardState(event_id=event_id, seq=current, shows_scores=True))
        db.session.flush()
    seq = db.session.execute(update(LeaderboardState).where(LeaderboardState.event_id == event_id)
                             .values(seq=LeaderboardState.seq + 1).returning(LeaderboardState.seq)).scalar_one()
    db.session.commit()
    return seq


def _flush_later(app, event_id: int, interval: float) -> None:
    socketio.sleep(interval)
    with _lock:
        _pending.discard(event_id)
    with app.app_context():
        try:
            flush(event_id)
        finally:
            db.session.remove()
