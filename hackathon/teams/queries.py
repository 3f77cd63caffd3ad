"""Looking teams up (read-only); the team rules live in services.py."""
from ..errors import DomainError
from ..extensions import db
from ..models import Event, Team, TeamMember


class TeamTooSmall(DomainError):
    def __init__(self, team: Team, minimum: int):
        super().__init__(f"{team.name} has {team.size} member{'s' if team.size != 1 else ''}; this event needs "
                         f"at least {minimum} to submit. Invite teammates from the team page.")


def team_of(user, event: Event) -> Team | None:
    """The team `user` is in for `event`, if any."""
    if not user.is_authenticated:
        return None
    return db.session.scalar(db.select(Team).join(TeamMember).where(
        TeamMember.event_id == event.id, TeamMember.user_id == user.id))


def list_teams(event: Event) -> list[Team]:
    """Every team of the event, dissolved ones too (their entries are kept), by name."""
    return list(db.session.scalars(db.select(Team).where(Team.event_id == event.id).order_by(Team.name_key)))


def find_team(event: Event, team_id: int | None) -> Team | None:
    team = db.session.get(Team, team_id) if team_id else None
    return team if team is not None and team.event_id == event.id else None


def check_team_can_submit(team: Team) -> None:
    """A team below the event's minimum size can save drafts but not submit."""
    if team.size < team.event.team_size_min:
        raise TeamTooSmall(team, team.event.team_size_min)
