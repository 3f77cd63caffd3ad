"""Real server processes for tests that need more than one: gunicorn's gevent worker, as in production."""
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
LISTENING = re.compile(r"Listening at: (http://127\.0\.0\.1:\d+)")


class ServerProcess:
    """`gunicorn -k gevent -w 1 wsgi:app` on a free loopback port, with the given environment.

    gunicorn's log only tells which port it bound; the server is ready when `/healthz` answers, since
    the worker still imports and builds the app after gunicorn says it is booting it.
    """

    def __init__(self, env: dict, app: str = "wsgi:app"):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-k", "gevent", "-w", "1", "--worker-connections", "5000",
             "-b", "127.0.0.1:0", "--no-control-socket", app],
            cwd=ROOT, env={**os.environ, "SOCKETIO_ASYNC_MODE": "gevent", **env},
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.url = None
        self.log: list[str] = []
        self._bound = threading.Event()
        threading.Thread(target=self._read_log, daemon=True).start()

    def _read_log(self):
        for line in self.process.stderr:
            self.log.append(line)
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
