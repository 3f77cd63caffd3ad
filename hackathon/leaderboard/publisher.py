"""Publishes an event's public board: merges bursts, numbers each version, pushes what changed.

The board under the highest number always carries every change committed before any
publication: a board built before its number was taken is used only if nobody else took a number
in between (its number is exactly one above the board this process holds); otherwise it is built
again after taking the number. So two processes publishing at once can't leave an older board on
top. A publication whose previous number this
process holds is sent as a difference (`changes.py`); otherwise, and for freeze, reveal and display
changes, each view is sent whole.
"""
import time

from flask import current_app, has_request_context

from ..database import reads_only, writes
from ..extensions import db, socketio
from ..models import Event
from ..realtime import emitters
from ..realtime.wire import PreEncoded
from . import changes, public, published
from .memory import memory
from .state import next_seq, state_of


def schedule(event: Event) -> None:
    """Publish right after this request if the event's last push is an interval old, else once the
    interval is up.

    The first change of a quiet board goes out as soon as the request that made it has answered (a
    judge's save doesn't wait for the board); a burst after it is merged into one push at the end
    of the interval. Outside the server (CLI, jobs) it always publishes at once, and so it does when
    the interval is 0 (tests).
    """
    interval = current_app.config.get("LEADERBOARD_COALESCE_SECONDS", 0.1)
    if interval <= 0 or not has_request_context():  # a CLI process may exit before a timer fires
        publish(event)
        return
    kept = memory()
    with kept.lock:
        if event.id in kept.pending:
            return
        kept.pending.add(event.id)
        wait = max(0.0, kept.last_push.get(event.id, 0.0) + interval - time.monotonic())
    socketio.start_background_task(_publish_later, current_app._get_current_object(), event.id, wait)


def publish(event: Event, whole: bool = False) -> None:
    """Publish the board as it is now; `whole` sends every view entire (freeze, reveal, display)."""
    # Callers come here after their commit; end the transaction their reads began since, so this
    # never waits for another publication while holding SQLite's write lock that one needs.
    db.session.commit()
    with reads_only():  # only taking the number writes: a build never holds the write lock
        _publish(event, whole)
        db.session.commit()  # end the reads, so what the caller does next begins its own transaction


def _publish(event: Event, whole: bool) -> None:
    kept = memory()
    with kept.publishing:
        with kept.lock:
            kept.last_push[event.id] = time.monotonic()
        before = published.peek(event.id)
        board = public.build(event)
        if not whole and before is not None and _looks_the_same(before, board) and state_of(event).seq == before.seq:
            return  # nobody published since `before` and the board would look the same: no number is spent
        seq = _take_seq(event.id)
        if before is None or seq != before.seq + 1:
            board = public.build(event)  # someone published since: build after taking the number
        after = published.make(event, seq, board)
        published.store(after)
    is_difference = not whole and before is not None and before.seq == seq - 1
    _push(event, before if is_difference else None, after)
    published.share(after)


def _take_seq(event_id: int) -> int:
    db.session.commit()  # end the read transaction: taking the number begins a write
    with writes():
        return next_seq(event_id)


def _looks_the_same(before: published.Published, board: public.PublicBoard) -> bool:
    return board.views.keys() == before.views.keys() and all(
        {**payload, "seq": before.seq} == before.views[view] for view, payload in board.views.items())


def _push(event: Event, before: published.Published | None, after: published.Published) -> None:
    views = set(after.views) | (set(before.views) if before else set())
    for view in views:
        old, new = (before.views.get(view) if before else None), after.views.get(view)
        if new is None:  # the view is gone (its challenge went back to draft): show it empty
            new = {**old, "seq": after.seq, "rows": []}
            emitters.leaderboard(event, view, PreEncoded(published.encode(new)))
        elif old is None or not changes.same_frame(old, new):
            emitters.leaderboard(event, view, PreEncoded(after.body(view)))
        else:
            emitters.leaderboard_update(event, view, after.seq, changes.view_changes(old, new))


def _publish_later(app, event_id: int, wait: float) -> None:
    if wait:
        socketio.sleep(wait)
    with app.app_context():
        kept = memory()
        with kept.lock:
            kept.pending.discard(event_id)
            kept.last_push[event_id] = time.monotonic()  # a change arriving from now on waits its turn
        try:
            event = db.session.get(Event, event_id)
            if event is not None:
                publish(event)
        finally:
            db.session.remove()
