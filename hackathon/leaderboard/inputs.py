"""What a ranking is computed from, read from the database: rubric, counted scores, exclusions.

`ranking_inputs` fingerprints everything but the scores themselves, so a process's kept ranking
notices a change made anywhere (another process, a disqualification, an exclusion, a new rubric
weight) without anyone having to remember to tell it.
"""
from dataclasses import dataclass

from ..extensions import db
from ..judging import scoring
from ..models import Criterion, Event, JudgeExclusion, Score, ScoreChange, Submission


def scoring_criteria(event: Event) -> list[scoring.Criterion]:
    """The event's rubric as the scoring module sees it."""
    return [scoring.Criterion(c.id, c.weight, c.scale_min, c.scale_max) for c in db.session.scalars(
        db.select(Criterion).where(Criterion.event_id == event.id).order_by(Criterion.id))]


def excluded_judges(event: Event) -> set[int]:
    """Judges whose scores an organizer left out of the ranking."""
    return set(db.session.scalars(db.select(JudgeExclusion.judge_id).where(JudgeExclusion.event_id == event.id)))


def judged_entry_ids(event: Event) -> list[int]:
    """Entries the board ranks (`Submission.is_judged`)."""
    return list(db.session.scalars(db.select(Submission.id).where(
        Submission.event_id == event.id, Submission.is_judged).order_by(Submission.id)))


def counted_scores(event: Event) -> list[scoring.ScoreRecord]:
    """Current scores that count: judged entries, judges not excluded."""
    excluded = excluded_judges(event)
    rows = db.session.scalars(db.select(Score).join(Submission).where(Score.event_id == event.id, Submission.is_judged))
    return [scoring.ScoreRecord(s.judge_id, s.submission_id, s.values) for s in rows if s.judge_id not in excluded]


def counted_scores_at(event: Event, moment) -> list[scoring.ScoreRecord]:
    """The counted scores as they stood at `moment`, rebuilt from the append-only score log."""
    excluded, judged = excluded_judges(event), set(judged_entry_ids(event))
    return [scoring.ScoreRecord(judge_id, entry_id, values)
            for (judge_id, entry_id), values in scores_from_log(event, until=moment).items()
            if judge_id not in excluded and entry_id in judged]


def scores_from_log(event: Event, until=None) -> dict[tuple[int, int], dict]:
    """Every score rebuilt from the log alone (as it stood at `until`): (judge, entry) -> values."""
    current: dict = {}
    query = db.select(ScoreChange).where(ScoreChange.event_id == event.id)
    if until is not None:
        query = query.where(ScoreChange.at <= until)
    for change in db.session.scalars(query.order_by(ScoreChange.at, ScoreChange.id)):
        current[(change.judge_id, change.submission_id)] = change.new_values
    return current


def last_two_change_ids(event: Event) -> tuple[int, int]:
    """The ids of the event's last two score changes (0 where there are fewer)."""
    ids = list(db.session.scalars(db.select(ScoreChange.id).where(ScoreChange.event_id == event.id)
                                  .order_by(ScoreChange.id.desc()).limit(2)))
    ids += [0, 0]
    return ids[0], ids[1]


@dataclass(frozen=True)
class RankingInputs:
    """Everything a ranking depends on besides the scores; equal inputs mean a kept ranking is valid."""

    method: str
    min_scores: int
    criteria: tuple
    excluded: frozenset
    judged: frozenset

    def counts(self, record: scoring.ScoreRecord) -> bool:
        """Whether a score of this judge for this entry moves the ranking."""
        return record.entry_id in self.judged and record.judge_id not in self.excluded


def ranking_inputs(event: Event) -> RankingInputs:
    """The event's current `RankingInputs`."""
    return RankingInputs(event.ranking_method, event.judges_per_entry, tuple(scoring_criteria(event)),
                         frozenset(excluded_judges(event)), frozenset(judged_entry_ids(event)))


def entry_challenges(event: Event, challenge_id: int) -> list[int]:
    """Entries that entered one challenge."""
    return list(db.session.scalars(db.select(Submission.id).where(
        Submission.event_id == event.id, Submission.challenges.any(id=challenge_id))))
