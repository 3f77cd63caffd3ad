"""The JSON shapes pushed on the live channel and served by the API (docs/API.md)."""
from datetime import datetime

from ..models import Event
from ..models.types import utcnow


def _ms(moment: datetime | None) -> int | None:
    return None if moment is None else int(moment.timestamp() * 1000)


def clock_payload(event: Event, now: datetime | None = None) -> dict:
    """The `clock` event: phase, server time and the next milestone, so browsers count down themselves."""
    now = now or utcnow()
    reading = event.clock(now)
    remaining = reading.remaining
    return {
        "event": event.slug,
        "phase": reading.phase,
        "server_now_ms": _ms(now),
        "ends_at_ms": _ms(reading.next_at),
        "next_milestone": reading.next_label,
        "paused": reading.paused,
        "remaining_ms": None if remaining is None else int(remaining.total_seconds() * 1000),
    }
