"""What the audience may see of the ranking: the public board and its views, as plain rows.

One view per board the product shows: overall (`None`) and one per published challenge (its id),
each ranked 1..n and cut to the organizer's "rows shown". Freeze: from `freeze_at` the public
board is the ranking as it stood then (rebuilt from the score log), so nothing recorded later
leaks. Reveal: revealed entries, from the bottom, take their final places; the rest keep their
frozen order above. Organizers keep seeing the live ranking on their own pages.
"""
from dataclasses import dataclass

from ..extensions import db
from ..judging import scoring
from ..models import Challenge, Event, LeaderboardState, Submission, Team
from ..models.submission import submission_challenge
from ..models.types import utcnow
from . import ceremony, rankings
from .state import state_of

# Scores are shown to one decimal: a change below that is no change to the audience.
SCORE_DIGITS = 1


@dataclass(frozen=True)
class EntryWords:
    """What the board says about an entry besides its place: read in bulk, without the ORM."""

    id: int
    team_id: int
    team: str
    title: str
    challenge_ids: tuple
    challenges: tuple  # titles of its published challenges, in display order


@dataclass(frozen=True)
class BoardRow:
    """One entry's line on a public view, with the words shown next to it."""

    rank: int
    entry: EntryWords
    score: float | None
    revealed: bool = False
    tied_with_next: bool = False


@dataclass(frozen=True)
class PublicBoard:
    """Every view of an event's public board, as payload dicts waiting for their sequence number."""

    event_id: int
    views: dict  # view key (None or challenge id) -> payload without "seq"
    # The board changes by itself at this moment (a scheduled freeze): rebuild it then.
    valid_until: object = None


def build(event: Event) -> PublicBoard:
    """Every view of the public board as it must look now."""
    state, now = state_of(event), utcnow()
    if ceremony.is_dark(state, now):
        return _ceremony_board(event, state, now)
    rows = _overall_rows(event, state, now)
    views = {None: _payload(event, state, now, None, rows)}
    if state.revealed_at is not None:
        views[None] = {**views[None], **_ending(state, rows)}
    for challenge in _public_challenges(event):
        views[challenge.id] = _payload(event, state, now, challenge.id, _challenge_rows(rows, challenge.id))
    valid_until = state.freeze_at if state.freeze_at is not None and state.freeze_at > now else None
    return PublicBoard(event.id, views, valid_until)


def organizer_rows(event: Event) -> list[BoardRow]:
    """The live ranking, whatever the public sees (organizers watch it during a freeze)."""
    return _rows(event, rankings.current_ranking(event))


def row_payload(row: BoardRow, shows_scores: bool) -> dict:
    """A row as the API and the live channel send it (documented in docs/API.md)."""
    payload = {"rank": row.rank, "team_id": row.entry.team_id, "team": row.entry.team, "entry": row.entry.title,
               "score": round(row.score, SCORE_DIGITS) if shows_scores and row.score is not None else None,
               "challenges": list(row.entry.challenges)}
    if shows_scores and row.tied_with_next:
        payload["tied_with_next"] = True
    if row.revealed:
        payload["revealed"] = True
    return payload


def _payload(event: Event, state: LeaderboardState, now, view, rows: list[BoardRow]) -> dict:
    shown = rows[: state.top_n] if state.top_n else rows
    payload = {"event": event.slug, "view": view, "frozen": state.is_frozen(now),
               "shows_scores": state.shows_scores, "rows": [row_payload(row, state.shows_scores) for row in shown]}
    if state.reveal_step is not None and state.revealed_at is None:
        payload["reveal_step"] = state.reveal_step
    return payload


def _ending(state: LeaderboardState, rows: list[BoardRow]) -> dict:
    """The reveal is over: the page says so, and a ceremony's winner stays in the spotlight."""
    winner = ceremony.winner_spotlight(state, ceremony.stage(rows, state.top_n))
    return {"final": True, **({"spotlight": winner} if winner is not None else {})}


