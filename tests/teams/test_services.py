"""Team rules, one test per rule: forming, joining by link, requests and invitations, leaving,
captaincy, the finder, size limits, the lock when submissions are due, and organizer fixes."""
from datetime import timedelta

import pytest

from hackathon.extensions import db
from hackathon.models import JoinRequest, Team, TeamMember, TeamSeeker
from hackathon.models.types import utcnow
from hackathon.teams import queries, services
from hackathon.teams.services import TeamDetails
from tests.factories import make_event, make_member, make_participant, make_team


@pytest.fixture
def event(app):
    return make_event("hacking", team_size_min=2, team_size_max=3)


def details(name="Night Owls", **fields):
    return TeamDetails(name=name, **fields)


def statuses(team):
    return dict(db.session.execute(db.select(JoinRequest.user_id, JoinRequest.status)
                                   .where(JoinRequest.team_id == team.id)).all())


def member_ids(team):
    return set(db.session.scalars(db.select(TeamMember.user_id).where(TeamMember.team_id == team.id)))


# ---- creating ------------------------------------------------------------------------------------

def test_create_team_makes_the_creator_captain_and_first_member(event):
    ada = make_participant(event)
    team = services.create_team(ada, event, details(pitch="Maps for bikes", skills=["ux design", "rust"]))
    assert team.captain_id == ada.id and member_ids(team) == {ada.id}
    assert team.skill_names == ["rust", "ux design"] and team.pitch == "Maps for bikes" and team.is_open
    assert len(team.invite_code) == 8


def test_team_names_are_unique_per_event_ignoring_case_and_spacing(event):
    services.create_team(make_participant(event), event, details("Night Owls"))
    with pytest.raises(services.TeamNameTaken):
        services.create_team(make_participant(event), event, details("  night   OWLS "))
    other = make_event()
    assert services.create_team(make_participant(other), other, details("Night Owls")).name == "Night Owls"


def test_a_participant_can_be_in_only_one_team_per_event(event):
    ada = make_participant(event)
    services.create_team(ada, event, details("First"))
    with pytest.raises(services.AlreadyInTeam, match="already in the team First"):
        services.create_team(ada, event, details("Second"))


def test_the_database_refuses_a_second_membership_in_the_same_event(event):
    ada = make_participant(event)
    make_team(event, [ada])
    db.session.add(TeamMember(event_id=event.id, team_id=make_team(event).id, user_id=ada.id))
    with pytest.raises(Exception):
        db.session.commit()
    db.session.rollback()


def test_only_participants_form_teams(event):
    with pytest.raises(services.NotParticipant):
        services.create_team(make_member(event, "mentor"), event, details())


def test_creating_a_team_withdraws_pending_requests_and_stops_looking(event):
    ada, other = make_participant(event), make_team(event, [make_participant(event)])
    services.start_looking(ada, event, "backend")
    services.request_to_join(ada, other, "hi")
    services.create_team(ada, event, details())
    assert statuses(other) == {ada.id: "withdrawn"}
    assert queries.seeker_of(ada, event) is None


def test_the_captain_edits_the_team_but_others_cannot(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada, ben], skills=["go"])
    services.update_team(team, ada, details("Renamed", skills=["python"], is_open=False))
    assert (team.name, team.skill_names, team.is_open) == ("Renamed", ["python"], False)
    with pytest.raises(services.NotCaptain):
        services.update_team(team, ben, details("Mine now"))


# ---- the clock lock ------------------------------------------------------------------------------

def test_membership_changes_are_locked_once_submissions_are_due(app):
    event = make_event("judging")
    ada, team = make_participant(event), make_team(event, [make_participant(event)])
    with pytest.raises(services.TeamsLocked, match="Ask an organizer"):
        services.create_team(ada, event, details())
    with pytest.raises(services.TeamsLocked):
        services.join_team_by_code(ada, event, team.id, team.invite_code)
    with pytest.raises(services.TeamsLocked):
        services.leave_team(team.members[0].user, team)


