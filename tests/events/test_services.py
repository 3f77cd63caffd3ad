"""Event rules: creation, the hub, and roles (signing up: tests/registration)."""
from dataclasses import replace
from datetime import timedelta

import pytest

from hackathon.events import services
from tests.factories import make_event, make_member, make_user, schedule_around


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
