"""Standing mentors: a pure planner (no Flask, no database) that gives every team k mentors.

Rules, in order of priority:
1. Pins stay: a pair an organizer pinned is kept whatever else changed (while the team and the
   mentor are still there), and counts toward the mentor's load.
2. A mentor attached to challenges mentors only teams whose entry names one of them; a mentor
   attached to none may mentor any team.
3. A mentor never gets more teams than their capacity (None: no limit) from the planner.
4. Other pairs that are still valid are kept, so a re-run after late changes moves as little as
   possible. A team above k mentors (k was lowered), or a mentor above capacity, loses its
   worst-matching unpinned pairs first.
5. Loads stay balanced: each free slot goes to an eligible mentor with the fewest teams, the best
   match among them (challenges in common count most, then the team's wanted skills that are the
   mentor's expertise), ties by id for repeatability. Then single moves even out loads (max - min
   <= 1 wherever one move can), moving a pair made in this run before an older one, and swaps
   between pairs made in this run improve matches without changing any load.
Teams with the fewest eligible mentors are filled first, so scarce mentors go where they are needed.
"""
from dataclasses import dataclass, field

CHALLENGE_WEIGHT = 3  # a shared challenge outweighs any handful of shared tags
MAX_ROUNDS = 5


@dataclass(frozen=True)
class Team:
    id: int
    challenge_ids: frozenset = frozenset()  # the challenges the team's entry (draft or submitted) names
    skills: frozenset = frozenset()  # the skills the team wants


@dataclass(frozen=True)
class Mentor:
    id: int
    challenge_ids: frozenset = frozenset()  # empty: mentors any team
    tags: frozenset = frozenset()  # expertise
    capacity: int | None = None  # teams at most; None: no limit


@dataclass
class Plan:
    keep: set = field(default_factory=set)  # (team_id, mentor_id) already there, still valid
    add: set = field(default_factory=set)  # new pairs to create
    remove: set = field(default_factory=set)  # unpinned pairs that go (no longer valid, or moved)
    shortfalls: dict = field(default_factory=dict)  # team_id -> mentors missing

    @property
    def pairs(self) -> set:
        return self.keep | self.add

    def load(self) -> dict:
        counts: dict = {}
        for _, mentor_id in self.pairs:
            counts[mentor_id] = counts.get(mentor_id, 0) + 1
        return counts


def can_mentor(mentor: Mentor, team: Team) -> bool:
    """Rule 2: a mentor attached to challenges mentors only teams on one of them."""
    return not mentor.challenge_ids or bool(mentor.challenge_ids & team.challenge_ids)


def match_score(mentor: Mentor, team: Team) -> int:
    """How well a mentor fits a team: shared challenges first, then wanted skills in their expertise."""
    return CHALLENGE_WEIGHT * len(mentor.challenge_ids & team.challenge_ids) + len(mentor.tags & team.skills)


def has_room(mentor: Mentor, load: int) -> bool:
    """Rule 3: whether one more team fits the mentor's capacity."""
    return mentor.capacity is None or load < mentor.capacity


def plan_mentors(teams: list[Team], mentors: list[Mentor], existing: set, pinned: set, k: int) -> Plan:
    """Plan standing mentors so every team has k; `existing` and `pinned` hold (team_id, mentor_id)."""
    world = _World(teams, mentors, pinned)
    plan = Plan()
    for pair in existing:
        (plan.keep if world.may_keep(pair) else plan.remove).add(pair)
    _trim(world, plan, k)
    load = {mentor.id: 0 for mentor in mentors} | plan.load()
    order = sorted(teams, key=lambda t: (len(world.eligible(t)), t.id))
    for _ in range(MAX_ROUNDS):  # a move or a swap can make room for a team left short: fill again
        before = set(plan.pairs)
        plan.shortfalls.clear()
        for team in order:
            _fill(world, plan, load, team, k)
        _even_out(world, plan, load)
        _improve_matches(world, plan)
        if plan.pairs == before:
            break
    return plan


class _World:
    """The planner's lookups: teams and mentors by id, the pins."""

    def __init__(self, teams, mentors, pinned):
        self.teams = {team.id: team for team in teams}
        self.mentors = {mentor.id: mentor for mentor in mentors}
        self.pinned = set(pinned)
        self._eligible: dict = {}

    def exists(self, pair) -> bool:
        return pair[0] in self.teams and pair[1] in self.mentors

    def may_keep(self, pair) -> bool:
        if not self.exists(pair):
            return False
        return pair in self.pinned or can_mentor(self.mentors[pair[1]], self.teams[pair[0]])

    def score(self, pair) -> int:
        return match_score(self.mentors[pair[1]], self.teams[pair[0]])

    def eligible(self, team: Team) -> list[Mentor]:
        if team.id not in self._eligible:
            self._eligible[team.id] = [mentor for mentor in self.mentors.values() if can_mentor(mentor, team)]
        return self._eligible[team.id]