def test_the_lock_follows_the_event_clock_not_the_wall_clock(app):
    # Paused before the deadline: the wall clock has passed it, the event's clock has not.
    event = make_event("hacking")
    event.paused_at = utcnow() - timedelta(hours=2)
    event.submissions_due_at = utcnow() - timedelta(minutes=5)
    db.session.commit()
    assert event.clock().phase == "hacking" and not services.are_teams_locked(event)
    assert services.create_team(make_participant(event), event, details()).id


# ---- invite links and codes ----------------------------------------------------------------------

def test_following_the_invite_link_joins_the_team(event):
    team, ben = make_team(event, [make_participant(event)]), make_participant(event)
    assert services.join_team_by_code(ben, event, team.id, team.invite_code.lower()) == team
    assert ben.id in member_ids(team)


def test_a_rotated_link_says_so_and_the_new_one_works(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada])
    old = team.invite_code
    new = services.rotate_invite_code(team, ada)
    with pytest.raises(services.InviteCodeRotated, match="replaced by a new one"):
        services.join_team_by_code(ben, event, team.id, old)
    assert services.join_team_by_code(ben, event, team.id, new) == team


def test_only_the_captain_rotates_the_link(event):
    ada, ben = make_participant(event), make_participant(event)
    with pytest.raises(services.NotCaptain):
        services.rotate_invite_code(make_team(event, [ada, ben]), ben)


def test_a_link_of_another_event_is_explained(event):
    other = make_event()
    team = make_team(other, [make_participant(other)])
    with pytest.raises(services.WrongEvent, match=f"of {other.name}, not of {event.name}"):
        services.join_team_by_code(make_participant(event), event, team.id, team.invite_code)


def test_a_full_team_refuses_and_says_what_to_do(event):
    team = make_team(event, [make_participant(event) for _ in range(3)])
    with pytest.raises(services.TeamFull, match="Ask the captain to free a seat"):
        services.join_team_by_code(make_participant(event), event, team.id, team.invite_code)


def test_someone_in_a_team_cannot_follow_another_teams_link(event):
    ben = make_participant(event)
    make_team(event, [ben], name="Mine")
    team = make_team(event, [make_participant(event)])
    with pytest.raises(services.AlreadyInTeam, match="Mine"):
        services.join_team_by_code(ben, event, team.id, team.invite_code)


def test_non_participants_cannot_use_a_team_link(event):
    team = make_team(event, [make_participant(event)])
    with pytest.raises(services.NotParticipant):
        services.join_team_by_code(make_member(event, "judge"), event, team.id, team.invite_code)


def test_a_dissolved_teams_link_is_dead(event):
    ada = make_participant(event)
    team = make_team(event, [ada])
    services.leave_team(ada, team)
    with pytest.raises(services.TeamDissolved):
        services.join_team_by_code(make_participant(event), event, team.id, team.invite_code)


def test_typed_codes_ignore_case_spaces_and_dashes(event):
    team = make_team(event, [make_participant(event)])
    code = team.invite_code
    assert services.team_for_code(event, f" {code[:4].lower()}-{code[4:]} ") == team
    with pytest.raises(services.TeamCodeNotFound):
        services.team_for_code(event, "NOPE1234")
    with pytest.raises(services.WrongEvent):
        services.team_for_code(make_event(), code)


def test_why_not_join_explains_before_trying(event):
    team = make_team(event, [make_participant(event)])
    assert services.why_not_join(make_participant(event), team) is None
    assert isinstance(services.why_not_join(make_member(event, "mentor"), team), services.NotParticipant)


# ---- requests and invitations --------------------------------------------------------------------

def test_a_request_accepted_by_the_captain_joins_the_team(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada])
    ask = services.request_to_join(ben, team, "I do backend")
    assert (ask.status, ask.message, ask.kind) == ("pending", "I do backend", "request")
    assert queries.pending_requests(team) == [ask]
    services.accept_join_request(ask, ada)
    assert ben.id in member_ids(team) and ask.status == "accepted" and ask.decided_by_id == ada.id


