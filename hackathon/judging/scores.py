"""Score rules: only an assigned judge, only during judging; every change appended to the log."""
import json

from sqlalchemy.exc import IntegrityError

from .. import leaderboard
from ..errors import DomainError
from ..extensions import db
from ..leaderboard.inputs import ranking_inputs
from ..models import Assignment, Event, JudgeExclusion, Score, ScoreChange, Submission, User
from ..models.types import utcnow
from ..realtime import emitters
from ..schedule import JUDGING
from ..spreadsheets import csv_text
from .conflicts import conflict_reason
from .rubric import criteria_for, event_criteria
from .scoring import METHODS

MAX_COMMENT = 2000


class ScoringError(DomainError):
    """A scoring rule refused the change; the message says why."""


def judging_is_open(event: Event) -> bool:
    """Scores can be given from the deadline until judging ends, by the event's clock."""
    reading = event.clock()
    return reading.phase == JUDGING and reading.clock_time < event.judging_ends_at


def record_score(event: Event, judge: User, submission: Submission, values: dict[int, int], comment: str) -> Score:
    """Record or change a judge's marks for an assigned entry, appending the change to the log."""
    if not judging_is_open(event):
        raise ScoringError("Scores can be given only while judging is open.")
    if not _is_assigned(judge, submission):
        raise ScoringError("You are not assigned to this entry, so you can't score it.")
    conflict = conflict_reason(event, judge, submission.team)
    if conflict:
        raise ScoringError(f"You have a conflict of interest with {submission.team.name} ({conflict}), "
                           "so you can't score its entry. Ask an organizer if this is wrong.")
    _check_values(submission, values)
    if len(comment) > MAX_COMMENT:
        raise ScoringError(f"Keep the comment under {MAX_COMMENT} characters.")
    score = _locked_score(event, judge, submission)
    old_json, new_json = score.values_json if score.id else None, json.dumps(values, sort_keys=True)
    if old_json == new_json and score.comment == comment.strip():
        return score
    db.session.add(ScoreChange(event_id=event.id, judge_id=judge.id, submission_id=submission.id,
                               changed_by_id=judge.id, old_values_json=old_json, new_values_json=new_json,
                               comment_changed=score.comment != comment.strip()))
    score.values_json, score.comment, score.updated_at = new_json, comment.strip(), utcnow()
    try:
        db.session.commit()
    except IntegrityError:  # the same judge's first score saved twice at once (two tabs)
        db.session.rollback()
        raise ScoringError("This score was just saved from another window. Reload to see it.") from None
    leaderboard.score_recorded(event, judge.id, submission.id, values)
    emitters.judge_progress(event, judge.id, *judge_progress(event, judge))
    return score


def judge_progress(event: Event, judge: User) -> tuple[int, int]:
    """(scored, assigned) for one judge."""
    assigned = db.session.scalar(db.select(db.func.count()).select_from(Assignment).where(
        Assignment.event_id == event.id, Assignment.judge_id == judge.id))
    scored = db.session.scalar(db.select(db.func.count()).select_from(Score).join(
        Assignment, (Assignment.judge_id == Score.judge_id) & (Assignment.submission_id == Score.submission_id)
    ).where(Score.event_id == event.id, Score.judge_id == judge.id))
    return scored, assigned


def exclude_judge(event: Event, judge: User, reason: str, by: User) -> None:
    """Leave a judge's scores out of the ranking (kept in the log; can be undone)."""
    if not reason.strip():
        raise ScoringError("Say why the judge's scores are excluded, for the record.")
    if db.session.scalar(db.select(JudgeExclusion).where(JudgeExclusion.event_id == event.id,
                                                         JudgeExclusion.judge_id == judge.id)):
        raise ScoringError(f"{judge.display_name}'s scores are already excluded.")
    db.session.add(JudgeExclusion(event_id=event.id, judge_id=judge.id, reason=reason.strip(), created_by_id=by.id))
    db.session.commit()
    leaderboard.inputs_changed(event)


def include_judge(event: Event, judge: User) -> None:
    """Count an excluded judge's scores again."""
    db.session.execute(db.delete(JudgeExclusion).where(JudgeExclusion.event_id == event.id,
                                                       JudgeExclusion.judge_id == judge.id))
    db.session.commit()
    leaderboard.inputs_changed(event)


def scores_csv(event: Event) -> str:
    """Every score change as CSV: the full audit trail, old and new values, and whether it counts now."""
    changes = db.session.scalars(db.select(ScoreChange).where(ScoreChange.event_id == event.id)
                                 .order_by(ScoreChange.at, ScoreChange.id))
    counting = ranking_inputs(event)
    names = {criterion.id: criterion.name for criterion in event_criteria(event)}
    return csv_text(["at", "judge_id", "judge", "entry_id", "entry", "team", "old", "new", "comment changed",
                     "counts"], (
        [change.at.isoformat(), change.judge_id, change.judge.display_name, change.submission_id,
         change.submission.title, change.submission.team.name, _marks_in_words(change.old_values_json, names),
         _marks_in_words(change.new_values_json, names), "yes" if change.comment_changed else "no",
         _counts(change, counting)] for change in changes))


def _marks_in_words(values_json: str | None, names: dict) -> str:
    """{"12": 7, "13": 5} as "Impact: 7; Design: 5", in the rubric's order."""
    if not values_json:
        return ""
    values = {int(key): value for key, value in json.loads(values_json).items()}
    order = [cid for cid in names if cid in values] + sorted(cid for cid in values if cid not in names)
    return "; ".join(f"{names.get(cid, f'criterion {cid}')}: {values[cid]}" for cid in order)


def _counts(change: ScoreChange, counting) -> str:
    # The board's own rule (leaderboard.inputs), so the export and the ranking never disagree.
    if change.judge_id in counting.excluded:
        return "no: judge excluded"
    if change.submission_id not in counting.judged:
        return "no: entry disqualified" if change.submission.is_disqualified else "no: entry not submitted"
    return "yes"


def _is_assigned(judge: User, submission: Submission) -> bool:
    return db.session.scalar(db.select(Assignment.id).where(
        Assignment.judge_id == judge.id, Assignment.submission_id == submission.id)) is not None


def _check_values(submission: Submission, values: dict[int, int]) -> None:
    criteria = {criterion.id: criterion for criterion in criteria_for(submission)}
    if not criteria:
        raise ScoringError("The organizers haven't set up the rubric yet.")
    missing = [c.name for c in criteria.values() if c.id not in values]
    if missing or set(values) - set(criteria):
        raise ScoringError(f"Give a mark for every criterion ({', '.join(missing) or 'unknown criterion'}).")
    for criterion_id, value in values.items():
        criterion = criteria[criterion_id]
        if not criterion.scale_min <= value <= criterion.scale_max:
            raise ScoringError(f"{criterion.name} is marked {criterion.scale_min} to {criterion.scale_max}.")


def _locked_score(event: Event, judge: User, submission: Submission) -> Score:
    score = db.session.scalar(db.select(Score).where(Score.judge_id == judge.id,
                                                     Score.submission_id == submission.id).with_for_update())
    if score is None:
        score = Score(event_id=event.id, judge_id=judge.id, submission_id=submission.id, values_json="{}")
        db.session.add(score)
    return score


def choose_method(event: Event, method: str) -> None:
    """Set how scores become the ranking (raw, z-score or judge effects), and re-rank."""
    if method not in METHODS:
        raise ScoringError(f"Choose one of: {', '.join(METHODS)}.")
    event.ranking_method = method
    db.session.commit()
    leaderboard.inputs_changed(event)
