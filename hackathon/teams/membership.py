"""Changing who is in a formed team: leaving, removal, captaincy, and the organizers' moves and disbanding."""
from sqlalchemy import update

from ..access import can_manage
from ..extensions import db
from ..models import Event, JoinRequest, Team, TeamMember, User
from ..models.team import PENDING, WITHDRAWN
from ..models.types import utcnow
from ..mentors import services as help_requests
from ..realtime import emitters, rooms
from .admission import admit, commit_join
from .checks import check_captain, check_unlocked, lock_teams
from .errors import AlreadyInTeam, NotMember, TeamDissolved, TeamError
from .queries import team_of


# ---- leaving, removing, captaincy ----------------------------------------------------------------

def leave_team(user: User, team: Team) -> None:
    """`user` leaves; a leaving captain hands over to the longest-standing member; the last one dissolves it."""
    check_unlocked(team.event)
    lock_teams(team)
    _drop_member(team, _member_row(team, user, is_self=True))
    db.session.commit()
    emitters.team_changed(team, "dissolved" if team.is_dissolved else "left", user)
    rooms.team_left(team.id)
    _withdraw_help_if_dissolved(team)


def remove_member(team: Team, by: User, user: User) -> None:
    """The captain removes another member."""
    check_captain(team, by)
    if user.id == by.id:
        raise TeamError("Captains leave with the Leave button; it hands the captaincy to the next member.")
    check_unlocked(team.event)
    lock_teams(team)
    _drop_member(team, _member_row(team, user))
    db.session.commit()
    emitters.team_changed(team, "removed", user)
    rooms.team_left(team.id)


def transfer_captaincy(team: Team, by: User, to: User) -> None:
    """The captain (or an organizer) makes another member captain."""
    if not can_manage(by, team.event):
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

def move_participant(event: Event, user: User, to: Team | None) -> None:
    """An organizer moves a participant into `to` (or out of any team), even after teams are locked."""
    current = team_of(user, event)
    if current is not None and to is not None and current.id == to.id:
        raise AlreadyInTeam(current, user)
    if current is None and to is None:
        raise TeamError(f"{user.display_name} is not in a team; choose the team to move them to.")
    lock_teams(*[team for team in (current, to) if team is not None])
    if current is not None:
        _drop_member(current, _member_row(current, user))
    lapsed = admit(to, user, enforce_lock=False) if to is not None else set()
    commit_join(to or current, user, "moved", lapsed)
    if current is not None and to is not None:
        emitters.team_changed(current, "moved", user)
    if current is not None:
        rooms.team_left(current.id)
        _withdraw_help_if_dissolved(current)


def disband_team(team: Team) -> None:
    """An organizer dissolves a team: every member is freed; the team row (and any entry) is kept."""
    lock_teams(team)
    if team.is_dissolved:
        raise TeamDissolved(team)
    db.session.execute(db.delete(TeamMember).where(TeamMember.team_id == team.id))
    _dissolve(team)
    db.session.expire(team, ["members"])
    db.session.commit()
    emitters.team_changed(team, "dissolved", None)
    rooms.team_left(team.id)
    _withdraw_help_if_dissolved(team)


def _withdraw_help_if_dissolved(team: Team) -> None:
    if team.is_dissolved:
        help_requests.team_dissolved(team.id)