def test_a_declined_request_is_seen_by_the_requester_and_cannot_be_repeated(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada])
    services.decline_join_request(services.request_to_join(ben, team), ada)
    assert [(a.team_id, a.status) for a in queries.asks_of(ben, event)] == [(team.id, "declined")]
    with pytest.raises(services.AskRefused, match="declined your request"):
        services.request_to_join(ben, team)


def test_only_the_captain_answers_requests(event):
    ada, ben, cy = make_participant(event), make_participant(event), make_participant(event)
    ask = services.request_to_join(cy, make_team(event, [ada, ben]))
    with pytest.raises(services.NotCaptain):
        services.accept_join_request(ask, ben)
    with pytest.raises(services.NotCaptain):
        services.decline_join_request(ask, cy)


def test_asking_twice_while_pending_is_refused(event):
    ben, team = make_participant(event), make_team(event, [make_participant(event)])
    services.request_to_join(ben, team)
    with pytest.raises(services.AskRefused, match="hasn't answered yet"):
        services.request_to_join(ben, team)


def test_closed_teams_take_no_requests(event):
    team = make_team(event, [make_participant(event)], is_open=False)
    with pytest.raises(services.TeamClosed, match="invite"):
        services.request_to_join(make_participant(event), team)


def test_accepting_into_a_team_that_filled_up_meanwhile_refuses_and_keeps_the_request(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada, make_participant(event)])
    ask = services.request_to_join(ben, team)
    services.join_team_by_code(make_participant(event), event, team.id, team.invite_code)
    with pytest.raises(services.TeamFull):
        services.accept_join_request(ask, ada)
    db.session.rollback()
    assert statuses(team) == {ben.id: "pending"}


def test_joining_one_team_withdraws_pending_requests_to_others(event):
    ben = make_participant(event)
    first, second = make_team(event, [make_participant(event)]), make_team(event, [make_participant(event)])
    services.request_to_join(ben, first)
    services.request_to_join(ben, second)
    services.join_team_by_code(ben, event, second.id, second.invite_code)
    assert statuses(first) == {ben.id: "withdrawn"} and queries.pending_requests(first) == []


def test_an_accepted_request_cannot_be_answered_again(event):
    ada, ben = make_participant(event), make_participant(event)
    ask = services.request_to_join(ben, make_team(event, [ada]))
    services.accept_join_request(ask, ada)
    with pytest.raises(services.AskRefused, match="already accepted"):
        services.decline_join_request(ask, ada)


def test_the_requester_withdraws_and_may_ask_again(event):
    ben, team = make_participant(event), make_team(event, [make_participant(event)])
    ask = services.request_to_join(ben, team)
    services.withdraw_join_request(ask, ben)
    assert ask.status == "withdrawn"
    assert services.request_to_join(ben, team, "again").status == "pending"


def test_the_captain_invites_a_seeker_who_accepts(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada])
    services.start_looking(ben, event, "frontend")
    invitation = services.invite_participant(team, ada, ben)
    assert invitation.kind == "invitation" and queries.pending_invitations(team) == [invitation]
    with pytest.raises(services.NotYours):
        services.accept_join_request(invitation, ada)  # the invitee decides, not the captain
    services.accept_join_request(invitation, ben)
    assert ben.id in member_ids(team) and queries.seeker_of(ben, event) is None


def test_a_request_to_a_team_that_invited_you_joins_at_once(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada])
    services.invite_participant(team, ada, ben)
    assert services.request_to_join(ben, team).status == "accepted" and ben.id in member_ids(team)


def test_inviting_someone_who_asked_to_join_accepts_them(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada])
    services.request_to_join(ben, team)
    assert services.invite_participant(team, ada, ben).status == "accepted"


def test_inviting_someone_already_in_a_team_names_them(event):
    ada, ben = make_participant(event), make_participant(event, display_name="Ben")
    make_team(event, [ben], name="Other")
    with pytest.raises(services.AlreadyInTeam, match="Ben is already in the team Other"):
        services.invite_participant(make_team(event, [ada]), ada, ben)


