"""`wsgi:app` that takes a while to build, as on a busy machine (tests/test_processes.py)."""
import time

time.sleep(3)

from wsgi import app  # noqa: E402,F401
