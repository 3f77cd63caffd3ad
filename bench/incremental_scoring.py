"""Time to record one score on a fully scored event and get the changed rows, per method.

The event: 500 entries, each scored by 5 of a 25-judge panel on a 6-criterion rubric. Every update
changes one existing score (a judge revising a mark) or, one time in ten, removes and re-adds it.
Prints p50/p95/max latency over the updates, the rows pushed per update and the cold-fit time.
Not a test.

    .venv/bin/python bench/incremental_scoring.py [--updates N] [--entries N] [--judges N]
"""
import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hackathon.judging.scoring import METHODS, Criterion, Leaderboard, ScoreRecord  # noqa: E402

CRITERIA = tuple(Criterion(f"c{i}", 1 + i % 3, 1, 10) for i in range(6))
PER_ENTRY = 5


def event(entries: int, judges: int, rng: random.Random) -> list:
    """Score records of a fully scored event with lenient and harsh judges."""
    quality = [rng.gauss(0, 1) for _ in range(entries)]
    offset = [rng.gauss(0, 0.5) for _ in range(judges)]
    records = []
    for e, q in enumerate(quality):
        for j in rng.sample(range(judges), PER_ENTRY):
            records.append(ScoreRecord(j, e, _values(q + offset[j], rng)))
    return records


def _values(latent: float, rng: random.Random) -> dict:
    return {c.id: min(10, max(1, round(6 + 1.5 * (latent + rng.gauss(0, 0.6))))) for c in CRITERIA}


def percentile(values, share):
    """The value below which `share` of the sorted values fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(method: str, records: list, updates: int, rng: random.Random) -> None:
    """Print one method's cold fit time and update latencies."""
    began = time.perf_counter()
    board = Leaderboard(CRITERIA, method=method, records=records)
    cold = time.perf_counter() - began
    latencies, pushed = [], []
    for _ in range(updates):
        record = rng.choice(records)
        began = time.perf_counter()
        if rng.random() < 0.1:
            change = board.remove(record.judge_id, record.entry_id)
            change = board.record(record)
        else:
            change = board.record(ScoreRecord(record.judge_id, record.entry_id, _values(0, rng)))
        latencies.append(1000 * (time.perf_counter() - began))
        pushed.append(len(change.rows))
    print(
        f"| {method} | {1000 * cold:.0f} | {percentile(latencies, 0.5):.2f} "
        f"| {percentile(latencies, 0.95):.2f} | {max(latencies):.2f} "
        f"| {statistics.median(pushed):.0f} / {max(pushed)} |"
    )


def main() -> None:
    """Build the event once and time every method on it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=500)
    parser.add_argument("--judges", type=int, default=25)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    records = event(args.entries, args.judges, random.Random(args.seed))
    print(
        f"{args.entries} entries x {PER_ENTRY} judges (panel of {args.judges}) x "
        f"{len(CRITERIA)} criteria = {len(records)} scores; {args.updates} updates each"
    )
    print("| method | cold fit ms | update p50 ms | p95 ms | max ms | rows pushed median / max |")
    print("|---|---|---|---|---|---|")
    for method in METHODS:
        measure(method, records, args.updates, random.Random(args.seed + 1))


if __name__ == "__main__":
    main()
