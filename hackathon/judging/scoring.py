"""Scoring: from judges' scores to a ranking. Pure maths, no Flask, no database.

Points. A judge's score of an entry becomes one number from 0 to 100: each criterion's value is
placed on 0..1 of its scale, weighted, and averaged over the criteria the judge filled in (a
skipped criterion drops out of both the sum and the weights), times 100. Values outside a scale
are clamped to it; values of criteria no longer in the rubric, and non-finite values, are ignored.
A record with no usable value means "no score" and removes the judge's score of that entry.

Methods (`METHODS`, default `judge_effects`); the adjusted score of an entry is
  - raw: the mean of its points;
  - zscore: the mean of its z-scores, each taken over its judge's own scores, in z units;
  - judge_effects: its quality from `judge_effects.py`, in points of the panel's average judge.
Judge statistics always come from every score given, even when only some entries are ranked (a
challenge), so an entry has the same adjusted score in every ranking it appears in.

Tie rule. Rows are ordered by adjusted score (as shown, rounded to `DIGITS` decimals), then more
scores, then higher raw mean, then lower entry id, so equal inputs always give the same order.

Noise. Every row carries a standard error; `tied_with_next` marks a gap to the next row smaller
than `NOISE_Z` standard errors of the difference, and a chain of such rows shares a `noise_group`
(the rank of its first row).

Audit. `rank(records, ...)` recomputes from score records (later records replace earlier ones of
the same judge and entry); excluding a judge means leaving their records out. `Leaderboard`
keeps the same result up to date one score at a time and reports only the rows that changed.
"""
import math
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from collections.abc import Hashable, Iterable

from .aggregation import AGGREGATORS, ScoreStore, mean_and_spread

METHODS = ("judge_effects", "zscore", "raw")
DEFAULT_METHOD = "judge_effects"
DIGITS = 3
NOISE_Z = 1.0
# Past this share of moved entries, one sort beats many list insertions.
FULL_RESORT_SHARE = 0.25


@dataclass(frozen=True)
class Criterion:
    """One line of the rubric: values run from `min` to `max`, `weight` is relative."""

    id: Hashable
    weight: float
    min: float
    max: float

    def __post_init__(self):
        if not self.weight > 0 or not self.max > self.min:
            raise ValueError(f"criterion {self.id!r} needs weight > 0 and max > min")


@dataclass(frozen=True)
class ScoreRecord:
    """A judge's values for one entry, keyed by criterion id; missing criteria were skipped."""

    judge_id: Hashable
    entry_id: Hashable
    values: dict


@dataclass(frozen=True)
class Row:
    """One entry's line of a ranking; `score` is `adjusted`, the number the board orders by."""

    entry_id: Hashable
    rank: int
    score: float
    raw_mean: float
    adjusted: float
    std_error: float
    n_scores: int
    tied_with_next: bool
    noise_group: int
    has_too_few_scores: bool


@dataclass(frozen=True)
class JudgeRow:
    """A judge's footprint: raw mean and spread in points, and the fitted leniency and scale."""

    judge_id: Hashable
    n: int
    raw_mean: float
    spread: float
    leniency: float | None
    scale: float | None


@dataclass(frozen=True)
class Ranking:
    """The ordered rows, the judges, and the entries below `min_scores` scores."""

    method: str
    rows: tuple
    judges: tuple
    too_few_scores: tuple


@dataclass(frozen=True)
class BoardChange:
    """What one score did to the board: rows to push and entries that left it."""

    rows: tuple = ()
    removed: tuple = field(default=())


def _row_fields(entry_id, rank_, adjusted, raw, error, n, tied, group, few) -> dict:
    return {"entry_id": entry_id, "rank": rank_, "score": adjusted, "raw_mean": raw, "adjusted": adjusted,
            "std_error": error, "n_scores": n, "tied_with_next": tied, "noise_group": group,
            "has_too_few_scores": few}


def _new_row(fields: dict) -> Row:
    # The same Row as Row(**fields), built without a frozen dataclass's ten object.__setattr__
    # calls: the judge-effects board rebuilds hundreds of rows per score.
    row = object.__new__(Row)
    object.__setattr__(row, "__dict__", fields)
    return row


def points(values: dict, criteria: dict) -> float | None:
    """A judge's weighted score of one entry on 0-100, or None when no criterion was filled in."""
    parts = [
        (criteria[c].weight, _unit(v, criteria[c]))
        for c, v in values.items()
        if c in criteria and v is not None and math.isfinite(v)
    ]
    if not parts:
        return None
    return 100 * math.fsum(w * u for w, u in parts) / math.fsum(w for w, _ in parts)


def _unit(value: float, criterion: Criterion) -> float:
    unit = (value - criterion.min) / (criterion.max - criterion.min)
    return min(max(unit, 0.0), 1.0)


def rank(
    records: Iterable[ScoreRecord],
    criteria: Iterable[Criterion],
    method: str = DEFAULT_METHOD,
    entries: Iterable | None = None,
    min_scores: int = 1,
) -> Ranking:
    """Rank entries (all, or only `entries`, e.g. a challenge's) from score records."""
    return Leaderboard(criteria, method, entries, min_scores, records).ranking()


