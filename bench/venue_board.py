"""The live board at venue scale, next to bare references in the same run. Not a test.

A real gevent server (`gunicorn -k gevent -w 1 --worker-connections 5000`, SQLite) serves an event
of 300 entries, each scored by 3 of 30 judges on 4 weighted criteria with realistic judges (offset
sd 1 point, scale lognormal sd 0.3, noise sd 1 point), ranked by the default judge-effects method.
The same worker also serves the bare references of `bench/live_server.py`. Measured:

1. requests/s of the leaderboard API and of the public page (anonymous), against a bare Flask
   endpoint serving the very same bytes (wrk, 64 connections);
2. new audience connections accepted per second (board snapshot received), against a bare
   namespace that sends the same bytes on connect;
3. a judge's score → N audience sockets (p50/p99, all delivered) against a bare emit of as many
   bytes to the same N, with the clients dropped and the updates missed (`live_latency.py`);
4. a judge's save while 64 connections read the board (p50/p99).

    .venv/bin/python bench/venue_board.py [--sizes 1000,2000] [--rounds 5] [--seconds 10]

Needs `wrk` (Debian package; `make bench` installs it when missing).
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import live_latency  # noqa: E402
from live_latency import PASSWORD, ROOT, percentile  # noqa: E402

ENTRIES, JUDGES, PER_ENTRY, CRITERIA = 300, 30, 3, 4

SEED = f"""
import json, math, random
from datetime import timedelta
from hackathon import create_app
from hackathon.extensions import db
from hackathon.models import (Assignment, Criterion, Event, Membership, Score, ScoreChange, Submission, Team, User)
from hackathon.models.types import utcnow
rng = random.Random(7)
app = create_app()
with app.app_context():
    now = utcnow()
    event = Event(slug="venue", name="Venue", registration_opens_at=now - timedelta(days=3),
                  registration_closes_at=now - timedelta(days=2), hacking_starts_at=now - timedelta(days=1),
                  submissions_due_at=now - timedelta(minutes=5), judging_ends_at=now + timedelta(days=1),
                  results_at=now + timedelta(days=1, hours=1), is_published=True, judges_per_entry={PER_ENTRY})
    organizer = User(email="organizer@venue.example", display_name="Organizer")
    organizer.set_password({PASSWORD!r})
    judges = [User(email=f"judge{{i}}@venue.example", display_name=f"Judge {{i}}", password_hash="x")
              for i in range({JUDGES})]
    db.session.add_all([event, organizer, *judges])
    db.session.flush()
    db.session.add_all([Membership(user_id=organizer.id, event_id=event.id, role="organizer"),
                        Membership(user_id=organizer.id, event_id=event.id, role="judge"),
                        *[Membership(user_id=j.id, event_id=event.id, role="judge") for j in judges]])
    criteria = [Criterion(event_id=event.id, name=f"Criterion {{i}}", weight=1 + i % 3, scale_min=1, scale_max=10)
                for i in range({CRITERIA})]
    teams = [Team(event_id=event.id, name=f"Team {{n:03d}}", name_key=f"team {{n:03d}}") for n in range({ENTRIES})]
    db.session.add_all(criteria + teams)
    db.session.flush()
    entries = [Submission(event_id=event.id, team_id=t.id, title=f"Entry {{n:03d}}", status="submitted")
               for n, t in enumerate(teams)]
    db.session.add_all(entries)
    db.session.flush()
    quality = [rng.gauss(5.5, 1.5) for _ in entries]
    offset = [rng.gauss(0, 1) for _ in judges]
    scale = [math.exp(rng.gauss(0, 0.3)) for _ in judges]
    for n, entry in enumerate(entries):
        for k in range({PER_ENTRY}):
            j = (n * 7 + k * 11) % {JUDGES}
            values = {{str(c.id): min(10, max(1, round(5.5 + offset[j] + scale[j] * (quality[n] - 5.5)
                                                       + rng.gauss(0, 1)))) for c in criteria}}
            text = json.dumps(values, sort_keys=True)
            db.session.add_all([Assignment(event_id=event.id, judge_id=judges[j].id, submission_id=entry.id),
                                Score(event_id=event.id, judge_id=judges[j].id, submission_id=entry.id,
                                      values_json=text),
                                ScoreChange(event_id=event.id, judge_id=judges[j].id, submission_id=entry.id,
                                            changed_by_id=judges[j].id, new_values_json=text)])
    # The organizer also judges the first entry (scored already), so each round changes a live score.
    db.session.add(Assignment(event_id=event.id, judge_id=organizer.id, submission_id=entries[0].id))
    db.session.commit()
    print(event.slug, event.id, organizer.email, entries[0].id, criteria[0].id)
