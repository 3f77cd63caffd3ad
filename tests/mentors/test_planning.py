"""The standing-mentor planner, with bare numbers: balance, capacity, challenge ties, matching, pins,
and moving as little as possible when it runs again."""
import random

from hackathon.mentors.planning import Mentor, Team, can_mentor, match_score, plan_mentors


def teams(n, start=1, **fields):
    return [Team(i, **fields) for i in range(start, start + n)]


def mentors(n, start=100, **fields):
    return [Mentor(i, **fields) for i in range(start, start + n)]


def loads(plan, mentor_list):
    counts = plan.load()
    return [counts.get(m.id, 0) for m in mentor_list]


def per_team(plan):
    counts = {}
    for team_id, _ in plan.pairs:
        counts[team_id] = counts.get(team_id, 0) + 1
    return counts


def test_every_team_gets_k_mentors_with_loads_within_one():
    ts, ms = teams(10), mentors(3)
    plan = plan_mentors(ts, ms, set(), set(), 1)
    assert per_team(plan) == {t.id: 1 for t in ts}
    assert sorted(loads(plan, ms)) == [3, 3, 4]
    plan = plan_mentors(ts, ms, set(), set(), 2)
    assert set(per_team(plan).values()) == {2} and max(loads(plan, ms)) - min(loads(plan, ms)) <= 1
    assert not plan.shortfalls and not plan.keep and not plan.remove


def test_a_team_never_gets_the_same_mentor_twice_and_a_shortfall_is_reported():
    plan = plan_mentors(teams(2), mentors(2), set(), set(), 3)
    assert len(plan.pairs) == 4 and plan.shortfalls == {1: 1, 2: 1}


def test_capacity_is_respected_and_the_rest_go_short():
    ms = [Mentor(100, capacity=1), Mentor(101, capacity=2)]
    plan = plan_mentors(teams(5), ms, set(), set(), 1)
    assert loads(plan, ms) == [1, 2]
    assert sum(plan.shortfalls.values()) == 2


def test_capacity_lowered_drops_the_worst_matching_unpinned_pairs():
    ms = [Mentor(100, tags=frozenset({"python"}), capacity=1), Mentor(101)]
    ts = [Team(1, skills=frozenset({"python"})), Team(2)]
    plan = plan_mentors(ts, ms, {(1, 100), (2, 100)}, set(), 1)
    assert plan.keep == {(1, 100)} and plan.remove == {(2, 100)} and plan.add == {(2, 101)}


def test_challenge_mentors_get_only_teams_on_their_challenges():
    sponsor = Mentor(100, challenge_ids=frozenset({7}))
    anyone = Mentor(101)
    ts = [Team(1, challenge_ids=frozenset({7})), Team(2, challenge_ids=frozenset({8})), Team(3)]
    plan = plan_mentors(ts, [sponsor, anyone], set(), set(), 1)
    assert (1, 100) in plan.pairs and (2, 101) in plan.pairs and (3, 101) in plan.pairs
    assert not can_mentor(sponsor, ts[1]) and can_mentor(anyone, ts[1])


def test_matches_prefer_shared_challenges_then_wanted_skills():
    python, react = Mentor(100, tags=frozenset({"python"})), Mentor(101, tags=frozenset({"react"}))
    ts = [Team(1), Team(2, skills=frozenset({"react"})), Team(3, skills=frozenset({"python"})), Team(4)]
    plan = plan_mentors(ts, [python, react], set(), set(), 1)
    assert {(2, 101), (3, 100)} <= plan.pairs and loads(plan, [python, react]) == [2, 2]
    assert match_score(Mentor(1, challenge_ids=frozenset({5})), Team(1, challenge_ids=frozenset({5}))) > \
        match_score(Mentor(1, tags=frozenset({"a", "b"})), Team(1, skills=frozenset({"a", "b"})))


def test_scarce_teams_are_filled_first():
    both, only_seven = Mentor(100, challenge_ids=frozenset({7, 8}), capacity=1), Mentor(101, challenge_ids=frozenset({7}),
                                                                                         capacity=1)
    ts = [Team(1, challenge_ids=frozenset({7})), Team(2, challenge_ids=frozenset({8}))]
    plan = plan_mentors(ts, [both, only_seven], set(), set(), 1)  # team 1 alone would take mentor 100 (id order)
    assert plan.pairs == {(1, 101), (2, 100)} and not plan.shortfalls


def test_pins_are_kept_whatever_else_changed():
    sponsor = Mentor(100, challenge_ids=frozenset({7}), capacity=1)
    ts = [Team(1, challenge_ids=frozenset({8})), Team(2), Team(3)]
    existing = {(1, 100), (2, 100), (3, 100)}
    plan = plan_mentors(ts, [sponsor, Mentor(101)], existing, {(1, 100), (2, 100), (3, 100)}, 1)
    assert plan.keep == existing and not plan.remove  # pins win over challenge ties, capacity and balance


def test_pins_count_toward_loads():
    ms = mentors(2)
    plan = plan_mentors(teams(4), ms, {(1, 100), (2, 100)}, {(1, 100), (2, 100)}, 1)
    assert loads(plan, ms) == [2, 2] and plan.add == {(3, 101), (4, 101)}


def test_a_pin_of_a_team_or_mentor_that_is_gone_goes():
    plan = plan_mentors(teams(1), mentors(1), {(1, 999), (5, 100)}, {(1, 999), (5, 100)}, 1)
    assert plan.remove == {(1, 999), (5, 100)} and plan.add == {(1, 100)}


