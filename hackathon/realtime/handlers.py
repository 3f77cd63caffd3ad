"""Socket.IO handlers of /live: admit visitors to the right rooms and send a snapshot. Thin by design."""
from flask import current_app, session
from flask_login import current_user
from flask_socketio import Namespace, emit, join_room

from ..access import can_manage, roles_in
from ..extensions import db
from ..live import ticker
from ..live.leaderboard import board_payload
from ..mentors.rooms import directory_rooms, mentoring_rooms
from ..models import Event
from ..teams.queries import team_id_of
from . import event_room, role_room, team_room
from .payloads import clock_payload


class LiveNamespace(Namespace):
    def on_connect(self, auth=None):
        event = _event_from_auth(auth)
        join_room(event_room(event.id))
        for role in roles_in(current_user, event):
            join_room(role_room(event.id, role))
        team_id = team_id_of(current_user, event)
        if team_id is not None:
            join_room(team_room(team_id))
        for room in mentoring_rooms(current_user, event):
            join_room(room)
        session["live_event_id"] = event.id
        emit("clock", clock_payload(event))
        emit("leaderboard", board_payload(event))
        ticker.start_once(current_app._get_current_object())

    def on_watch_mentor_directory(self, data=None):
        """The mentor directory page asks for its live cards (on every connect); only those who may see it join."""
        event = db.session.get(Event, session.get("live_event_id", 0))
        for room in directory_rooms(current_user, event) if event is not None else ():
            join_room(room)

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
    if not isinstance(slug, str) or not slug:
        raise ConnectionRefusedError("Name the event: connect with auth={\"event\": \"<slug>\"}.")
    event = db.session.scalar(db.select(Event).where(Event.slug == slug))
    if event is None or not (event.is_published or can_manage(current_user, event)):
        raise ConnectionRefusedError(f"There is no event “{slug[:64]}”.")
    return event
