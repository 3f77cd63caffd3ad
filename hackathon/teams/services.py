"""Team rules: forming teams, joining by link or request, leaving, captaincy, and organizer fixes.

Every change that adds a member re-reads the team under a row lock (PostgreSQL) or inside
SQLite's BEGIN IMMEDIATE, so the seat count it checks is the one it writes against; the unique
(event, user) on team_member is the last word on "one team per participant per event".
Announcements go out through realtime.emitters after the commit.
"""
from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from ..errors import DomainError
from ..extensions import db
from ..models import Event, JoinRequest, Membership, Team, TeamMember, TeamSeeker, TeamSkill, User
from ..models.membership import PARTICIPANT
from ..models.team import (ACCEPTED, DECLINED, INVITATION, PENDING, REQUEST, WITHDRAWN, name_key,
                           new_invite_code)
from ..models.types import utcnow
from ..realtime import emitters
from ..schedule import CLOSED, JUDGING, RESULTS
from .queries import team_of

# Once submissions are due, who is in which team is part of the record judges see.
LOCKED_PHASES = (JUDGING, RESULTS, CLOSED)


class TeamError(DomainError):
    """A team rule refused the change; the message says what to do instead."""


class NotParticipant(TeamError):
    status = 403

    def __init__(self, event: Event):
        super().__init__(f"Only participants of {event.name} can be in a team. "
                         "Join the event as a participant first (from its page, or with an invite link).")


class AlreadyInTeam(TeamError):
    def __init__(self, team: Team, user: User | None = None):
        who = f"{user.display_name} is" if user else "You are"
        leave = "" if user else " Leave it first if you want to be in another team."
        super().__init__(f"{who} already in the team {team.name}.{leave}")


class TeamFull(TeamError):
    def __init__(self, team: Team):
        super().__init__(f"{team.name} is full ({team.event.team_size_max} members is the most this event "
                         "allows). Ask the captain to free a seat, or find another team in the team finder.")


class TeamsLocked(TeamError):
    def __init__(self, event: Event):
        super().__init__(f"Teams of {event.name} are locked: submissions are due, so members can't change. "
                         "Ask an organizer if your team needs fixing.")


class TeamDissolved(TeamError):
    status = 410

    def __init__(self, team: Team):
        super().__init__(f"The team {team.name} no longer exists: its last member left. "
                         "Create a team of your own, or find another in the team finder.")


class InviteCodeRotated(TeamError):
    status = 410

    def __init__(self, team: Team):
        super().__init__(f"This invite link of {team.name} has been replaced by a new one. "
                         "Ask a member of the team for the current link.")


class WrongEvent(TeamError):
    def __init__(self, team: Team, event: Event):
        super().__init__(f"This invite is for the team {team.name} of {team.event.name}, not of {event.name}. "
                         f"Open it from {team.event.name}'s pages instead.")


class TeamCodeNotFound(TeamError):
    status = 404

    def __init__(self, code: str):
        super().__init__(f"No team uses the code “{code[:40]}”. Check it letter by letter; if it's right, "
                         "the captain has changed it: ask the team for the current one.")


class TeamNameTaken(TeamError):
    def __init__(self, name: str):
        super().__init__(f"Another team of this event is already called “{name}”. Choose another name.")


class NotCaptain(TeamError):
    status = 403

    def __init__(self, team: Team):
        super().__init__(f"Only the captain of {team.name} can do this. Ask them, or ask them to make you captain.")


class NotMember(TeamError):
    def __init__(self, team: Team, user: User | None = None):
        self.status = 409 if user else 403  # about someone else: a stale page; about you: not your team
        who = f"{user.display_name} is" if user else "You are"
        super().__init__(f"{who} not a member of {team.name}.")


class NotYours(TeamError):
    status = 403


class TeamClosed(TeamError):
    def __init__(self, team: Team):
        super().__init__(f"{team.name} isn't taking requests right now. Ask a member for the team's invite "
                         "link, or find an open team in the team finder.")


class AskRefused(TeamError):
    """A request or invitation can't be sent or answered; the message says why."""


@dataclass
class TeamDetails:
    """What a captain sets about a team."""

    name: str
    pitch: str = ""
    skills: tuple[str, ...] | list[str] = ()
    is_open: bool = True


# ---- checks --------------------------------------------------------------------------------------

def are_teams_locked(event: Event) -> bool:
    """Whether participants may no longer change teams: submissions are due, by the event's clock."""
    return event.clock().phase in LOCKED_PHASES


def _check_unlocked(event: Event) -> None:
    if are_teams_locked(event):
        raise TeamsLocked(event)


