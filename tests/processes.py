"""Real server processes for tests that need more than one: gunicorn's gevent worker, as in production."""
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LISTENING = re.compile(r"Listening at: (http://127\.0\.0\.1:\d+)")


class ServerProcess:
    """`gunicorn -k gevent -w 1 wsgi:app` on a free loopback port, with the given environment."""

    def __init__(self, env: dict):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-k", "gevent", "-w", "1", "--worker-connections", "5000",
             "-b", "127.0.0.1:0", "--no-control-socket", "wsgi:app"],
            cwd=ROOT, env={**os.environ, "SOCKETIO_ASYNC_MODE": "gevent", **env},
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.url = None
        self.log: list[str] = []
        self._ready = threading.Event()
        threading.Thread(target=self._read_log, daemon=True).start()

    def _read_log(self):
        for line in self.process.stderr:
            self.log.append(line)
            match = LISTENING.search(line)
            if match:
                self.url = match.group(1)
            if "Booting worker" in line:
                self._ready.set()
        self._ready.set()

    def wait_ready(self, timeout: float = 20) -> str:
        if not self._ready.wait(timeout) or self.url is None or self.process.poll() is not None:
            raise RuntimeError("server did not start:\n" + "".join(self.log))
        self._wait_answering(timeout)
        return self.url

    def _wait_answering(self, timeout: float) -> None:
        # "Booting worker" is logged before the worker has imported the app, which takes seconds on
        # a busy machine: a client connecting at once can time out. Wait until it answers.
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=2).close()
                return
            except urllib.error.HTTPError:
                return  # it answered (503: a service is down), which is all this waits for
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("server never answered:\n" + "".join(self.log))

    def stop(self):
        self.process.send_signal(signal.SIGINT)  # quick shutdown; SIGTERM waits for clients
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