def _ceremony_board(event: Event, state: LeaderboardState, now) -> PublicBoard:
    """A ceremony under way: each view holds only the entries revealed so far (ceremony.py)."""
    final = organizer_rows(event)
    staged = ceremony.stage(final, state.top_n)
    shown = {row.entry.id for row in ceremony.revealed(staged, state.reveal_step)}
    progress = ceremony.progress(staged, state.reveal_step)
    views = {None: _ceremony_payload(event, state, None, [row for row in staged if row.entry.id in shown], progress)}
    for challenge in _public_challenges(event):
        ranked = [row for row in _challenge_rows(final, challenge.id) if row.entry.id in shown]
        views[challenge.id] = _ceremony_payload(event, state, challenge.id, ranked, progress)
    return PublicBoard(event.id, views)


def _ceremony_payload(event: Event, state: LeaderboardState, view, rows: list[BoardRow], progress: dict) -> dict:
    revealed = [BoardRow(row.rank, row.entry, row.score, revealed=True) for row in rows]
    return {"event": event.slug, "view": view, "frozen": True, "shows_scores": state.shows_scores,
            "rows": [row_payload(row, state.shows_scores) for row in revealed],
            "reveal_step": progress["step"], "ceremony": progress}


def _overall_rows(event: Event, state: LeaderboardState, now) -> list[BoardRow]:
    if not state.is_frozen(now):
        return _rows(event, rankings.current_ranking(event))
    if state.reveal_step:
        return _revealing_rows(event, state)
    return _rows(event, rankings.ranking_at(event, state.freeze_at))


def _public_challenges(event: Event) -> list[Challenge]:
    return list(db.session.scalars(db.select(Challenge).where(Challenge.event_id == event.id,
                                                              Challenge.is_draft.is_(False))))


def _challenge_rows(rows: list[BoardRow], challenge_id: int) -> list[BoardRow]:
    entered = [row for row in rows if challenge_id in row.entry.challenge_ids]
    return [BoardRow(rank, row.entry, row.score, row.revealed) for rank, row in enumerate(entered, start=1)]


def _rows(event: Event, ranked: scoring.Ranking) -> list[BoardRow]:
    entries = _judged_entries(event)
    return [BoardRow(row.rank, entries[row.entry_id], row.adjusted, tied_with_next=row.tied_with_next)
            for row in ranked.rows if row.entry_id in entries]


def _judged_entries(event: Event) -> dict[int, EntryWords]:
    entered: dict[int, list] = {}
    for submission_id, challenge_id, title in db.session.execute(
            db.select(submission_challenge.c.submission_id, Challenge.id, Challenge.title)
            .join(Challenge, Challenge.id == submission_challenge.c.challenge_id)
            .where(Challenge.event_id == event.id, Challenge.is_draft.is_(False))
            .order_by(Challenge.position, Challenge.id)):
        entered.setdefault(submission_id, []).append((challenge_id, title))
    rows = db.session.execute(db.select(Submission.id, Submission.team_id, Team.name, Submission.title)
                              .join(Team, Team.id == Submission.team_id)
                              .where(Submission.event_id == event.id, Submission.is_judged))
    return {entry_id: EntryWords(entry_id, team_id, team, title, tuple(c for c, _ in entered.get(entry_id, ())),
                                 tuple(t for _, t in entered.get(entry_id, ())))
            for entry_id, team_id, team, title in rows}


def _revealing_rows(event: Event, state: LeaderboardState) -> list[BoardRow]:
    final = _rows(event, rankings.current_ranking(event))
    revealed = final[len(final) - state.reveal_step:]
    revealed_ids = {row.entry.id for row in revealed}
    hidden = [row for row in _rows(event, rankings.ranking_at(event, state.freeze_at))
              if row.entry.id not in revealed_ids]
    hidden_ids = {row.entry.id for row in hidden}
    hidden += [row for row in final[: len(final) - state.reveal_step] if row.entry.id not in hidden_ids]
    rows = [BoardRow(i, row.entry, row.score) for i, row in enumerate(hidden, start=1)]
    return rows + [BoardRow(row.rank, row.entry, row.score, revealed=True) for row in revealed]
