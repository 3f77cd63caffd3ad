"""Who holds which role in which event, and the invites that grant roles."""
import secrets
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow

PARTICIPANT = "participant"
MENTOR = "mentor"
JUDGE = "judge"
ORGANIZER = "organizer"
# A check-in volunteer: checks people in at the door and can do nothing else.
VOLUNTEER = "volunteer"
ROLES = (PARTICIPANT, MENTOR, JUDGE, ORGANIZER, VOLUNTEER)
STAFF_ROLES = (MENTOR, JUDGE, ORGANIZER, VOLUNTEER)
ROLE_CHECK = "role IN ('participant', 'mentor', 'judge', 'organizer', 'volunteer')"


class Membership(db.Model):
    __table_args__ = (
        UniqueConstraint("user_id", "event_id", "role"),
        CheckConstraint(ROLE_CHECK, name="role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    invite_id: Mapped[int | None] = mapped_column(ForeignKey("invite.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped["User"] = relationship(back_populates="memberships", foreign_keys=[user_id])  # noqa: F821
    event: Mapped["Event"] = relationship(back_populates="memberships")  # noqa: F821
    invite: Mapped["Invite | None"] = relationship()


def new_invite_token() -> str:
    return secrets.token_urlsafe(16)


class Invite(db.Model):
    __table_args__ = (
        CheckConstraint(ROLE_CHECK, name="role"),
        CheckConstraint("uses >= 0 AND uses <= max_uses", name="uses"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    token: Mapped[str] = mapped_column(String(64), unique=True, default=new_invite_token)
    label: Mapped[str] = mapped_column(String(100), default="")
    max_uses: Mapped[int] = mapped_column(default=1)
    uses: Mapped[int] = mapped_column(default=0)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    event: Mapped["Event"] = relationship()  # noqa: F821
    created_by: Mapped["User | None"] = relationship()  # noqa: F821

    def status(self, now: datetime | None = None) -> str:
        """'active', 'revoked', 'expired' or 'used up'."""
        now = now or utcnow()
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= now:
            return "expired"
        if self.uses >= self.max_uses:
            return "used up"
        return "active"
