"""Teams of participants: members, captain, invite code, wanted skills, join requests."""
import secrets
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow


def new_invite_code() -> str:
    return secrets.token_urlsafe(9)


class Team(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    # Lower-cased name, unique per event, so "Night Owls" and "night owls" can't both exist.
    name_key: Mapped[str] = mapped_column(String(60))
    pitch: Mapped[str] = mapped_column(String(300), default="")
    is_open: Mapped[bool] = mapped_column(default=True)
    invite_code: Mapped[str] = mapped_column(String(32), unique=True, default=new_invite_code)
    captain_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # A dissolved team is kept so that its submission, if any, keeps its owner.
    dissolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (UniqueConstraint("event_id", "name_key"),)

    event: Mapped["Event"] = relationship()  # noqa: F821
    captain: Mapped["User | None"] = relationship()  # noqa: F821
    members: Mapped[list["TeamMember"]] = relationship(
        back_populates="team", cascade="all, delete-orphan", order_by="TeamMember.joined_at")

    @property
    def size(self) -> int:
        return len(self.members)


class TeamMember(db.Model):
    """One participant in one team; (event, user) is unique, so nobody is in two teams of an event."""

    __table_args__ = (UniqueConstraint("event_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    team: Mapped[Team] = relationship(back_populates="members")
    user: Mapped["User"] = relationship()  # noqa: F821
