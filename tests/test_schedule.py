"""The pure schedule module: phases, countdown, pauses, order checks."""
from datetime import datetime, timedelta, timezone

import pytest

from hackathon.schedule import Schedule, clock_actions, phase_at, read_clock

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=timezone.utc)
H = timedelta(hours=1)
SCHEDULE = Schedule(T0, T0 + 30 * H, T0 + 24 * H, T0 + 48 * H, T0 + 52 * H, T0 + 53 * H)


@pytest.mark.parametrize("moment, phase", [
    (T0 - timedelta(seconds=1), "upcoming"),
    (T0, "registration"),
    (T0 + 24 * H - timedelta(seconds=1), "registration"),
    (T0 + 24 * H, "hacking"),
    (T0 + 48 * H - timedelta(seconds=1), "hacking"),
    (T0 + 48 * H, "judging"),
    (T0 + 53 * H - timedelta(seconds=1), "judging"),
    (T0 + 53 * H, "results"),
])
def test_phase_at_each_edge(moment, phase):
    assert phase_at(SCHEDULE, moment) == phase


def test_clock_counts_down_to_the_next_milestone():
    reading = read_clock(SCHEDULE, T0 + 47 * H)
    assert (reading.phase, reading.next_label, reading.remaining) == ("hacking", "Submissions due", H)


def test_paused_clock_reads_as_at_the_pause():
    reading = read_clock(SCHEDULE, T0 + 47 * H, paused_at=T0 + 46 * H)
    assert reading.paused and reading.remaining == 2 * H and reading.phase == "hacking"


def test_closed_event_has_no_countdown():
    reading = read_clock(SCHEDULE, T0 + 30 * H, closed_at=T0 + 29 * H)
    assert reading.phase == "closed" and reading.next_at is None and reading.remaining is None


def test_after_the_last_milestone_there_is_nothing_to_count_down_to():
    assert read_clock(SCHEDULE, T0 + 60 * H).next_at is None


def test_order_problems_name_the_field_out_of_order():
    bad = Schedule(T0, T0 + H, T0 + 24 * H, T0 + 20 * H, T0 + 52 * H, T0 + 53 * H)
    assert [field for field, _ in bad.order_problems()] == ["submissions_due_at"]
    assert SCHEDULE.order_problems() == []


def test_countdown_skips_registration_closing_during_hacking():
    reading = read_clock(SCHEDULE, T0 + 25 * H)  # registration closes at +30h, due at +48h
    assert reading.next_label == "Submissions due"


def test_milestones_are_listed_in_chronological_order():
    labels = [label for label, _ in SCHEDULE.milestones()]
    assert labels == ["Registration opens", "Hacking starts", "Registration closes", "Submissions due",
                      "Judging ends", "Results"]


@pytest.mark.parametrize("phase, paused, actions", [
    ("upcoming", False, {"start", "extend", "close"}),
    ("registration", False, {"start", "extend", "close"}),
    ("hacking", False, {"pause", "extend", "close"}),
    ("hacking", True, {"resume", "extend", "close"}),
    ("judging", False, {"pause", "close"}),
    ("judging", True, {"resume", "close"}),
    ("results", False, {"close"}),
    ("closed", False, set()),
])
def test_clock_actions_offer_only_what_the_clock_allows(phase, paused, actions):
    assert clock_actions(phase, paused) == actions
