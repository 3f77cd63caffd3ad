"""Clock overrides: each one changes the schedule as promised, is recorded, and is pushed."""
from datetime import timedelta

import pytest

from hackathon.extensions import db
from hackathon.manage import services
from hackathon.models.types import utcnow
from tests.factories import make_event, make_member


@pytest.fixture
def organizer_and_event(app):
    event = make_event("hacking")
    return make_member(event, "organizer"), event


def test_start_now_begins_hacking_and_is_recorded(app):
    event = make_event("registration")
    organizer = make_member(event, "organizer")
    services.start_now(event, organizer)
    assert event.phase == "hacking"
    assert (event.clock_changes[0].action, event.clock_changes[0].user) == ("start", organizer)


def test_start_now_refuses_once_hacking_started(organizer_and_event):
    organizer, event = organizer_and_event
    with pytest.raises(services.ClockError, match="already started"):
        services.start_now(event, organizer)


def test_pause_freezes_the_countdown_and_resume_shifts_later_milestones(organizer_and_event):
    organizer, event = organizer_and_event
    due, hacking_start = event.submissions_due_at, event.hacking_starts_at
    services.pause_clock(event, organizer)
    event.paused_at -= timedelta(minutes=10)  # as if the pause had lasted ten minutes
    db.session.commit()
    left_at_pause = event.clock().remaining
    services.resume_clock(event, organizer)
    assert abs(event.clock().remaining - left_at_pause) < timedelta(seconds=5)  # no time was lost
    assert timedelta(minutes=10) <= event.submissions_due_at - due < timedelta(minutes=10, seconds=5)
    assert event.hacking_starts_at == hacking_start  # milestones already passed don't move
    assert [change.action for change in event.clock_changes] == ["resume", "pause"]


def test_pausing_twice_or_resuming_a_running_clock_is_refused(organizer_and_event):
    organizer, event = organizer_and_event
    with pytest.raises(services.ClockError, match="not paused"):
        services.resume_clock(event, organizer)
    services.pause_clock(event, organizer)
    with pytest.raises(services.ClockError, match="already paused"):
        services.pause_clock(event, organizer)


def test_pause_is_refused_outside_hacking_and_judging(app):
    event = make_event("registration")
    with pytest.raises(services.ClockError, match="only while hacking or judging"):
        services.pause_clock(event, make_member(event, "organizer"))


def test_extend_moves_the_deadline_and_keeps_the_schedule_in_order(organizer_and_event):
    organizer, event = organizer_and_event
    event.judging_ends_at = event.submissions_due_at + timedelta(minutes=5)
    due = event.submissions_due_at
    services.extend_deadline(event, organizer, 30)
    assert event.submissions_due_at == due + timedelta(minutes=30)
    assert event.schedule.order_problems() == []
    assert "submissions due moved" in event.clock_changes[0].detail


@pytest.mark.parametrize("minutes", [0, -5, 24 * 60 + 1])
def test_extend_refuses_amounts_out_of_range(organizer_and_event, minutes):
    organizer, event = organizer_and_event
    with pytest.raises(services.ClockError, match="1 to 1440"):
        services.extend_deadline(event, organizer, minutes)


def test_extend_after_the_deadline_points_to_team_extensions(app):
    event = make_event("judging")
    with pytest.raises(services.ClockError, match="individual teams"):
        services.extend_deadline(event, make_member(event, "organizer"), 10)


def test_close_moves_the_event_to_the_past(organizer_and_event):
    organizer, event = organizer_and_event
    services.close_event(event, organizer)
    assert event.phase == "closed" and event.closed_at <= utcnow()


def test_every_override_is_pushed_to_the_event_room(organizer_and_event, live_socket):
    organizer, event = organizer_and_event
    other_event = make_event("hacking")
    watcher, outsider = live_socket(event), live_socket(other_event)
    watcher.received(), outsider.received()
    services.pause_clock(event, organizer)
    [clock] = [message["args"][0] for message in watcher.received("clock")]
    assert clock["paused"] is True and clock["event"] == event.slug and clock["phase"] == "hacking"
    assert outsider.received() == []
