"""People's choice: the event's voting window, the voting codes handed out at check-in, and votes."""
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow


class VotingState(db.Model):
    """When an event's audience vote opened and closed (no row: it never opened)."""

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def is_open(self) -> bool:
        return self.opened_at is not None and self.closed_at is None

    @property
    def is_closed(self) -> bool:
        return self.opened_at is not None and self.closed_at is not None


class VotingCode(db.Model):
    """A one-vote code for an attendee without an account; unique across events, so a code typed
    into the wrong event can be told apart from a mistyped one."""

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    label: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    first_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def display(self) -> str:
        """The code as printed: two groups of four, e.g. ABCD-EFGH."""
        return f"{self.code[:4]}-{self.code[4:]}"


class Vote(db.Model):
    """One attendee's pick: cast by an account or by a voting code, never both; changing the vote
    updates this row, so an attendee has exactly one."""

    __table_args__ = (
        CheckConstraint("(user_id IS NULL) <> (code_id IS NULL)", name="one_voter"),
        UniqueConstraint("event_id", "user_id"),
        UniqueConstraint("event_id", "code_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    code_id: Mapped[int | None] = mapped_column(ForeignKey("voting_code.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    submission: Mapped["Submission"] = relationship()  # noqa: F821
