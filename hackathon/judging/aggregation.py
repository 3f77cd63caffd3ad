"""The ranking methods: how the judges' scores of an entry become one adjusted score.

Each method is a class over a shared `ScoreStore` with the same methods (`refit`, `update`,
`result`, `shown`, `judge_effect`), registered in `AGGREGATORS` under its name, so the board never
branches on the method. `shown` is the result rounded to the board's digits, by one rounding rule
per method, so a live board and a recompute always round alike. Sums use `math.fsum`, which is exact and order-free: a live board that received
scores one by one equals an audit recompute of the same scores bit for bit.
"""
import math

import numpy as np

from . import judge_effects

# Smooths an entry's spread when it has one or two scores, so its standard error stays finite.
PRIOR_SPREAD_WEIGHT = 1.0
PRIOR_SPREAD_POINTS = 15.0
PRIOR_SPREAD_Z = 1.0


class ScoreStore:
    """Each judge's current score (0-100 points) of each entry, indexed both ways."""

    def __init__(self):
        self.by_judge: dict = {}
        self.by_entry: dict = {}

    def put(self, judge_id, entry_id, points: float | None) -> None:
        """Set a judge's score of an entry; None removes it."""
        if points is None:
            self.by_judge.get(judge_id, {}).pop(entry_id, None)
            self.by_entry.get(entry_id, {}).pop(judge_id, None)
            _drop_empty(self.by_judge, judge_id)
            _drop_empty(self.by_entry, entry_id)
            return
        self.by_judge.setdefault(judge_id, {})[entry_id] = points
        self.by_entry.setdefault(entry_id, {})[judge_id] = points

    def raw_mean(self, entry_id) -> float:
        """The plain mean of an entry's scores in points."""
        scores = self.by_entry[entry_id].values()
        return math.fsum(scores) / len(scores)


def _drop_empty(index, key):
    if key in index and not index[key]:
        del index[key]


def mean_and_spread(values, prior_spread: float = 0.0, prior_weight: float = 0.0):
    """Mean and standard deviation of values, the variance smoothed by a prior when asked."""
    values = list(values)
    if not values:
        return 0.0, 0.0
    mean = math.fsum(values) / len(values)
    squares = math.fsum((v - mean) ** 2 for v in values)
    if prior_weight:
        return mean, math.sqrt(
            (squares + prior_weight * prior_spread**2) / (len(values) - 1 + prior_weight)
        )
    return mean, math.sqrt(squares / len(values))


class RawMean:
    """Adjusted score = plain mean of the entry's scores, in points."""

    def __init__(self, store: ScoreStore, digits: int = 3):
        self.store = store
        self.digits = digits

    def refit(self) -> None:
        """Nothing is cached: an entry's result only needs its own scores."""

    def update(self, judge_id, entry_id) -> set:
        """Entries whose result may have changed after one score changed."""
        return {entry_id}

    def result(self, entry_id) -> tuple[float, float]:
        """(adjusted score, standard error) of an entry."""
        scores = self.store.by_entry[entry_id].values()
        mean, spread = mean_and_spread(scores, PRIOR_SPREAD_POINTS, PRIOR_SPREAD_WEIGHT)
        return mean, spread / math.sqrt(len(scores))

    def shown(self, entry_id) -> tuple[float, float]:
        """(adjusted score, standard error) rounded to the board's digits."""
        adjusted, error = self.result(entry_id)
        return round(adjusted, self.digits), round(error, self.digits)

    def judge_effect(self, judge_id) -> tuple[float | None, float | None]:
        """This method assumes judges have no leniency or scale."""
        return None, None


class ZScore(RawMean):
    """Adjusted score = mean of the entry's z-scores, each over its judge's own scores (z units)."""

    def __init__(self, store: ScoreStore, digits: int = 3):
        super().__init__(store, digits)
        self.judge_stats: dict = {}

    def refit(self) -> None:
        """Recompute every judge's mean and spread."""
        self.judge_stats = {j: mean_and_spread(s.values()) for j, s in self.store.by_judge.items()}

    def update(self, judge_id, entry_id) -> set:
        """Refresh one judge's statistics; all entries of that judge move."""
        scores = self.store.by_judge.get(judge_id)
        if scores is None:
            self.judge_stats.pop(judge_id, None)
            return {entry_id}
        self.judge_stats[judge_id] = mean_and_spread(scores.values())
        return set(scores) | {entry_id}

    def z(self, judge_id, points: float) -> float:
        """A score in its judge's standard deviations from the judge's mean (0 if no spread)."""
        mean, spread = self.judge_stats[judge_id]
        # A judge who gave one score, or the same score to all, says nothing about order.
        return (points - mean) / spread if spread > 1e-9 else 0.0

    def result(self, entry_id) -> tuple[float, float]:
        """(mean z-score, standard error) of an entry."""
        zs = [self.z(j, s) for j, s in self.store.by_entry[entry_id].items()]
        mean, spread = mean_and_spread(zs, PRIOR_SPREAD_Z, PRIOR_SPREAD_WEIGHT)
        return mean, spread / math.sqrt(len(zs))


class JudgeEffects(RawMean):
    """Adjusted score = entry quality from the judge-effects model, in points."""

    def __init__(self, store: ScoreStore, digits: int = 3):
        super().__init__(store, digits)
        self.scores = judge_effects.Scores()
        self.fit = judge_effects.Fit()
        self.rounded: dict = {}
        self.judges: dict = {}

    def refit(self) -> None:
        """Cold fit over every score."""
        self.scores = judge_effects.Scores()
        for judge_id, scores in self.store.by_judge.items():
            for entry_id, points in scores.items():
                self.scores.put(judge_id, entry_id, points)
        self._keep(judge_effects.fit(self.scores))

    def update(self, judge_id, entry_id) -> set:
        """Refit warm-started from the previous fit; every entry may move a little."""
        self.scores.put(judge_id, entry_id, self.store.by_judge.get(judge_id, {}).get(entry_id))
        self._keep(judge_effects.fit(self.scores, start=self.fit))
        return set(self.store.by_entry) | {entry_id}

    def _keep(self, fit: judge_effects.Fit) -> None:
        # Every entry moves with every score, so round them all at once (NumPy's rule, both ways).
        self.fit = fit
        shown = zip(np.round(fit.quality, self.digits).tolist(), np.round(fit.std_error, self.digits).tolist())
        self.rounded = dict(zip(fit.entries, shown))
        self.judges = dict(zip(fit.judges, zip(fit.offset.tolist(), fit.scale.tolist())))

    def result(self, entry_id) -> tuple[float, float]:
        """(quality in points, standard error) of an entry."""
        i = self.fit.entries.index(entry_id)
        return float(self.fit.quality[i]), float(self.fit.std_error[i])

    def shown(self, entry_id) -> tuple[float, float]:
        """(quality, standard error) rounded to the board's digits."""
        return self.rounded[entry_id]

    def judge_effect(self, judge_id) -> tuple[float | None, float | None]:
        """(leniency in points at an average entry, scale) of a judge."""
        return self.judges[judge_id]


AGGREGATORS = {"judge_effects": JudgeEffects, "zscore": ZScore, "raw": RawMean}
