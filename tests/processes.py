"""Real server processes for tests that need more than one: gunicorn's gevent worker, as in production."""
import os
import re
import signal
import subprocess
import sys
import threading
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
        return self.url

    def stop(self):
        self.process.send_signal(signal.SIGINT)  # quick shutdown; SIGTERM waits for clients
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