"""


class VenueServer(live_latency.Server):
    """The real server on the 300-entry event."""

    def _seed(self, phase: str):
        out = subprocess.run([sys.executable, "-c", SEED], cwd=ROOT, env=self.env, check=True,
                             capture_output=True, text=True).stdout.split()
        return out[0], int(out[1]), out[2], int(out[3]), int(out[4])

    def score_form(self, round_no: int) -> dict:
        """The organizer-judge's marks for the first entry, different each round."""
        page = self.session.get(f"{self.url}/e/{self.slug}/judging/entries/{self.entry_id}").text
        fields = re.findall(r'name="(c\d+)"', page)
        return {field: str(1 + (round_no + i) % 10) for i, field in enumerate(fields)}


def trigger_score(server: VenueServer, round_no: int) -> tuple[str, float]:
    """The judge's form is loaded first; the clock starts when the score is sent."""
    seq = server.session.get(f"{server.url}/api/v1/events/{server.slug}/leaderboard").json()["seq"]
    page = f"{server.url}/e/{server.slug}/judging/entries/{server.entry_id}"
    form = server.score_form(round_no)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', server.session.get(page).text).group(1)
    started = time.time()
    response = server.session.post(page, data={**form, "csrf_token": token}, allow_redirects=False)
    assert response.status_code in (200, 302), response.status_code
    return f"seq {seq + 1}", started


def update_size(server: VenueServer) -> int:
    """Bytes of the `leaderboard_update` one score pushes (a probe socket watches one score)."""
    import socketio

    sizes = []
    probe = socketio.Client(reconnection=False)
    probe.on("leaderboard_update", lambda payload: sizes.append(len(json.dumps(payload, separators=(",", ":")))),
             namespace="/live")
    probe.connect(server.url, namespaces=["/live"], auth={"event": server.slug}, transports=["websocket"])
    trigger_score(server, 99)
    deadline = time.monotonic() + 10
    while not sizes and time.monotonic() < deadline:
        time.sleep(0.05)
    probe.disconnect()
    return sizes[0]


def wrk(url: str, seconds: int, connections: int = 64) -> float:
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", url], capture_output=True, text=True,
                         check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    assert not errors, f"{url}: {errors.group(0)}"
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def requests_per_second(server: VenueServer, seconds: int) -> list[tuple]:
    import requests

    api, page = (f"{server.url}/api/v1/events/{server.slug}/leaderboard", f"{server.url}/e/{server.slug}/leaderboard")
    anonymous = requests.Session()
    for name, url, mimetype in (("api", api, "application/json"), ("page", page, "text/html; charset=utf-8")):
        body = anonymous.get(url).content
        requests.put(f"{server.url}/bench/bytes/{name}", data=body, headers={"Content-Type": mimetype})
    rows = []
    for name, url in (("leaderboard API", api), ("leaderboard page", page)):
        key = "api" if "API" in name else "page"
        product, bare = wrk(url, seconds), wrk(f"{server.url}/bench/bytes/{key}", seconds)
        rows.append((name, product, bare, len(anonymous.get(url).content)))
    return rows


CONNECTOR = """
import sys, time
from gevent import monkey; monkey.patch_all()
import gevent, gevent.pool, socketio
url, namespace, slug, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
clients, got = [], []
def one(i):
    sio = socketio.Client(reconnection=False)
    done = gevent.event.Event()
    sio.on("leaderboard", lambda payload: done.set(), namespace=namespace)
    try:
        sio.connect(url, namespaces=[namespace], auth={"event": slug}, transports=["websocket"], wait_timeout=30)
        done.wait(30)
        got.append(done.is_set())
    except Exception:
        got.append(False)
    clients.append(sio)
started = time.monotonic()
gevent.pool.Pool(100).map(one, range(count))
elapsed = time.monotonic() - started
print(sum(got), elapsed, flush=True)
for sio in clients:
    sio.disconnect()
"""


