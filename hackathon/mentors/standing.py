"""Standing mentors: organizers attach mentors to challenges, run the planner that gives every team
its go-to mentors, and assign, pin and remove pairs by hand.

Every change of an event's standing mentors first locks the event's mentoring settings row, so a
planner run and a hand-made change never interleave and capacities hold under concurrent clicks.
After the commit the teams and mentors concerned hear it (notify.standing_changed), and a judge who
became a team's standing mentor loses their unscored assignment to its entry (judging/conflicts.py
makes the pair a conflict for every later assignment and score).
"""
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..judging.assignments import drop_unscored
from ..judging.conflicts import event_judges
from ..models import Challenge, ChallengeMentor, Event, MentoringSettings, Team, TeamMentor, User
from . import notify, planning, queries, roster
from .errors import AssignmentsChanged, BadNumber, MentorFull, NotEventChallenge, NotEventMentor, NotEventTeam
from .settings import DEFAULTS

MAX_MENTORS_PER_TEAM = 5


def run_planner(event: Event, mentors_per_team: int) -> planning.Plan:
    """Give every team `mentors_per_team` standing mentors: pins kept, loads balanced, capacities
    respected, and as few other pairs changed as possible."""
    if not 1 <= mentors_per_team <= MAX_MENTORS_PER_TEAM:
        raise BadNumber("Mentors per team", 1, MAX_MENTORS_PER_TEAM)
    _lock(event).mentors_per_team = mentors_per_team
    rows = {row.pair: row for row in db.session.scalars(db.select(TeamMentor).where(TeamMentor.event_id == event.id))}
    plan = planning.plan_mentors(planner_teams(event), planner_mentors(event), set(rows),
                                 {pair for pair, row in rows.items() if row.is_pinned}, mentors_per_team)
    for pair in plan.remove:
        db.session.delete(rows[pair])
    db.session.flush()  # a pair moved away and back in one run must not meet its old row
    db.session.add_all(TeamMentor(event_id=event.id, team_id=team_id, mentor_id=mentor_id)
                       for team_id, mentor_id in sorted(plan.add))
    _commit()
    _announce(event, plan.add | plan.remove, plan.add)
    return plan


def assign_by_hand(event: Event, team: Team, mentor: User, by: User) -> TeamMentor:
    """An organizer makes `mentor` a standing mentor of `team`, pinned (kept by every planner run);
    refused when the mentor is at their capacity. Assigning an existing pair pins it."""
    _check_team(event, team)
    _check_mentor(event, mentor)
    _lock(event)
    row = _pair_of(team, mentor)
    if row is not None:
        row.is_pinned = True
        _commit()
        return row
    _check_room(event, mentor)
    row = TeamMentor(event_id=event.id, team_id=team.id, mentor_id=mentor.id, is_pinned=True, assigned_by_id=by.id)
    db.session.add(row)
    _commit()
    _announce(event, {row.pair}, {row.pair})
    return row


def set_pinned(event: Event, pair: TeamMentor, pinned: bool) -> TeamMentor:
    """Pin a pair (the planner keeps it whatever changes) or unpin it (the planner may move it)."""
    _lock(event)
    pair.is_pinned = pinned
    _commit()
    return pair


def remove_pair(event: Event, pair: TeamMentor) -> None:
    """Take a standing mentor off a team (the next planner run may give the team another)."""
    _lock(event)
    gone = pair.pair
    db.session.delete(pair)
    _commit()
    _announce(event, {gone}, set())


def attach_to_challenge(event: Event, challenge: Challenge, mentor: User) -> ChallengeMentor:
    """Attach a mentor to a challenge: its brief lists them, and the planner gives them only teams
    whose entry names one of their challenges. Attaching twice changes nothing."""
    if challenge.event_id != event.id:
        raise NotEventChallenge(event)
    _check_mentor(event, mentor)
    existing = _attachment(challenge, mentor)
    if existing is not None:
        return existing
    row = ChallengeMentor(event_id=event.id, challenge_id=challenge.id, mentor_id=mentor.id)
    db.session.add(row)
    try:
        db.session.commit()
    except IntegrityError:  # attached in a parallel request a moment ago
        db.session.rollback()
        return _attachment(challenge, mentor)
    return row


