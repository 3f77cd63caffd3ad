"""The JSON shapes pushed on the live channel and served by the API (docs/API.md)."""
from datetime import datetime

from ..models import Announcement, Event
from ..models.types import utcnow
from ..schedule import PHASE_LABELS, clock_actions


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
        "phase_label": PHASE_LABELS[reading.phase],
        "server_now_ms": _ms(now),
        "ends_at_ms": _ms(reading.next_at),
        "next_milestone": reading.next_label,
        "paused": reading.paused,
        "remaining_ms": None if remaining is None else int(remaining.total_seconds() * 1000),
        # Pages redraw their schedule and the console its buttons from these, without a reload.
        "schedule": [{"label": label, "at_ms": _ms(at), "done": at <= reading.clock_time}
                     for label, at in event.schedule.milestones()],
        "actions": sorted(clock_actions(reading.phase, reading.paused)),
    }


def announcement_payload(announcement: Announcement) -> dict:
    """The `announcement` event: plain text (clients insert it as text, never as HTML)."""
    return {
        "id": announcement.id,
        "event": announcement.event.slug,
        "text": announcement.text,
        "level": announcement.level,
        "at_ms": _ms(announcement.published_at),
    }


def retraction_payload(announcement: Announcement) -> dict:
    """The `announcement_retracted` event: screens remove the announcement with this id."""
    return {"id": announcement.id, "event": announcement.event.slug}
