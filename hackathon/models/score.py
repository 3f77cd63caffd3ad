"""Judging: the rubric, judges' assignments and conflicts, scores and their append-only log."""
import json
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow


class Criterion(db.Model):
    """One line of the rubric; a challenge may add its own lines to the event's."""

    __table_args__ = (
        CheckConstraint("weight > 0", name="weight"),
        CheckConstraint("scale_min < scale_max", name="scale"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    challenge_id: Mapped[int | None] = mapped_column(ForeignKey("challenge.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(String(300), default="")
    weight: Mapped[float] = mapped_column(default=1.0)
    scale_min: Mapped[int] = mapped_column(default=1)
    scale_max: Mapped[int] = mapped_column(default=10)
    position: Mapped[int] = mapped_column(default=0)

    challenge: Mapped["Challenge | None"] = relationship()  # noqa: F821


class JudgeChallenge(db.Model):
    """A judge who judges the entries of one challenge (judges with none judge any entry)."""

    __table_args__ = (UniqueConstraint("judge_id", "challenge_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenge.id", ondelete="CASCADE"), index=True)


class Conflict(db.Model):
    """A reason a judge must not judge a team: declared by the judge or marked by an organizer."""

    __table_args__ = (UniqueConstraint("judge_id", "team_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(16))  # "declared" or "organizer"
    reason: Mapped[str] = mapped_column(String(300), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    judge: Mapped["User"] = relationship(foreign_keys=[judge_id])  # noqa: F821
    team: Mapped["Team"] = relationship()  # noqa: F821


class Assignment(db.Model):
    """A judge's duty to score one submission."""

    __table_args__ = (UniqueConstraint("judge_id", "submission_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"), index=True)
    is_manual: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    judge: Mapped["User"] = relationship()  # noqa: F821
    submission: Mapped["Submission"] = relationship()  # noqa: F821


class Score(db.Model):
    """A judge's current marks for one submission; every change is also appended to ScoreChange."""

    __table_args__ = (UniqueConstraint("judge_id", "submission_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"), index=True)
    values_json: Mapped[str] = mapped_column(Text, default="{}")
    comment: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    judge: Mapped["User"] = relationship()  # noqa: F821
    submission: Mapped["Submission"] = relationship()  # noqa: F821

    @property
    def values(self) -> dict[int, float]:
        return {int(key): value for key, value in json.loads(self.values_json).items()}


class ScoreChange(db.Model):
    """An append-only record of one change to a score: who, when, old → new. Never updated or deleted."""

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"), index=True)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    old_values_json: Mapped[str | None] = mapped_column(Text)
    new_values_json: Mapped[str] = mapped_column(Text)
    comment_changed: Mapped[bool] = mapped_column(default=False)

    judge: Mapped["User"] = relationship(foreign_keys=[judge_id])  # noqa: F821
    submission: Mapped["Submission"] = relationship()  # noqa: F821

    @property
    def old_values(self) -> dict[int, float] | None:
        return None if self.old_values_json is None else {
            int(k): v for k, v in json.loads(self.old_values_json).items()}

    @property
    def new_values(self) -> dict[int, float]:
        return {int(k): v for k, v in json.loads(self.new_values_json).items()}


class JudgeExclusion(db.Model):
    """An organizer's decision to leave a judge's scores out of the ranking (e.g. a late-found conflict)."""

    __table_args__ = (UniqueConstraint("event_id", "judge_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(300))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    judge: Mapped["User"] = relationship(foreign_keys=[judge_id])  # noqa: F821
