"""Registration: an event's application form, its settings (mode, capacity), the applications
people send, and where each one stands (seat offered, confirmed, waitlisted, checked in)."""
import secrets
from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow

OPEN, REVIEWED = "open", "reviewed"
MODES = (OPEN, REVIEWED)

QUESTION_KINDS = ("short_text", "long_text", "one_choice", "several_choices", "yes_no", "url", "number",
                  "statement")
QUESTION_KIND_CHECK = "kind IN ('short_text', 'long_text', 'one_choice', 'several_choices', 'yes_no', 'url', " \
                      "'number', 'statement')"

SUBMITTED, ACCEPTED, WAITLISTED, DECLINED = "submitted", "accepted", "waitlisted", "declined"
CONFIRMED, WITHDRAWN, EXPIRED = "confirmed", "withdrawn", "expired"
STATUSES = (SUBMITTED, ACCEPTED, WAITLISTED, DECLINED, CONFIRMED, WITHDRAWN, EXPIRED)
STATUS_CHECK = "status IN ('submitted', 'accepted', 'waitlisted', 'declined', 'confirmed', 'withdrawn', 'expired')"
# Statuses that hold one of the event's seats.
SEAT_HOLDING = (ACCEPTED, CONFIRMED)

# Check-in codes: 8 characters without look-alikes, printed ABCD-EFGH.
CHECKIN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CHECKIN_CODE_LENGTH = 8


def new_checkin_code() -> str:
    return "".join(secrets.choice(CHECKIN_ALPHABET) for _ in range(CHECKIN_CODE_LENGTH))


class RegistrationSettings(db.Model):
    """How an event admits participants (no row: open, unlimited, 72 hours to confirm)."""

    __table_args__ = (
        CheckConstraint("mode IN ('open', 'reviewed')", name="mode"),
        CheckConstraint("capacity IS NULL OR capacity >= 0", name="capacity"),
        CheckConstraint("confirm_hours >= 1", name="confirm_hours"),
    )

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    mode: Mapped[str] = mapped_column(String(16), default=OPEN)
    capacity: Mapped[int | None] = mapped_column()
    confirm_hours: Mapped[int] = mapped_column(default=72)
    hands_out_voting_codes: Mapped[bool] = mapped_column(default=False)


class Question(db.Model):
    """One question of an event's application form; a `statement` is an eligibility statement the
    applicant must accept."""

    __table_args__ = (CheckConstraint(QUESTION_KIND_CHECK, name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(300))
    help_text: Mapped[str] = mapped_column(String(500), default="")
    is_required: Mapped[bool] = mapped_column(default=False)
    # One choice per line, for one_choice and several_choices.
    choices: Mapped[str] = mapped_column(Text, default="")

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in (self.choices or "").splitlines() if line.strip()]

    @property
    def field_name(self) -> str:
        return f"q{self.id}"


class Application(db.Model):
    """A person's application to one event and where it stands."""

    __table_args__ = (
        UniqueConstraint("event_id", "user_id"),
        CheckConstraint(STATUS_CHECK, name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=SUBMITTED)
    # Question id (as text) -> the answer: text, a number, true/false, or a list of choices.
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    # 'form' (applied) or 'invite' (an organizer's invite link made them a participant).
    source: Mapped[str] = mapped_column(String(16), default="form")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    # The waitlist's order: earliest first.
    waitlisted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    offer_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    checkin_code: Mapped[str | None] = mapped_column(String(16), unique=True)
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    checked_in_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    voting_code_id: Mapped[int | None] = mapped_column(ForeignKey("voting_code.id", ondelete="SET NULL"),
                                                       unique=True)

    user: Mapped["User"] = relationship(foreign_keys=[user_id])  # noqa: F821
    event: Mapped["Event"] = relationship()  # noqa: F821
    checked_in_by: Mapped["User | None"] = relationship(foreign_keys=[checked_in_by_id])  # noqa: F821
    voting_code: Mapped["VotingCode | None"] = relationship()  # noqa: F821

    @property
    def holds_seat(self) -> bool:
        return self.status in SEAT_HOLDING

    @property
    def checkin_display(self) -> str:
        code = self.checkin_code or ""
        return f"{code[:4]}-{code[4:]}" if code else ""
