"""Leaving, removal, captaincy, and the organizers' moves and disbanding."""
from datetime import timedelta

import pytest

from hackathon.extensions import db
from hackathon.models import Team
from hackathon.models.types import utcnow
from hackathon.teams import asks, errors, membership, queries, services
from hackathon.teams.services import TeamDetails
from tests.factories import make_event, make_member, make_participant, make_team
from tests.teams.lookups import member_ids, statuses


def test_a_member_leaves(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada, ben])
    membership.leave_team(ben, team)
    assert member_ids(team) == {ada.id} and team.captain_id == ada.id


def test_a_leaving_captain_hands_over_to_the_longest_standing_member(event):
    ada, ben, cy = make_participant(event), make_participant(event), make_participant(event)
    team = make_team(event, [ada, ben, cy])
    joined = {m.user_id: m for m in team.members}
    joined[ben.id].joined_at = utcnow() - timedelta(minutes=1)
    joined[cy.id].joined_at = utcnow() - timedelta(hours=1)
    db.session.commit()
    membership.leave_team(ada, team)
    assert team.captain_id == cy.id


def test_the_last_member_leaving_dissolves_the_team_but_keeps_its_row(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada], name="Solo")
    asks.request_to_join(ben, team)
    membership.leave_team(ada, team)
    db.session.refresh(team)
    assert team.is_dissolved and team.captain_id is None and db.session.get(Team, team.id) is not None
    assert statuses(team) == {ben.id: "withdrawn"}
    assert services.create_team(ben, event, TeamDetails("Solo")).name == "Solo"  # the name is free again


def test_leaving_a_team_you_are_not_in_is_refused(event):
    with pytest.raises(errors.NotMember, match="You are not a member"):
        membership.leave_team(make_participant(event), make_team(event, [make_participant(event)]))


def test_the_captain_removes_a_member_but_not_themselves(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada, ben])
    with pytest.raises(errors.NotCaptain):
        membership.remove_member(team, ben, ada)
    with pytest.raises(errors.TeamError, match="Leave button"):
        membership.remove_member(team, ada, ada)
    membership.remove_member(team, ada, ben)
    assert member_ids(team) == {ada.id}


def test_the_captain_transfers_the_captaincy_to_a_member_only(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada, ben])
    with pytest.raises(errors.NotMember):
        membership.transfer_captaincy(team, ada, make_participant(event))
    membership.transfer_captaincy(team, ada, ben)
    assert team.captain_id == ben.id
    with pytest.raises(errors.NotCaptain):
        membership.transfer_captaincy(team, ada, ada)


def test_an_organizer_may_hand_the_captaincy_on(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada, ben])
    membership.transfer_captaincy(team, make_member(event, "organizer"), ben)
    assert team.captain_id == ben.id


def test_an_organizer_moves_a_participant_between_teams_even_when_locked(app):
    event = make_event("judging", team_size_max=3)
    ada, ben, cy = make_participant(event), make_participant(event), make_participant(event)
    source, target = make_team(event, [ada, ben]), make_team(event, [cy])
    membership.move_participant(event, ada, target)
    assert member_ids(source) == {ben.id} and source.captain_id == ben.id
    assert member_ids(target) == {cy.id, ada.id}


def test_moving_into_a_full_team_is_refused(event):
    ada = make_participant(event)
    full = make_team(event, [make_participant(event) for _ in range(3)])
    with pytest.raises(errors.TeamFull):
        membership.move_participant(event, ada, full)


def test_moving_the_last_member_out_dissolves_the_team(event):
    ada = make_participant(event)
    team = make_team(event, [ada])
    membership.move_participant(event, ada, None)
    assert team.is_dissolved and queries.team_of(ada, event) is None


def test_moving_someone_without_a_team_nowhere_is_explained(event):
    with pytest.raises(errors.TeamError, match="not in a team"):
        membership.move_participant(event, make_participant(event), None)


def test_disbanding_frees_every_member_and_keeps_the_team_row(app):
    event = make_event("results")
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada, ben])
    membership.disband_team(team)
    assert team.is_dissolved and member_ids(team) == set() and queries.team_of(ada, event) is None
    assert [t.id for t in queries.list_teams(event)] == [team.id] and queries.active_teams(event) == []
    with pytest.raises(errors.TeamDissolved):
        membership.disband_team(team)
