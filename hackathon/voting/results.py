"""Counting the people's choice, and when the count may be seen.

Nobody outside the organizers learns a count before the results are public: voting has closed
and the leaderboard's reveal has finished. Until then pages, the API and the live channel carry
no number; organizers see the totals while voting is open and the tally per entry once it closes.
"""
from dataclasses import dataclass

from ..extensions import db
from ..models import Event, LeaderboardState, Submission, Vote, VotingCode, VotingState
from ..realtime import emitters
from ..submissions.listing import gallery_entries


@dataclass
class TallyRow:
    rank: int
    submission: Submission
    votes: int

    def payload(self) -> dict:
        return {"rank": self.rank, "team": self.submission.team.name, "entry": self.submission.title,
                "votes": self.votes}


@dataclass
class Totals:
    votes: int
    codes: int
    codes_used: int


def voting_state(event: Event) -> VotingState:
    """The event's voting window (a blank one until an organizer first opens voting)."""
    return db.session.get(VotingState, event.id) or VotingState(event_id=event.id)


def status_of(state: VotingState) -> str:
    """'not_open' (never opened), 'open' or 'closed'."""
    return "open" if state.is_open else "closed" if state.is_closed else "not_open"


def results_are_public(event: Event) -> bool:
    """Voting has closed and the leaderboard's reveal has finished: the count may be shown to all."""
    board = db.session.get(LeaderboardState, event.id)
    return voting_state(event).is_closed and board is not None and board.revealed_at is not None


def tally(event: Event) -> list[TallyRow]:
    """Votes per gallery entry, most first (ties share a rank); votes for withdrawn entries don't count."""
    counts = dict(db.session.execute(db.select(Vote.submission_id, db.func.count(Vote.id)).where(
        Vote.event_id == event.id).group_by(Vote.submission_id)).all())
    entries = sorted(gallery_entries(event), key=lambda entry: (-counts.get(entry.id, 0), entry.title.lower()))
    rows: list[TallyRow] = []
    for position, entry in enumerate(entries, start=1):
        votes = counts.get(entry.id, 0)
        rank = rows[-1].rank if rows and rows[-1].votes == votes else position
        rows.append(TallyRow(rank, entry, votes))
    return rows


def organizer_tally(event: Event) -> list[TallyRow] | None:
    """The tally for the organizers' page, once voting has closed (None while it is open or unopened)."""
    return tally(event) if voting_state(event).is_closed else None


def winners(rows: list[TallyRow]) -> list[TallyRow]:
    """The entries with the most votes (several on a tie; none when nobody voted)."""
    return [row for row in rows if row.rank == 1 and row.votes > 0]


def public_winners(event: Event) -> list[TallyRow]:
    """The people's choice winners for public pages, empty until the results are public."""
    return winners(tally(event)) if results_are_public(event) else []


def totals(event: Event) -> Totals:
    """Votes cast and codes used so far (organizers only)."""
    votes = db.session.scalar(db.select(db.func.count(Vote.id)).where(Vote.event_id == event.id))
    codes, used = db.session.execute(db.select(db.func.count(VotingCode.id), db.func.count(VotingCode.first_used_at))
                                     .where(VotingCode.event_id == event.id)).one()
    return Totals(votes, codes, used)


def results_payload(event: Event) -> dict:
    """The API body and the `peoples_choice` event: results stay null until they are public."""
    state = voting_state(event)
    rows = tally(event) if results_are_public(event) else None
    return {"event": event.slug, "open": state.is_open,
            "results": None if rows is None else [row.payload() for row in rows]}


def announce_if_public(event: Event) -> None:
    """After voting closes or the reveal finishes: once both have happened, push the results to every screen."""
    if results_are_public(event):
        emitters.peoples_choice(event, results_payload(event))


def withdraw_results(event: Event) -> None:
    """The board was frozen again after a reveal: screens take the winner down until the next reveal ends."""
    emitters.peoples_choice(event, results_payload(event))
