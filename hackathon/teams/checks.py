"""The checks team changes run first: the clock lock, participation, one team per person, seats, captaincy.

Seat counts are only trustworthy under `lock_teams`, which re-reads the team under a row lock
(PostgreSQL) or inside SQLite's BEGIN IMMEDIATE, so the count checked is the one written against.
"""
from ..extensions import db
from ..models import Event, Membership, Team, TeamMember, User
from ..models.membership import PARTICIPANT
from ..schedule import CLOSED, JUDGING, RESULTS
from .errors import AlreadyInTeam, NotCaptain, NotParticipant, TeamDissolved, TeamError, TeamFull, TeamsLocked
from .queries import team_of

# Once submissions are due, who is in which team is part of the record judges see.
LOCKED_PHASES = (JUDGING, RESULTS, CLOSED)


def are_teams_locked(event: Event) -> bool:
    """Whether participants may no longer change teams: submissions are due, by the event's clock."""
    return event.clock().phase in LOCKED_PHASES


def check_unlocked(event: Event) -> None:
    """Refuse once the event's teams are locked."""
    if are_teams_locked(event):
        raise TeamsLocked(event)


def check_participant(user: User, event: Event) -> None:
    """Refuse unless `user` is a participant of `event`: only participants are in teams."""
    held = db.session.scalar(db.select(Membership.id).where(
        Membership.user_id == user.id, Membership.event_id == event.id, Membership.role == PARTICIPANT))
    if held is None:
        raise NotParticipant(event)


def check_free(user: User, event: Event, by: User | None = None) -> None:
    """Refuse if `user` is already in a team of `event`; named in the error when `by` acts for them."""
    current = team_of(user, event)
    if current is not None:
        raise AlreadyInTeam(current, user if by is not None and by.id != user.id else None)


def check_captain(team: Team, user: User) -> None:
    """Refuse unless `user` captains `team`."""
    if team.captain_id != user.id:
        raise NotCaptain(team)


def member_count(team: Team) -> int:
    """How many members `team` has, counted in the database rather than the loaded relationship."""
    return db.session.scalar(db.select(db.func.count()).select_from(TeamMember).where(TeamMember.team_id == team.id))


def lock_teams(*teams: Team) -> None:
    """Re-read `teams` under a row lock, so their seat counts hold until the commit."""
    # In id order, so two moves between the same teams can't deadlock.
    for team in sorted(teams, key=lambda t: t.id):
        db.session.refresh(team, with_for_update=True)


def check_can_form_team(user: User, event: Event) -> None:
    """Refuse early (before showing the form) when `user` can't create a team now."""
    check_participant(user, event)
    check_unlocked(event)
    check_free(user, event)


def check_can_join(user: User, team: Team, enforce_lock: bool = True) -> None:
    """Refuse unless `user` may take a seat in `team` now (organizers' moves skip the clock lock)."""
    check_participant(user, team.event)
    if enforce_lock:
        check_unlocked(team.event)
    if team.is_dissolved:
        raise TeamDissolved(team)
    check_free(user, team.event)
    if member_count(team) >= team.event.team_size_max:
        raise TeamFull(team)


def why_not_join(user: User, team: Team) -> TeamError | None:
    """The reason `user` could not join `team` right now, to show before they try; None if they can."""
    try:
        check_can_join(user, team)
    except TeamError as error:
        return error
    return None