def _check_participant(user: User, event: Event) -> None:
    held = db.session.scalar(db.select(Membership.id).where(
        Membership.user_id == user.id, Membership.event_id == event.id, Membership.role == PARTICIPANT))
    if held is None:
        raise NotParticipant(event)


def _check_free(user: User, event: Event, by: User | None = None) -> None:
    current = team_of(user, event)
    if current is not None:
        raise AlreadyInTeam(current, user if by is not None and by.id != user.id else None)


def check_captain(team: Team, user: User) -> None:
    """Refuse unless `user` captains `team`."""
    if team.captain_id != user.id:
        raise NotCaptain(team)


def _check_name_free(event: Event, name: str, team: Team | None = None) -> None:
    taken = db.session.scalar(db.select(Team.id).where(Team.event_id == event.id, Team.name_key == name_key(name)))
    if taken is not None and (team is None or taken != team.id):
        raise TeamNameTaken(name)


def _member_count(team: Team) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(TeamMember).where(TeamMember.team_id == team.id))


def _lock(*teams: Team) -> None:
    # Re-read under a row lock, in id order so two moves between the same teams can't deadlock.
    for team in sorted(teams, key=lambda t: t.id):
        db.session.refresh(team, with_for_update=True)


def check_can_form_team(user: User, event: Event) -> None:
    """Refuse early (before showing the form) when `user` can't create a team now."""
    _check_participant(user, event)
    _check_unlocked(event)
    _check_free(user, event)


def _check_can_join(user: User, team: Team, enforce_lock: bool = True) -> None:
    _check_participant(user, team.event)
    if enforce_lock:
        _check_unlocked(team.event)
    if team.is_dissolved:
        raise TeamDissolved(team)
    _check_free(user, team.event)
    if _member_count(team) >= team.event.team_size_max:
        raise TeamFull(team)


# ---- creating and editing ------------------------------------------------------------------------

def create_team(user: User, event: Event, details: TeamDetails) -> Team:
    """Create a team with `user` as captain and first member; names are unique per event, ignoring case."""
    check_can_form_team(user, event)
    _check_name_free(event, details.name)
    team = Team(event=event, captain=user)
    _apply(team, details)
    team.members.append(TeamMember(event_id=event.id, user=user))
    db.session.add(team)
    try:
        db.session.flush()
    except IntegrityError:  # the same name or the same person at the same instant, in another request
        db.session.rollback()
        check_can_form_team(user, event)
        raise TeamNameTaken(details.name) from None
    lapsed = _withdraw_asks_of(user, event, except_team=None)
    _stop_seeking(user, event)
    db.session.commit()
    _announce_lapsed(lapsed, user)
    return team


def update_team(team: Team, by: User, details: TeamDetails) -> None:
    """Save the captain's edits to name, pitch, wanted skills and the open flag."""
    check_captain(team, by)
    if team.is_dissolved:
        raise TeamDissolved(team)
    _check_name_free(team.event, details.name, team)
    _apply(team, details)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise TeamNameTaken(details.name) from None
    emitters.team_changed(team, "updated", by)


def _apply(team: Team, details: TeamDetails) -> None:
    team.name = " ".join(details.name.split())
    team.name_key = name_key(details.name)
    team.pitch = details.pitch.strip()
    team.is_open = details.is_open
    wanted = set(details.skills)
    team.wanted_skills = [s for s in team.wanted_skills if s.name in wanted] + [
        TeamSkill(name=name) for name in sorted(wanted - set(team.skill_names))]


def rotate_invite_code(team: Team, by: User) -> str:
    """Give the team a new invite code; links with the old one stop working."""
    check_captain(team, by)
    if team.is_dissolved:
        raise TeamDissolved(team)
    team.invite_code = new_invite_code()
    db.session.commit()
    emitters.team_changed(team, "code_rotated", by)
    return team.invite_code


# ---- joining -------------------------------------------------------------------------------------

def team_for_invite(event: Event, team_id: int, code: str) -> Team:
    """The team an invite link points to, or why the link doesn't work (rotated, wrong event, unknown)."""
    team = db.session.get(Team, team_id)
    if team is None:
        raise TeamCodeNotFound(code)
    if team.event_id != event.id:
        raise WrongEvent(team, event)
    if team.invite_code != code.strip().upper():
        raise InviteCodeRotated(team)
    return team


