"""Matching and the ETA are pure: bare values in, answers out."""
from datetime import datetime, timedelta, timezone

from hackathon.mentors import eta, matching, stats
from hackathon.mentors.matching import Ask, Candidate

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=timezone.utc)


def candidate(id, tags=(), recent=0, idle_minutes=0):
    return Candidate(id, frozenset(tags), recent, NOW - timedelta(minutes=idle_minutes))


def test_the_asked_for_mentor_wins_over_a_better_tag_match():
    ask = Ask(frozenset({"python", "flask"}), asked_mentor_id=2)
    assert matching.best_mentor(ask, [candidate(1, ["python", "flask"]), candidate(2)]).id == 2


def test_more_tags_in_common_win_then_the_least_busy_then_the_longest_idle():
    ask = Ask(frozenset({"python", "flask"}))
    assert matching.best_mentor(ask, [candidate(1, ["python"]), candidate(2, ["python", "flask"])]).id == 2
    assert matching.best_mentor(ask, [candidate(1, ["python"], recent=3), candidate(2, ["flask"], recent=1)]).id == 2
    assert matching.best_mentor(ask, [candidate(1, ["python"], idle_minutes=5),
                                      candidate(2, ["python"], idle_minutes=30)]).id == 2


def test_without_a_tag_match_anyone_free_will_do():
    assert matching.best_mentor(Ask(frozenset({"cobol"})), [candidate(4, ["react"])]).id == 4
    assert matching.best_mentor(Ask(frozenset()), []) is None


def test_auto_assign_never_hands_a_request_back_to_the_mentor_who_released_it():
    ask = Ask(frozenset({"python"}), last_released_by_id=1)
    assert matching.best_mentor(ask, [candidate(1, ["python"]), candidate(2)]).id == 2
    assert matching.best_mentor(ask, [candidate(1, ["python"])]) is None


def test_a_request_is_offered_to_matching_mentors_first_only_when_one_is_free():
    window = timedelta(minutes=2)
    assert matching.matching_until(["python"], [frozenset({"python"})], NOW, window) == NOW + window
    assert matching.matching_until(["python"], [frozenset({"react"})], NOW, window) is None
    assert matching.matching_until([], [frozenset({"python"})], NOW, window) is None
    assert matching.matching_until(["python"], [frozenset({"python"})], NOW, timedelta(0)) is None


def test_offer_tiers():
    ask = Ask(frozenset({"python"}), asked_mentor_id=7)
    assert matching.offer_tier(ask, 7, [], offered_to_all=False) == matching.ASKED
    assert matching.offer_tier(ask, 1, ["python"], offered_to_all=False) == matching.MATCH
    assert matching.offer_tier(ask, 1, ["react"], offered_to_all=False) == matching.LATER
    assert matching.offer_tier(ask, 1, ["react"], offered_to_all=True) == matching.EVERYONE


def test_the_eta_counts_rounds_of_mentors_on_duty_times_the_median_service_time():
    assert eta.expected_wait_minutes(1, [10, 20, 30], free_mentors=1, mentors_on_duty=3) == 0
    assert eta.expected_wait_minutes(2, [10, 20, 30], free_mentors=1, mentors_on_duty=3) == 20
    assert eta.expected_wait_minutes(5, [10, 20, 30], free_mentors=1, mentors_on_duty=3) == 40
    assert eta.expected_wait_minutes(1, [12], free_mentors=0, mentors_on_duty=2) == 12


def test_no_eta_without_mentors_on_duty_or_recent_service_times():
    assert eta.expected_wait_minutes(3, [], free_mentors=0, mentors_on_duty=2) is None
    assert eta.expected_wait_minutes(1, [10], free_mentors=0, mentors_on_duty=0) is None


def test_waits_are_described_as_people_say_them():
    assert [eta.describe_wait(m) for m in (None, 0, 0.4, 1, 7.4, 12, 58, 60, 83)] == [
        "no estimate yet", "any moment", "any moment", "about 1 minute", "about 7 minutes", "about 10 minutes",
        "about 1 h", "about 1 h", "about 1 h 25 min"]


def test_percentiles_interpolate():
    assert stats.percentile([], 90) is None
    assert stats.percentile([5], 90) == 5
    assert stats.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50) == 5.5
    assert stats.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90) == 9.1
