"""People's choice rules: organizers open and close the audience vote; each attendee holds one vote
and may change it while voting is open.

Who votes: members of the event (participants, mentors, judges) with their account, never for
their own team's entry; anyone else with a voting code from check-in (one vote per code, which
whoever holds the code may change while voting is open). Organizers run the vote and see the count,
so they don't vote.
"""
from contextlib import contextmanager
from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from .. import leaderboard, throttling
from ..access import roles_in
from ..extensions import db
from ..models import Event, Submission, User, Vote, VotingCode, VotingState
from ..models.membership import JUDGE, MENTOR, ORGANIZER, PARTICIPANT
from ..models.types import utcnow
from ..realtime import emitters
from ..submissions.listing import gallery_entries, gallery_is_open
from ..teams.queries import team_id_of
from .codes import find_code
from .errors import MayNotVote, NotInGallery, OwnEntry, VotingError, VotingNotOpen
from .results import announce_if_public, results_are_public, status_of, totals, voting_state

ACCOUNT_VOTER_ROLES = frozenset({PARTICIPANT, MENTOR, JUDGE})
CODE_LIMIT_MESSAGE = "Too many codes tried from here. Wait a minute, then type your code again."


def _locked_state(event: Event) -> VotingState:
    state = db.session.get(VotingState, event.id, with_for_update=True, populate_existing=True)
    if state is None:
        state = VotingState(event_id=event.id)
        db.session.add(state)
    return state


@contextmanager
def _unlocked_on_refusal():
    """A refused action ends its transaction at once, releasing the rows it locked."""
    try:
        yield
    except VotingError:
        db.session.rollback()
        raise


def open_voting(event: Event) -> VotingState:
    """Open (or reopen) the audience vote; it opens with the project gallery, and not after the results."""
    with _unlocked_on_refusal():
        state = _locked_state(event)
        if state.is_open:
            raise VotingError("Voting is already open.")
        if results_are_public(event):
            raise VotingError("The people's choice is already public, so the vote is over.")
        if not gallery_is_open(event):
            raise VotingError("Voting opens with the project gallery, when judging starts.")
    state.opened_at, state.closed_at = utcnow(), None
    db.session.commit()
    emitters.voting_changed(event, voting_payload(event))
    leaderboard.event_changed(event)  # the board's page links the vote and shows the result
    return state


def close_voting(event: Event) -> VotingState:
    """Close the audience vote; if the reveal has already finished, the winner goes public now."""
    with _unlocked_on_refusal():
        state = _locked_state(event)
        if not state.is_open:
            raise VotingError("Voting isn't open.")
    state.closed_at = utcnow()
    db.session.commit()
    emitters.voting_changed(event, voting_payload(event))
    leaderboard.event_changed(event)  # the board's page links the vote and shows the result
    announce_if_public(event)
    return state


def voting_payload(event: Event) -> dict:
    """The `voting_changed` event: whether voting is open, and never a count."""
    state = voting_state(event)
    return {"event": event.slug, "status": status_of(state), "open": state.is_open}


def account_refusal(event: Event, user) -> str | None:
    """Why `user` can't vote with their account in `event` (None: they can)."""
    roles = roles_in(user, event)
    if ORGANIZER in roles:
        return "Organizers run the vote and see the count, so they don't vote."
    if not roles & ACCOUNT_VOTER_ROLES:
        return "Voting with an account is for people registered for this event. Use a voting code from check-in."
    return None


def redeem_code(event: Event, user, raw: str | None, address: str) -> VotingCode:
    """Check a typed voting code so its holder can vote; codes are for attendees without a voting account.

    Wrong codes are throttled per address (VOTING_CODE_LIMIT_PER_IP): each guess takes its place
    before it is checked, so parallel guesses can't pass the limit, and a right code gives it back.
    Raises TooManyAttempts when the address has no guesses left.
    """
    if user.is_authenticated and ORGANIZER in roles_in(user, event):
        raise MayNotVote("Organizers run the vote and see the count, so they don't vote.")
    if user.is_authenticated and account_refusal(event, user) is None:
        raise VotingError("You vote with your account here; no code needed. Pass the code on to someone without one.")
    if not voting_state(event).is_open:
        raise VotingNotOpen("Voting isn't open right now, so codes can't be used. Keep yours for when it opens.")
    guesses = throttling.Counter.of(current_app.config["VOTING_CODE_LIMIT_PER_IP"], "voting-code", address)
    throttling.reserve([guesses], CODE_LIMIT_MESSAGE)
    code = find_code(event, raw)
    throttling.give_back(guesses)
    return code


def cast_vote(event: Event, submission: Submission, user: User | None = None,
              code: VotingCode | None = None) -> Vote:
    """Record the attendee's one vote for `submission`, or move it there, while voting is open."""
    if (user is None) == (code is None):
        raise ValueError("a vote comes from an account or from a voting code, not both")
    with _unlocked_on_refusal():
        _check_voter(event, user, code)
        _check_open(event)
        _check_entry(event, submission, user)
    vote = _record(event, submission, user, code)
    db.session.commit()
    total = totals(event)
    emitters.votes_counted(event, {"event": event.slug, "votes": total.votes, "codes_used": total.codes_used})
    return vote


