"""How well each ranking method recovers a known true order, over simulated events.

Each event draws true qualities, a panel of judges with their own leniency (offset) and scale, an
assignment of judges to entries and integer rubric values with noise; the product's `rank` then
ranks it with every method, and a *reference* ranks it by the posterior mean of the judge-effects
model given the true variances (what the best possible estimator of this model would do with the
hyper-parameters known instead of estimated).

The grid of issue 13: 60 entries, 15 judges, k judges per entry (k in 2, 3, 5), judge offsets with
sd 0, 0.5, 1 or 2 marks, judge scales lognormal with sd 0.3, per-score noise sd 1 or 0.6 marks;
then small events (8 entries, 4 judges, k = 2 and 3) and unbalanced assignments (1 to 4 judges per
entry, some judges carrying three times the load of others). Marks are integers on four weighted
criteria on 1-10, clipped, so lenient judges saturate as real ones do.

Prints two tables, one row per setting: Kendall tau of each method with its 95% interval and the
paired differences default - reference and default - raw (same events); then how often the true
top 3 is the ranked top 3 (as a set) and the true best is ranked first (95% Wilson intervals).
Not a test.

    .venv/bin/python bench/ranking_simulation.py [--events N] [--quick] [--seed S]
"""
import argparse
import math
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hackathon.judging import judge_effects  # noqa: E402
from hackathon.judging.scoring import Criterion, ScoreRecord, rank  # noqa: E402

WEIGHTS = (3.0, 2.0, 2.0, 1.0)
CRITERIA = tuple(Criterion(name, w, 1, 10) for name, w in zip(("impact", "tech", "design", "pitch"), WEIGHTS))
MIDDLE_MARK = 5.5
QUALITY_SD = 1.5  # marks
CRITERION_SD = 0.5  # marks: a judge's marks of one entry differ by criterion
SCALE_LOG_SD = 0.3
POINTS_PER_MARK = 100 / 9
METHODS = ("default", "reference", "raw", "zscore")
GAP_ALLOWED = 0.005


@dataclass(frozen=True)
class Setting:
    """One kind of event: size, judges per entry, how lenient and how noisy its judges are."""

    name: str
    entries: int
    judges: int
    per_entry: int
    offset_sd: float  # marks
    noise_sd: float  # marks, per score
    unbalanced: bool = False
    weight: int = 1  # small events are cheap and noisy: run more of them


def settings() -> list[Setting]:
    """The grid, then small events and unbalanced assignments."""
    grid = [
        Setting("grid", 60, 15, k, offset, noise)
        for noise in (1.0, 0.6)
        for k in (2, 3, 5)
        for offset in (0.0, 0.5, 1.0, 2.0)
    ]
    small = [Setting("small", 8, 4, k, offset, 1.0, weight=4) for k in (2, 3) for offset in (0.0, 1.0, 2.0)]
    unbalanced = [Setting("unbalanced", 60, 15, 2, offset, 1.0, unbalanced=True) for offset in (0.0, 1.0, 2.0)]
    return grid + small + unbalanced


def assign(setting: Setting, rng) -> tuple[np.ndarray, np.ndarray]:
    """(judge, entry) index arrays: balanced rotating or random panels, or unbalanced ones."""
    judges, entries = [], []
    load = rng.uniform(0.5, 1.5, setting.judges) ** 2 if setting.unbalanced else None
    for e in range(setting.entries):
        if setting.unbalanced:
            k = rng.choice([1, 2, 3, 4], p=[0.1, 0.4, 0.3, 0.2])
            panel = rng.choice(setting.judges, k, replace=False, p=load / load.sum())
        elif rng.random() < 0.5:
            start = (e * setting.per_entry) % setting.judges
            panel = [(start + i) % setting.judges for i in range(setting.per_entry)]
        else:
            panel = rng.choice(setting.judges, setting.per_entry, replace=False)
        judges.extend(panel)
        entries.extend([e] * len(panel))
    return np.array(judges), np.array(entries)


def simulate(setting: Setting, rng):
    """One event: true qualities and the marks, as (judge, entry, marks per criterion) arrays."""
    quality = rng.normal(0, QUALITY_SD, setting.entries)
    offset = rng.normal(0, setting.offset_sd, setting.judges)
    scale = np.exp(rng.normal(0, SCALE_LOG_SD, setting.judges))
    jj, ee = assign(setting, rng)
    latent = MIDDLE_MARK + offset[jj] + scale[jj] * quality[ee] + rng.normal(0, setting.noise_sd, len(jj))
    marks = latent[:, None] + rng.normal(0, CRITERION_SD, (len(jj), len(CRITERIA)))
    return quality, jj, ee, np.clip(np.round(marks), 1, 10)


def true_variances(setting: Setting) -> judge_effects.Hyper:
    """The model's variances in points, as the simulation draws them (rounding counted as noise)."""
    w = np.array(WEIGHTS)
    spread = (w**2).sum() / w.sum() ** 2  # a weighted mean of independent criterion noises
    noise = setting.noise_sd**2 + (CRITERION_SD**2 + 1 / 12) * spread
    lognormal = math.exp(SCALE_LOG_SD**2)
    return judge_effects.Hyper(
        POINTS_PER_MARK**2 * noise,
        (POINTS_PER_MARK * QUALITY_SD) ** 2,
        max((POINTS_PER_MARK * setting.offset_sd) ** 2, 1e-6),
        (lognormal - 1) * lognormal,
    )


