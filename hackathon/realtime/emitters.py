"""One function per live event. Services call these after their commit, never before."""
from ..extensions import socketio
from ..models import Event
from . import NAMESPACE, event_room, team_room
from .payloads import clock_payload


def clock_changed(event: Event) -> None:
    """Push the event's clock to everyone watching it (after start, pause, resume, extend, edit)."""
    socketio.emit("clock", clock_payload(event), to=event_room(event.id), namespace=NAMESPACE)


def team_changed(team, what: str, who=None) -> None:
    """Tell a team's open pages that it changed (joined, left, requested, ...), so they re-render."""
    payload = {"event": team.event.slug, "team_id": team.id, "what": what,
               "who": who.display_name if who is not None else None}
    socketio.emit("team_changed", payload, to=team_room(team.id), namespace=NAMESPACE)
