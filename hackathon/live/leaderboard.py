"""The public leaderboard: what the audience sees of the ranking, pushed as it changes.

Freeze: from `freeze_at` the public board is the ranking rebuilt from the score log as it stood
then, so nothing recorded later leaks through pages, the API or the live channel. Organizers keep
seeing live results on their own pages. Reveal: the organizer steps through the final ranking from
the bottom up; revealed entries take their final places, the rest keep their frozen order above.
"""
from dataclasses import dataclass

from sqlalchemy.orm import selectinload

from ..challenges.services import challenges_entered
from ..errors import DomainError
from ..extensions import db
from ..judging import board, scoring
from ..judging.scores import scores_from_log
from ..models import Event, LeaderboardState, Submission
from ..models.types import utcnow
from ..realtime import emitters
from ..voting.results import announce_if_public, results_are_public, withdraw_results
from . import publisher

MAX_TOP_N = 500


class LeaderboardError(DomainError):
    """The board can't do that now; the message says why."""


def state_of(event: Event) -> LeaderboardState:
    """The event's board state (defaults until an organizer changes something)."""
    return db.session.get(LeaderboardState, event.id) or LeaderboardState(event_id=event.id, seq=0,
                                                                          shows_scores=True)


def _locked_state(event: Event) -> LeaderboardState:
    state = db.session.get(LeaderboardState, event.id, with_for_update=True)
    if state is None:
        state = LeaderboardState(event_id=event.id, seq=0, shows_scores=True)
        db.session.add(state)
    return state


@dataclass
class BoardRow:
    rank: int
    submission: Submission
    score: float | None
    revealed: bool = False
    # Within the ranking's noise of the next row: the order between the two is a coin toss.
    tied_with_next: bool = False

    def payload(self, shows_scores: bool) -> dict:
        row = {"rank": self.rank, "team_id": self.submission.team_id, "team": self.submission.team.name,
               "entry": self.submission.title,
               "score": round(self.score, 1) if shows_scores and self.score is not None else None,
               "challenges": [challenge.title for challenge in challenges_entered(self.submission)]}
        if shows_scores and self.tied_with_next:
            row["tied_with_next"] = True
        if self.revealed:
            row["revealed"] = True
        return row


def public_rows(event: Event, challenge_id: int | None = None) -> list[BoardRow]:
    """The board as the audience may see it now (frozen, revealing or live), top N applied."""
    state, now = state_of(event), utcnow()
    if state.is_frozen(now):
        rows = _revealing_rows(event, state) if state.reveal_step else _rows(event, _frozen_ranking(event, state))
    else:
        rows = _rows(event, board.current_ranking(event))
    if challenge_id is not None:
        rows = [BoardRow(i, row.submission, row.score, row.revealed) for i, row in enumerate(
            (r for r in rows if any(c.id == challenge_id for c in r.submission.challenges)), start=1)]
    return rows[: state.top_n] if state.top_n else rows


def board_payload(event: Event, challenge_id: int | None = None) -> dict:
    """The `leaderboard` event and API body: the full public board with its sequence number."""
    state = state_of(event)
    payload = {"event": event.slug, "seq": state.seq, "frozen": state.is_frozen(utcnow()),
               "shows_scores": state.shows_scores,
               "rows": [row.payload(state.shows_scores) for row in public_rows(event, challenge_id)]}
    if state.reveal_step is not None and state.revealed_at is None:
        payload["reveal_step"] = state.reveal_step
    return payload


def organizer_rows(event: Event) -> list[BoardRow]:
    """The live ranking, whatever the public sees (organizers watch it during a freeze)."""
    return _rows(event, board.current_ranking(event))


def score_changed(event: Event) -> None:
    """After a committed score: push the public board's changed rows, unless it is frozen."""
    if not state_of(event).is_frozen(utcnow()):
        publisher.schedule(event)


