"""Mentoring: mentor profiles per event, teams' help requests, and how each event runs its help queue."""
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow

AVAILABLE, BUSY, AWAY = "available", "busy", "away"
AVAILABILITIES = (AVAILABLE, BUSY, AWAY)

# A help request: open -> claimed -> resolved; a release (or an over-long claim) puts a claimed one
# back to open in its place; open or claimed ones can be cancelled by the team; open ones expire
# when hacking ends.
OPEN, CLAIMED, RESOLVED, CANCELLED, EXPIRED = "open", "claimed", "resolved", "cancelled", "expired"
ACTIVE = (OPEN, CLAIMED)
STATUSES = (OPEN, CLAIMED, RESOLVED, CANCELLED, EXPIRED)

SUGGEST, AUTO_ASSIGN = "suggest", "auto"
MODES = (SUGGEST, AUTO_ASSIGN)


class MentorProfile(db.Model):
    """A mentor's expertise, bio, whereabouts and availability in one event."""

    __table_args__ = (
        UniqueConstraint("event_id", "user_id"),
        CheckConstraint("availability IN ('available', 'busy', 'away')", name="availability"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    bio: Mapped[str] = mapped_column(String(500), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    availability: Mapped[str] = mapped_column(String(16), default=AWAY)
    # When the mentor last became free (a claim ended, or they arrived): auto-assign prefers the longest idle.
    idle_since: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # How many teams organizers let the standing-mentor planner give this mentor (NULL: no limit).
    max_teams: Mapped[int | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    event: Mapped["Event"] = relationship()  # noqa: F821
    user: Mapped["User"] = relationship()  # noqa: F821
    tags: Mapped[list["MentorTag"]] = relationship(
        back_populates="profile", cascade="all, delete-orphan", order_by="MentorTag.name")

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tags]

    @property
    def is_available(self) -> bool:
        return self.availability == AVAILABLE


class MentorTag(db.Model):
    """One expertise tag of a mentor profile (the tag vocabulary of skills, see tags.py)."""

    __table_args__ = (UniqueConstraint("profile_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("mentor_profile.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(32), index=True)

    profile: Mapped[MentorProfile] = relationship(back_populates="tags")


class HelpRequest(db.Model):
    """A team's ask for a mentor, and what became of it.

    `active_team_id` and `active_mentor_id` mirror `team_id` and `claimed_by_id` only while the
    request is open or claimed (NULL otherwise); being unique, they make "one open request per
    team" and "one claim per mentor" hold in the database itself, whatever races the code meets.
    """

    __table_args__ = (
        CheckConstraint("status IN ('open', 'claimed', 'resolved', 'cancelled', 'expired')", name="status"),
        CheckConstraint("rating IS NULL OR (rating >= 1 AND rating <= 5)", name="rating"),
        Index("ix_help_request_event_status", "event_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"), index=True)
    active_team_id: Mapped[int | None] = mapped_column(unique=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    topic: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    asked_mentor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16), default=OPEN)
    # Its place in the queue: set when asked, kept through releases.
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Until then it is offered to the available mentors whose tags match; NULL: offered to everyone.
    matching_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Until then it is offered only to the team's own (standing) mentors; NULL: no such first round.
    own_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    active_mentor_id: Mapped[int | None] = mapped_column(unique=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    first_claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    is_auto_assigned: Mapped[bool] = mapped_column(default=False)
    release_count: Mapped[int] = mapped_column(default=0)
    last_released_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"), index=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When organizers were told it had waited too long unclaimed.
    flagged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rating: Mapped[int | None] = mapped_column()
    feedback: Mapped[str] = mapped_column(String(500), default="")
    rated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    event: Mapped["Event"] = relationship()  # noqa: F821
    team: Mapped["Team"] = relationship()  # noqa: F821
    created_by: Mapped["User | None"] = relationship(foreign_keys=[created_by_id])  # noqa: F821
    asked_mentor: Mapped["User | None"] = relationship(foreign_keys=[asked_mentor_id])  # noqa: F821
    claimed_by: Mapped["User | None"] = relationship(foreign_keys=[claimed_by_id])  # noqa: F821
    resolved_by: Mapped["User | None"] = relationship(foreign_keys=[resolved_by_id])  # noqa: F821
    tags: Mapped[list["HelpRequestTag"]] = relationship(
        back_populates="request", cascade="all, delete-orphan", order_by="HelpRequestTag.name")

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tags]

    @property
    def is_open(self) -> bool:
        return self.status == OPEN

    @property
    def is_claimed(self) -> bool:
        return self.status == CLAIMED

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE

    @property
    def is_rated(self) -> bool:
        return self.rated_at is not None

    def __repr__(self) -> str:
        return f"<HelpRequest {self.id} {self.status} of team {self.team_id}>"


class HelpRequestTag(db.Model):
    """A topic tag of a help request, matched against mentors' expertise tags."""

    __table_args__ = (UniqueConstraint("request_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("help_request.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(32), index=True)

    request: Mapped[HelpRequest] = relationship(back_populates="tags")


class MentoringSettings(db.Model):
    """How one event runs its help queue; an event without a row uses the defaults."""

    __table_args__ = (
        CheckConstraint("mode IN ('suggest', 'auto')", name="mode"),
        CheckConstraint("match_minutes >= 0 AND stale_minutes >= 1 AND claim_timeout_minutes >= 1", name="minutes"),
    )

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    mode: Mapped[str] = mapped_column(String(16), default=SUGGEST)
    # How long a request is offered only to matching mentors before everyone sees it as theirs.
    match_minutes: Mapped[int] = mapped_column(default=2)
    # An open request unclaimed this long is flagged to organizers.
    stale_minutes: Mapped[int] = mapped_column(default=15)
    # A claim open this long goes back to the queue, in its place.
    claim_timeout_minutes: Mapped[int] = mapped_column(default=45)
    # How many standing mentors the planner gives each team.
    mentors_per_team: Mapped[int] = mapped_column(default=1, server_default="1")


class ChallengeMentor(db.Model):
    """A mentor attached to a challenge: a sponsor's engineer on the sponsor's brief. The brief lists
    them, and the planner gives them only teams whose entry names one of their challenges."""

    __table_args__ = (UniqueConstraint("challenge_id", "mentor_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenge.id", ondelete="CASCADE"), index=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    challenge: Mapped["Challenge"] = relationship()  # noqa: F821
    mentor: Mapped["User"] = relationship()  # noqa: F821


class TeamMentor(db.Model):
    """A standing mentor of a team: the team's go-to mentor, given by the planner or by an organizer.
    A pinned pair is an organizer's choice the planner keeps whatever else changes."""

    __table_args__ = (UniqueConstraint("team_id", "mentor_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"), index=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    is_pinned: Mapped[bool] = mapped_column(default=False)
    # NULL: the planner made it; otherwise the organizer who did.
    assigned_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    team: Mapped["Team"] = relationship()  # noqa: F821
    mentor: Mapped["User"] = relationship(foreign_keys=[mentor_id])  # noqa: F821
    assigned_by: Mapped["User | None"] = relationship(foreign_keys=[assigned_by_id])  # noqa: F821

    @property
    def pair(self) -> tuple[int, int]:
        return self.team_id, self.mentor_id