def _trim(world: _World, plan: Plan, k: int) -> None:
    """Teams above k and mentors above capacity lose their worst-matching unpinned pairs."""
    def worst_first(pairs):
        return sorted((p for p in pairs if p not in world.pinned), key=lambda p: (world.score(p), -p[0], -p[1]))

    for team_id in world.teams:
        pairs = [p for p in plan.keep if p[0] == team_id]
        for pair in worst_first(pairs)[:max(len(pairs) - k, 0)]:
            plan.keep.discard(pair)
            plan.remove.add(pair)
    for mentor in world.mentors.values():
        pairs = [p for p in plan.keep if p[1] == mentor.id]
        excess = len(pairs) - mentor.capacity if mentor.capacity is not None else 0
        for pair in worst_first(pairs)[:max(excess, 0)]:
            plan.keep.discard(pair)
            plan.remove.add(pair)


def _fill(world: _World, plan: Plan, load: dict, team: Team, k: int) -> None:
    taken = {mentor_id for team_id, mentor_id in plan.pairs if team_id == team.id}
    candidates = [m for m in world.eligible(team) if m.id not in taken]
    for _ in range(k - len(taken)):
        room = [m for m in candidates if has_room(m, load[m.id])]
        if not room:
            plan.shortfalls[team.id] = k - len(taken)
            return
        best = min(room, key=lambda m: (load[m.id], -match_score(m, team), m.id))
        candidates.remove(best)
        _give(plan, (team.id, best.id))
        taken.add(best.id)
        load[best.id] += 1


def _give(plan: Plan, pair) -> None:
    """Add a pair to the plan; one that an earlier step removed is simply kept instead."""
    if pair in plan.remove:
        plan.remove.discard(pair)
        plan.keep.add(pair)
    else:
        plan.add.add(pair)


def _take_away(plan: Plan, pair) -> None:
    if pair in plan.add:
        plan.add.discard(pair)
    else:
        plan.keep.discard(pair)
        plan.remove.add(pair)


def _even_out(world: _World, plan: Plan, load: dict) -> None:
    """Move one pair at a time from a mentor to one with at least two teams fewer, while any can move.
    Each move lowers the sum of squared loads, so this ends."""
    while (move := _best_move(world, plan, load)) is not None:
        pair, to = move
        _take_away(plan, pair)
        _give(plan, (pair[0], to))
        load[pair[1]] -= 1
        load[to] += 1


def _best_move(world: _World, plan: Plan, load: dict):
    best, best_key = None, None
    pairs = plan.pairs
    for pair in pairs:
        if pair in world.pinned:
            continue
        team = world.teams[pair[0]]
        for mentor in world.eligible(team):
            if load[mentor.id] > load[pair[1]] - 2 or (team.id, mentor.id) in pairs \
                    or not has_room(mentor, load[mentor.id]):
                continue
            key = (load[mentor.id] - load[pair[1]], pair not in plan.add, world.score(pair) - match_score(mentor, team),
                   pair, mentor.id)
            if best_key is None or key < best_key:
                best, best_key = (pair, mentor.id), key
    return best


def _improve_matches(world: _World, plan: Plan) -> None:
    """Swap the mentors of two pairs made in this run when the teams match better after (loads unchanged)."""
    fresh = sorted(plan.add)
    taken = plan.pairs | plan.remove  # a swap never recreates a pair this run keeps, adds or removed
    for _ in range(MAX_ROUNDS):
        improved = False
        for i in range(len(fresh)):
            for j in range(i + 1, len(fresh)):
                a, b = fresh[i], fresh[j]
                if _swap_gain(world, taken, a, b) <= 0:
                    continue
                swapped = (a[0], b[1]), (b[0], a[1])
                taken.difference_update((a, b))
                taken.update(swapped)
                plan.add.difference_update((a, b))
                plan.add.update(swapped)
                fresh[i], fresh[j] = swapped
                improved = True
        if not improved:
            return


def _swap_gain(world: _World, taken: set, a, b) -> int:
    swapped = (a[0], b[1]), (b[0], a[1])
    if a[0] == b[0] or a[1] == b[1] or swapped[0] in taken or swapped[1] in taken:
        return 0
    if not all(can_mentor(world.mentors[p[1]], world.teams[p[0]]) for p in swapped):
        return 0
    return world.score(swapped[0]) + world.score(swapped[1]) - world.score(a) - world.score(b)