def update_display(event: Event, shows_scores: bool, top_n: int | None) -> None:
    """The organizer chooses what the public sees: scores or only ranks, and how many rows."""
    if top_n is not None and not 1 <= top_n <= MAX_TOP_N:
        raise LeaderboardError(f"Show 1 to {MAX_TOP_N} rows, or leave it empty for all.")
    state = _locked_state(event)
    state.shows_scores, state.top_n = shows_scores, top_n
    _commit_and_push_whole(event, state)


def freeze(event: Event, at=None) -> None:
    """Freeze the public board now, or at a set time."""
    state = _locked_state(event)
    if state.is_frozen(utcnow()):
        raise LeaderboardError("The board is already frozen.")
    peoples_choice_was_public = results_are_public(event)
    state.freeze_at, state.reveal_step, state.revealed_at = at or utcnow(), None, None
    _commit_and_push_whole(event, state)
    if peoples_choice_was_public:
        withdraw_results(event)  # it goes back into hiding with the final ranking


def unfreeze(event: Event) -> None:
    """Cancel a freeze before the reveal starts: the public board shows live results again."""
    state = _locked_state(event)
    if state.reveal_step:
        raise LeaderboardError("The reveal has started; finish it (or step back to the start) first.")
    state.freeze_at = None
    _commit_and_push_whole(event, state)


def step_reveal(event: Event, direction: int) -> None:
    """Reveal the next entry from the bottom (+1), or take the last one back (-1)."""
    state = _locked_state(event)
    if not state.is_frozen(utcnow()):
        raise LeaderboardError("Freeze the board before the reveal.")
    total = len(_rows(event, board.current_ranking(event)))
    step = (state.reveal_step or 0) + direction
    if not 0 <= step <= total:
        raise LeaderboardError("Nothing more to reveal." if direction > 0 else "Nothing to take back.")
    state.reveal_step = step
    _commit_and_push_whole(event, state)


def finish_reveal(event: Event) -> None:
    """End the ceremony: the final ranking becomes the public board."""
    state = _locked_state(event)
    if not state.is_frozen(utcnow()):
        raise LeaderboardError("The board isn't frozen, so there is nothing to reveal.")
    state.revealed_at = utcnow()
    _commit_and_push_whole(event, state)
    announce_if_public(event)


def _commit_and_push_whole(event: Event, state: LeaderboardState) -> None:
    state.seq += 1
    db.session.commit()
    publisher.forget(event)
    emitters.leaderboard(event, board_payload(event))


def _rows(event: Event, ranking: scoring.Ranking) -> list[BoardRow]:
    submissions = {s.id: s for s in db.session.scalars(db.select(Submission).where(
        Submission.event_id == event.id, Submission.status == "submitted", Submission.disqualified_at.is_(None))
        .options(selectinload(Submission.team), selectinload(Submission.challenges)))}
    return [BoardRow(row.rank, submissions[row.entry_id], row.adjusted, tied_with_next=row.tied_with_next)
            for row in ranking.rows if row.entry_id in submissions]


def _frozen_ranking(event: Event, state: LeaderboardState) -> scoring.Ranking:
    excluded = board.excluded_judges(event)
    records = [scoring.ScoreRecord(judge_id, entry_id, values) for (judge_id, entry_id), values in
               scores_from_log(event, until=state.freeze_at).items() if judge_id not in excluded]
    return scoring.rank(records, board.scoring_criteria(event), event.ranking_method,
                        min_scores=event.judges_per_entry)


def _revealing_rows(event: Event, state: LeaderboardState) -> list[BoardRow]:
    final = _rows(event, board.current_ranking(event))
    revealed = final[len(final) - state.reveal_step:]
    revealed_ids = {row.submission.id for row in revealed}
    hidden = [row for row in _rows(event, _frozen_ranking(event, state)) if row.submission.id not in revealed_ids]
    hidden += [row for row in final[: len(final) - state.reveal_step]
               if row.submission.id not in {r.submission.id for r in hidden}]  # unscored at the freeze
    rows = [BoardRow(i, row.submission, row.score) for i, row in enumerate(hidden, start=1)]
    return rows + [BoardRow(row.rank, row.submission, row.score, revealed=True) for row in revealed]
