"""Looking teams up (read-only); the rules that change teams live in services.py, asks.py and membership.py."""
from sqlalchemy.orm import selectinload

from ..errors import DomainError
from ..extensions import db
from ..models import Event, JoinRequest, Membership, Team, TeamMember, TeamSeeker, TeamSkill, User, UserSkill
from ..models.membership import PARTICIPANT
from ..models.team import INVITATION, PENDING, REQUEST


class TeamTooSmall(DomainError):
    def __init__(self, team: Team, minimum: int):
        super().__init__(f"{team.name} has {team.size} member{'s' if team.size != 1 else ''}; this event needs "
                         f"at least {minimum} to submit. Invite teammates from the team page.")


def team_of(user, event: Event) -> Team | None:
    """The team `user` is in for `event`, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(db.select(Team).join(TeamMember).where(
        TeamMember.event_id == event.id, TeamMember.user_id == user.id))


def team_id_of(user, event: Event) -> int | None:
    """The id of `user`'s team in `event` (for the live channel's team room)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(db.select(TeamMember.team_id).where(
        TeamMember.event_id == event.id, TeamMember.user_id == user.id))


def _with_people():
    return (selectinload(Team.members).selectinload(TeamMember.user).selectinload(User.skills),
            selectinload(Team.wanted_skills), selectinload(Team.captain))


def list_teams(event: Event) -> list[Team]:
    """Every team of the event, dissolved ones too (their entries are kept), by name."""
    return list(db.session.scalars(db.select(Team).where(Team.event_id == event.id)
                                   .options(*_with_people()).order_by(Team.dissolved_at.is_not(None),
                                                                      db.func.lower(Team.name))))


def active_teams(event: Event) -> list[Team]:
    """The teams of the event that still exist, by name."""
    return [team for team in list_teams(event) if not team.is_dissolved]


def find_team(event: Event, team_id: int | None) -> Team | None:
    """The team with this id if it belongs to `event`."""
    team = db.session.get(Team, team_id) if team_id else None
    return team if team is not None and team.event_id == event.id else None


def open_teams(event: Event, skills: list[str] = ()) -> list[Team]:
    """Teams taking requests with a free seat; with `skills`, those wanting any of them, best match first."""
    query = db.select(Team).where(Team.event_id == event.id, Team.is_open, Team.dissolved_at.is_(None))
    if skills:
        query = query.where(Team.id.in_(db.select(TeamSkill.team_id).where(TeamSkill.name.in_(skills))))
    teams = [team for team in db.session.scalars(query.options(*_with_people())) if not team.is_full]
    wanted = set(skills)
    return sorted(teams, key=lambda team: (-len(wanted & set(team.skill_names)), -team.seats_left, team.name.lower()))


def seekers(event: Event, skills: list[str] = ()) -> list[TeamSeeker]:
    """Participants without a team who said they are looking; with `skills`, those having any of them."""
    in_a_team = db.select(TeamMember.user_id).where(TeamMember.event_id == event.id)
    query = (db.select(TeamSeeker).where(TeamSeeker.event_id == event.id, TeamSeeker.user_id.not_in(in_a_team))
             .options(selectinload(TeamSeeker.user).selectinload(User.skills)).order_by(TeamSeeker.created_at.desc()))
    if skills:
        query = query.where(TeamSeeker.user_id.in_(db.select(UserSkill.user_id).where(UserSkill.name.in_(skills))))
    return list(db.session.scalars(query))


def seeker_of(user, event: Event) -> TeamSeeker | None:
    """`user`'s "looking for a team" note in `event`, if they left one."""
    if not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(db.select(TeamSeeker).where(TeamSeeker.event_id == event.id,
                                                         TeamSeeker.user_id == user.id))


def participants(event: Event) -> list[User]:
    """Every participant of the event, by name."""
    return list(db.session.scalars(db.select(User).join(Membership, Membership.user_id == User.id).where(
        Membership.event_id == event.id, Membership.role == PARTICIPANT).order_by(db.func.lower(User.display_name))))


def participants_without_team(event: Event) -> list[User]:
    """Every participant of the event who is in no team, by name."""
    in_a_team = db.select(TeamMember.user_id).where(TeamMember.event_id == event.id)
    return list(db.session.scalars(db.select(User).join(Membership, Membership.user_id == User.id).where(
        Membership.event_id == event.id, Membership.role == PARTICIPANT, User.id.not_in(in_a_team))
        .order_by(db.func.lower(User.display_name))))


def pending_requests(team: Team) -> list[JoinRequest]:
    """Requests to join `team` awaiting the captain, oldest first."""
    return _pending(team, REQUEST)


def pending_invitations(team: Team) -> list[JoinRequest]:
    """Invitations `team` sent that the invitee has not answered yet."""
    return _pending(team, INVITATION)


def _pending(team: Team, kind: str) -> list[JoinRequest]:
    return list(db.session.scalars(db.select(JoinRequest).where(
        JoinRequest.team_id == team.id, JoinRequest.kind == kind, JoinRequest.status == PENDING)
        .options(selectinload(JoinRequest.user).selectinload(User.skills)).order_by(JoinRequest.created_at)))


def asks_of(user, event: Event) -> list[JoinRequest]:
    """Every request `user` sent and invitation they got in `event`, newest first, with its outcome."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(db.session.scalars(db.select(JoinRequest).where(
        JoinRequest.event_id == event.id, JoinRequest.user_id == user.id)
        .options(selectinload(JoinRequest.team)).order_by(JoinRequest.created_at.desc())))


def pending_ask_between(team: Team, user) -> JoinRequest | None:
    """The unanswered request or invitation between `team` and `user`, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(db.select(JoinRequest).where(
        JoinRequest.team_id == team.id, JoinRequest.user_id == user.id, JoinRequest.status == PENDING))


def find_ask(event: Event, ask_id: int) -> JoinRequest | None:
    """The request or invitation with this id if it belongs to `event`."""
    ask = db.session.get(JoinRequest, ask_id)
    return ask if ask is not None and ask.event_id == event.id else None


def team_meets_minimum(team: Team) -> bool:
    """Whether the team has at least the event's minimum number of members."""
    return team.meets_minimum


def check_team_can_submit(team: Team) -> None:
    """A team below the event's minimum size can save drafts but not submit (the submissions rule)."""
    if not team_meets_minimum(team):
        raise TeamTooSmall(team, team.event.team_size_min)
