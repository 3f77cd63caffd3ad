"""Event rules: creation, the hub, and signing up."""
from dataclasses import replace
from datetime import timedelta

import pytest

from hackathon.events import services
from hackathon.models.types import utcnow
from tests.factories import make_event, make_member, make_membership, make_user, schedule_around


def details(**overrides):
    values = dict(name="Spring Hack", tagline="", description="", venue="", online_url="",
                  timezone="Europe/Berlin", team_size_min=1, team_size_max=4, is_published=True,
                  **schedule_around("registration"))
    return services.EventDetails(**{**values, **overrides})


def test_create_event_keeps_times_in_utc(app):
    event = services.create_event("spring", details())
    assert event.phase == "registration" and event.hacking_starts_at.utcoffset() == timedelta(0)


def test_create_event_refuses_a_taken_slug(app):
    services.create_event("spring", details())
    with pytest.raises(services.SlugTaken):
        services.create_event("spring", details())


def test_create_event_refuses_a_schedule_out_of_order(app):
    bad = details()
    bad = replace(bad, submissions_due_at=bad.hacking_starts_at - timedelta(minutes=1))
    with pytest.raises(services.ScheduleOutOfOrder) as refused:
        services.create_event("spring", bad)
    assert refused.value.problems[0][0] == "submissions_due_at"


def test_create_event_refuses_min_team_size_above_max(app):
    with pytest.raises(services.ScheduleOutOfOrder, match="minimum team size"):
        services.create_event("spring", details(team_size_min=5, team_size_max=3))


def test_hub_groups_events_and_hides_drafts_from_outsiders(app):
    live, upcoming, past = make_event("hacking"), make_event("upcoming"), make_event("results")
    draft = make_event("hacking", is_published=False)
    groups = services.list_hub_events(make_user())
    assert (groups["live"], groups["upcoming"], groups["past"]) == ([live], [upcoming], [past])
    organizer = make_member(draft, "organizer")
    assert draft in services.list_hub_events(organizer)["live"]


def test_join_event_while_registration_is_open(app):
    event, user = make_event("registration"), make_user()
    assert services.join_event(user, event).role == "participant"
    assert services.join_event(user, event).role == "participant"  # idempotent


@pytest.mark.parametrize("phase", ["upcoming", "judging"])
def test_join_event_outside_registration_is_refused(app, phase):
    with pytest.raises(services.RegistrationClosed):
        services.join_event(make_user(), make_event(phase))


def test_join_event_is_refused_once_the_event_is_closed(app):
    event = make_event("registration", closed_at=utcnow())
    with pytest.raises(services.RegistrationClosed):
        services.join_event(make_user(), event)


@pytest.mark.parametrize("staff_role", ["judge", "mentor", "organizer"])
def test_staff_cannot_join_their_event_as_participants(app, staff_role):
    event = make_event("registration")
    judge = make_member(event, staff_role)
    with pytest.raises(services.RoleConflict, match=f"You are a {staff_role}"):
        services.join_event(judge, event)


def test_a_participant_cannot_become_a_judge_of_the_same_event_but_of_another(app):
    event, other = make_event("registration"), make_event("registration")
    user = make_member(event, "participant")
    with pytest.raises(services.RoleConflict):
        services.add_role(user, event, "judge")
    assert services.add_role(user, other, "judge").role == "judge"


def test_remove_role_keeps_the_last_organizer(app):
    event = make_event()
    organizer = make_member(event, "organizer")
    with pytest.raises(services.EventError, match="at least one organizer"):
        services.remove_role(organizer.memberships[0], organizer)
    second = make_member(event, "organizer")
    services.remove_role(organizer.memberships[0], second)
    assert organizer.memberships == []


def test_can_join_is_false_for_members_and_outside_registration(app):
    event = make_event("registration")
    user = make_user()
    assert services.can_join(user, event)
    make_membership(user, event, "participant")
    assert not services.can_join(user, event)
    assert not services.can_join(make_user(), make_event("hacking", registration_closes_at=utcnow()))
