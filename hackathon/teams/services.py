"""Team lifecycle: creating and editing a team, its invite code, and joining it by link or code."""
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Event, Team, TeamMember, TeamSkill, User
from ..models.team import name_key, new_invite_code
from ..realtime import emitters, rooms
from .admission import admit, announce_lapsed, commit_join, stop_seeking, withdraw_asks_of
from .checks import check_can_form_team, check_captain
from .errors import InviteCodeRotated, TeamCodeNotFound, TeamDissolved, TeamNameTaken, WrongEvent


@dataclass
class TeamDetails:
    """What a captain sets about a team."""

    name: str
    pitch: str = ""
    skills: tuple[str, ...] | list[str] = ()
    is_open: bool = True


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
    lapsed = withdraw_asks_of(user, event, except_team=None)
    stop_seeking(user, event)
    db.session.commit()
    rooms.access_gained(user.id)
    announce_lapsed(lapsed, user)
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


def _check_name_free(event: Event, name: str, team: Team | None = None) -> None:
    taken = db.session.scalar(db.select(Team.id).where(Team.event_id == event.id, Team.name_key == name_key(name)))
    if taken is not None and (team is None or taken != team.id):
        raise TeamNameTaken(name)


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


# ---- joining by link or code ---------------------------------------------------------------------

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


def join_team_by_code(user: User, event: Event, team_id: int, code: str) -> Team:
    """Join the team whose invite link `user` followed, if the link, the seats and the clock allow."""
    team = team_for_invite(event, team_id, code)
    commit_join(team, user, lapsed=admit(team, user))
    return team
