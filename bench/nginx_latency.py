"""Score to screen through nginx, with one and with two app processes, and memory per connected client.

The deployment docs/DEPLOY.md describes, for real: deploy/nginx.conf (Debian's nginx, `make nginx`)
in front of 1 or 2 gunicorn gevent processes (`bench.live_server:app` = the real app plus a bare
emit handler) sharing PostgreSQL and a Redis message queue. N audience clients (python-socketio,
WebSocket, 4 client processes) connect through nginx, which spreads them over the processes. Each
round, a judge saves a mark through the real score form (through nginx too) and, separately, the
bare handler emits a payload of the same size to the same room through the same queue. Prints
p50/p95/p99/max from the send to each client's receipt for both, their ratio, what was delivered,
and memory per connected client (app processes, and nginx). Not a test.

    .venv/bin/python bench/nginx_latency.py [--sizes 100,1000,2000] [--processes 1,2] [--rounds 5]
                                            [--redis redis://127.0.0.1:6379/13]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import live_latency  # noqa: E402  (bench/ is this script's own folder)
from live_latency import PASSWORD, measure, report  # noqa: E402

DATABASE = "hackathon_bench_nginx"


class Deployment(live_latency.Server):
    """nginx in front of `processes` app processes on a fresh PostgreSQL database and Redis."""

    def __init__(self, workdir: Path, processes: int, redis: str):
        import requests

        from tests.processes import Nginx, ServerProcess
        from tests.services import recreate_postgres_database

        self.env = {**os.environ, "DATABASE_URL": recreate_postgres_database(DATABASE), "SECRET_KEY": "bench",
                    "SOCKETIO_ASYNC_MODE": "gevent", "SOCKETIO_MESSAGE_QUEUE": redis, "PROXY_HOPS": "1",
                    "SOCKETIO_CHANNEL": f"bench-{uuid.uuid4().hex}", "UPLOAD_FOLDER": str(workdir / "uploads")}
        subprocess.run([sys.executable, "-m", "flask", "--app", "hackathon:create_app", "db", "upgrade"],
                       cwd=ROOT, env=self.env, check=True, capture_output=True)
        self.slug, self.event_id, self.email, self.entry_id, self.criterion_id = self._seed("judging")
        self.backends = [ServerProcess(self.env, app="bench.live_server:app") for _ in range(processes)]
        upstreams = [backend.wait_ready() for backend in self.backends]
        self.nginx = Nginx(upstreams, workdir / "nginx", workdir / "uploads")
        self.url = self.nginx.wait_ready()
        self.nginx_samples: list[int] = []
        self.session = requests.Session()
        self.post_form("/account/login", "/account/login", {"email": self.email, "password": PASSWORD})

    def rss_kb(self) -> int:
        """The app processes' memory (measure() reads it before and after the clients connect); nginx's
        is kept alongside at the same moments."""
        self.nginx_samples.append(self.nginx_rss_kb())
        return sum(_rss_kb(backend.worker_pids[-1]) for backend in self.backends)

    def nginx_rss_kb(self) -> int:
        return sum(_rss_kb(int(pid)) for pid in subprocess.run(
            ["pgrep", "-P", str(self.nginx.process.pid)], capture_output=True, text=True).stdout.split())

    def stop(self):
        self.nginx.stop()
        for backend in self.backends:
            backend.process.terminate()
            backend.process.wait(30)


def trigger_score_post(server, round_no: int):
    """A judge's mark through the real score form, timed from the POST alone (the form page and the
    board's current seq are fetched first, outside the timing)."""
    seq = server.session.get(f"{server.url}/api/v1/events/{server.slug}/leaderboard").json()["seq"]
    page = f"{server.url}/e/{server.slug}/judging/entries/{server.entry_id}"
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', server.session.get(page).text).group(1)
    started = time.time()
    response = server.session.post(page, data={f"c{server.criterion_id}": str(1 + round_no % 10), "csrf_token": token})
    assert response.status_code == 200, response.status_code
    return f"seq {seq + 1}", started


live_latency.CHANGES["score"] = ("leaderboard_update", trigger_score_post)


def _rss_kb(pid: int) -> int:
    return int(re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text()).group(1))


def run(size: int, processes: int, rounds: int, redis: str) -> None:
    with tempfile.TemporaryDirectory() as workdir:
        deployment = Deployment(Path(workdir), processes, redis)
        try:
            result = measure(deployment, size, rounds, "score")
            print(f"\n== {processes} process{'es' if processes > 1 else ''} behind nginx")
            report(result, "score")
            before, after = deployment.nginx_samples[:2]
            print(f"  nginx memory {(after - before) / max(result['connected'], 1):.0f} KB per client")
        finally:
            deployment.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,2000")
    parser.add_argument("--processes", default="1,2")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/13")
    args = parser.parse_args()
    started = time.monotonic()
    print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}; "
          f"{os.cpu_count()} cores; {live_latency.CLIENT_PROCESSES} client processes, {args.rounds} rounds")
    for size in (int(n) for n in args.sizes.split(",")):
        for processes in (int(n) for n in args.processes.split(",")):
            run(size, processes, args.rounds, args.redis)
            print(f"  load average now: {os.getloadavg()[0]:.2f}")
    print(f"\n({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
