"""Team lifecycle rules: forming and editing teams, names unique per event, invite links and typed codes."""
import pytest

from hackathon.extensions import db
from hackathon.models import TeamMember
from hackathon.teams import asks, errors, membership, queries, services
from hackathon.teams.services import TeamDetails
from tests.factories import make_event, make_member, make_participant, make_team
from tests.teams.lookups import member_ids, statuses


def details(name="Night Owls", **fields):
    return TeamDetails(name=name, **fields)


def test_create_team_makes_the_creator_captain_and_first_member(event):
    ada = make_participant(event)
    team = services.create_team(ada, event, details(pitch="Maps for bikes", skills=["ux design", "rust"]))
    assert team.captain_id == ada.id and member_ids(team) == {ada.id}
    assert team.skill_names == ["rust", "ux design"] and team.pitch == "Maps for bikes" and team.is_open
    assert len(team.invite_code) == 8


def test_team_names_are_unique_per_event_ignoring_case_and_spacing(event):
    services.create_team(make_participant(event), event, details("Night Owls"))
    with pytest.raises(errors.TeamNameTaken):
        services.create_team(make_participant(event), event, details("  night   OWLS "))
    other = make_event()
    assert services.create_team(make_participant(other), other, details("Night Owls")).name == "Night Owls"


def test_a_participant_can_be_in_only_one_team_per_event(event):
    ada = make_participant(event)
    services.create_team(ada, event, details("First"))
    with pytest.raises(errors.AlreadyInTeam, match="already in the team First"):
        services.create_team(ada, event, details("Second"))


def test_the_database_refuses_a_second_membership_in_the_same_event(event):
    ada = make_participant(event)
    make_team(event, [ada])
    db.session.add(TeamMember(event_id=event.id, team_id=make_team(event).id, user_id=ada.id))
    with pytest.raises(Exception):
        db.session.commit()
    db.session.rollback()


def test_only_participants_form_teams(event):
    with pytest.raises(errors.NotParticipant):
        services.create_team(make_member(event, "mentor"), event, details())


def test_creating_a_team_withdraws_pending_requests_and_stops_looking(event):
    ada, other = make_participant(event), make_team(event, [make_participant(event)])
    asks.start_looking(ada, event, "backend")
    asks.request_to_join(ada, other, "hi")
    services.create_team(ada, event, details())
    assert statuses(other) == {ada.id: "withdrawn"}
    assert queries.seeker_of(ada, event) is None


def test_the_captain_edits_the_team_but_others_cannot(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada, ben], skills=["go"])
    services.update_team(team, ada, details("Renamed", skills=["python"], is_open=False))
    assert (team.name, team.skill_names, team.is_open) == ("Renamed", ["python"], False)
    with pytest.raises(errors.NotCaptain):
        services.update_team(team, ben, details("Mine now"))


def test_following_the_invite_link_joins_the_team(event):
    team, ben = make_team(event, [make_participant(event)]), make_participant(event)
    assert services.join_team_by_code(ben, event, team.id, team.invite_code.lower()) == team
    assert ben.id in member_ids(team)


def test_a_rotated_link_says_so_and_the_new_one_works(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada])
    old = team.invite_code
    new = services.rotate_invite_code(team, ada)
    with pytest.raises(errors.InviteCodeRotated, match="replaced by a new one"):
        services.join_team_by_code(ben, event, team.id, old)
    assert services.join_team_by_code(ben, event, team.id, new) == team


def test_only_the_captain_rotates_the_link(event):
    ada, ben = make_participant(event), make_participant(event)
    with pytest.raises(errors.NotCaptain):
        services.rotate_invite_code(make_team(event, [ada, ben]), ben)


def test_a_link_of_another_event_is_explained(event):
    other = make_event()
    team = make_team(other, [make_participant(other)])
    with pytest.raises(errors.WrongEvent, match=f"of {other.name}, not of {event.name}"):
        services.join_team_by_code(make_participant(event), event, team.id, team.invite_code)


def test_a_full_team_refuses_and_says_what_to_do(event):
    team = make_team(event, [make_participant(event) for _ in range(3)])
    with pytest.raises(errors.TeamFull, match="Ask the captain to free a seat"):
        services.join_team_by_code(make_participant(event), event, team.id, team.invite_code)


def test_someone_in_a_team_cannot_follow_another_teams_link(event):
    ben = make_participant(event)
    make_team(event, [ben], name="Mine")
    team = make_team(event, [make_participant(event)])
    with pytest.raises(errors.AlreadyInTeam, match="Mine"):
        services.join_team_by_code(ben, event, team.id, team.invite_code)


def test_non_participants_cannot_use_a_team_link(event):
    team = make_team(event, [make_participant(event)])
    with pytest.raises(errors.NotParticipant):
        services.join_team_by_code(make_member(event, "judge"), event, team.id, team.invite_code)


def test_a_dissolved_teams_link_is_dead(event):
    ada = make_participant(event)
    team = make_team(event, [ada])
    membership.leave_team(ada, team)
    with pytest.raises(errors.TeamDissolved):
        services.join_team_by_code(make_participant(event), event, team.id, team.invite_code)


def test_typed_codes_ignore_case_spaces_and_dashes(event):
    team = make_team(event, [make_participant(event)])
    code = team.invite_code
    assert services.team_for_code(event, f" {code[:4].lower()}-{code[4:]} ") == team
    with pytest.raises(errors.TeamCodeNotFound):
        services.team_for_code(event, "NOPE1234")
    with pytest.raises(errors.WrongEvent):
        services.team_for_code(make_event(), code)


def test_two_teams_created_with_one_name_at_once_make_one_team(app, event):
    from hackathon.models import Event, User
    from tests.concurrency import run_at_once

    creators, event_id = [make_participant(event).id for _ in range(8)], event.id

    def create(user_id):
        return services.create_team(db.session.get(User, user_id), db.session.get(Event, event_id),
                                    details("Same Name")).id

    results = run_at_once(app, create, creators)
    assert len([r for r in results if isinstance(r, int)]) == 1, results
    assert all(isinstance(r, errors.TeamNameTaken) for r in results if not isinstance(r, int)), results
