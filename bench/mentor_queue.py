"""Latency of the help queue: from a mentor's claim (the HTTP request) to the team's page hearing who
is coming (`help_request_changed` on the team's room).

A real gevent server (`gunicorn -k gevent -w 1 --worker-connections 5000`, SQLite, the real app)
serves one hacking event with 40 mentors and 300 teams, every team waiting with a help request.
40 mentor pages and 300 team pages are connected to /live as logged-in python-socketio WebSocket
clients, spread over several gevent client processes. Like the real pages (static/js/mentors.js), a
team page fetches its help panel after its `help_request_changed`, a mentor page its queue panel
after a `mentor_notice` (bursts merged over 150 ms; `--no-fetch` turns that off), and a mentor page
applies `help_queue_changed` in place (here: counts it). Each claim goes through the real path:
HTTP POST with CSRF → `claim_request` → conditional UPDATE, commit → emitters. Two ways:

- one at a time: one mentor claims, the team hears it, the mentor resolves it; repeated;
- all at once: the 40 mentors claim 40 different requests at the same moment, then resolve them.

Prints p50/p95/p99/max of claim-to-team-page latency, and of the claim's HTTP round trip. Not a test.

    .venv/bin/python bench/mentor_queue.py [--mentors 40] [--teams 300] [--sequential 40] [--bursts 5]
                                          [--no-fetch]

BENCH_WORKDIR=<dir> keeps the server's database and log there (to look into a bad run).
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLIENT_PROCESSES = 4
SECRET = "bench-mentors"
SLUG = "bench-help"
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


# ---- the client side (its own process, gevent-patched) ----------------------------------------

def run_clients(url: str, pages: list, fetch: bool) -> None:
    """Connect one socket per page (kind, cookie, team id); record receipts until told to collect."""
    from gevent import monkey

    monkey.patch_all()
    import gevent
    import gevent.pool
    import requests
    from gevent.fileobject import FileObject

    import socketio

    records, fetches, queue_pushes = [], [0], [0]

    def refetcher(cookie, path):
        """A page's panel fetch after a push, with the page's 150 ms merge of bursts."""
        pending = [False]

        def schedule():
            if not fetch or pending[0]:
                return
            pending[0] = True

            def later():
                gevent.sleep(0.15)
                pending[0] = False
                requests.get(url + path, headers={"Cookie": f"session={cookie}"}, timeout=30)
                fetches[0] += 1
            gevent.spawn(later)
        return schedule

    def client(page):
        kind, cookie, team_id = page
        sio = socketio.Client(reconnection=False)
        if kind == "team":
            panel = refetcher(cookie, f"/e/{SLUG}/mentors/help/panel")

            def changed(payload):
                if payload.get("what") == "claimed":
                    records.append((payload["request_id"], time.time()))
                panel()
            sio.on("help_request_changed", changed, namespace="/live")
        else:
            panel = refetcher(cookie, f"/e/{SLUG}/mentors/queue/panel")
            sio.on("mentor_notice", lambda payload: panel(), namespace="/live")
            sio.on("help_queue_changed", lambda payload: queue_pushes.__setitem__(0, queue_pushes[0] + 1),
                   namespace="/live")
        try:
            sio.connect(url, namespaces=["/live"], auth={"event": SLUG}, transports=["websocket"],
                        headers={"Cookie": f"session={cookie}"}, wait_timeout=30)
            return sio
        except Exception as error:  # reported as a shortfall in the connected count
            print(f"connect failed: {error}", file=sys.stderr)
            return None

    clients = [c for c in gevent.pool.Pool(50).map(client, pages) if c is not None]
    print(f"ready {len(clients)}", flush=True)
    FileObject(sys.stdin.buffer, "rb").readline()  # "collect"
    print(json.dumps({"records": records, "fetches": fetches[0], "queue_pushes": queue_pushes[0]}), flush=True)
    for sio in clients:
        sio.disconnect()


# ---- the server -------------------------------------------------------------------------------

SEED = """
import json
from datetime import timedelta
from hackathon import create_app
from hackathon.extensions import db
from hackathon.models import (Event, HelpRequest, HelpRequestTag, Membership, MentorProfile, MentorTag, Team,
                              TeamMember, User)
