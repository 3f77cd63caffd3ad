"""Events, their schedule and the record of every clock override."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..schedule import ClockReading, Schedule, read_clock
from ..extensions import db
from .types import UTCDateTime, utcnow

# What an event's address looks like: /e/<slug>/ (lower-case letters, digits and dashes).
SLUG_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\Z"

MILESTONE_COLUMNS = (
    "registration_opens_at",
    "registration_closes_at",
    "hacking_starts_at",
    "submissions_due_at",
    "judging_ends_at",
    "results_at",
)


class Event(db.Model):
    __table_args__ = (
        CheckConstraint("team_size_min >= 1 AND team_size_min <= team_size_max", name="team_size"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    tagline: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    venue: Mapped[str] = mapped_column(String(200), default="")
    online_url: Mapped[str] = mapped_column(String(300), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    team_size_min: Mapped[int] = mapped_column(default=1)
    team_size_max: Mapped[int] = mapped_column(default=4)
    is_published: Mapped[bool] = mapped_column(default=False)
    # Judging settings: how many judges see each entry, and how scores become a ranking.
    judges_per_entry: Mapped[int] = mapped_column(default=3)
    ranking_method: Mapped[str] = mapped_column(String(16), default="judge_effects")
    # Hosts Markdown images may load from besides this site, one per line (markup.py).
    image_hosts: Mapped[str] = mapped_column(Text, default="")

    registration_opens_at: Mapped[datetime] = mapped_column(UTCDateTime)
    registration_closes_at: Mapped[datetime] = mapped_column(UTCDateTime)
    hacking_starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    submissions_due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    judging_ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    results_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Clock overrides: while paused_at is set, the event's clock stands still.
    paused_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    memberships: Mapped[list["Membership"]] = relationship(  # noqa: F821
        back_populates="event", cascade="all, delete-orphan"
    )
    clock_changes: Mapped[list["ClockChange"]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="ClockChange.at.desc()"
    )

    @property
    def schedule(self) -> Schedule:
        return Schedule(*(getattr(self, column) for column in MILESTONE_COLUMNS))

    @property
    def allowed_image_hosts(self) -> frozenset[str]:
        return frozenset((self.image_hosts or "").split())

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def is_paused(self) -> bool:
        return self.paused_at is not None

    def clock(self, now: datetime | None = None) -> ClockReading:
        """Where the event stands at `now` (default: this instant)."""
        return read_clock(self.schedule, now or utcnow(), self.paused_at, self.closed_at)

    @property
    def phase(self) -> str:
        return self.clock().phase

    def local(self, moment: datetime) -> datetime:
        """`moment` in the event's own time zone, for display."""
        return moment.astimezone(self.zone)

    def shift_milestones_after(self, moment: datetime, delta: timedelta) -> None:
        """Move every milestone later than `moment` by `delta`."""
        for column in MILESTONE_COLUMNS:
            if getattr(self, column) > moment:
                setattr(self, column, getattr(self, column) + delta)

    def __repr__(self) -> str:
        return f"<Event {self.slug}>"


class ClockChange(db.Model):
    """One organizer override of an event's clock: who, when, what."""

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(16))
    detail: Mapped[str] = mapped_column(String(300), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    event: Mapped[Event] = relationship(back_populates="clock_changes")
    user: Mapped["User | None"] = relationship()  # noqa: F821
