"""Real server processes for tests that need more than one: gunicorn's gevent worker, as in production."""
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
LISTENING = re.compile(r"Listening at: (http://127\.0\.0\.1:\d+)")
WORKER = re.compile(r"Booting worker with pid: (\d+)")


class ServerProcess:
    """`gunicorn -k gevent -w 1 wsgi:app` on a free loopback port, with the given environment.

    gunicorn's log only tells which port it bound; the server is ready when `/healthz` answers, since
    the worker still imports and builds the app after gunicorn says it is booting it.
    """

    def __init__(self, env: dict, app: str = "wsgi:app", command: list[str] | None = None):
        self.process = subprocess.Popen(
            command or [sys.executable, "-m", "gunicorn", "-k", "gevent", "-w", "1", "--worker-connections", "5000",
                        "-b", "127.0.0.1:0", "--no-control-socket", app],
            cwd=ROOT, env={**os.environ, "SOCKETIO_ASYNC_MODE": "gevent", **env},
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.url = None
        self.worker_pids: list[int] = []
        self.log: list[str] = []
        self._bound = threading.Event()
        threading.Thread(target=self._read_log, daemon=True).start()

    def _read_log(self):
        for line in self.process.stderr:
            self.log.append(line)
            if worker := WORKER.search(line):
                self.worker_pids.append(int(worker.group(1)))
            match = LISTENING.search(line)
            if match:
                self.url = match.group(1)
                self._bound.set()
        self._bound.set()  # the process ended: wait_ready reports it

    def wait_ready(self, timeout: float = 60) -> str:
        """The server's URL once `/healthz` answers 200; fails with the log if it never does."""
        deadline = time.monotonic() + timeout
        self._bound.wait(timeout)
        while self.url is not None and self.process.poll() is None and time.monotonic() < deadline:
            if _healthy(self.url):
                return self.url
            time.sleep(0.05)
        raise RuntimeError("server did not answer /healthz:\n" + "".join(self.log))

    def stop(self):
        self.process.send_signal(signal.SIGINT)  # quick shutdown; SIGTERM waits for clients
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _healthy(url: str) -> bool:
    try:
        return requests.get(f"{url}/healthz", timeout=2).status_code == 200
    except requests.RequestException:
        return False


class Nginx:
    """Debian's nginx running deploy/nginx.conf (the documented file, with these addresses and paths
    put in) in front of `upstreams`, on a free loopback port, as a foreground process."""

    def __init__(self, upstreams: list[str], workdir: Path, uploads: Path, worker_connections: int = 8192):
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        if not os.access(binary, os.X_OK):
            raise FileNotFoundError("nginx is not installed (`make nginx` installs Debian's package)")
        workdir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = workdir / "nginx.conf"
        config.write_text(NGINX_MAIN.format(
            user="user root;" if os.geteuid() == 0 else "", work=workdir, connections=worker_connections,
            site=_site(upstreams, self.port, uploads)))
        self.log = workdir / "error.log"
        self.process = subprocess.Popen([binary, "-p", str(workdir), "-c", str(config), "-e", str(self.log)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def wait_ready(self, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            if _healthy(self.url):
                return self.url
            time.sleep(0.05)
        raise RuntimeError("nginx did not answer:\n" + (self.process.stderr.read() if self.process.poll() is not None
                                                       else "") + (self.log.read_text() if self.log.exists() else ""))

    def stop(self):
        self.process.send_signal(signal.SIGQUIT)  # nginx's graceful stop
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


NGINX_MAIN = """
worker_processes 1;
worker_rlimit_nofile {connections};
{user}
pid {work}/nginx.pid;
daemon off;
events {{ worker_connections {connections}; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {work}/access.log;
    client_body_temp_path {work}/client_body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
{site}
}}
"""


def _site(upstreams: list[str], port: int, uploads: Path) -> str:
    """deploy/nginx.conf with the test's addresses and paths in place of the documented examples."""
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    servers = "".join(f"    server {url.removeprefix('http://')};\n" for url in upstreams)
    replaced = re.sub(r"(    hash [^\n]+\n)(?:    server [^\n]+\n)+", lambda match: match.group(1) + servers, site)
    for example, actual in (("listen 80;", f"listen 127.0.0.1:{port};"),
                            ("/srv/hackathon/static/", f"{ROOT / 'static'}/"),
                            ("/srv/hackathon/instance/uploads/", f"{uploads}/")):
        assert example in replaced, f"deploy/nginx.conf no longer has {example!r}"
        replaced = replaced.replace(example, actual)
    return replaced


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def live_clients_per_process(urls: list[str], slug: str) -> dict[str, float]:
    """How many live clients of `slug` each process holds, from its own /metrics."""
    counts = {}
    for url in urls:
        text = requests.get(f"{url}/metrics", timeout=5).text
        match = re.search(rf'^hackathon_live_clients{{event="{re.escape(slug)}"}} (\S+)$', text, re.M)
        counts[url] = float(match.group(1)) if match else 0.0
    return counts
