"""The checks before any team change: the lock when submissions are due, and why someone can't join."""
from datetime import timedelta

import pytest

from hackathon.extensions import db
from hackathon.models.types import utcnow
from hackathon.teams import checks, errors, membership, services
from hackathon.teams.services import TeamDetails
from tests.factories import make_event, make_member, make_participant, make_team


def test_membership_changes_are_locked_once_submissions_are_due(app):
    event = make_event("judging")
    ada, team = make_participant(event), make_team(event, [make_participant(event)])
    with pytest.raises(errors.TeamsLocked, match="Ask an organizer"):
        services.create_team(ada, event, TeamDetails("Night Owls"))
    with pytest.raises(errors.TeamsLocked):
        services.join_team_by_code(ada, event, team.id, team.invite_code)
    with pytest.raises(errors.TeamsLocked):
        membership.leave_team(team.members[0].user, team)


def test_the_lock_follows_the_event_clock_not_the_wall_clock(app):
    # Paused before the deadline: the wall clock has passed it, the event's clock has not.
    event = make_event("hacking")
    event.paused_at = utcnow() - timedelta(hours=2)
    event.submissions_due_at = utcnow() - timedelta(minutes=5)
    db.session.commit()
    assert event.clock().phase == "hacking" and not checks.are_teams_locked(event)
    assert services.create_team(make_participant(event), event, TeamDetails("Night Owls")).id


def test_why_not_join_explains_before_trying(event):
    team = make_team(event, [make_participant(event)])
    assert checks.why_not_join(make_participant(event), team) is None
    assert isinstance(checks.why_not_join(make_member(event, "mentor"), team), errors.NotParticipant)
