"""Teams of participants: members, captain, invite code, wanted skills, join requests, seekers."""
import secrets
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow

# Codes are read off a projector and typed on phones: no 0/O, 1/I/L look-alikes.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8

PENDING, ACCEPTED, DECLINED, WITHDRAWN = "pending", "accepted", "declined", "withdrawn"
REQUEST, INVITATION = "request", "invitation"


def new_invite_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def name_key(name: str) -> str:
    """The form of a team name that must be unique within an event: case and spacing ignored."""
    return " ".join(name.split()).casefold()


class Team(db.Model):
    __table_args__ = (UniqueConstraint("event_id", "name_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    # Unique per event, so "Night Owls" and "night owls" can't both exist. NULL once the team is
    # dissolved: the row stays (its submission keeps an owner) but the name is free again.
    name_key: Mapped[str | None] = mapped_column(String(60))
    pitch: Mapped[str] = mapped_column(String(300), default="")
    is_open: Mapped[bool] = mapped_column(default=True)
    invite_code: Mapped[str] = mapped_column(String(32), unique=True, default=new_invite_code)
    captain_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    dissolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    event: Mapped["Event"] = relationship()  # noqa: F821
    captain: Mapped["User | None"] = relationship()  # noqa: F821
    members: Mapped[list["TeamMember"]] = relationship(
        back_populates="team", cascade="all, delete-orphan", order_by="(TeamMember.joined_at, TeamMember.id)")
    wanted_skills: Mapped[list["TeamSkill"]] = relationship(
        back_populates="team", cascade="all, delete-orphan", order_by="TeamSkill.name")

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def is_dissolved(self) -> bool:
        return self.dissolved_at is not None

    @property
    def is_full(self) -> bool:
        return self.size >= self.event.team_size_max

    @property
    def meets_minimum(self) -> bool:
        """Whether the team has the event's minimum number of members (needed to submit)."""
        return self.size >= self.event.team_size_min

    @property
    def seats_left(self) -> int:
        return max(self.event.team_size_max - self.size, 0)

    @property
    def skill_names(self) -> list[str]:
        return [skill.name for skill in self.wanted_skills]

    def has_member(self, user) -> bool:
        return any(member.user_id == getattr(user, "id", None) for member in self.members)

    def __repr__(self) -> str:
        return f"<Team {self.name!r} of event {self.event_id}>"


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


class TeamSkill(db.Model):
    """A skill a team is looking for, as a tag (see tags.py)."""

    __table_args__ = (UniqueConstraint("team_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(32), index=True)

    team: Mapped[Team] = relationship(back_populates="wanted_skills")


class JoinRequest(db.Model):
    """An ask to join a team: a participant's request (the captain decides) or a team's
    invitation to a participant looking for one (the participant decides).

    One row per (team, user): asking again reopens it, so a declined ask can't be repeated.
    """

    __table_args__ = (
        UniqueConstraint("team_id", "user_id"),
        CheckConstraint("kind IN ('request', 'invitation')", name="kind"),
        CheckConstraint("status IN ('pending', 'accepted', 'declined', 'withdrawn')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default=REQUEST)
    message: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(16), default=PENDING)
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    team: Mapped[Team] = relationship()
    user: Mapped["User"] = relationship(foreign_keys=[user_id])  # noqa: F821
    sent_by: Mapped["User | None"] = relationship(foreign_keys=[sent_by_id])  # noqa: F821
    decided_by: Mapped["User | None"] = relationship(foreign_keys=[decided_by_id])  # noqa: F821

    @property
    def is_pending(self) -> bool:
        return self.status == PENDING


class TeamSeeker(db.Model):
    """A participant without a team who is looking for one, with a short note for the finder."""

    __table_args__ = (UniqueConstraint("event_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    note: Mapped[str] = mapped_column(String(280), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped["User"] = relationship()  # noqa: F821
