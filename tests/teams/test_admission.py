"""Admitting a member: asks that lapse on joining, and exactly one seat or one team under real concurrency."""
from hackathon.extensions import db
from hackathon.models import TeamMember
from hackathon.teams import asks, errors, queries, services
from tests.factories import make_participant, make_team
from tests.teams.lookups import statuses


def test_joining_one_team_withdraws_pending_requests_to_others(event):
    ben = make_participant(event)
    first, second = make_team(event, [make_participant(event)]), make_team(event, [make_participant(event)])
    asks.request_to_join(ben, first)
    asks.request_to_join(ben, second)
    services.join_team_by_code(ben, event, second.id, second.invite_code)
    assert statuses(first) == {ben.id: "withdrawn"} and queries.pending_requests(first) == []


def test_fifty_simultaneous_joins_into_one_free_seat_admit_exactly_one(app, event):
    from hackathon.models import Event, User
    from tests.concurrency import run_at_once

    team = make_team(event, [make_participant(event), make_participant(event)])
    joiners = [make_participant(event).id for _ in range(50)]
    event_id, team_id, code = event.id, team.id, team.invite_code

    def join(user_id):
        return services.join_team_by_code(db.session.get(User, user_id), db.session.get(Event, event_id),
                                          team_id, code).id

    results = run_at_once(app, join, joiners)
    assert results.count(team_id) == 1, results
    assert all(isinstance(r, errors.TeamFull) for r in results if r != team_id), results
    assert db.session.scalar(db.select(db.func.count()).select_from(TeamMember)
                             .where(TeamMember.team_id == team_id)) == 3


def test_one_person_joining_two_teams_at_once_ends_up_in_one(app, event):
    from hackathon.models import Event, User
    from tests.concurrency import run_at_once

    ben = make_participant(event)
    teams = [make_team(event, [make_participant(event)]) for _ in range(6)]
    targets = [(t.id, t.invite_code) for t in teams]
    event_id, ben_id = event.id, ben.id

    def join(target):
        return services.join_team_by_code(db.session.get(User, ben_id), db.session.get(Event, event_id), *target).id

    results = run_at_once(app, join, targets)
    assert len([r for r in results if isinstance(r, int)]) == 1, results
    assert all(isinstance(r, errors.AlreadyInTeam) for r in results if not isinstance(r, int)), results
    assert db.session.scalar(db.select(db.func.count()).select_from(TeamMember)
                             .where(TeamMember.user_id == ben_id)) == 1
