"""Ranking work per score on a fully scored event, next to a full recompute in the same run.

The event: 500 entries, each scored by 5 of a 25-judge panel on a 6-criterion rubric. Every update
changes one existing score (a judge revising a mark) or, one time in ten, removes and re-adds it
(both count as one update). Per method it prints the full recompute (`rank` over every current
score, median of several), the update latency p50/p95/max, their ratio, the rows pushed per update,
and how far the live board ended from a recompute of the same scores (largest difference of an
adjusted score or standard error, after rounding to the board's 3 decimals). The load average is
printed at the start and the end: the machine is shared. Not a test.

    .venv/bin/python bench/incremental_scoring.py [--updates N] [--entries N] [--judges N]
"""
import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hackathon.judging.scoring import METHODS, Criterion, Leaderboard, ScoreRecord, rank  # noqa: E402

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
    """Print one method's full recompute, update latencies and the live board's drift."""
    board = Leaderboard(CRITERIA, method=method, records=records)
    live = {(r.judge_id, r.entry_id): r for r in records}
    latencies, pushed = [], []
    for _ in range(updates):
        record = rng.choice(records)
        began = time.perf_counter()
        if rng.random() < 0.1:
            change = board.remove(record.judge_id, record.entry_id)
            change = board.record(record)
        else:
            record = ScoreRecord(record.judge_id, record.entry_id, _values(0, rng))
            change = board.record(record)
        latencies.append(1000 * (time.perf_counter() - began))
        live[(record.judge_id, record.entry_id)] = record
        pushed.append(len(change.rows))
    full, recomputed = full_recompute(method, list(live.values()))
    p50 = percentile(latencies, 0.5)
    print(
        f"| {method} | {full:.1f} | {p50:.2f} | {percentile(latencies, 0.95):.2f} | {max(latencies):.2f} "
        f"| {full / p50:.0f}x | {statistics.median(pushed):.0f} / {max(pushed)} "
        f"| {drift(board.ranking(), recomputed):.3f} |"
    )


def full_recompute(method: str, records: list, runs: int = 7) -> tuple[float, object]:
    """Median time (ms) of ranking every current score from scratch, and that ranking."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        ranking = rank(records, CRITERIA, method=method)
        times.append(1000 * (time.perf_counter() - began))
    return statistics.median(times), ranking


def drift(live, full) -> float:
    """Largest difference of a shown adjusted score or standard error, live board vs recompute."""
    full_rows = {row.entry_id: row for row in full.rows}
    return max(
        max(abs(row.adjusted - full_rows[row.entry_id].adjusted), abs(row.std_error - full_rows[row.entry_id].std_error))
        for row in live.rows
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
    print(f"load average at start: {_load()}")
    print("| method | full recompute ms | update p50 ms | p95 ms | max ms | full / update p50 "
          "| rows pushed median / max | live vs recompute, largest difference |")
    print("|---|---|---|---|---|---|---|---|")
    for method in METHODS:
        measure(method, records, args.updates, random.Random(args.seed + 1))
    print(f"load average at end: {_load()}")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