def _check_voter(event: Event, user: User | None, code: VotingCode | None) -> None:
    if code is not None and code.event_id != event.id:
        raise MayNotVote("That voting code belongs to another event.")
    refusal = account_refusal(event, user) if user is not None else None
    if refusal:
        raise MayNotVote(refusal)


def _check_open(event: Event) -> None:
    # A shared lock: a vote can't slip in after a close that is committing at the same moment.
    state = db.session.get(VotingState, event.id, with_for_update={"read": True},
                           populate_existing=True)
    if state is None or not state.is_open:
        raise VotingNotOpen("Voting is closed. Your vote stays as it was."
                            if state is not None and state.is_closed else "Voting hasn't opened yet.")


def _check_entry(event: Event, submission: Submission, user: User | None) -> None:
    if submission.event_id != event.id or not submission.is_submitted or submission.is_disqualified:
        raise NotInGallery("That entry isn't in this event's gallery (it may have been withdrawn). Pick another.")
    if user is not None and team_id_of(user, event) == submission.team_id:
        raise OwnEntry("You can't vote for your own team's entry. Pick another one you like.")


def _record(event: Event, submission: Submission, user: User | None, code: VotingCode | None) -> Vote:
    now = utcnow()
    vote = _current_vote(event, user, code)
    if vote is None:
        try:
            with db.session.begin_nested():
                vote = Vote(event_id=event.id, submission_id=submission.id, user_id=user and user.id,
                            code_id=code and code.id, created_at=now, updated_at=now)
                db.session.add(vote)
        except IntegrityError:  # the same voter's simultaneous first vote won: this one changes it
            vote = _current_vote(event, user, code)
    vote.submission_id, vote.updated_at = submission.id, now
    if code is not None:
        db.session.execute(update(VotingCode).where(VotingCode.id == code.id, VotingCode.first_used_at.is_(None))
                           .values(first_used_at=now))
    return vote


def _current_vote(event: Event, user: User | None, code: VotingCode | None) -> Vote | None:
    voter = Vote.user_id == user.id if user is not None else Vote.code_id == code.id
    return db.session.scalar(db.select(Vote).where(Vote.event_id == event.id, voter))


@dataclass
class BallotEntry:
    submission: Submission
    is_choice: bool = False
    is_own: bool = False


@dataclass
class Ballot:
    """What one visitor's vote page shows: the state, how they vote, their current pick, the entries."""

    status: str  # not_open / open / closed
    how: str  # account / code / needs_code / refused
    refusal: str | None = None
    code: VotingCode | None = None
    choice: Submission | None = None
    choice_withdrawn: bool = False
    entries: list[BallotEntry] = field(default_factory=list)

    @property
    def can_vote(self) -> bool:
        return self.status == "open" and self.how in ("account", "code")


def voter_of(event: Event, user, code: VotingCode | None) -> tuple[str, VotingCode | None]:
    """How this visitor votes: 'account', 'code', 'needs_code' or 'refused' (organizers), and with which code."""
    if user.is_authenticated and account_refusal(event, user) is None:
        return "account", None
    if user.is_authenticated and ORGANIZER in roles_in(user, event):
        return "refused", None
    return ("code", code) if code is not None else ("needs_code", None)


def vote_for(event: Event, submission_id, user, code: VotingCode | None) -> Vote:
    """Cast this visitor's vote for an entry: an eligible account votes as itself, anyone else with a code."""
    how, code = voter_of(event, user, code)
    if how == "refused":
        raise MayNotVote(account_refusal(event, user))
    if how == "needs_code":
        raise VotingError("Enter your voting code first, or log in if you are registered for this event.")
    submission = db.session.get(Submission, submission_id) if isinstance(submission_id, int) else None
    if submission is None or submission.event_id != event.id:
        raise NotInGallery("That entry isn't in this event's gallery. Pick one from the list.")
    return cast_vote(event, submission, user=user if how == "account" else None, code=code)


def ballot(event: Event, user, code: VotingCode | None) -> Ballot:
    """The vote page for this visitor: their way to vote, their current pick, and the entries."""
    status = status_of(voting_state(event))
    how, code = voter_of(event, user, code)
    refusal = account_refusal(event, user) if how == "refused" else None
    vote = _current_vote(event, user if how == "account" else None, code) if how in ("account", "code") else None
    own_team = team_id_of(user, event) if how == "account" else None
    entries = [BallotEntry(entry, vote is not None and vote.submission_id == entry.id, entry.team_id == own_team)
               for entry in gallery_entries(event)] if status != "not_open" else []
    choice = vote.submission if vote is not None else None
    withdrawn = choice is not None and status != "not_open" and not any(entry.is_choice for entry in entries)
    return Ballot(status, how, refusal, code, choice, withdrawn, entries)
