"""When a team's submission closes: the event's deadline, or a later extension, read on the event's clock."""
from datetime import datetime

from ..extensions import db
from ..models import Event, Extension
from ..models.types import utcnow
from ..schedule import CLOSED


def extension_for(event: Event, team_id: int) -> Extension | None:
    """The latest extension granted to a team (later grants replace earlier ones)."""
    return db.session.scalar(db.select(Extension).where(
        Extension.event_id == event.id, Extension.team_id == team_id).order_by(Extension.granted_at.desc(),
                                                                               Extension.id.desc()).limit(1))


def team_deadline(event: Event, team_id: int) -> datetime:
    """The moment this team's submission freezes."""
    extension = extension_for(event, team_id)
    return max(event.submissions_due_at, extension.until) if extension else event.submissions_due_at


def is_open(event: Event, deadline: datetime, now: datetime | None = None) -> bool:
    """Open strictly before the deadline, by the event's clock (a paused clock stops time)."""
    reading = event.clock(now or utcnow())
    return reading.phase != CLOSED and reading.clock_time < deadline


def shift_extensions(event: Event, after: datetime, delta) -> None:
    """Move extensions still running at `after` by `delta` (when a pause ends)."""
    for extension in db.session.scalars(db.select(Extension).where(
            Extension.event_id == event.id, Extension.until > after)):
        extension.until += delta
