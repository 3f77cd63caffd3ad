"""One function per live event. Services call these after their commit, never before."""
from ..extensions import socketio
from ..models import Announcement, Event
from . import NAMESPACE, event_room
from .payloads import announcement_payload, clock_payload, retraction_payload


def clock_changed(event: Event) -> None:
    """Push the event's clock to everyone watching it (after start, pause, resume, extend, edit)."""
    socketio.emit("clock", clock_payload(event), to=event_room(event.id), namespace=NAMESPACE)


def clock_resynced(event: Event) -> None:
    """Push the clock to this process's own watchers only (periodic resync, milestone crossed).

    Every server process runs its own ticker, so going through the message queue would deliver
    each resync once per process.
    """
    socketio.emit("clock", clock_payload(event), to=event_room(event.id), namespace=NAMESPACE,
                  ignore_queue=True)


def announcement_published(announcement: Announcement) -> None:
    """Push a newly published announcement to every screen of its event."""
    socketio.emit("announcement", announcement_payload(announcement),
                  to=event_room(announcement.event_id), namespace=NAMESPACE)


def announcement_retracted(announcement: Announcement) -> None:
    """Tell every screen to take a retracted announcement down."""
    socketio.emit("announcement_retracted", retraction_payload(announcement),
                  to=event_room(announcement.event_id), namespace=NAMESPACE)