from hackathon.models.types import utcnow
TAGS = ["python", "react", "hardware", "devops", "data", "design", "mobile", "pitching"]
app = create_app()
with app.app_context():
    now = utcnow()
    event = Event(slug={slug!r}, name="Help Bench", registration_opens_at=now - timedelta(days=2),
                  registration_closes_at=now - timedelta(days=1), hacking_starts_at=now - timedelta(hours=1),
                  submissions_due_at=now + timedelta(hours=20), judging_ends_at=now + timedelta(days=1),
                  results_at=now + timedelta(days=1, hours=1), is_published=True)
    db.session.add(event)
    db.session.flush()
    mentors, teams = [], []
    for n in range({mentors}):
        user = User(email=f"mentor{{n}}@bench.example", display_name=f"Mentor {{n}}", password_hash="-")
        db.session.add_all([user, Membership(user=user, event=event, role="mentor")])
        db.session.flush()
        db.session.add(MentorProfile(event_id=event.id, user_id=user.id, availability="available",
                                     tags=[MentorTag(name=TAGS[n % 8]), MentorTag(name=TAGS[(n + 3) % 8])]))
        mentors.append(user)
    for n in range({teams}):
        user = User(email=f"member{{n}}@bench.example", display_name=f"Member {{n}}", password_hash="-")
        db.session.add_all([user, Membership(user=user, event=event, role="participant")])
        db.session.flush()
        team = Team(event_id=event.id, name=f"Team {{n}}", name_key=f"team {{n}}", captain_id=user.id,
                    members=[TeamMember(event_id=event.id, user_id=user.id)])
        db.session.add(team)
        db.session.flush()
        asked = now - timedelta(minutes=6) + timedelta(seconds=n)  # none stale (15 min) during the run
        request = HelpRequest(event_id=event.id, team_id=team.id, active_team_id=team.id, created_by_id=user.id,
                              topic=f"Problem {{n}}", queued_at=asked, created_at=asked, updated_at=asked,
                              tags=[HelpRequestTag(name=TAGS[n % 8])])
        db.session.add(request)
        db.session.flush()
        teams.append((user, team, request))
    db.session.commit()
    print(json.dumps({{"mentors": [f"{{u.id}}:{{u.session_token}}" for u in mentors],
                      "teams": [[f"{{u.id}}:{{u.session_token}}", t.id, r.id] for u, t, r in teams]}}))
"""


class Server:
    """gunicorn's gevent worker serving the real app (bench.live_server:app) on a fresh SQLite database."""

    def __init__(self, workdir: Path, mentors: int, teams: int):
        self.env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir / 'bench.db'}", "SECRET_KEY": SECRET,
                    "SOCKETIO_ASYNC_MODE": "gevent", "SOCKETIO_MESSAGE_QUEUE": "",
                    "SOCKETIO_CHANNEL": f"bench-{os.getpid()}"}
        subprocess.run([sys.executable, "-m", "flask", "--app", "hackathon:create_app", "db", "upgrade"],
                       cwd=ROOT, env=self.env, check=True, capture_output=True)
        out = subprocess.run([sys.executable, "-c", SEED.format(slug=SLUG, mentors=mentors, teams=teams)],
                             cwd=ROOT, env=self.env, check=True, capture_output=True, text=True).stdout
        self.people = json.loads(out)
        self.log = workdir / "server.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-k", "gevent", "-w", "1", "--worker-connections", "5000",
             "-b", "127.0.0.1:0", "--no-control-socket", "--log-file", str(self.log), "bench.live_server:app"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = self._wait_ready()

    def _wait_ready(self) -> str:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            text = self.log.read_text() if self.log.exists() else ""
            url = re.search(r"Listening at: (http://127\.0\.0\.1:\d+)", text)
            if url and "Booting worker" in text:
                time.sleep(1.0)
                return url.group(1)
            time.sleep(0.1)
        raise RuntimeError("server did not start:\n" + self.log.read_text())

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


def session_cookie(user_key: str) -> str:
    """A signed session for a user, as the log-in form would leave it (the bench skips 340 log-ins)."""
    from flask import Flask
    from flask.sessions import SecureCookieSessionInterface

    app = Flask("bench")
    app.secret_key = SECRET
    return SecureCookieSessionInterface().get_signing_serializer(app).dumps({"_user_id": user_key, "_fresh": False})


class Mentor:
    """One mentor's browser: an HTTP session that claims and resolves through the real forms."""

    def __init__(self, url: str, cookie: str):
        import requests

        self.url, self.http = url, requests.Session()
        # A fresh connection per request: gunicorn drops idle keep-alive connections after 2 s, and a
        # request sent on one just as it closes would fail.
        self.http.headers["Connection"] = "close"
        self.http.cookies.set("session", cookie, domain="127.0.0.1", path="/")
        self.token = TOKEN.search(self.http.get(f"{url}/e/{SLUG}/mentors/queue").text).group(1)

    def post(self, request_id: int, action: str):
        started = time.time()
        response = self.http.post(f"{self.url}/e/{SLUG}/mentors/requests/{request_id}/{action}",
                                  data={"csrf_token": self.token}, allow_redirects=False)
        assert response.status_code == 302, (action, response.status_code, response.text[:300])
        return started, time.time() - started


# ---- the orchestrator ---------------------------------------------------------------------------

