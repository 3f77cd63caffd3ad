"""Rubric rules: weighted criteria per event (and per challenge), frozen once scoring has begun."""
from .. import leaderboard
from ..errors import DomainError
from ..extensions import db
from ..models import Criterion, Event, Score, Submission


class RubricLocked(DomainError):
    def __init__(self):
        super().__init__("The rubric can't change once a judge has recorded a score: "
                         "scores already given would no longer mean the same thing.")


def rubric_is_locked(event: Event) -> bool:
    """The rubric freezes with the first recorded score."""
    return db.session.scalar(db.select(Score.id).where(Score.event_id == event.id).limit(1)) is not None


def event_criteria(event: Event) -> list[Criterion]:
    """Every criterion of the event, general ones first."""
    return list(db.session.scalars(db.select(Criterion).where(Criterion.event_id == event.id).order_by(
        Criterion.challenge_id.is_not(None), Criterion.challenge_id, Criterion.position, Criterion.id)))


def criteria_for(submission: Submission) -> list[Criterion]:
    """The criteria a judge scores this entry on: the event's, plus those of the challenges it entered."""
    challenge_ids = {challenge.id for challenge in submission.challenges}
    return [c for c in event_criteria(submission.event) if c.challenge_id is None or c.challenge_id in challenge_ids]


def save_criterion(event: Event, criterion: Criterion | None, *, name: str, description: str, weight: float,
                   scale_min: int, scale_max: int, challenge_id: int | None, position: int = 0) -> Criterion:
    """Add or change a criterion while the rubric is open."""
    if rubric_is_locked(event):
        raise RubricLocked()
    if scale_min >= scale_max:
        raise DomainError("The top of the scale must be above its bottom, e.g. 1 to 10.")
    criterion = criterion or Criterion(event_id=event.id)
    criterion.name, criterion.description, criterion.weight = name.strip(), description.strip(), weight
    criterion.scale_min, criterion.scale_max = scale_min, scale_max
    criterion.challenge_id, criterion.position = challenge_id, position
    db.session.add(criterion)
    db.session.commit()
    leaderboard.inputs_changed(event)
    return criterion


def delete_criterion(event: Event, criterion: Criterion) -> None:
    """Remove a criterion while the rubric is open."""
    if rubric_is_locked(event):
        raise RubricLocked()
    db.session.delete(criterion)
    db.session.commit()
    leaderboard.inputs_changed(event)