def detach_from_challenge(event: Event, challenge: Challenge, mentor: User) -> None:
    """Take a mentor off a challenge (their standing pairs stay until the planner runs again)."""
    if challenge.event_id != event.id:
        raise NotEventChallenge(event)
    db.session.execute(db.delete(ChallengeMentor).where(ChallengeMentor.challenge_id == challenge.id,
                                                        ChallengeMentor.mentor_id == mentor.id))
    db.session.commit()


def planner_teams(event: Event) -> list[planning.Team]:
    """The event's live teams as the planner sees them: the challenges their entry names, the skills they want."""
    challenges = roster.team_challenge_ids(event)
    return [planning.Team(team.id, challenges.get(team.id, frozenset()), frozenset(team.skill_names))
            for team in roster.active_teams(event)]


def planner_mentors(event: Event) -> list[planning.Mentor]:
    """The event's mentors as the planner sees them: challenges, expertise (skills until a profile is
    saved) and capacity."""
    profiles, ties = queries.profiles_by_mentor(event), roster.challenge_ties(event)
    mentors = []
    for mentor in queries.event_mentors(event):
        profile = profiles.get(mentor.id)
        tags = profile.tag_names if profile else mentor.skill_names
        mentors.append(planning.Mentor(mentor.id, ties.get(mentor.id, frozenset()), frozenset(tags),
                                       profile.max_teams if profile else None))
    return mentors


def _lock(event: Event) -> MentoringSettings:
    """The event's mentoring settings row, locked (created with the defaults on first use)."""
    row = db.session.get(MentoringSettings, event.id, with_for_update=True)
    if row is not None:
        return row
    try:
        with db.session.begin_nested():
            row = MentoringSettings(event_id=event.id, **DEFAULTS)
            db.session.add(row)
    except IntegrityError:  # created in a parallel request a moment ago
        row = db.session.get(MentoringSettings, event.id, with_for_update=True, populate_existing=True)
    return row


def _commit() -> None:
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise AssignmentsChanged() from None


def _announce(event: Event, changed: set, added: set) -> None:
    """After the commit: teams and mentors concerned re-render; a judge made a team's mentor stops judging it."""
    notify.standing_changed(event, {team_id for team_id, _ in changed}, {mentor_id for _, mentor_id in changed})
    judges = {judge.id: judge for judge in event_judges(event)} if added else {}
    for team_id, mentor_id in sorted(added):
        if mentor_id in judges:
            drop_unscored(event, judges[mentor_id], db.session.get(Team, team_id))


def _check_team(event: Event, team: Team | None) -> None:
    if team is None or team.event_id != event.id or team.is_dissolved:
        raise NotEventTeam(event)


def _check_mentor(event: Event, mentor: User | None) -> None:
    if mentor is None or not queries.is_event_mentor(event, mentor.id):
        raise NotEventMentor(event)


def _check_room(event: Event, mentor: User) -> None:
    profile = queries.profile_of(event, mentor)
    limit = profile.max_teams if profile else None
    if limit is not None and len(roster.teams_of_mentor(event, mentor)) >= limit:
        db.session.rollback()
        raise MentorFull(mentor, limit)


def _pair_of(team: Team, mentor: User) -> TeamMentor | None:
    return db.session.scalar(db.select(TeamMentor).where(TeamMentor.team_id == team.id,
                                                         TeamMentor.mentor_id == mentor.id))


def _attachment(challenge: Challenge, mentor: User) -> ChallengeMentor | None:
    return db.session.scalar(db.select(ChallengeMentor).where(ChallengeMentor.challenge_id == challenge.id,
                                                              ChallengeMentor.mentor_id == mentor.id))