def test_a_rerun_with_nothing_changed_changes_nothing():
    ts, ms = teams(9, skills=frozenset({"python"})), mentors(4, tags=frozenset({"python"}))
    first = plan_mentors(ts, ms, set(), set(), 2)
    again = plan_mentors(ts, ms, first.pairs, set(), 2)
    assert again.keep == first.pairs and not again.add and not again.remove


def test_a_late_team_gets_the_least_loaded_mentor_and_nobody_else_moves():
    ts, ms = teams(4), mentors(3)
    first = plan_mentors(ts, ms, set(), set(), 1)
    plan = plan_mentors(ts + [Team(5)], ms, first.pairs, set(), 1)
    assert plan.keep == first.pairs and not plan.remove and len(plan.add) == 1
    (team_id, mentor_id), = plan.add
    assert team_id == 5 and first.load().get(mentor_id, 0) == 1


def test_a_team_that_changed_challenge_moves_only_its_own_pair():
    sponsor_a, sponsor_b = Mentor(100, challenge_ids=frozenset({7})), Mentor(101, challenge_ids=frozenset({8}))
    ts = [Team(1, challenge_ids=frozenset({7})), Team(2, challenge_ids=frozenset({7})),
          Team(3, challenge_ids=frozenset({8}))]
    first = plan_mentors(ts, [sponsor_a, sponsor_b], set(), set(), 1)
    moved = [ts[0], Team(2, challenge_ids=frozenset({8})), ts[2]]
    plan = plan_mentors(moved, [sponsor_a, sponsor_b], first.pairs, set(), 1)
    assert plan.remove == {(2, 100)} and plan.add == {(2, 101)} and plan.keep == {(1, 100), (3, 101)}


def test_a_dissolved_team_frees_its_mentor_and_the_others_stay():
    ts, ms = teams(6), mentors(3)
    first = plan_mentors(ts, ms, set(), set(), 1)
    plan = plan_mentors(ts[1:], ms, first.pairs, set(), 1)
    assert plan.remove == {p for p in first.pairs if p[0] == 1} and not plan.add


def test_a_new_mentor_takes_just_enough_teams_to_balance_loads():
    ts, ms = teams(6), mentors(2)
    first = plan_mentors(ts, ms, set(), set(), 1)
    plan = plan_mentors(ts, ms + [Mentor(102)], first.pairs, set(), 1)
    assert sorted(loads(plan, ms + [Mentor(102)])) == [2, 2, 2]
    assert len(plan.add) == 2 and len(plan.remove) == 2  # two teams move, four stay


def test_lowering_k_keeps_the_best_matches():
    python = Mentor(100, tags=frozenset({"python"}))
    plan = plan_mentors([Team(1, skills=frozenset({"python"}))], [python, Mentor(101)], {(1, 100), (1, 101)},
                        set(), 1)
    assert plan.keep == {(1, 100)} and plan.remove == {(1, 101)}


def test_random_worlds_keep_every_rule():
    rng = random.Random(12)
    for _ in range(150):
        ts = [Team(i, frozenset(rng.sample(range(3), rng.randint(0, 2))), frozenset(rng.sample("abcde", 2)))
              for i in range(1, rng.randint(2, 25))]
        ms = [Mentor(100 + i, frozenset(rng.sample(range(3), 1)) if rng.random() < 0.3 else frozenset(),
                     frozenset(rng.sample("abcde", 2)), rng.choice([None, None, 2, 4]))
              for i in range(rng.randint(1, 8))]
        k = rng.randint(1, 2)
        existing = {(t.id, m.id) for t in ts for m in ms if rng.random() < 0.1}
        pinned = {p for p in existing if rng.random() < 0.3}
        plan = plan_mentors(ts, ms, existing, pinned, k)
        by_id = {m.id: m for m in ms}
        team_by_id = {t.id: t for t in ts}
        assert pinned <= plan.keep and not plan.keep & plan.add and plan.keep | plan.remove == existing
        load = plan.load()
        for mentor in ms:
            pinned_load = sum(1 for p in pinned if p[1] == mentor.id)
            assert mentor.capacity is None or load.get(mentor.id, 0) <= max(mentor.capacity, pinned_load)
        for team_id, mentor_id in plan.pairs - pinned:
            assert can_mentor(by_id[mentor_id], team_by_id[team_id])
        counts = per_team(plan)
        for team in ts:
            has = counts.get(team.id, 0)
            pins = sum(1 for p in pinned if p[0] == team.id)
            assert has == max(k, pins) or plan.shortfalls.get(team.id) == k - has
        again = plan_mentors(ts, ms, plan.pairs, pinned, k)
        assert not again.add and not again.remove, "a second run right after the first must change nothing"


def test_untied_uncapped_mentors_are_always_balanced():
    rng = random.Random(3)
    for _ in range(100):
        ms = mentors(rng.randint(1, 7), tags=frozenset(rng.sample("abcde", 2)))
        ts = [Team(i, skills=frozenset(rng.sample("abcde", 2))) for i in range(1, rng.randint(2, 30))]
        existing = {(t.id, rng.choice(ms).id) for t in ts if rng.random() < 0.5}
        plan = plan_mentors(ts, ms, existing, set(), 1)
        assert max(loads(plan, ms)) - min(loads(plan, ms)) <= 1