def orders(setting: Setting, jj, ee, marks) -> dict:
    """Each method's ranked entry order."""
    records = [
        ScoreRecord(int(j), int(e), {c.id: float(v) for c, v in zip(CRITERIA, row)})
        for j, e, row in zip(jj, ee, marks)
    ]
    result = {
        name: [row.entry_id for row in rank(records, CRITERIA, method=method).rows]
        for name, method in (("default", "judge_effects"), ("raw", "raw"), ("zscore", "zscore"))
    }
    scores = judge_effects.Scores()
    for record in records:
        scores.put(record.judge_id, record.entry_id, _points(record.values))
    fit = judge_effects.fit(scores, known=true_variances(setting))
    result["reference"] = [fit.entries[i] for i in np.argsort(-fit.quality, kind="stable")]
    return result


def _points(values: dict) -> float:
    return 100 * sum(c.weight * (values[c.id] - 1) / 9 for c in CRITERIA) / sum(WEIGHTS)


def kendall_tau(order, quality) -> float:
    """Kendall tau between a ranked order of entries (unscored ones last) and the true qualities."""
    position = np.full(len(quality), len(order), dtype=float)
    position[np.array(order, dtype=int)] = np.arange(len(order))
    ranked = -position
    pairs = np.triu_indices(len(quality), 1)
    agree = np.sign(ranked[:, None] - ranked[None, :]) * np.sign(quality[:, None] - quality[None, :])
    return float(agree[pairs].mean())


def run(setting: Setting, events: int, seed: int) -> dict:
    """Per method: taus, top-3 hits and best-first hits over `events` events."""
    rng = np.random.default_rng(seed)
    stats = {m: {"tau": [], "top3": 0, "best": 0} for m in METHODS}
    for _ in range(events):
        quality, jj, ee, marks = simulate(setting, rng)
        truth = np.argsort(-quality)
        for method, order in orders(setting, jj, ee, marks).items():
            s = stats[method]
            s["tau"].append(kendall_tau(order, quality))
            s["top3"] += set(order[:3]) == set(truth[:3].tolist())
            s["best"] += bool(order) and order[0] == truth[0]
    return stats


def mean_interval(values) -> tuple[float, float]:
    """Mean and half-width of its 95% normal interval."""
    values = np.asarray(values)
    return float(values.mean()), float(1.96 * values.std(ddof=1) / math.sqrt(len(values)))


def wilson(hits: int, n: int) -> tuple[float, float, float]:
    """95% Wilson interval of a proportion."""
    p, z = hits / n, 1.96
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return p, max(centre - half, 0.0), min(centre + half, 1.0)


def label(setting: Setting) -> str:
    """The setting as a table cell."""
    size = f"{setting.entries}x{setting.judges}"
    k = "1-4" if setting.unbalanced else str(setting.per_entry)
    return f"{setting.name} {size} | {k} | {setting.offset_sd:g} | {setting.noise_sd:g}"


def tau_row(setting: Setting, stats: dict, events: int) -> str:
    """One row of the tau table, with the verdicts of issue 13."""
    cells = ["{:.3f} ± {:.3f}".format(*mean_interval(stats[m]["tau"])) for m in METHODS]
    default = np.array(stats["default"]["tau"])
    gap, gap_half = mean_interval(default - np.array(stats["reference"]["tau"]))
    gain, gain_half = mean_interval(default - np.array(stats["raw"]["tau"]))
    verdict = "ok" if gap >= -GAP_ALLOWED and gain >= -gain_half else "MISSED"
    return (
        f"| {label(setting)} | {events} | " + " | ".join(cells)
        + f" | {gap:+.4f} ± {gap_half:.4f} | {gain:+.4f} ± {gain_half:.4f} | {verdict} |"
    )


def hits_row(setting: Setting, stats: dict, events: int) -> str:
    """One row of the top-3 / best-first table."""
    cells = [_share(wilson(stats[m][key], events)) for key in ("top3", "best") for m in METHODS]
    return f"| {label(setting)} | " + " | ".join(cells) + " |"


def _share(interval) -> str:
    p, low, high = interval
    return f"{p:.2f} [{low:.2f}, {high:.2f}]"


def _header(text: str) -> None:
    print(f"\n| {text} |")
    print("|---" * (text.count("|") + 1) + "|")


def main() -> None:
    """Run every setting and print both tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=None, help="events per setting (default 400)")
    parser.add_argument("--quick", action="store_true", help="40 events per setting")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    events = args.events or (40 if args.quick else 400)
    began = time.perf_counter()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    results = []
    for number, setting in enumerate(settings()):
        n = events * setting.weight
        results.append((setting, run(setting, n, args.seed + number), n))
    methods = " | ".join(METHODS)
    _header(f"setting | k | offset sd | noise sd | events | tau: {methods} | default - reference | "
            "default - raw | verdict")
    for setting, stats, n in results:
        print(tau_row(setting, stats, n))
    _header(f"setting | k | offset sd | noise sd | top 3: {methods} | best first: {methods}")
    for setting, stats, n in results:
        print(hits_row(setting, stats, n))
    print(f"\nload average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"total {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
