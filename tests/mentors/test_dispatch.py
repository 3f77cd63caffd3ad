"""Auto-assign: each waiting request goes to the best free mentor at once, oldest request first."""
from hackathon.mentors import claims, dispatch, profiles, services
from hackathon.mentors.services import HelpDetails
from tests.mentors.helpers import ask, make_asking_team, make_mentor, reload, set_mode


def test_suggest_mode_assigns_nothing(event):
    make_mentor(event, ["python"])
    request = ask(make_asking_team(event)[1][0], event, tags=["python"])
    assert reload(request).status == "open" and dispatch.assign_waiting(event) == []


def test_a_new_request_goes_to_the_best_matching_free_mentor(event):
    set_mode(event)
    make_mentor(event, ["react"])
    python = make_mentor(event, ["python"])
    make_mentor(event, ["python"], availability="away")
    request = reload(ask(make_asking_team(event)[1][0], event, tags=["python"]))
    assert (request.status, request.claimed_by_id, request.is_auto_assigned) == ("claimed", python.id, True)


def test_the_asked_for_mentor_gets_it_when_free(event):
    set_mode(event)
    make_mentor(event, ["python"])
    asked = make_mentor(event, [])
    request = reload(ask(make_asking_team(event)[1][0], event, tags=["python"], asked_mentor_id=asked.id))
    assert request.claimed_by_id == asked.id


def test_busy_away_and_helping_mentors_get_nothing(event):
    set_mode(event)
    make_mentor(event, ["python"], availability="busy")
    helper = make_mentor(event, ["python"])
    first = reload(ask(make_asking_team(event)[1][0], event, tags=["python"]))
    second = reload(ask(make_asking_team(event)[1][0], event, tags=["python"]))
    assert first.claimed_by_id == helper.id and second.status == "open"


def test_a_mentor_who_resolves_gets_the_oldest_waiting_request(event):
    set_mode(event)
    mira = make_mentor(event)
    first = reload(ask(make_asking_team(event)[1][0], event, "first"))
    second = ask(make_asking_team(event)[1][0], event, "second")
    third = ask(make_asking_team(event)[1][0], event, "third")
    claims.resolve_request(first, mira)
    assert reload(second).claimed_by_id == mira.id and reload(third).status == "open"


def test_a_mentor_becoming_available_is_assigned_at_once(event):
    set_mode(event)
    mira = make_mentor(event, availability="away")
    request = ask(make_asking_team(event)[1][0], event)
    assert reload(request).status == "open"
    profiles.set_availability(event, mira, "available")
    assert reload(request).claimed_by_id == mira.id


def test_a_released_request_goes_to_someone_else_not_back(event):
    set_mode(event)
    mira = make_mentor(event, ["python"])
    request = reload(ask(make_asking_team(event)[1][0], event, tags=["python"]))
    assert request.claimed_by_id == mira.id
    noah = make_mentor(event, [], availability="away")
    claims.release_request(request, mira)
    assert reload(request).status == "open"  # only mira is free, and she just gave it back
    profiles.set_availability(event, noah, "available")
    assert reload(request).claimed_by_id == noah.id


def test_least_busy_then_longest_idle(event):
    set_mode(event)
    tired, fresh = make_mentor(event, ["go"], availability="away"), make_mentor(event, ["go"], availability="away")
    profiles.set_availability(event, tired, "available")
    for _ in range(2):
        request = reload(ask(make_asking_team(event)[1][0], event, tags=["go"]))
        assert request.claimed_by_id == tired.id
        claims.resolve_request(request, tired)
    profiles.set_availability(event, fresh, "available")
    assert reload(ask(make_asking_team(event)[1][0], event, tags=["go"])).claimed_by_id == fresh.id


def test_cancelling_a_claimed_request_frees_its_mentor_for_the_next(event):
    set_mode(event)
    mira = make_mentor(event)
    _, [ada] = make_asking_team(event)
    first = reload(ask(ada, event))
    second = ask(make_asking_team(event)[1][0], event)
    services.cancel_help_request(first, ada)
    assert reload(second).claimed_by_id == mira.id


def test_editing_does_not_reassign(event):
    set_mode(event)
    _, [ada] = make_asking_team(event)
    request = ask(ada, event)
    services.edit_help_request(request, ada, HelpDetails(topic="Still waiting"))
    assert reload(request).status == "open"
