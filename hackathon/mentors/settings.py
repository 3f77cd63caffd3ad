"""How an event runs its help queue (suggest or auto-assign, its time limits) and how many standing
mentors each team gets."""
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Event, MentoringSettings
from ..models.mentor import MODES, SUGGEST
from .errors import MentoringError

DEFAULTS = dict(mode=SUGGEST, match_minutes=2, stale_minutes=15, claim_timeout_minutes=45, mentors_per_team=1)
MAX_MINUTES = 24 * 60


@dataclass(frozen=True)
class QueueRules:
    """An event's queue settings as durations."""

    mode: str
    match_window: timedelta
    stale_after: timedelta
    claim_timeout: timedelta

    @property
    def is_auto(self) -> bool:
        return self.mode != SUGGEST


def settings_row(event: Event) -> MentoringSettings:
    """The event's settings row, or an unsaved one holding the defaults."""
    return db.session.get(MentoringSettings, event.id) or MentoringSettings(event_id=event.id, **DEFAULTS)


def rules_of(event_id: int) -> QueueRules:
    """The queue rules of the event with this id (the defaults when organizers never changed them)."""
    row = db.session.get(MentoringSettings, event_id)
    values = {name: getattr(row, name) for name in DEFAULTS} if row is not None else DEFAULTS
    return QueueRules(values["mode"], timedelta(minutes=values["match_minutes"]),
                      timedelta(minutes=values["stale_minutes"]), timedelta(minutes=values["claim_timeout_minutes"]))


def update_settings(event: Event, mode: str, match_minutes: int, stale_minutes: int,
                    claim_timeout_minutes: int) -> MentoringSettings:
    """Organizers choose suggest or auto-assign and the queue's time limits."""
    if mode not in MODES:
        raise MentoringError("Choose “suggest” or “auto-assign”.")
    if not (0 <= match_minutes <= MAX_MINUTES and 1 <= stale_minutes <= MAX_MINUTES
            and 1 <= claim_timeout_minutes <= MAX_MINUTES):
        raise MentoringError("Times are whole minutes up to a day (the matching window may be 0).")
    row = db.session.get(MentoringSettings, event.id)
    if row is None:
        row = MentoringSettings(event_id=event.id)
        db.session.add(row)
    row.mode, row.match_minutes = mode, match_minutes
    row.stale_minutes, row.claim_timeout_minutes = stale_minutes, claim_timeout_minutes
    try:
        db.session.commit()
    except IntegrityError:  # saved twice at once: the other save created the row
        db.session.rollback()
        return update_settings(event, mode, match_minutes, stale_minutes, claim_timeout_minutes)
    return row
