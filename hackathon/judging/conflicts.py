"""Conflicts of interest: declared by judges, marked by organizers, or found from shared organizations
and from mentoring (a judge who, as a mentor, resolved a team's help request, or is one of its
standing mentors)."""
from ..errors import DomainError
from ..extensions import db
from ..models import Conflict, Event, HelpRequest, Membership, TeamMentor, User
from ..models.membership import JUDGE
from ..models.mentor import RESOLVED

DECLARED = "declared"
ORGANIZER = "organizer"
SHARED_ORGANIZATION = "organization"
MENTORED = "helped the team as a mentor"
STANDING_MENTOR = "is one of the team's standing mentors"


def conflict_pairs(event: Event, teams) -> dict[tuple[int, int], str]:
    """Every (judge_id, team_id) that must not be assigned, with the reason."""
    pairs = {(c.judge_id, c.team_id): c.reason or c.source for c in db.session.scalars(
        db.select(Conflict).where(Conflict.event_id == event.id))}
    for judge in event_judges(event):
        organization = judge.organization.strip().casefold()
        if not organization:
            continue
        for team in teams:
            if any(m.user.organization.strip().casefold() == organization for m in team.members):
                pairs.setdefault((judge.id, team.id), f"shares the organization “{judge.organization}”")
    for pair in mentored_pairs(event):
        pairs.setdefault(pair, MENTORED)
    for pair in standing_mentor_pairs(event):
        pairs.setdefault(pair, STANDING_MENTOR)
    return pairs


def conflict_reason(event: Event, judge: User, team) -> str | None:
    """Why `judge` must not judge `team` (for assigning and for every score), or None."""
    return conflict_pairs(event, [team]).get((judge.id, team.id))


def mentored_pairs(event: Event) -> set[tuple[int, int]]:
    """(judge_id, team_id) where the judge, as a mentor of the event, resolved one of the team's help requests."""
    judges = db.select(Membership.user_id).where(Membership.event_id == event.id, Membership.role == JUDGE)
    return {tuple(row) for row in db.session.execute(db.select(HelpRequest.resolved_by_id, HelpRequest.team_id).where(
        HelpRequest.event_id == event.id, HelpRequest.status == RESOLVED, HelpRequest.resolved_by_id.in_(judges)))}


def standing_mentor_pairs(event: Event) -> set[tuple[int, int]]:
    """(judge_id, team_id) where the judge is, as a mentor of the event, one of the team's standing mentors."""
    judges = db.select(Membership.user_id).where(Membership.event_id == event.id, Membership.role == JUDGE)
    return {tuple(row) for row in db.session.execute(db.select(TeamMentor.mentor_id, TeamMentor.team_id).where(
        TeamMentor.event_id == event.id, TeamMentor.mentor_id.in_(judges)))}


def event_judges(event: Event) -> list[User]:
    return list(db.session.scalars(db.select(User).join(Membership, Membership.user_id == User.id).where(
        Membership.event_id == event.id, Membership.role == JUDGE).order_by(User.id)))


def record_conflict(event: Event, judge: User, team, source: str, reason: str, by: User) -> Conflict:
    """A judge declares, or an organizer marks, a conflict with a team (idempotent)."""
    existing = db.session.scalar(db.select(Conflict).where(Conflict.judge_id == judge.id,
                                                           Conflict.team_id == team.id))
    if existing is not None:
        return existing
    if team.event_id != event.id:
        raise DomainError("That team belongs to another event.")
    conflict = Conflict(event_id=event.id, judge_id=judge.id, team_id=team.id, source=source,
                        reason=reason.strip(), created_by_id=by.id)
    db.session.add(conflict)
    db.session.commit()
    return conflict


def remove_conflict(conflict: Conflict) -> None:
    """Organizers can lift a conflict that was marked in error."""
    db.session.delete(conflict)
    db.session.commit()
