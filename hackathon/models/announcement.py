"""Announcements: short messages organizers push to every screen of an event."""
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow

INFO = "info"
WARNING = "warning"
URGENT = "urgent"
LEVELS = (INFO, WARNING, URGENT)
MAX_TEXT_LENGTH = 280


class Announcement(db.Model):
    """One announcement; scheduled ones wait (published_at empty) until `publish_at`.

    `seq` numbers the published announcements of an event in the order they went out, so a
    reconnecting screen can ask for everything after the last one it saw, scheduled ones included.
    """

    __table_args__ = (
        CheckConstraint("level IN ('info', 'warning', 'urgent')", name="level"),
        UniqueConstraint("event_id", "seq"),
        Index("ix_announcement_due", "published_at", "publish_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(MAX_TEXT_LENGTH))
    level: Mapped[str] = mapped_column(String(16), default=INFO)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    publish_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    seq: Mapped[int | None] = mapped_column()
    retracted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    retracted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    event: Mapped["Event"] = relationship()  # noqa: F821
    created_by: Mapped["User | None"] = relationship(foreign_keys=[created_by_id])  # noqa: F821

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def is_retracted(self) -> bool:
        return self.retracted_at is not None

    @property
    def status(self) -> str:
        """'scheduled', 'published', 'retracted' (once out) or 'cancelled' (never went out)."""
        if self.is_retracted:
            return "retracted" if self.is_published else "cancelled"
        return "published" if self.is_published else "scheduled"

    def __repr__(self) -> str:
        return f"<Announcement {self.id} {self.status}>"
