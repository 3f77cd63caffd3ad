"""The ranking each server process keeps per event, updated one score at a time.

A kept ranking is tagged with the last score change it has seen and the event's `RankingInputs`. A
commit whose previous change is the one the ranking has seen updates it incrementally (no rescan);
anything else (another process wrote, an entry was disqualified, a judge excluded, the method or
rubric changed) rebuilds it from the database.
"""
from dataclasses import dataclass

from ..judging import scoring
from ..models import Event
from . import inputs
from .memory import memory


@dataclass
class KeptRanking:
    leaderboard: scoring.Leaderboard
    last_change_id: int
    inputs: inputs.RankingInputs


def ranking(event: Event, method: str | None = None, challenge_id: int | None = None) -> scoring.Ranking:
    """A full ranking of the event (or one challenge) computed afresh from the current scores."""
    entries = inputs.entry_challenges(event, challenge_id) if challenge_id is not None else None
    return scoring.rank(inputs.counted_scores(event), inputs.scoring_criteria(event),
                        method or event.ranking_method, entries=entries, min_scores=event.judges_per_entry)


def ranking_at(event: Event, moment) -> scoring.Ranking:
    """The ranking as it stood at `moment` (a freeze), from the score log."""
    return scoring.rank(inputs.counted_scores_at(event, moment), inputs.scoring_criteria(event),
                        event.ranking_method, min_scores=event.judges_per_entry)


def current_ranking(event: Event) -> scoring.Ranking:
    """This process's kept ranking of the event, rebuilt when anything it depends on changed."""
    change_id, key = inputs.last_two_change_ids(event)[0], inputs.ranking_inputs(event)
    with memory().ranking_lock:
        kept = memory().rankings.get(event.id)
        if kept is None or kept.last_change_id != change_id or kept.inputs != key:
            kept = _rebuild_locked(event, change_id, key)
        return kept.leaderboard.ranking()


def record(event: Event, score: scoring.ScoreRecord) -> tuple:
    """Take in one committed score; the rows that changed (all of them after a rebuild)."""
    change_id, previous_id = inputs.last_two_change_ids(event)
    key = inputs.ranking_inputs(event)
    with memory().ranking_lock:
        kept = memory().rankings.get(event.id)
        if kept is None or kept.last_change_id != previous_id or kept.inputs != key:
            return _rebuild_locked(event, change_id, key).leaderboard.ranking().rows
        kept.last_change_id = change_id
        return kept.leaderboard.record(score).rows if key.counts(score) else ()



def _rebuild_locked(event: Event, change_id: int, key: inputs.RankingInputs) -> KeptRanking:
    leaderboard = scoring.Leaderboard(inputs.scoring_criteria(event), event.ranking_method,
                                      min_scores=event.judges_per_entry, records=inputs.counted_scores(event))
    kept = memory().rankings[event.id] = KeptRanking(leaderboard, change_id, key)
    return kept
