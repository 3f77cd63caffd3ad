"""The finder's lists (open teams, seekers by skill) and the minimum size checked when submitting."""
import pytest

from hackathon.extensions import db
from hackathon.models import TeamSeeker
from hackathon.teams import asks, queries, services
from tests.factories import make_participant, make_team


def test_the_finder_filters_seekers_by_skill(event):
    rust, ux = make_participant(event, skills=["rust"]), make_participant(event, skills=["ux design"])
    for user in (rust, ux):
        asks.start_looking(user, event, "")
    assert [s.user_id for s in queries.seekers(event, ["rust"])] == [rust.id]


def test_the_finder_lists_open_teams_with_seats_best_match_first(event):
    one = make_team(event, [make_participant(event)], name="One", skills=["python"])
    both = make_team(event, [make_participant(event)], name="Both", skills=["python", "rust"])
    make_team(event, [make_participant(event)], name="Closed", skills=["python"], is_open=False)
    make_team(event, [make_participant(event) for _ in range(3)], name="Full", skills=["python"])
    make_team(event, [make_participant(event)], name="Other", skills=["go"])
    assert [t.name for t in queries.open_teams(event, ["python", "rust"])] == ["Both", "One"]
    assert {t.id for t in queries.open_teams(event)} >= {one.id, both.id}


def test_the_minimum_size_is_checked_when_submitting(event):
    ada = make_participant(event)
    team = make_team(event, [ada])
    assert not queries.team_meets_minimum(team)
    with pytest.raises(queries.TeamTooSmall, match="at least 2"):
        queries.check_team_can_submit(team)
    services.join_team_by_code(make_participant(event), event, team.id, team.invite_code)
    db.session.refresh(team)
    queries.check_team_can_submit(team)


def test_seekers_who_joined_a_team_are_not_listed(event):
    ben = make_participant(event)
    db.session.add(TeamSeeker(event_id=event.id, user_id=ben.id))
    db.session.commit()
    make_team(event, [ben])
    assert queries.seekers(event) == []