def team_for_code(event: Event, code: str) -> Team:
    """The team a typed code belongs to (case and dashes ignored), or why there is none here."""
    cleaned = "".join(code.split()).replace("-", "").upper()
    team = db.session.scalar(db.select(Team).where(Team.invite_code == cleaned)) if cleaned else None
    if team is None:
        raise TeamCodeNotFound(code)
    if team.event_id != event.id:
        raise WrongEvent(team, event)
    return team


def why_not_join(user: User, team: Team) -> TeamError | None:
    """The reason `user` could not join `team` right now, to show before they try; None if they can."""
    try:
        _check_can_join(user, team)
    except TeamError as error:
        return error
    return None


def join_team_by_code(user: User, event: Event, team_id: int, code: str) -> Team:
    """Join the team whose invite link `user` followed, if the link, the seats and the clock allow."""
    team = team_for_invite(event, team_id, code)
    _commit_join(team, user, lapsed=_admit(team, user))
    return team


def _admit(team: Team, user: User, enforce_lock: bool = True) -> set[int]:
    """Add `user` to `team` under the team's lock; their other asks lapse (returns those teams' ids).
    The caller commits."""
    _lock(team)
    _check_can_join(user, team, enforce_lock)
    db.session.add(TeamMember(event_id=team.event_id, team_id=team.id, user_id=user.id))
    try:
        db.session.flush()
    except IntegrityError:  # joined another team in a parallel request, which the unique key caught
        db.session.rollback()
        raise AlreadyInTeam(team_of(user, team.event) or team) from None
    lapsed = _withdraw_asks_of(user, team.event, except_team=team)
    _stop_seeking(user, team.event)
    return lapsed


def _commit_join(team: Team, user: User, what: str = "joined", lapsed: set[int] = frozenset()) -> None:
    try:
        db.session.commit()
    except IntegrityError:  # joined another team in a parallel request
        db.session.rollback()
        raise AlreadyInTeam(team_of(user, team.event) or team) from None
    emitters.team_changed(team, what, user)
    _announce_lapsed(lapsed, user)


def _withdraw_asks_of(user: User, event: Event, except_team: Team | None) -> set[int]:
    # A person in a team no longer wants the other teams: their pending asks lapse.
    query = (update(JoinRequest).where(JoinRequest.event_id == event.id, JoinRequest.user_id == user.id,
                                       JoinRequest.status == PENDING)
             .values(status=WITHDRAWN, decided_at=utcnow()).returning(JoinRequest.team_id)
             .execution_options(synchronize_session="fetch"))
    if except_team is not None:
        query = query.where(JoinRequest.team_id != except_team.id)
    return set(db.session.scalars(query))


def _announce_lapsed(team_ids: set[int], user: User) -> None:
    for team_id in sorted(team_ids):
        emitters.team_changed(db.session.get(Team, team_id), "request_withdrawn", user)


def _stop_seeking(user: User, event: Event) -> None:
    db.session.execute(db.delete(TeamSeeker).where(TeamSeeker.event_id == event.id, TeamSeeker.user_id == user.id))


# ---- requests and invitations --------------------------------------------------------------------

def _ask_between(team: Team, user: User) -> JoinRequest | None:
    return db.session.scalar(db.select(JoinRequest).where(JoinRequest.team_id == team.id,
                                                          JoinRequest.user_id == user.id))


def request_to_join(user: User, team: Team, message: str = "") -> JoinRequest:
    """Ask to join an open team; if the team already invited `user`, this accepts and joins at once."""
    ask = _ask_between(team, user)
    if ask is not None and ask.is_pending and ask.kind == INVITATION:
        accept_join_request(ask, user)
        return ask
    _check_can_join(user, team)
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
    _check_participant(user, team.event)
    _check_free(user, team.event, by)
    _check_can_join_seat(team)
    _check_not_asked(ask, team, INVITATION)
    ask = _open_ask(ask, team, user, INVITATION, "", by=by)
    emitters.team_changed(team, "invited", user)
    return ask


def _check_can_join_seat(team: Team) -> None:
    _check_unlocked(team.event)
    if team.is_dissolved:
        raise TeamDissolved(team)
    if _member_count(team) >= team.event.team_size_max:
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


def accept_join_request(ask: JoinRequest, by: User) -> None:
    """Accept a request (captain) or an invitation (invitee): the participant joins if a seat is free."""
    _check_decider(ask, by)
    _lock(ask.team)
    db.session.refresh(ask)  # it may have lapsed while we waited for the lock
    _check_pending(ask)
    lapsed = _admit(ask.team, ask.user)
    ask.status, ask.decided_at, ask.decided_by = ACCEPTED, utcnow(), by
    _commit_join(ask.team, ask.user, lapsed=lapsed)


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


