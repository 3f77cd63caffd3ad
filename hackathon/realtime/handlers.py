"""Socket.IO handlers of /live: admit visitors to the right rooms and send a snapshot. Thin by design."""
import re

from flask import current_app, session
from flask_login import current_user
from flask_socketio import Namespace, disconnect, emit

from .. import leaderboard
from ..access import can_manage
from ..database import reads_only
from ..extensions import db
from ..live import ticker
from ..mentors.rooms import directory_rooms
from ..models import Event
from ..models.event import SLUG_PATTERN
from . import board_room, rooms
from .payloads import clock_payload
from .wire import PreEncoded

NO_BOARD = "none"


class LiveNamespace(Namespace):
    def trigger_event(self, event, sid, *args):
        # python-socketio hands a client's event *named* "connect" (or "disconnect") to the same
        # handler as the real one; only the server's own call comes before the socket is connected.
        if event in ("connect", "disconnect") and self.server.manager.is_connected(sid, self.namespace):
            return None
        return super().trigger_event(event, sid, *args)

    def on_connect(self, auth=None):
        with reads_only():  # a connect storm must never queue behind a judge's save
            event = _event_from_auth(auth)
            view = _board_view(auth, event)
            session["live_event_id"], session["live_board_view"] = event.id, view
            rooms.enter_rooms(current_user, event, _chosen_rooms(event))
            _send_snapshot(event, view)
        ticker.start_once(current_app._get_current_object())

    def on_rejoin(self, data=None):
        """Asked after a `rooms_changed` nudge: the rooms are decided again from the roles held now."""
        with reads_only():
            event = _watched_event()
            if event is not None:
                rooms.enter_rooms(current_user, event, _chosen_rooms(event))

    def on_watch_mentor_directory(self, data=None):
        """The mentor directory page asks for its live cards (on every connect); only those who may see it join."""
        with reads_only():
            event = _watched_event()
            if event is not None:
                session["live_watches_directory"] = True
                rooms.enter_rooms(current_user, event, _chosen_rooms(event))

    def on_resync(self, data=None):
        """A client that saw a gap in `seq` (or woke up) asks for the whole board and the clock again."""
        with reads_only():
            event = _watched_event()
            if event is not None:
                _send_snapshot(event, session.get("live_board_view"))


def _watched_event() -> Event | None:
    """The event this socket connected to, if it may still watch it; a socket of an event that was
    unpublished since (and that doesn't run it) is disconnected instead."""
    event = db.session.get(Event, session.get("live_event_id", 0))
    if event is not None and _may_watch(event):
        return event
    disconnect()
    return None


def _may_watch(event: Event) -> bool:
    return event.is_published or can_manage(current_user, event)


def _send_snapshot(event: Event, view) -> None:
    """The clock and the board as they are now, so a late joiner is in step at once."""
    emit("clock", clock_payload(event))
    body = leaderboard.current(event).body(view) if view != NO_BOARD else None
    if body is not None:
        emit("leaderboard", PreEncoded(body))


def _chosen_rooms(event: Event) -> set[str]:
    """Rooms this socket's page chose, among those it may hear: its board view, the mentor directory."""
    view = session.get("live_board_view")
    chosen = set() if view == NO_BOARD else {board_room(event.id, view)}
    if session.get("live_watches_directory"):
        chosen |= set(directory_rooms(current_user, event))
    return chosen


def _board_view(auth, event: Event):
    """Which board the socket shows: overall (None, the default), one challenge's, or none."""
    view = auth.get("board") if isinstance(auth, dict) else None
    if view is None or view == NO_BOARD:
        return view
    if isinstance(view, int) and not isinstance(view, bool) and leaderboard.current(event).body(view) is not None:
        return view
    return NO_BOARD


def _event_from_auth(auth) -> Event:
    """The event a socket names in its auth; unknown or unpublished slugs are refused with a reason."""
    slug = auth.get("event") if isinstance(auth, dict) else None
    if not isinstance(slug, str) or not re.match(SLUG_PATTERN, slug):  # junk never reaches the database
        raise ConnectionRefusedError("Name the event: connect with auth={\"event\": \"<slug>\"}.")
    event = db.session.scalar(db.select(Event).where(Event.slug == slug))
    if event is None or not _may_watch(event):
        raise ConnectionRefusedError(f"There is no event “{slug[:64]}”.")
    return event
