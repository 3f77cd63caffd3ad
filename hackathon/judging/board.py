"""Rankings from the database through the pure scoring module, and the live board kept current.

Each process keeps one `scoring.Leaderboard` per event, tagged with the id of the last score change
it has seen. A commit whose previous change is the one the board has seen updates it incrementally
(no rescan); anything else (another process wrote, a judge was excluded) rebuilds it from scratch.
"""
import threading
from dataclasses import dataclass

from ..extensions import db
from ..models import Criterion, Event, JudgeExclusion, Score, ScoreChange, Submission
from ..realtime import emitters
from . import scoring


@dataclass
class LiveBoard:
    leaderboard: scoring.Leaderboard
    last_change_id: int
    method: str


_boards: dict[int, LiveBoard] = {}
_lock = threading.Lock()


def scoring_criteria(event: Event) -> list[scoring.Criterion]:
    return [scoring.Criterion(c.id, c.weight, c.scale_min, c.scale_max) for c in db.session.scalars(
        db.select(Criterion).where(Criterion.event_id == event.id))]


def excluded_judges(event: Event) -> set[int]:
    return set(db.session.scalars(db.select(JudgeExclusion.judge_id).where(JudgeExclusion.event_id == event.id)))


def score_records(event: Event) -> list[scoring.ScoreRecord]:
    """Current scores of judged entries by judges who count."""
    excluded = excluded_judges(event)
    rows = db.session.scalars(db.select(Score).join(Submission).where(
        Score.event_id == event.id, Submission.status == "submitted", Submission.disqualified_at.is_(None)))
    return [scoring.ScoreRecord(s.judge_id, s.submission_id, s.values) for s in rows if s.judge_id not in excluded]


def ranking(event: Event, method: str | None = None, challenge_id: int | None = None) -> scoring.Ranking:
    """A full ranking of the event (or one challenge), computed from the current scores."""
    entries = _entry_ids(event, challenge_id) if challenge_id is not None else None
    return scoring.rank(score_records(event), scoring_criteria(event), method or event.ranking_method,
                        entries=entries, min_scores=event.judges_per_entry)


def score_committed(event: Event, judge_id: int, submission_id: int, values: dict) -> None:
    """Called after a score commit: update this process's board and push the rows that moved."""
    change_id, previous_id = _last_two_change_ids(event)
    counts = judge_id not in excluded_judges(event) and _is_judged(submission_id)
    with _lock:
        board = _boards.get(event.id)
        if board is None or board.last_change_id != previous_id or board.method != event.ranking_method:
            board = _rebuild_locked(event, change_id)
            rows = board.leaderboard.ranking().rows
        else:
            record = scoring.ScoreRecord(judge_id, submission_id, values)
            rows = board.leaderboard.record(record).rows if counts else []
            board.last_change_id = change_id
    if rows:
        emitters.leaderboard_changed(event, rows)
        _push_public(event)


def rebuild(event: Event) -> None:
    """Drop and rebuild this process's board (after an exclusion or a method change), then push it whole."""
    with _lock:
        _boards.pop(event.id, None)
        board = _rebuild_locked(event, _last_two_change_ids(event)[0])
    emitters.leaderboard_changed(event, board.leaderboard.ranking().rows)
    _push_public(event)


def current_ranking(event: Event) -> scoring.Ranking:
    """This process's live ranking of the event, built on first use."""
    change_id = _last_two_change_ids(event)[0]
    with _lock:
        board = _boards.get(event.id)
        if board is None or board.last_change_id != change_id or board.method != event.ranking_method:
            board = _rebuild_locked(event, change_id)
        return board.leaderboard.ranking()


def _rebuild_locked(event: Event, change_id: int) -> LiveBoard:
    board = LiveBoard(scoring.Leaderboard(scoring_criteria(event), event.ranking_method,
                                          min_scores=event.judges_per_entry, records=score_records(event)),
                      change_id, event.ranking_method)
    _boards[event.id] = board
    return board


def _last_two_change_ids(event: Event) -> tuple[int, int]:
    ids = list(db.session.scalars(db.select(ScoreChange.id).where(ScoreChange.event_id == event.id)
                                  .order_by(ScoreChange.id.desc()).limit(2)))
    return (ids + [0, 0])[0], (ids + [0, 0])[1]


def _is_judged(submission_id: int) -> bool:
    submission = db.session.get(Submission, submission_id)
    return submission is not None and submission.is_submitted and not submission.is_disqualified


def _entry_ids(event: Event, challenge_id: int) -> list[int]:
    return list(db.session.scalars(db.select(Submission.id).where(
        Submission.event_id == event.id, Submission.challenges.any(id=challenge_id))))


def _push_public(event: Event) -> None:
    # The public board (live package) builds on this module, so it is imported where it is used.
    from ..live.leaderboard import score_changed

    score_changed(event)
