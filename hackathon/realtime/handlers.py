"""Socket.IO handlers of /live: admit visitors to the right rooms and send a snapshot. Thin by design."""
import re

from flask import current_app, session
from flask_login import current_user
from flask_socketio import Namespace, emit

from ..access import can_manage
from ..extensions import db
from ..live import ticker
from ..live.leaderboard import board_payload
from ..models import Event
from ..models.event import SLUG_PATTERN
from . import rooms
from .payloads import clock_payload


class LiveNamespace(Namespace):
    def trigger_event(self, event, sid, *args):
        # python-socketio hands a client's event *named* "connect" (or "disconnect") to the same
        # handler as the real one; only the server's own call comes before the socket is connected.
        if event in ("connect", "disconnect") and self.server.manager.is_connected(sid, self.namespace):
            return None
        return super().trigger_event(event, sid, *args)

    def on_connect(self, auth=None):
        event = _event_from_auth(auth)
        rooms.enter_rooms(current_user, event)
        session["live_event_id"] = event.id
        emit("clock", clock_payload(event))
        emit("leaderboard", board_payload(event))
        ticker.start_once(current_app._get_current_object())

    def on_rejoin(self, data=None):
        """Asked after a `rooms_changed` nudge: the rooms are decided again from the roles held now."""
        event = db.session.get(Event, session.get("live_event_id", 0))
        if event is not None:
            rooms.enter_rooms(current_user, event)

    def on_resync(self, data=None):
        """A client that saw a gap in `seq` (or woke up) asks for the whole board and the clock again."""
        event = db.session.get(Event, session.get("live_event_id", 0))
        if event is None:
            return
        emit("clock", clock_payload(event))
        emit("leaderboard", board_payload(event))


def _event_from_auth(auth) -> Event:
    """The event a socket names in its auth; unknown or unpublished slugs are refused with a reason."""
    slug = auth.get("event") if isinstance(auth, dict) else None
    if not isinstance(slug, str) or not re.match(SLUG_PATTERN, slug):  # junk never reaches the database
        raise ConnectionRefusedError("Name the event: connect with auth={\"event\": \"<slug>\"}.")
    event = db.session.scalar(db.select(Event).where(Event.slug == slug))
    if event is None or not (event.is_published or can_manage(current_user, event)):
        raise ConnectionRefusedError(f"There is no event “{slug[:64]}”.")
    return event
