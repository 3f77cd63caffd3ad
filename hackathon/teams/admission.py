"""Adding a member: the seat-checked insert under the team's lock, and the asks that lapse when someone joins.

The unique (event, user) on team_member is the last word on "one team per participant per event";
announcements go out through realtime.emitters after the commit.
"""
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Event, JoinRequest, Team, TeamMember, TeamSeeker, User
from ..models.team import PENDING, WITHDRAWN
from ..models.types import utcnow
from ..realtime import emitters, rooms
from .checks import check_can_join, lock_teams
from .errors import AlreadyInTeam
from .queries import team_of


def admit(team: Team, user: User, enforce_lock: bool = True) -> set[int]:
    """Add `user` to `team` under the team's lock; their other asks lapse (returns those teams' ids).
    The caller commits."""
    lock_teams(team)
    check_can_join(user, team, enforce_lock)
    db.session.add(TeamMember(event_id=team.event_id, team_id=team.id, user_id=user.id))
    try:
        db.session.flush()
    except IntegrityError:  # joined another team in a parallel request, which the unique key caught
        db.session.rollback()
        raise AlreadyInTeam(team_of(user, team.event) or team) from None
    lapsed = withdraw_asks_of(user, team.event, except_team=team)
    stop_seeking(user, team.event)
    return lapsed


def commit_join(team: Team, user: User, what: str = "joined", lapsed: set[int] = frozenset()) -> None:
    """Commit an admission, then announce it and the asks it made lapse."""
    try:
        db.session.commit()
    except IntegrityError:  # joined another team in a parallel request
        db.session.rollback()
        raise AlreadyInTeam(team_of(user, team.event) or team) from None
    rooms.access_gained(user.id)
    emitters.team_changed(team, what, user)
    announce_lapsed(lapsed, user)


def withdraw_asks_of(user: User, event: Event, except_team: Team | None) -> set[int]:
    """Withdraw `user`'s pending asks in `event` (but the one to `except_team`); returns those teams' ids."""
    # A person in a team no longer wants the other teams: their pending asks lapse.
    query = (update(JoinRequest).where(JoinRequest.event_id == event.id, JoinRequest.user_id == user.id,
                                       JoinRequest.status == PENDING)
             .values(status=WITHDRAWN, decided_at=utcnow()).returning(JoinRequest.team_id)
             .execution_options(synchronize_session="fetch"))
    if except_team is not None:
        query = query.where(JoinRequest.team_id != except_team.id)
    return set(db.session.scalars(query))


def announce_lapsed(team_ids: set[int], user: User) -> None:
    """Tell each team whose ask lapsed that `user` withdrew it (after the commit)."""
    for team_id in sorted(team_ids):
        emitters.team_changed(db.session.get(Team, team_id), "request_withdrawn", user)


def stop_seeking(user: User, event: Event) -> None:
    """Take `user` off the finder's list of people looking for a team; the caller commits."""
    db.session.execute(db.delete(TeamSeeker).where(TeamSeeker.event_id == event.id, TeamSeeker.user_id == user.id))