class Leaderboard:
    """A ranking kept current one score at a time, reporting only the rows that changed."""

    def __init__(self, criteria, method=DEFAULT_METHOD, entries=None, min_scores=1, records=()):
        if method not in METHODS:
            raise ValueError(f"unknown ranking method {method!r}; choose from {METHODS}")
        self.method = method
        self.criteria = {c.id: c for c in criteria}
        self.entries = None if entries is None else set(entries)
        self.min_scores = min_scores
        self.store = ScoreStore()
        for record in records:
            self.store.put(record.judge_id, record.entry_id, self._points(record))
        self.aggregator = AGGREGATORS[method](self.store, DIGITS)
        self.aggregator.refit()
        self.results: dict = {}
        self.keys: list = []
        self.rows: list = []
        self._refresh(set(self.store.by_entry))

    def record(self, record: ScoreRecord) -> BoardChange:
        """Record a new or changed score and return the rows that changed."""
        return self._change(record.judge_id, record.entry_id, self._points(record))

    def remove(self, judge_id, entry_id) -> BoardChange:
        """Remove a judge's score of an entry and return the rows that changed."""
        return self._change(judge_id, entry_id, None)

    def ranking(self) -> Ranking:
        """The current ranking, judges and under-scored entries."""
        listed = self.entries if self.entries is not None else set(self.store.by_entry)
        counts = {e: len(self.store.by_entry.get(e, ())) for e in listed}
        too_few = sorted(e for e, n in counts.items() if n < self.min_scores)
        return Ranking(self.method, tuple(self.rows), self._judges(), tuple(too_few))

    def _points(self, record):
        return points(record.values, self.criteria)

    def _change(self, judge_id, entry_id, value) -> BoardChange:
        self.store.put(judge_id, entry_id, value)
        return self._refresh(self.aggregator.update(judge_id, entry_id), entry_id)

    def _result(self, entry_id):
        adjusted, error = self.aggregator.shown(entry_id)
        raw = self.store.raw_mean(entry_id)
        n = len(self.store.by_entry[entry_id])
        return adjusted, error, round(raw, DIGITS), n

    def _refresh(self, moved: set, touched=None) -> BoardChange:
        # Re-key the moved entries, then rebuild rows only across the span their keys crossed.
        moved = moved if self.entries is None else moved & self.entries
        old_rows = self.rows
        if len(moved) > FULL_RESORT_SHARE * max(len(self.keys), 1):
            gone = tuple(sorted(e for e in moved if e in self.results and e not in self.store.by_entry))
            self._resort(moved, touched)
            return BoardChange(self._rebuild(0, len(self.keys), old_rows), gone)
        shown = {e for e in moved if e in self.results}
        old_spots = [bisect_left(self.keys, self._key(e)) for e in shown]
        for e in moved:
            self._rekey(e)
        new_spots = [bisect_left(self.keys, self._key(e)) for e in moved if e in self.results]
        spots = old_spots + new_spots
        if not spots:
            return BoardChange()
        start = max(min(spots) - 1, 0)
        end = max(spots) if len(self.keys) == len(old_rows) else len(self.keys) - 1
        gone = tuple(sorted(shown - set(self.results)))
        return BoardChange(self._rebuild(start, end, old_rows), gone)

    def _resort(self, moved: set, touched) -> None:
        # Only the touched entry's own scores changed: the others keep their raw mean and count.
        results = self.results
        for e in moved:
            old = results.pop(e, None)
            if e not in self.store.by_entry:
                continue
            if old is None or e == touched:
                results[e] = self._result(e)
            else:
                results[e] = (*self.aggregator.shown(e), old[2], old[3])
        self.keys = sorted([(-a, -n, -raw, e) for e, (a, _, raw, n) in results.items()])

    def _rekey(self, entry_id) -> None:
        if entry_id in self.results:
            del self.keys[bisect_left(self.keys, self._key(entry_id))]
            del self.results[entry_id]
        if entry_id in self.store.by_entry:
            self.results[entry_id] = self._result(entry_id)
            insort(self.keys, self._key(entry_id))

    def _key(self, entry_id):
        adjusted, _, raw, n = self.results[entry_id]
        return (-adjusted, -n, -raw, entry_id)

    def _rebuild(self, start: int, end: int, old_rows: list) -> tuple:
        # One tight loop without per-row calls: a judge-effects board rebuilds every row per score.
        # Past `end` a row changes only through its noise group, so stop at the first unchanged.
        keys, results, count, old_count = self.keys, self.results, len(self.keys), len(old_rows)
        rows, changed = old_rows[:start], []
        group, tied = (rows[-1].noise_group, rows[-1].tied_with_next) if rows else (1, False)
        following = results[keys[start][-1]] if start < count else None
        for i in range(start, count):
            entry_id, (adjusted, error, raw, n) = keys[i][-1], following
            following = results[keys[i + 1][-1]] if i + 1 < count else None
            group = group if tied else i + 1
            tied = following is not None and abs(adjusted - following[0]) < NOISE_Z * math.hypot(error, following[1])
            fields = _row_fields(entry_id, i + 1, adjusted, raw, error, n, tied, group, n < self.min_scores)
            if i < old_count and fields == old_rows[i].__dict__:
                if i > end:
                    rows.extend(old_rows[i:count])
                    break
                rows.append(old_rows[i])
                continue
            rows.append(_new_row(fields))
            changed.append(rows[-1])
        self.rows = rows
        return tuple(changed)

    def _judges(self) -> tuple:
        judges = []
        for judge_id, scores in sorted(self.store.by_judge.items()):
            mean, spread = mean_and_spread(scores.values())
            leniency, scale = self.aggregator.judge_effect(judge_id)
            judges.append(JudgeRow(judge_id, len(scores), mean, spread, leniency, scale))
        return tuple(judges)
