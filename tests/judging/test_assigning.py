"""The assignment planner on plain data."""
from hackathon.judging.assigning import Entry, Judge, can_judge, plan_assignments


def entries(n, challenge=frozenset()):
    return [Entry(id=i, team_id=100 + i, challenge_ids=challenge) for i in range(n)]


def judges(n, challenges=frozenset()):
    return [Judge(id=j, challenge_ids=challenges) for j in range(1, n + 1)]


def test_every_entry_gets_k_distinct_judges_and_loads_are_balanced():
    plan = plan_assignments(entries(10), judges(4), set(), set(), set(), k=3)
    per_entry = {}
    for judge_id, entry_id in plan.add:
        per_entry.setdefault(entry_id, set()).add(judge_id)
    assert all(len(judge_ids) == 3 for judge_ids in per_entry.values()) and len(per_entry) == 10
    load = plan.load()
    assert max(load.values()) - min(load.values()) <= 1 and not plan.shortfalls


def test_conflicts_are_never_assigned():
    conflicted = {(1, 100), (2, 101)}
    plan = plan_assignments(entries(4), judges(3), conflicted, set(), set(), k=2)
    assert not ({(1, 0), (2, 1)} & plan.add)


def test_challenge_judges_judge_only_their_challenge_and_are_preferred():
    grid = frozenset({7})
    pool = [Judge(1, grid), Judge(2, grid), Judge(3), Judge(4)]
    in_grid = [Entry(1, 101, grid), Entry(2, 102, grid)]
    other = [Entry(3, 103, frozenset({8}))]
    plan = plan_assignments(in_grid + other, pool, set(), set(), set(), k=2)
    assert {(1, 1), (2, 1), (1, 2), (2, 2)} <= plan.add
    assert all(judge_id in (3, 4) for judge_id, entry_id in plan.add if entry_id == 3)


def test_rerun_keeps_scored_assignments_even_when_now_conflicted():
    existing = {(1, 0), (2, 0)}
    plan = plan_assignments(entries(1), judges(3), {(1, 100)}, existing, scored={(1, 0)}, k=2)
    assert (1, 0) in plan.keep and (2, 0) in plan.keep and plan.add == set()


def test_rerun_removes_unscored_assignments_that_became_conflicts_and_refills():
    plan = plan_assignments(entries(1), judges(3), {(1, 100)}, {(1, 0)}, set(), k=1)
    assert plan.remove == {(1, 0)} and len(plan.add) == 1 and (1, 0) not in plan.add


def test_rerun_after_a_new_entry_moves_nothing_already_assigned():
    first = plan_assignments(entries(4), judges(3), set(), set(), set(), k=2)
    second = plan_assignments(entries(5), judges(3), set(), first.add, set(), k=2)
    assert second.keep == first.add and second.remove == set()
    assert {entry_id for _, entry_id in second.add} == {4}


def test_lowering_k_drops_unscored_assignments_only():
    existing = {(1, 0), (2, 0), (3, 0)}
    plan = plan_assignments(entries(1), judges(3), set(), existing, scored={(3, 0)}, k=1)
    assert plan.keep == {(3, 0)} and plan.remove == {(1, 0), (2, 0)}


def test_shortfall_is_reported_when_not_enough_judges_can_judge():
    plan = plan_assignments(entries(1), judges(2), {(1, 100)}, set(), set(), k=3)
    assert plan.shortfalls == {0: 2}


def test_can_judge_rules():
    assert can_judge(Judge(1), Entry(1, 5, frozenset({3})), set())
    assert not can_judge(Judge(1, frozenset({4})), Entry(1, 5, frozenset({3})), set())
    assert not can_judge(Judge(1), Entry(1, 5), {(1, 5)})
