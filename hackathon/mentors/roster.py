"""Looking standing mentors up (read-only): who mentors which team and which challenge, and what the
planner needs to know of teams and mentors."""
from datetime import datetime

from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import (Challenge, ChallengeMentor, Event, HelpRequest, Membership, Submission, Team, TeamMember,
                      TeamMentor, User)
from ..models.membership import MENTOR
from ..models.submission import submission_challenge


def _current_mentors(event_id: int):
    return db.select(Membership.user_id).where(Membership.event_id == event_id, Membership.role == MENTOR)


def active_teams(event: Event) -> list[Team]:
    """The teams a standing mentor can be given: not dissolved, with at least one member; by name."""
    has_members = db.select(TeamMember.id).where(TeamMember.team_id == Team.id).exists()
    return list(db.session.scalars(db.select(Team).where(
        Team.event_id == event.id, Team.dissolved_at.is_(None), has_members)
        .options(selectinload(Team.wanted_skills), selectinload(Team.members).selectinload(TeamMember.user))
        .order_by(db.func.lower(Team.name), Team.id)))


def entries_by_team(event: Event) -> dict[int, Submission]:
    """Each team's entry (draft or submitted), by team id."""
    return {s.team_id: s for s in db.session.scalars(db.select(Submission).where(Submission.event_id == event.id)
                                                     .options(selectinload(Submission.challenges)))}


def team_challenge_ids(event: Event) -> dict[int, frozenset]:
    """The challenges each team's entry or draft names, by team id."""
    rows = db.session.execute(db.select(Submission.team_id, submission_challenge.c.challenge_id)
                              .join(submission_challenge, submission_challenge.c.submission_id == Submission.id)
                              .where(Submission.event_id == event.id)).all()
    named: dict[int, set] = {}
    for team_id, challenge_id in rows:
        named.setdefault(team_id, set()).add(challenge_id)
    return {team_id: frozenset(ids) for team_id, ids in named.items()}


def challenge_ties(event: Event) -> dict[int, frozenset]:
    """The challenges each mentor is attached to, by mentor id."""
    ties: dict[int, set] = {}
    for row in db.session.scalars(db.select(ChallengeMentor).where(ChallengeMentor.event_id == event.id)):
        ties.setdefault(row.mentor_id, set()).add(row.challenge_id)
    return {mentor_id: frozenset(ids) for mentor_id, ids in ties.items()}


def event_pairs(event: Event) -> list[TeamMentor]:
    """Every standing pair of the event (whoever is still there), by team then mentor."""
    return list(db.session.scalars(db.select(TeamMentor).where(TeamMentor.event_id == event.id)
                                   .options(selectinload(TeamMentor.team), selectinload(TeamMentor.mentor))
                                   .order_by(TeamMentor.team_id, TeamMentor.mentor_id)))


def find_pair(event: Event, pair_id: int) -> TeamMentor | None:
    """The standing pair with this id if it belongs to `event`."""
    pair = db.session.get(TeamMentor, pair_id)
    return pair if pair is not None and pair.event_id == event.id else None


def mentors_of_team(team: Team) -> list[TeamMentor]:
    """A team's standing mentors (those still mentors of the event), by name."""
    return list(db.session.scalars(db.select(TeamMentor).join(User, User.id == TeamMentor.mentor_id).where(
        TeamMentor.team_id == team.id, TeamMentor.mentor_id.in_(_current_mentors(team.event_id)))
        .options(selectinload(TeamMentor.mentor)).order_by(db.func.lower(User.display_name))))


def own_mentor_ids(team_id: int) -> frozenset:
    """The ids of a team's standing mentors (a help request is offered to them first)."""
    team_event = db.select(Team.event_id).where(Team.id == team_id).scalar_subquery()
    return frozenset(db.session.scalars(db.select(TeamMentor.mentor_id).where(
        TeamMentor.team_id == team_id, TeamMentor.mentor_id.in_(
            db.select(Membership.user_id).where(Membership.event_id == team_event, Membership.role == MENTOR)))))


def own_mentors_by_team(event: Event) -> dict[int, frozenset]:
    """Every team's standing mentor ids, by team id (for a whole queue at once)."""
    pairs: dict[int, set] = {}
    for team_id, mentor_id in db.session.execute(db.select(TeamMentor.team_id, TeamMentor.mentor_id).where(
            TeamMentor.event_id == event.id, TeamMentor.mentor_id.in_(_current_mentors(event.id)))):
        pairs.setdefault(team_id, set()).add(mentor_id)
    return {team_id: frozenset(ids) for team_id, ids in pairs.items()}


def teams_of_mentor(event: Event, mentor: User) -> list[Team]:
    """The live teams `mentor` is a standing mentor of, by name."""
    return list(db.session.scalars(db.select(Team).join(TeamMentor, TeamMentor.team_id == Team.id).where(
        TeamMentor.event_id == event.id, TeamMentor.mentor_id == mentor.id, Team.dissolved_at.is_(None))
        .options(selectinload(Team.members).selectinload(TeamMember.user))
        .order_by(db.func.lower(Team.name), Team.id)))


def mentors_of_challenge(challenge: Challenge) -> list[User]:
    """The mentors attached to a challenge (still mentors of its event), by name."""
    return list(db.session.scalars(db.select(User).join(ChallengeMentor, ChallengeMentor.mentor_id == User.id).where(
        ChallengeMentor.challenge_id == challenge.id,
        ChallengeMentor.mentor_id.in_(_current_mentors(challenge.event_id)))
        .order_by(db.func.lower(User.display_name))))


def challenge_mentor_rows(event: Event) -> dict[int, list[ChallengeMentor]]:
    """The attachments of every challenge of the event, by challenge id."""
    rows: dict[int, list] = {}
    for row in db.session.scalars(db.select(ChallengeMentor).join(User, User.id == ChallengeMentor.mentor_id).where(
            ChallengeMentor.event_id == event.id).options(selectinload(ChallengeMentor.mentor))
            .order_by(db.func.lower(User.display_name))):
        rows.setdefault(row.challenge_id, []).append(row)
    return rows


def last_contacts(event: Event, mentor: User) -> dict[int, datetime]:
    """When `mentor` last took a help request of each team (claimed or resolved it), by team id."""
    claimed = db.session.execute(db.select(HelpRequest.team_id, db.func.max(HelpRequest.claimed_at)).where(
        HelpRequest.event_id == event.id, HelpRequest.claimed_by_id == mentor.id).group_by(HelpRequest.team_id))
    resolved = db.session.execute(db.select(HelpRequest.team_id, db.func.max(HelpRequest.resolved_at)).where(
        HelpRequest.event_id == event.id, HelpRequest.resolved_by_id == mentor.id).group_by(HelpRequest.team_id))
    latest: dict[int, datetime] = {}
    for team_id, moment in list(claimed) + list(resolved):
        if moment is not None and (team_id not in latest or moment > latest[team_id]):
            latest[team_id] = moment
    return latest
