"""Latency of the live channel: from an organizer's committed change to each audience client.

N audience clients (python-socketio, WebSocket, spread over several client processes running
gevent) watch one event on a real gevent server (`gunicorn -k gevent -w 1 --worker-connections
5000`). Each round, an organizer makes a change through the real path (HTTP request, form, service,
commit, emitter) and, separately, the server does a bare Flask-SocketIO emit to the same room.
Prints p50/p95/p99/max of send-to-receipt latency for both, their ratio, delivery counts and the
server's memory per connection. Not a test.

    .venv/bin/python bench/live_latency.py [--quick] [--sizes 100,500,1000] [--rounds 5]
                                           [--change announcement|clock|score] [--redis URL]

A new kind of change (a score, later) is one entry in CHANGES: how to make it, and how a client
recognises its own push of it.
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

ROOT = Path(__file__).resolve().parent.parent
CLIENT_PROCESSES = 4
PASSWORD = "bench-password-123"


# ---- the client side (its own process, gevent-patched) ----------------------------------------

def run_clients(url: str, slug: str, count: int, first: int) -> None:
    """Connect `count` clients, say `ready`, record receipts until told `collect`, print them."""
    from gevent import monkey

    monkey.patch_all()
    import gevent
    import gevent.pool
    from gevent.fileobject import FileObject

    import socketio

    records = []

    def client(index):
        sio = socketio.Client(reconnection=False)
        for name in ("announcement", "clock", "leaderboard_update", "bare"):
            sio.on(name, lambda payload, name=name: records.append(
                (index, name, marker(name, payload), time.time())), namespace="/live")
        # A client the server dropped (ping timeout under load) is reported, never silently missing.
        sio.on("disconnect", lambda *args: records.append((index, "disconnect", "", time.time())), namespace="/live")
        try:
            sio.connect(url, namespaces=["/live"], auth={"event": slug}, transports=["websocket"],
                        wait_timeout=30)
            return sio
        except Exception as error:  # reported as a shortfall in the connected count
            print(f"connect failed: {error}", file=sys.stderr)
            return None

    pool = gevent.pool.Pool(50)
    clients = [c for c in pool.map(client, range(first, first + count)) if c is not None]
    print(f"ready {len(clients)}", flush=True)
    stdin = FileObject(sys.stdin.buffer, "rb")
    stdin.readline()  # "collect"
    print(json.dumps(records), flush=True)
    for sio in clients:
        sio.disconnect()


def marker(name: str, payload: dict) -> str:
    """What makes one push recognisable: the bench's text, the clock's deadline."""
    if name == "clock":
        return str(payload.get("ends_at_ms"))
    if name == "leaderboard_update":
        return f"seq {payload.get('seq')}"
    return str(payload.get("text") or payload.get("marker"))


# ---- changes an organizer can make (swap in a score commit here later) -----------------------

def trigger_announcement(server, round_no: int) -> str:
    text = f"bench announcement {round_no}"
    response = server.post_form(f"/e/{server.slug}/live/announcements", f"/e/{server.slug}/live/announcements",
                                {"text": text, "level": "info"})
    assert response.status_code in (200, 302), response.status_code
    return text


def trigger_clock(server, round_no: int) -> str:
    response = server.post_form(f"/e/{server.slug}/manage/clock/extend", f"/e/{server.slug}/manage/",
                                {"minutes": "1"})
    assert response.status_code in (200, 302), response.status_code
    return str(server.session.get(f"{server.url}/api/v1/events/{server.slug}/clock").json()["ends_at_ms"])


def trigger_score(server, round_no: int) -> str:
    """A judge changes their mark through the score form; the board update carries the next seq."""
    seq = server.session.get(f"{server.url}/api/v1/events/{server.slug}/leaderboard").json()["seq"]
    page = f"/e/{server.slug}/judging/entries/{server.entry_id}"
    response = server.post_form(page, page, {f"c{server.criterion_id}": str(1 + round_no % 10)})
    assert response.status_code in (200, 302), response.status_code
    return f"seq {seq + 1}"


CHANGES = {"announcement": ("announcement", trigger_announcement), "clock": ("clock", trigger_clock),
           "score": ("leaderboard_update", trigger_score)}


# ---- the orchestrator ---------------------------------------------------------------------------

class Server:
    """gunicorn's gevent worker serving bench.live_server:app on a fresh SQLite database."""

    def __init__(self, workdir: Path, redis: str | None, phase: str = "hacking"):
        import requests

        self.env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir / 'bench.db'}",
                    "SECRET_KEY": "bench", "SOCKETIO_ASYNC_MODE": "gevent",
                    "SOCKETIO_MESSAGE_QUEUE": redis or "", "SOCKETIO_CHANNEL": f"bench-{os.getpid()}"}
        subprocess.run([sys.executable, "-m", "flask", "--app", "hackathon:create_app", "db", "upgrade"],
                       cwd=ROOT, env=self.env, check=True, capture_output=True)
        self.slug, self.event_id, self.email, self.entry_id, self.criterion_id = self._seed(phase)
        self.log = workdir / "server.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-k", "gevent", "-w", "1", "--worker-connections", "5000",
             "-b", "127.0.0.1:0", "--no-control-socket", "--log-file", str(self.log), "bench.live_server:app"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url, self.worker_pid = self._wait_ready()
        self.session = requests.Session()
        self.post_form("/account/login", "/account/login", {"email": self.email, "password": PASSWORD})

    def _seed(self, phase: str):
        """An event in `phase` with an organizer who also judges the one entry (for score changes)."""
        due = "now + timedelta(hours=20)" if phase == "hacking" else "now - timedelta(minutes=5)"
        code = f"""
from datetime import timedelta
from hackathon import create_app
from hackathon.extensions import db
from hackathon.models import Assignment, Criterion, Event, Membership, Submission, Team, User
from hackathon.models.types import utcnow
app = create_app()
with app.app_context():
    now = utcnow()
    event = Event(slug="bench", name="Bench", registration_opens_at=now - timedelta(days=2),
                  registration_closes_at=now - timedelta(days=1), hacking_starts_at=now - timedelta(hours=1),
                  submissions_due_at={due}, judging_ends_at=now + timedelta(days=1),
                  results_at=now + timedelta(days=1, hours=1), is_published=True, judges_per_entry=1)
    user = User(email="organizer@bench.example", display_name="Organizer")
    user.set_password({PASSWORD!r})
    db.session.add_all([event, user, Membership(user=user, event=event, role="organizer"),
                        Membership(user=user, event=event, role="judge")])
    db.session.flush()
    team = Team(event_id=event.id, name="Bench Team", name_key="bench team")
    db.session.add(team)
    db.session.flush()
    entry = Submission(event_id=event.id, team_id=team.id, title="Bench Entry", status="submitted")
    criterion = Criterion(event_id=event.id, name="Impact")
    db.session.add_all([entry, criterion])
    db.session.flush()
    db.session.add(Assignment(event_id=event.id, judge_id=user.id, submission_id=entry.id))
    db.session.commit()
    print(event.slug, event.id, user.email, entry.id, criterion.id)
"""
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=self.env, check=True,
                             capture_output=True, text=True).stdout.split()
        return out[0], int(out[1]), out[2], int(out[3]), int(out[4])

    def _wait_ready(self):
        """The address gunicorn logs (it picks a free port), once /healthz answers there."""
        import requests

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            text = self.log.read_text() if self.log.exists() else ""
            url = re.search(r"Listening at: (http://127\.0\.0\.1:\d+)", text)
            worker = re.search(r"Booting worker with pid: (\d+)", text)
            if url and worker:
                try:
                    if requests.get(url.group(1) + "/healthz", timeout=2).ok:
                        return url.group(1), int(worker.group(1))
                except requests.RequestException:
                    pass
            time.sleep(0.1)
        raise RuntimeError("server did not start:\n" + self.log.read_text())

    def post_form(self, path: str, form_page: str, data: dict):
        page = self.session.get(self.url + form_page).text
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        return self.session.post(self.url + path, data={**data, "csrf_token": token})

    def rss_kb(self) -> int:
        status = Path(f"/proc/{self.worker_pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))

    def stop(self):
        self.process.terminate()
        self.process.wait(15)


def start_clients(url: str, slug: str, total: int) -> list:
    share = [total // CLIENT_PROCESSES + (i < total % CLIENT_PROCESSES) for i in range(CLIENT_PROCESSES)]
    processes = [subprocess.Popen([sys.executable, __file__, "--client", url, slug, str(n), str(sum(share[:i]))],
                                  cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                 for i, n in enumerate(share) if n]
    connected = sum(int(p.stdout.readline().split()[1]) for p in processes)
    return processes, connected


def collect(processes) -> list:
    records = []
    for process in processes:
        process.stdin.write("collect\n")
        process.stdin.flush()
    for process in processes:
        records.extend(json.loads(process.stdout.readline()))
        process.wait(60)
    return records


def measure(server: Server, size: int, rounds: int, change: str) -> dict:
    import socketio

    event_name, trigger = CHANGES[change]
    rss_before = server.rss_kb()
    processes, connected = start_clients(server.url, server.slug, size)
    time.sleep(1.0)
    rss_after = server.rss_kb()
    bare_client = socketio.Client(reconnection=False)
    bare_client.connect(server.url, namespaces=["/bench"], transports=["websocket"])
    settle = 0.6 + size / 1000
    sent = {"change": {}, "bare": {}}
    for round_no in range(rounds):
        started = time.time()
        mark = trigger(server, round_no)
        if isinstance(mark, tuple):  # the trigger prepared its request first and timed the send itself
            mark, started = mark
        sent["change"][mark] = started
        time.sleep(settle)
        label = f"bare {size} {round_no}"
        sent["bare"][label] = time.time()
        # A server may ask for the bare push to carry as many bytes as its own (`bare_padding`).
        padding = "x" * getattr(server, "bare_padding", 0)
        bare_client.emit("bare", {"event_id": server.event_id, "marker": label, "pad": padding}, namespace="/bench")
        time.sleep(settle)
    bare_client.disconnect()
    records = collect(processes)
    result = {"size": size, "connected": connected, "kb_per_connection": (rss_after - rss_before) / max(connected, 1),
              "records": records}
    for kind, name in (("change", event_name), ("bare", "bare")):
        first = {}
        for client, received_name, mark, at in records:
            if received_name == name and mark in sent[kind]:
                first.setdefault((client, mark), at - sent[kind][mark])
        result[kind] = sorted(first.values())
        result[f"{kind}_expected"] = connected * rounds
    return result


def percentile(values: list, p: float) -> float:
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000 if values else float("nan")


def report(result: dict, change: str) -> None:
    print(f"\nN = {result['size']} clients ({result['connected']} connected), "
          f"server memory {result['kb_per_connection']:.0f} KB per connection")
    print(f"  {'path':<28} {'delivered':>11} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>8}  (ms)")
    rows = {}
    for kind, label in (("change", f"{change} (organizer, HTTP)"), ("bare", "bare socketio.emit")):
        values = result[kind]
        rows[kind] = [percentile(values, p) for p in (50, 95, 99, 100)]
        print(f"  {label:<28} {len(values):>5}/{result[kind + '_expected']:<5} "
              + " ".join(f"{v:>8.1f}" for v in rows[kind]))
    ratios = [c / b if b else float("nan") for c, b in zip(rows["change"], rows["bare"])]
    print(f"  {'ratio change / bare':<28} {'':>11} " + " ".join(f"{r:>8.2f}" for r in ratios))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--client":
        run_clients(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="N = 100 only")
    parser.add_argument("--sizes", default="100,500,1000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--change", choices=sorted(CHANGES), default="announcement")
    parser.add_argument("--redis", help="run the server with this message queue (e.g. redis://127.0.0.1:6379/14)")
    args = parser.parse_args()
    sizes = [100] if args.quick else [int(n) for n in args.sizes.split(",")]
    started = time.monotonic()
    print(f"{CLIENT_PROCESSES} client processes, {args.rounds} rounds per size, change: {args.change}, "
          f"message queue: {args.redis or 'none'}; a fresh gevent server per size")
    for size in sizes:
        with tempfile.TemporaryDirectory() as workdir:
            server = Server(Path(workdir), args.redis, "judging" if args.change == "score" else "hacking")
            try:
                report(measure(server, size, args.rounds, args.change), args.change)
            finally:
                server.stop()
    print(f"\n({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