def _close_ask(ask: JoinRequest, by: User, status: str) -> None:
    _check_pending(ask)
    ask.status, ask.decided_at, ask.decided_by = status, utcnow(), by
    db.session.commit()
    emitters.team_changed(ask.team, f"{ask.kind}_{status}", ask.user)


# ---- looking for a team --------------------------------------------------------------------------

def start_looking(user: User, event: Event, note: str) -> TeamSeeker:
    """List `user` in the team finder as looking for a team, with a short note."""
    _check_participant(user, event)
    _check_unlocked(event)
    _check_free(user, event)
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
    _stop_seeking(user, event)
    db.session.commit()


# ---- leaving, removing, captaincy ----------------------------------------------------------------

def leave_team(user: User, team: Team) -> None:
    """`user` leaves; a leaving captain hands over to the longest-standing member; the last one dissolves it."""
    _check_unlocked(team.event)
    _lock(team)
    _drop_member(team, _member_row(team, user, is_self=True))
    db.session.commit()
    emitters.team_changed(team, "dissolved" if team.is_dissolved else "left", user)


def remove_member(team: Team, by: User, user: User) -> None:
    """The captain removes another member."""
    check_captain(team, by)
    if user.id == by.id:
        raise TeamError("Captains leave with the Leave button; it hands the captaincy to the next member.")
    _check_unlocked(team.event)
    _lock(team)
    _drop_member(team, _member_row(team, user))
    db.session.commit()
    emitters.team_changed(team, "removed", user)


def transfer_captaincy(team: Team, by: User, to: User) -> None:
    """The captain (or an organizer) makes another member captain."""
    if not _is_organizer(by, team.event):
        check_captain(team, by)
    _member_row(team, to)
    if to.id == team.captain_id:
        raise TeamError(f"{to.display_name} is already the captain.")
    team.captain_id = to.id
    db.session.commit()
    emitters.team_changed(team, "captain", to)


def _member_row(team: Team, user: User, is_self: bool = False) -> TeamMember:
    member = db.session.scalar(db.select(TeamMember).where(TeamMember.team_id == team.id,
                                                           TeamMember.user_id == user.id))
    if member is None:
        raise NotMember(team, None if is_self else user)
    return member


def _drop_member(team: Team, member: TeamMember) -> None:
    db.session.delete(member)
    db.session.flush()
    remaining = db.session.scalars(db.select(TeamMember).where(TeamMember.team_id == team.id)
                                   .order_by(TeamMember.joined_at, TeamMember.id)).all()
    if not remaining:
        _dissolve(team)
    elif team.captain_id == member.user_id or team.captain_id is None:
        team.captain_id = remaining[0].user_id
    db.session.expire(team, ["members"])


def _dissolve(team: Team) -> None:
    # The row stays so its submission keeps an owner; the name is freed for a new team.
    team.dissolved_at, team.name_key, team.is_open, team.captain_id = utcnow(), None, False, None
    db.session.execute(update(JoinRequest).where(JoinRequest.team_id == team.id, JoinRequest.status == PENDING)
                       .values(status=WITHDRAWN, decided_at=utcnow()).execution_options(synchronize_session="fetch"))


# ---- organizer tools -----------------------------------------------------------------------------

def _is_organizer(user: User, event: Event) -> bool:
    from ..access import can_manage

    return can_manage(user, event)


def move_participant(event: Event, user: User, to: Team | None) -> None:
    """An organizer moves a participant into `to` (or out of any team), even after teams are locked."""
    current = team_of(user, event)
    if current is not None and to is not None and current.id == to.id:
        raise AlreadyInTeam(current, user)
    if current is None and to is None:
        raise TeamError(f"{user.display_name} is not in a team; choose the team to move them to.")
    _lock(*[team for team in (current, to) if team is not None])
    if current is not None:
        _drop_member(current, _member_row(current, user))
    lapsed = _admit(to, user, enforce_lock=False) if to is not None else set()
    _commit_join(to or current, user, "moved", lapsed)
    if current is not None and to is not None:
        emitters.team_changed(current, "moved", user)


def disband_team(team: Team) -> None:
    """An organizer dissolves a team: every member is freed; the team row (and any entry) is kept."""
    _lock(team)
    if team.is_dissolved:
        raise TeamDissolved(team)
    db.session.execute(db.delete(TeamMember).where(TeamMember.team_id == team.id))
    _dissolve(team)
    db.session.expire(team, ["members"])
    db.session.commit()
    emitters.team_changed(team, "dissolved", None)
