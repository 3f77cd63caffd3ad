"""Requests and invitations, answered by the right side, and participants looking for a team."""
import pytest

from hackathon.extensions import db
from hackathon.teams import asks, errors, queries, services
from tests.factories import make_participant, make_team
from tests.teams.lookups import member_ids, statuses


def test_a_request_accepted_by_the_captain_joins_the_team(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada])
    ask = asks.request_to_join(ben, team, "I do backend")
    assert (ask.status, ask.message, ask.kind) == ("pending", "I do backend", "request")
    assert queries.pending_requests(team) == [ask]
    asks.accept_join_request(ask, ada)
    assert ben.id in member_ids(team) and ask.status == "accepted" and ask.decided_by_id == ada.id


def test_a_declined_request_is_seen_by_the_requester_and_cannot_be_repeated(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada])
    asks.decline_join_request(asks.request_to_join(ben, team), ada)
    assert [(a.team_id, a.status) for a in queries.asks_of(ben, event)] == [(team.id, "declined")]
    with pytest.raises(errors.AskRefused, match="declined your request"):
        asks.request_to_join(ben, team)


def test_only_the_captain_answers_requests(event):
    ada, ben, cy = make_participant(event), make_participant(event), make_participant(event)
    ask = asks.request_to_join(cy, make_team(event, [ada, ben]))
    with pytest.raises(errors.NotCaptain):
        asks.accept_join_request(ask, ben)
    with pytest.raises(errors.NotCaptain):
        asks.decline_join_request(ask, cy)


def test_asking_twice_while_pending_is_refused(event):
    ben, team = make_participant(event), make_team(event, [make_participant(event)])
    asks.request_to_join(ben, team)
    with pytest.raises(errors.AskRefused, match="hasn't answered yet"):
        asks.request_to_join(ben, team)


def test_closed_teams_take_no_requests(event):
    team = make_team(event, [make_participant(event)], is_open=False)
    with pytest.raises(errors.TeamClosed, match="invite"):
        asks.request_to_join(make_participant(event), team)


def test_accepting_into_a_team_that_filled_up_meanwhile_refuses_and_keeps_the_request(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada, make_participant(event)])
    ask = asks.request_to_join(ben, team)
    services.join_team_by_code(make_participant(event), event, team.id, team.invite_code)
    with pytest.raises(errors.TeamFull):
        asks.accept_join_request(ask, ada)
    db.session.rollback()
    assert statuses(team) == {ben.id: "pending"}


def test_an_accepted_request_cannot_be_answered_again(event):
    ada, ben = make_participant(event), make_participant(event)
    ask = asks.request_to_join(ben, make_team(event, [ada]))
    asks.accept_join_request(ask, ada)
    with pytest.raises(errors.AskRefused, match="already accepted"):
        asks.decline_join_request(ask, ada)


def test_the_requester_withdraws_and_may_ask_again(event):
    ben, team = make_participant(event), make_team(event, [make_participant(event)])
    ask = asks.request_to_join(ben, team)
    asks.withdraw_join_request(ask, ben)
    assert ask.status == "withdrawn"
    assert asks.request_to_join(ben, team, "again").status == "pending"


def test_the_captain_invites_a_seeker_who_accepts(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada])
    asks.start_looking(ben, event, "frontend")
    invitation = asks.invite_participant(team, ada, ben)
    assert invitation.kind == "invitation" and queries.pending_invitations(team) == [invitation]
    with pytest.raises(errors.NotYours):
        asks.accept_join_request(invitation, ada)  # the invitee decides, not the captain
    asks.accept_join_request(invitation, ben)
    assert ben.id in member_ids(team) and queries.seeker_of(ben, event) is None


def test_a_request_to_a_team_that_invited_you_joins_at_once(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada])
    asks.invite_participant(team, ada, ben)
    assert asks.request_to_join(ben, team).status == "accepted" and ben.id in member_ids(team)


def test_inviting_someone_who_asked_to_join_accepts_them(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada])
    asks.request_to_join(ben, team)
    assert asks.invite_participant(team, ada, ben).status == "accepted"


def test_inviting_someone_already_in_a_team_names_them(event):
    ada, ben = make_participant(event), make_participant(event, display_name="Ben")
    make_team(event, [ben], name="Other")
    with pytest.raises(errors.AlreadyInTeam, match="Ben is already in the team Other"):
        asks.invite_participant(make_team(event, [ada]), ada, ben)


def test_only_the_captain_invites(event):
    ada, ben = make_participant(event), make_participant(event)
    with pytest.raises(errors.NotCaptain):
        asks.invite_participant(make_team(event, [ada, ben]), ben, make_participant(event))


def test_looking_for_a_team_lists_you_until_you_join_one(event):
    ben = make_participant(event, skills=["rust"])
    asks.start_looking(ben, event, "  embedded things ")
    assert [(s.user_id, s.note) for s in queries.seekers(event)] == [(ben.id, "embedded things")]
    asks.start_looking(ben, event, "changed my mind")
    assert [s.note for s in queries.seekers(event)] == ["changed my mind"]
    asks.stop_looking(ben, event)
    assert queries.seekers(event) == []


def test_someone_in_a_team_cannot_list_themselves_as_looking(event):
    ada = make_participant(event)
    make_team(event, [ada])
    with pytest.raises(errors.AlreadyInTeam):
        asks.start_looking(ada, event, "")