def test_only_the_captain_invites(event):
    ada, ben = make_participant(event), make_participant(event)
    with pytest.raises(services.NotCaptain):
        services.invite_participant(make_team(event, [ada, ben]), ben, make_participant(event))


# ---- leaving, removing, captaincy ----------------------------------------------------------------

def test_a_member_leaves(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada, ben])
    services.leave_team(ben, team)
    assert member_ids(team) == {ada.id} and team.captain_id == ada.id


def test_a_leaving_captain_hands_over_to_the_longest_standing_member(event):
    ada, ben, cy = make_participant(event), make_participant(event), make_participant(event)
    team = make_team(event, [ada, ben, cy])
    joined = {m.user_id: m for m in team.members}
    joined[ben.id].joined_at = utcnow() - timedelta(minutes=1)
    joined[cy.id].joined_at = utcnow() - timedelta(hours=1)
    db.session.commit()
    services.leave_team(ada, team)
    assert team.captain_id == cy.id


def test_the_last_member_leaving_dissolves_the_team_but_keeps_its_row(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada], name="Solo")
    services.request_to_join(ben, team)
    services.leave_team(ada, team)
    db.session.refresh(team)
    assert team.is_dissolved and team.captain_id is None and db.session.get(Team, team.id) is not None
    assert statuses(team) == {ben.id: "withdrawn"}
    assert services.create_team(ben, event, details("Solo")).name == "Solo"  # the name is free again


def test_leaving_a_team_you_are_not_in_is_refused(event):
    with pytest.raises(services.NotMember, match="You are not a member"):
        services.leave_team(make_participant(event), make_team(event, [make_participant(event)]))


def test_the_captain_removes_a_member_but_not_themselves(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada, ben])
    with pytest.raises(services.NotCaptain):
        services.remove_member(team, ben, ada)
    with pytest.raises(services.TeamError, match="Leave button"):
        services.remove_member(team, ada, ada)
    services.remove_member(team, ada, ben)
    assert member_ids(team) == {ada.id}


def test_the_captain_transfers_the_captaincy_to_a_member_only(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada, ben])
    with pytest.raises(services.NotMember):
        services.transfer_captaincy(team, ada, make_participant(event))
    services.transfer_captaincy(team, ada, ben)
    assert team.captain_id == ben.id
    with pytest.raises(services.NotCaptain):
        services.transfer_captaincy(team, ada, ada)


def test_an_organizer_may_hand_the_captaincy_on(event):
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada, ben])
    services.transfer_captaincy(team, make_member(event, "organizer"), ben)
    assert team.captain_id == ben.id


# ---- looking for a team and the finder -----------------------------------------------------------

def test_looking_for_a_team_lists_you_until_you_join_one(event):
    ben = make_participant(event, skills=["rust"])
    services.start_looking(ben, event, "  embedded things ")
    assert [(s.user_id, s.note) for s in queries.seekers(event)] == [(ben.id, "embedded things")]
    services.start_looking(ben, event, "changed my mind")
    assert [s.note for s in queries.seekers(event)] == ["changed my mind"]
    services.stop_looking(ben, event)
    assert queries.seekers(event) == []


def test_someone_in_a_team_cannot_list_themselves_as_looking(event):
    ada = make_participant(event)
    make_team(event, [ada])
    with pytest.raises(services.AlreadyInTeam):
        services.start_looking(ada, event, "")


def test_the_finder_filters_seekers_by_skill(event):
    rust, ux = make_participant(event, skills=["rust"]), make_participant(event, skills=["ux design"])
    for user in (rust, ux):
        services.start_looking(user, event, "")
    assert [s.user_id for s in queries.seekers(event, ["rust"])] == [rust.id]


