"""One function per live event. Services call these after their commit, never before."""
from ..extensions import socketio
from ..models import Event
from . import NAMESPACE, event_room
from .payloads import clock_payload


def clock_changed(event: Event) -> None:
    """Push the event's clock to everyone watching it (after start, pause, resume, extend, edit)."""
    socketio.emit("clock", clock_payload(event), to=event_room(event.id), namespace=NAMESPACE)


def challenges_changed(event: Event) -> None:
    """Tell everyone watching that the list of briefs changed (published, edited, revealed)."""
    socketio.emit("challenges_changed", {"event": event.slug}, to=event_room(event.id), namespace=NAMESPACE)
