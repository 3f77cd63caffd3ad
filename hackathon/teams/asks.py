"""Asking to join: requests and invitations between a team and a participant, and the finder's seekers."""
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Event, JoinRequest, Team, TeamSeeker, User
from ..models.team import ACCEPTED, DECLINED, INVITATION, PENDING, REQUEST, WITHDRAWN
from ..models.types import utcnow
from ..realtime import emitters
from .admission import admit, commit_join, stop_seeking
from .checks import (check_can_join, check_captain, check_free, check_participant, check_unlocked, lock_teams,
                     member_count)
from .errors import AskRefused, NotCaptain, NotYours, TeamClosed, TeamDissolved, TeamFull


# ---- requests and invitations --------------------------------------------------------------------

def request_to_join(user: User, team: Team, message: str = "") -> JoinRequest:
    """Ask to join an open team; if the team already invited `user`, this accepts and joins at once."""
    ask = _ask_between(team, user)
    if ask is not None and ask.is_pending and ask.kind == INVITATION:
        accept_join_request(ask, user)
        return ask
    check_can_join(user, team)
    if not team.is_open:
        raise TeamClosed(team)
    _check_not_asked(ask, team, REQUEST)
    ask = _open_ask(ask, team, user, REQUEST, message, by=user)
    emitters.team_changed(team, "requested", user)
    return ask


def invite_participant(team: Team, by: User, user: User) -> JoinRequest:
    """The captain invites a participant looking for a team; if they had asked to join, they join now."""
    check_captain(team, by)
    ask = _ask_between(team, user)
    if ask is not None and ask.is_pending and ask.kind == REQUEST:
        accept_join_request(ask, by)
        return ask
    check_participant(user, team.event)
    check_free(user, team.event, by)
    _check_can_join_seat(team)
    _check_not_asked(ask, team, INVITATION)
    ask = _open_ask(ask, team, user, INVITATION, "", by=by)
    emitters.team_changed(team, "invited", user)
    return ask


def accept_join_request(ask: JoinRequest, by: User) -> None:
    """Accept a request (captain) or an invitation (invitee): the participant joins if a seat is free."""
    _check_decider(ask, by)
    lock_teams(ask.team)
    db.session.refresh(ask)  # it may have lapsed while we waited for the lock
    _check_pending(ask)
    lapsed = admit(ask.team, ask.user)
    ask.status, ask.decided_at, ask.decided_by = ACCEPTED, utcnow(), by
    commit_join(ask.team, ask.user, lapsed=lapsed)


def decline_join_request(ask: JoinRequest, by: User) -> None:
    """Say no to a request (captain) or an invitation (invitee); the other side sees the outcome."""
    _check_decider(ask, by)
    _close_ask(ask, by, DECLINED)


def withdraw_join_request(ask: JoinRequest, by: User) -> None:
    """Take back one's own request, or the captain takes back an invitation."""
    sender = ask.user_id if ask.kind == REQUEST else ask.team.captain_id
    if by.id != sender:
        raise NotYours(f"Only whoever sent this {ask.kind} can withdraw it.")
    _close_ask(ask, by, WITHDRAWN)


def _ask_between(team: Team, user: User) -> JoinRequest | None:
    return db.session.scalar(db.select(JoinRequest).where(JoinRequest.team_id == team.id,
                                                          JoinRequest.user_id == user.id))


def _check_can_join_seat(team: Team) -> None:
    check_unlocked(team.event)
    if team.is_dissolved:
        raise TeamDissolved(team)
    if member_count(team) >= team.event.team_size_max:
        raise TeamFull(team)


def _check_not_asked(ask: JoinRequest | None, team: Team, kind: str) -> None:
    if ask is None:
        return
    if ask.is_pending:
        raise AskRefused("You already asked to join this team; the captain hasn't answered yet." if kind == REQUEST
                         else f"{ask.user.display_name} is already invited; they haven't answered yet.")
    if ask.status == DECLINED and ask.kind == kind:
        raise AskRefused(f"The captain of {team.name} declined your request. Try another team in the finder."
                         if kind == REQUEST else f"{ask.user.display_name} declined your invitation.")


def _open_ask(ask, team: Team, user: User, kind: str, message: str, by: User) -> JoinRequest:
    if ask is None:
        ask = JoinRequest(event_id=team.event_id, team=team, user=user)
        db.session.add(ask)
    ask.kind, ask.message, ask.status, ask.sent_by = kind, message.strip(), PENDING, by
    ask.created_at, ask.decided_at, ask.decided_by = utcnow(), None, None
    try:
        db.session.commit()
    except IntegrityError:  # a double click: the first one created it
        db.session.rollback()
        raise AskRefused("That was already sent.") from None
    return ask


def _check_decider(ask: JoinRequest, by: User) -> None:
    """The captain answers requests; the invited participant answers invitations."""
    decider = ask.team.captain_id if ask.kind == REQUEST else ask.user_id
    if by.id != decider:
        raise (NotCaptain(ask.team) if ask.kind == REQUEST
               else NotYours("Only the invited participant can answer this invitation."))


def _check_pending(ask: JoinRequest) -> None:
    if not ask.is_pending:
        raise AskRefused(f"This {ask.kind} was already {ask.status}; nothing more to do.")


def _close_ask(ask: JoinRequest, by: User, status: str) -> None:
    _check_pending(ask)
    ask.status, ask.decided_at, ask.decided_by = status, utcnow(), by
    db.session.commit()
    emitters.team_changed(ask.team, f"{ask.kind}_{status}", ask.user)


# ---- looking for a team --------------------------------------------------------------------------

def start_looking(user: User, event: Event, note: str) -> TeamSeeker:
    """List `user` in the team finder as looking for a team, with a short note."""
    check_participant(user, event)
    check_unlocked(event)
    check_free(user, event)
    seeker = db.session.scalar(db.select(TeamSeeker).where(TeamSeeker.event_id == event.id,
                                                           TeamSeeker.user_id == user.id))
    if seeker is None:
        seeker = TeamSeeker(event_id=event.id, user=user)
        db.session.add(seeker)
    seeker.note = note.strip()
    try:
        db.session.commit()
    except IntegrityError:  # saved twice at once: the other save won, and it says the same
        db.session.rollback()
    return seeker


def stop_looking(user: User, event: Event) -> None:
    """Take `user` off the finder's list of people looking for a team."""
    stop_seeking(user, event)
    db.session.commit()
