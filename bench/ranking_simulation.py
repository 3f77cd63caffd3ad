"""How well each ranking method recovers a known true order, over simulated events.

Each event draws true qualities, a panel of judges with their own leniency and scale, an
assignment of k judges per entry and integer rubric values with noise; every method then ranks
it. Prints, per scenario and method, Kendall tau against the truth, how often the true top 3 is
the ranked top 3 (as a set), how often the true best is ranked first (each with a 95% interval),
the paired tau gain of judge_effects over the others, and the mean fit time. Not a test.

    .venv/bin/python bench/ranking_simulation.py [--quick] [--events N] [--seed S]
"""
import argparse
import math
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hackathon.judging.scoring import METHODS, Criterion, ScoreRecord, rank  # noqa: E402

CRITERIA = (Criterion("impact", 3, 1, 10), Criterion("tech", 2, 1, 10), Criterion("demo", 1, 1, 10))


@dataclass(frozen=True)
class Scenario:
    """One kind of event: size, panel and how biased and noisy its judges are."""

    name: str
    entries: int
    judges: int
    per_entry: int
    leniency: float  # sd of judge offsets, in sd of true quality
    scale: float  # sd of log judge scales
    noise: float  # sd of per-criterion noise, in sd of true quality


SCENARIOS = (
    Scenario("unbiased judges", 40, 10, 3, 0.0, 0.0, 0.6),
    Scenario("realistic bias", 40, 10, 3, 0.5, 0.3, 0.6),
    Scenario("strong bias", 40, 10, 3, 1.0, 0.5, 0.6),
    Scenario("large sparse event", 120, 24, 3, 0.5, 0.3, 0.6),
    Scenario("two judges per entry", 60, 12, 2, 0.5, 0.3, 0.6),
    Scenario("small, everyone judges all", 12, 4, 4, 0.5, 0.3, 0.6),
    Scenario("noisy, realistic bias", 40, 10, 3, 0.5, 0.3, 1.2),
    Scenario("large unbiased", 120, 24, 3, 0.0, 0.0, 0.6),
)


def simulate(scenario: Scenario, rng: random.Random):
    """One event: its true qualities and its score records."""
    quality = {e: rng.gauss(0, 1) for e in range(scenario.entries)}
    offset = [rng.gauss(0, scenario.leniency) for _ in range(scenario.judges)]
    scale = [math.exp(rng.gauss(0, scenario.scale)) for _ in range(scenario.judges)]
    records = []
    for e, q in quality.items():
        for j in _assign(scenario, e, rng):
            values = {
                c.id: _value(offset[j] + scale[j] * q + rng.gauss(0, scenario.noise))
                for c in CRITERIA
            }
            records.append(ScoreRecord(j, e, values))
    return quality, records


def _assign(scenario, entry, rng):
    # Rotating blocks keep loads even, the shuffle makes panels overlap unevenly.
    start = (entry * scenario.per_entry) % scenario.judges
    panel = [(start + i) % scenario.judges for i in range(scenario.per_entry)]
    if rng.random() < 0.5:
        panel = rng.sample(range(scenario.judges), scenario.per_entry)
    return panel


def _value(latent):
    # Judges mark on 1-10 around 6, clipped: lenient judges saturate like real ones do.
    return min(10, max(1, round(6 + 1.5 * latent)))


def kendall_tau(order, quality):
    """Kendall tau between a ranked order of entries and their true qualities."""
    position = {e: i for i, e in enumerate(order)}
    entries = list(position)
    agree = 0
    for i, a in enumerate(entries):
        for b in entries[i + 1 :]:
            agree += 1 if (position[a] < position[b]) == (quality[a] > quality[b]) else -1
    pairs = len(entries) * (len(entries) - 1) / 2
    return agree / pairs


def mean_interval(values):
    """Mean and half-width of its 95% normal interval."""
    mean = statistics.fmean(values)
    return mean, 1.96 * statistics.stdev(values) / math.sqrt(len(values))


def wilson(hits, n):
    """95% Wilson interval of a proportion."""
    p, z = hits / n, 1.96
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return p, max(centre - half, 0), min(centre + half, 1)


def run_scenario(scenario: Scenario, events: int, seed: int):
    """Per method: taus, top-3 hits, best-first hits and fit times over `events` events."""
    rng = random.Random(seed)
    stats = {m: {"tau": [], "top3": 0, "best": 0, "time": []} for m in METHODS}
    for _ in range(events):
        quality, records = simulate(scenario, rng)
        truth = sorted(quality, key=quality.get, reverse=True)
        for method in METHODS:
            began = time.perf_counter()
            order = [row.entry_id for row in rank(records, CRITERIA, method=method).rows]
            stats[method]["time"].append(time.perf_counter() - began)
            stats[method]["tau"].append(kendall_tau(order, quality))
            stats[method]["top3"] += set(order[:3]) == set(truth[:3])
            stats[method]["best"] += order[0] == truth[0]
    return stats


def report(scenario: Scenario, stats: dict, events: int) -> None:
    """Print one scenario's table."""
    print(
        f"\n## {scenario.name}: {scenario.entries} entries, {scenario.judges} judges, "
        f"{scenario.per_entry} per entry, leniency sd {scenario.leniency}, "
        f"log-scale sd {scenario.scale}, noise sd {scenario.noise}, {events} events"
    )
    print("| method | Kendall tau | true top 3 = top 3 | true best ranked 1st | fit ms |")
    print("|---|---|---|---|---|")
    for method in METHODS:
        s = stats[method]
        tau, half = mean_interval(s["tau"])
        top3, best = wilson(s["top3"], events), wilson(s["best"], events)
        print(
            f"| {method} | {tau:.3f} ± {half:.3f} | {_share(top3)} | {_share(best)} "
            f"| {1000 * statistics.fmean(s['time']):.1f} |"
        )
    for other in METHODS[1:]:
        gains = [a - b for a, b in zip(stats[METHODS[0]]["tau"], stats[other]["tau"])]
        gain, half = mean_interval(gains)
        print(f"paired tau gain of {METHODS[0]} over {other}: {gain:+.4f} ± {half:.4f}")


def _share(interval):
    p, low, high = interval
    return f"{p:.2f} [{low:.2f}, {high:.2f}]"


def main() -> None:
    """Run every scenario and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="30 events per scenario")
    parser.add_argument("--events", type=int, default=None, help="events per scenario")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    events = args.events or (30 if args.quick else 400)
    began = time.perf_counter()
    for number, scenario in enumerate(SCENARIOS):
        report(scenario, run_scenario(scenario, events, args.seed + number), events)
    print(f"\ntotal {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
