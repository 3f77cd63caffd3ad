"""A team's entry, its immutable versions, its files, and per-team deadline extensions."""
import json
from datetime import datetime

from sqlalchemy import Column, ForeignKey, String, Table, Text, UniqueConstraint, and_
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow

DRAFT = "draft"
SUBMITTED = "submitted"

submission_challenge = Table(
    "submission_challenge", db.metadata,
    Column("submission_id", ForeignKey("submission.id", ondelete="CASCADE"), primary_key=True),
    Column("challenge_id", ForeignKey("challenge.id", ondelete="CASCADE"), primary_key=True),
)


class Submission(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    # One entry per team; the team row is kept (dissolved) so the entry never loses its owner.
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(16), default=DRAFT)
    title: Mapped[str] = mapped_column(String(120), default="")
    tagline: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    repo_url: Mapped[str] = mapped_column(String(300), default="")
    demo_url: Mapped[str] = mapped_column(String(300), default="")
    video_url: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    disqualified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    disqualified_reason: Mapped[str] = mapped_column(String(500), default="")

    event: Mapped["Event"] = relationship()  # noqa: F821
    team: Mapped["Team"] = relationship()  # noqa: F821
    updated_by: Mapped["User | None"] = relationship(foreign_keys=[updated_by_id])  # noqa: F821
    challenges: Mapped[list["Challenge"]] = relationship(  # noqa: F821
        secondary=submission_challenge, order_by="Challenge.position")
    technologies: Mapped[list["SubmissionTechnology"]] = relationship(
        cascade="all, delete-orphan", order_by="SubmissionTechnology.name")
    files: Mapped[list["SubmissionFile"]] = relationship(
        back_populates="submission", cascade="all, delete-orphan", order_by="SubmissionFile.id")
    versions: Mapped[list["SubmissionVersion"]] = relationship(
        back_populates="submission", cascade="all, delete-orphan", order_by="SubmissionVersion.number.desc()")

    @property
    def is_submitted(self) -> bool:
        return self.status == SUBMITTED

    @property
    def is_disqualified(self) -> bool:
        return self.disqualified_at is not None

    @hybrid_property
    def is_judged(self) -> bool:
        """The rule of which entries are judged, ranked and shown: submitted and not disqualified."""
        return self.status == SUBMITTED and self.disqualified_at is None

    @is_judged.inplace.expression
    @classmethod
    def _is_judged_expression(cls):
        return and_(cls.status == SUBMITTED, cls.disqualified_at.is_(None))

    @property
    def technology_names(self) -> list[str]:
        return [technology.name for technology in self.technologies]

    def files_of(self, kind: str) -> list["SubmissionFile"]:
        return [file for file in self.files if file.kind == kind]


class SubmissionTechnology(db.Model):
    __table_args__ = (UniqueConstraint("submission_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(32), index=True)


class SubmissionFile(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # "screenshot" or "file"
    original_name: Mapped[str] = mapped_column(String(200))
    stored_name: Mapped[str] = mapped_column(String(200), unique=True)
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    submission: Mapped[Submission] = relationship(back_populates="files")


class SubmissionVersion(db.Model):
    """An immutable snapshot taken at every save."""

    __table_args__ = (UniqueConstraint("submission_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    status: Mapped[str] = mapped_column(String(16))
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    saved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    changed: Mapped[str] = mapped_column(String(300), default="")
    snapshot_json: Mapped[str] = mapped_column(Text)

    submission: Mapped[Submission] = relationship(back_populates="versions")
    saved_by: Mapped["User | None"] = relationship()  # noqa: F821

    @property
    def snapshot(self) -> dict:
        return json.loads(self.snapshot_json)

    @property
    def changed_fields(self) -> list[str]:
        return [name for name in self.changed.split(",") if name]


class Extension(db.Model):
    """Extra time an organizer granted one team, with the reason."""

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"), index=True)
    until: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(String(300))
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    team: Mapped["Team"] = relationship()  # noqa: F821
    granted_by: Mapped["User | None"] = relationship()  # noqa: F821