def start_clients(url: str, pages: list, fetch: bool):
    shares = [pages[i::CLIENT_PROCESSES] for i in range(CLIENT_PROCESSES)]
    processes = [subprocess.Popen([sys.executable, __file__, "--client", url, json.dumps(share), str(int(fetch))],
                                  cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                 for share in shares if share]
    connected = sum(int(p.stdout.readline().split()[1]) for p in processes)
    return processes, connected


def collect(processes) -> tuple[dict, int, int]:
    receipts, fetches, queue_pushes = {}, 0, 0
    for process in processes:
        process.stdin.write("collect\n")
        process.stdin.flush()
    for process in processes:
        result = json.loads(process.stdout.readline())
        fetches, queue_pushes = fetches + result["fetches"], queue_pushes + result["queue_pushes"]
        for request_id, at in result["records"]:
            receipts.setdefault(request_id, at)
        process.wait(60)
    return receipts, fetches, queue_pushes


def run_claims(mentors: list, queue: list, sequential: int, bursts: int) -> dict:
    """Claim (timed) and resolve (untimed): first one at a time, then all mentors at once."""
    sent = {"one at a time": {}, "all at once": {}}
    http = {"one at a time": [], "all at once": []}

    def claim_and_note(kind, mentor, request_id):
        started, took = mentor.post(request_id, "claim")
        sent[kind][request_id] = started
        http[kind].append(took)

    for n in range(sequential):
        mentor, request_id = mentors[n % len(mentors)], queue.pop(0)
        claim_and_note("one at a time", mentor, request_id)
        time.sleep(0.3)
        mentor.post(request_id, "resolve")
        time.sleep(0.1)
    with ThreadPoolExecutor(len(mentors)) as pool:
        for _ in range(bursts):
            batch = [(mentor, queue.pop(0)) for mentor in mentors]
            barrier = threading.Barrier(len(batch))

            def claim(pair):
                barrier.wait()
                claim_and_note("all at once", *pair)
            list(pool.map(claim, batch))
            time.sleep(1.5)
            list(pool.map(lambda pair: pair[0].post(pair[1], "resolve"), batch))
            time.sleep(1.0)
    return {"sent": sent, "http": http}


def percentile(values: list, p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000 if values else float("nan")


def report(label: str, values: list, expected: int) -> None:
    print(f"  {label:<38} {len(values):>4}/{expected:<4} " + " ".join(
        f"{percentile(values, p):>8.1f}" for p in (50, 95, 99, 100)))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--client":
        run_clients(sys.argv[2], json.loads(sys.argv[3]), sys.argv[4] == "1")
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mentors", type=int, default=40)
    parser.add_argument("--teams", type=int, default=300)
    parser.add_argument("--sequential", type=int, default=40, help="claims made one at a time")
    parser.add_argument("--bursts", type=int, default=5, help="rounds in which every mentor claims at once")
    parser.add_argument("--no-fetch", action="store_true", help="pages don't fetch their panels after a push")
    args = parser.parse_args()
    if args.sequential + args.bursts * args.mentors > args.teams:
        parser.error("more claims than waiting teams: lower --sequential/--bursts or raise --teams")
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as workdir:
        workdir = os.environ.get("BENCH_WORKDIR", workdir)
        server = Server(Path(workdir), args.mentors, args.teams)
        try:
            measure(server, args)
        finally:
            log = server.log.read_text()
            server.stop()
            errors = [line for line in log.splitlines() if "ERROR" in line or "CRITICAL" in line]
            if errors:
                print("server log:", *errors[:20], sep="\n  ")
    print(f"\n({time.monotonic() - started:.0f} s)")


def measure(server: Server, args) -> None:
    people = server.people
    pages = [["mentor", session_cookie(key), None] for key in people["mentors"]] + [
        ["team", session_cookie(key), team_id] for key, team_id, _ in people["teams"]]
    processes, connected = start_clients(server.url, pages, not args.no_fetch)
    time.sleep(1.0)
    mentors = [Mentor(server.url, session_cookie(key)) for key in people["mentors"]]
    queue = [request_id for _, _, request_id in people["teams"]]
    result = run_claims(mentors, queue, args.sequential, args.bursts)
    time.sleep(1.0)
    receipts, fetches, queue_pushes = collect(processes)
    print(f"{len(mentors)} mentor pages + {len(people['teams'])} team pages: {connected}/{len(pages)} connected "
          f"over {CLIENT_PROCESSES} client processes; help_queue_changed received by mentor pages: {queue_pushes}; "
          f"panel fetches after pushes: {'off' if args.no_fetch else fetches}")
    print(f"  {'claim → team page (help_request_changed)':<38} {'got':>9} "
          + " ".join(f"{p:>8}" for p in ("p50", "p95", "p99", "max")) + "  (ms)")
    for kind, sent in result["sent"].items():
        report(kind, [receipts[r] - at for r, at in sent.items() if r in receipts], len(sent))
    print(f"  {'claim HTTP round trip':<38}")
    for kind, took in result["http"].items():
        report(kind, took, len(took))
    every = [receipts[r] - at for sent in result["sent"].values() for r, at in sent.items() if r in receipts]
    print(f"  claim → team page, mean of all: {statistics.mean(every) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