def test_the_finder_lists_open_teams_with_seats_best_match_first(event):
    one = make_team(event, [make_participant(event)], name="One", skills=["python"])
    both = make_team(event, [make_participant(event)], name="Both", skills=["python", "rust"])
    make_team(event, [make_participant(event)], name="Closed", skills=["python"], is_open=False)
    make_team(event, [make_participant(event) for _ in range(3)], name="Full", skills=["python"])
    make_team(event, [make_participant(event)], name="Other", skills=["go"])
    assert [t.name for t in queries.open_teams(event, ["python", "rust"])] == ["Both", "One"]
    assert {t.id for t in queries.open_teams(event)} >= {one.id, both.id}


# ---- size limits and real concurrency ------------------------------------------------------------

def test_the_minimum_size_is_checked_when_submitting(event):
    ada = make_participant(event)
    team = make_team(event, [ada])
    assert not queries.team_meets_minimum(team)
    with pytest.raises(queries.TeamTooSmall, match="at least 2"):
        queries.check_team_can_submit(team)
    services.join_team_by_code(make_participant(event), event, team.id, team.invite_code)
    db.session.refresh(team)
    queries.check_team_can_submit(team)


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
    assert all(isinstance(r, services.TeamFull) for r in results if r != team_id), results
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
    assert all(isinstance(r, services.AlreadyInTeam) for r in results if not isinstance(r, int)), results
    assert db.session.scalar(db.select(db.func.count()).select_from(TeamMember)
                             .where(TeamMember.user_id == ben_id)) == 1


# ---- organizer tools -----------------------------------------------------------------------------

def test_an_organizer_moves_a_participant_between_teams_even_when_locked(app):
    event = make_event("judging", team_size_max=3)
    ada, ben, cy = make_participant(event), make_participant(event), make_participant(event)
    source, target = make_team(event, [ada, ben]), make_team(event, [cy])
    services.move_participant(event, ada, target)
    assert member_ids(source) == {ben.id} and source.captain_id == ben.id
    assert member_ids(target) == {cy.id, ada.id}


def test_moving_into_a_full_team_is_refused(event):
    ada = make_participant(event)
    full = make_team(event, [make_participant(event) for _ in range(3)])
    with pytest.raises(services.TeamFull):
        services.move_participant(event, ada, full)


def test_moving_the_last_member_out_dissolves_the_team(event):
    ada = make_participant(event)
    team = make_team(event, [ada])
    services.move_participant(event, ada, None)
    assert team.is_dissolved and queries.team_of(ada, event) is None


def test_moving_someone_without_a_team_nowhere_is_explained(event):
    with pytest.raises(services.TeamError, match="not in a team"):
        services.move_participant(event, make_participant(event), None)


def test_disbanding_frees_every_member_and_keeps_the_team_row(app):
    event = make_event("results")
    ada, ben = make_participant(event), make_participant(event)
    team = make_team(event, [ada, ben])
    services.disband_team(team)
    assert team.is_dissolved and member_ids(team) == set() and queries.team_of(ada, event) is None
    assert [t.id for t in queries.list_teams(event)] == [team.id] and queries.active_teams(event) == []
    with pytest.raises(services.TeamDissolved):
        services.disband_team(team)


def test_seekers_who_joined_a_team_are_not_listed(event):
    ben = make_participant(event)
    db.session.add(TeamSeeker(event_id=event.id, user_id=ben.id))
    db.session.commit()
    make_team(event, [ben])
    assert queries.seekers(event) == []


def test_two_teams_created_with_one_name_at_once_make_one_team(app, event):
    from hackathon.models import Event, User
    from tests.concurrency import run_at_once

    creators, event_id = [make_participant(event).id for _ in range(8)], event.id

    def create(user_id):
        return services.create_team(db.session.get(User, user_id), db.session.get(Event, event_id),
                                    details("Same Name")).id

    results = run_at_once(app, create, creators)
    assert len([r for r in results if isinstance(r, int)]) == 1, results
    assert all(isinstance(r, services.TeamNameTaken) for r in results if not isinstance(r, int)), results
