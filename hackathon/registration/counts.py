"""How many applications an event has in each status, and how many people have checked in."""
from ..extensions import db
from ..models import Application, Event
from ..models.registration import STATUSES


def status_counts(event: Event) -> dict[str, int]:
    """Applications by status (every status present, zero when none)."""
    rows = db.session.execute(db.select(Application.status, db.func.count(Application.id))
                              .where(Application.event_id == event.id).group_by(Application.status))
    counts = dict.fromkeys(STATUSES, 0)
    counts.update({status: count for status, count in rows})
    return counts


def checked_in_count(event: Event) -> int:
    return db.session.scalar(db.select(db.func.count(Application.id)).where(
        Application.event_id == event.id, Application.checked_in_at.is_not(None)))