def connections_per_second(server: VenueServer, count: int) -> list[tuple]:
    rows = []
    for name, namespace in (("/live (snapshot)", "/live"), ("bare namespace (same bytes)", "/bare")):
        out = subprocess.run([sys.executable, "-c", CONNECTOR, server.url, namespace, server.slug, str(count)],
                             cwd=ROOT, capture_output=True, text=True, timeout=600).stdout.split()
        rows.append((name, int(out[0]), float(out[1])))
    return rows


def save_while_reading(server: VenueServer, saves: int, seconds: int) -> tuple[list, list, float]:
    """A judge's saves and bare writes, taking turns, while wrk reads the board on 64 connections."""
    url = f"{server.url}/api/v1/events/{server.slug}/leaderboard"
    readers = subprocess.Popen(["wrk", "-t2", "-c64", f"-d{seconds}s", url], stdout=subprocess.PIPE, text=True)
    time.sleep(1)  # wrk has no readiness to wait on; its first second is not measured
    page = f"/e/{server.slug}/judging/entries/{server.entry_id}"
    saves_taken, writes_taken = [], []
    for round_no in range(saves):
        form = server.score_form(round_no + 100)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"',
                          server.session.get(server.url + page).text).group(1)
        started = time.perf_counter()
        response = server.session.post(server.url + page, data={**form, "csrf_token": token}, allow_redirects=False)
        saves_taken.append(time.perf_counter() - started)
        assert response.status_code in (200, 302), response.status_code
        started = time.perf_counter()
        response = server.session.post(f"{server.url}/bench/write", data=json.dumps(form))
        writes_taken.append(time.perf_counter() - started)
        assert response.status_code == 204, response.status_code
    out = readers.communicate()[0]
    return sorted(saves_taken), sorted(writes_taken), float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def dropped_clients(records: list) -> int:
    return len({client for client, name, _, _ in records if name == "disconnect"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,2000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connect", type=int, default=1000, help="clients for the connection rate")
    parser.add_argument("--parts", default="reads,connects,saves,push", help="which measurements to run")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    live_latency.CHANGES["venue-score"] = ("leaderboard_update", trigger_score)
    print(f"load before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} (1/5/15 min), "
          f"{os.cpu_count()} cores; {ENTRIES} entries x {PER_ENTRY} judges x {CRITERIA} criteria, judge_effects")
    with tempfile.TemporaryDirectory() as workdir:
        server = VenueServer(Path(workdir), None, "judging")
        try:
            if "reads" in parts:
                print(f"\n{'requests/s (wrk, 64 connections)':<34}{'product':>10}{'bare':>10}{'ratio':>8}{'bytes':>9}")
                for name, product, bare, size in requests_per_second(server, args.seconds):
                    print(f"{name:<34}{product:>10.0f}{bare:>10.0f}{product / bare:>8.2f}{size:>9}")
            if "connects" in parts:
                print(f"\n{'connections accepted':<34}{'ok':>10}{'per s':>10}")
                rates = connections_per_second(server, args.connect)
                for name, ok, elapsed in rates:
                    print(f"{name:<34}{ok:>10}{ok / elapsed:>10.0f}")
                print(f"{'ratio /live / bare':<34}{'':>10}"
                      f"{(rates[0][1] / rates[0][2]) / (rates[1][1] / rates[1][2]):>10.2f}")
            if "saves" in parts:
                saves, writes, read_rate = save_while_reading(server, 60, max(args.seconds, 15))
                print(f"\nwhile 64 connections read the board ({read_rate:.0f} reads/s){'p50':>12}{'p99':>8}{'max':>8}"
                      " (ms)")
                for name, taken in (("a judge's save", saves), ("bare write (one committed row)", writes)):
                    print(f"  {name:<60}{percentile(taken, 50):>8.0f}{percentile(taken, 99):>8.0f}"
                          f"{taken[-1] * 1000:>8.0f}")
        finally:
            server.stop()
    for size in [int(n) for n in args.sizes.split(",")] if "push" in parts else []:
        with tempfile.TemporaryDirectory() as workdir:
            server = VenueServer(Path(workdir), None, "judging")
            try:
                server.bare_padding = update_size(server)
                print(f"\none score's leaderboard_update: {server.bare_padding} bytes; the bare emit carries as many")
                result = live_latency.measure(server, size, args.rounds, "venue-score")
                live_latency.report(result, "score")
                print(f"  clients dropped: {dropped_clients(result['records'])}, updates missed: "
                      f"{result['change_expected'] - len(result['change'])}")
            finally:
                server.stop()
    print(f"\nload after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")


if __name__ == "__main__":
    main()
