"""Time the whole path of one judge's score on a fully scored event: the service checks, the
database write with its audit-log row, the incremental ranking update and the public board push.

The event: 500 entries, each scored by 5 of a 25-judge panel on a 6-criterion rubric (2,500
scores already recorded). Each timed call changes one existing score. Prints p50/p95/max per
ranking method. The ranking is updated incrementally from the previous state (no rescan of all
scores); compare `bench/incremental_scoring.py` for the pure-maths share. Not a test.

    .venv/bin/python bench/record_score.py [--updates N] [--database URL]
"""
import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hackathon import create_app  # noqa: E402
from hackathon.config import TestConfig  # noqa: E402
from hackathon.extensions import db  # noqa: E402
from hackathon import leaderboard  # noqa: E402
from hackathon.judging import scores  # noqa: E402
from hackathon.models import (Assignment, Criterion, Event, Membership, Score, ScoreChange, Submission,  # noqa: E402
                              Team, TeamMember, User)
from tests.factories import schedule_around  # noqa: E402

ENTRIES, JUDGES, PER_ENTRY, CRITERIA = 500, 25, 5, 6


def build(rng: random.Random) -> tuple:
    """A judging event with every assignment scored, written in bulk."""
    event = Event(slug="bench", name="Bench", is_published=True, judges_per_entry=PER_ENTRY, **schedule_around("judging"))
    db.session.add(event)
    db.session.flush()
    criteria = [Criterion(event_id=event.id, name=f"C{i}", weight=1 + i % 3) for i in range(CRITERIA)]
    judges = [User(email=f"j{i}@example.org", display_name=f"Judge {i}", password_hash="x") for i in range(JUDGES)]
    db.session.add_all(criteria + judges)
    db.session.flush()
    db.session.add_all(Membership(user_id=j.id, event_id=event.id, role="judge") for j in judges)
    entries = []
    for n in range(ENTRIES):
        team = Team(event_id=event.id, name=f"T{n}", name_key=f"t{n}")
        db.session.add(team)
        db.session.flush()
        entries.append(Submission(event_id=event.id, team_id=team.id, title=f"E{n}", status="submitted"))
    db.session.add_all(entries)
    db.session.flush()
    pairs = [(judges[(n * 7 + k) % JUDGES], entry) for n, entry in enumerate(entries) for k in range(PER_ENTRY)]
    for judge, entry in pairs:
        values = json.dumps({str(c.id): rng.randint(1, 10) for c in criteria})
        db.session.add(Assignment(event_id=event.id, judge_id=judge.id, submission_id=entry.id))
        db.session.add(Score(event_id=event.id, judge_id=judge.id, submission_id=entry.id, values_json=values))
        db.session.add(ScoreChange(event_id=event.id, judge_id=judge.id, submission_id=entry.id,
                                   new_values_json=values))
    db.session.commit()
    return event.id, [(j.id, e.id) for j, e in pairs], [c.id for c in criteria]


def measure(event_id, pairs, criteria, method, updates, rng) -> list[float]:
    event = db.session.get(Event, event_id)
    event.ranking_method = method
    db.session.commit()
    leaderboard.current_ranking(event)  # warm this process's board once, as a running server has it
    timings = []
    for _ in range(updates):
        judge_id, entry_id = rng.choice(pairs)
        judge, entry = db.session.get(User, judge_id), db.session.get(Submission, entry_id)
        values = {c: rng.randint(1, 10) for c in criteria}
        start = time.perf_counter()
        scores.record_score(event, judge, entry, values, "")
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=200)
    parser.add_argument("--database", help="SQLAlchemy URL of an empty database (default: a temp SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database or f"sqlite:///{folder}/bench.db"
        app = create_app(TestConfig(url, Path(folder)))
        with app.app_context():
            db.create_all()
            rng = random.Random(1)
            built = time.perf_counter()
            event_id, pairs, criteria = build(rng)
            print(f"{ENTRIES} entries x {PER_ENTRY} judges x {CRITERIA} criteria on {url.split(':')[0]}: "
                  f"built in {time.perf_counter() - built:.1f} s; {args.updates} score changes per method")
            print(f"{'method':<14}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
            for method in ("raw", "zscore", "judge_effects"):
                timings = sorted(measure(event_id, pairs, criteria, method, args.updates, rng))
                p95 = timings[int(0.95 * (len(timings) - 1))]
                print(f"{method:<14}{statistics.median(timings):>9.1f}{p95:>9.1f}{timings[-1]:>9.1f}")
            db.session.remove()


if __name__ == "__main__":
    main()
