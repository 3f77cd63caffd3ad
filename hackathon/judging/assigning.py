"""Who judges what: a pure planner (no Flask, no database) that gives every entry k judges.

Rules, in order of priority:
1. A judge never gets an entry of a team they are in conflict with.
2. A judge tied to challenges judges only entries of those challenges; a judge tied to none may
   judge any entry. Judges of an entry's own challenge are preferred.
3. Assignments that already carry a score are kept, whatever else changed; other still-valid
   assignments are kept too, so a re-run after late changes moves as little as possible.
4. Loads stay balanced: each free slot goes to the eligible judge with the fewest assignments
   (so max - min <= 1 wherever the constraints allow), ties broken by judge id for repeatability.
Entries with the fewest eligible judges are filled first, so scarce judges go where they are needed.
"""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    id: int
    team_id: int
    challenge_ids: frozenset = frozenset()


@dataclass(frozen=True)
class Judge:
    id: int
    challenge_ids: frozenset = frozenset()  # empty: judges any entry


@dataclass
class Plan:
    keep: set = field(default_factory=set)      # (judge_id, entry_id) already there, still valid
    add: set = field(default_factory=set)       # new assignments to create
    remove: set = field(default_factory=set)    # unscored assignments that are no longer valid
    shortfalls: dict = field(default_factory=dict)  # entry_id -> judges missing

    def load(self) -> dict:
        counts: dict = {}
        for judge_id, _ in self.keep | self.add:
            counts[judge_id] = counts.get(judge_id, 0) + 1
        return counts


def can_judge(judge: Judge, entry: Entry, conflicts: set) -> bool:
    """Rules 1 and 2: no conflict, and the judge covers one of the entry's challenges (or all)."""
    if (judge.id, entry.team_id) in conflicts:
        return False
    return not judge.challenge_ids or bool(judge.challenge_ids & entry.challenge_ids)


def plan_assignments(entries: list[Entry], judges: list[Judge], conflicts: set, existing: set,
                     scored: set, k: int) -> Plan:
    """Plan assignments so every entry has k judges; `existing` and `scored` hold (judge_id, entry_id)."""
    by_id = {judge.id: judge for judge in judges}
    entry_by_id = {entry.id: entry for entry in entries}
    plan = Plan()
    for pair in existing:
        judge, entry = by_id.get(pair[0]), entry_by_id.get(pair[1])
        valid = judge is not None and entry is not None and can_judge(judge, entry, conflicts)
        (plan.keep if valid or pair in scored else plan.remove).add(pair)
    _trim_excess(plan, scored, k)
    load = {judge.id: 0 for judge in judges} | plan.load()
    for entry in sorted(entries, key=lambda e: (len(_eligible(e, judges, conflicts)), e.id)):
        _fill(entry, judges, conflicts, plan, load, k)
    return plan


def _eligible(entry: Entry, judges: list[Judge], conflicts: set) -> list[Judge]:
    return [judge for judge in judges if can_judge(judge, entry, conflicts)]


def _trim_excess(plan: Plan, scored: set, k: int) -> None:
    """An entry above k judges (k was lowered) loses its unscored assignments first."""
    per_entry: dict = {}
    for pair in sorted(plan.keep, key=lambda p: (p in scored, -p[0]), reverse=True):
        per_entry.setdefault(pair[1], []).append(pair)
    for pairs in per_entry.values():
        for pair in pairs[k:]:
            if pair not in scored:
                plan.keep.discard(pair)
                plan.remove.add(pair)


def _fill(entry: Entry, judges, conflicts, plan: Plan, load: dict, k: int) -> None:
    taken = {judge_id for judge_id, entry_id in plan.keep | plan.add if entry_id == entry.id}
    candidates = [j for j in _eligible(entry, judges, conflicts) if j.id not in taken]
    for _ in range(k - len(taken)):
        if not candidates:
            plan.shortfalls[entry.id] = k - len(taken)
            return
        best = min(candidates, key=lambda j: (load[j.id], not (j.challenge_ids & entry.challenge_ids), j.id))
        candidates.remove(best)
        plan.add.add((best.id, entry.id))
        taken.add(best.id)
        load[best.id] += 1
