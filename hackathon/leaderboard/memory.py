"""What one server process keeps of the leaderboards, held by the app (each app starts empty)."""
import threading
from dataclasses import dataclass, field

from flask import current_app


@dataclass
class ProcessMemory:
    """Kept rankings, published boards and the publisher's timing, for every event of this app."""

    rankings: dict = field(default_factory=dict)  # event id -> ranking.KeptRanking
    published: dict = field(default_factory=dict)  # event id -> published.Published
    slugs: dict = field(default_factory=dict)  # slug -> event id, for reads without the database
    pending: set = field(default_factory=set)  # events with a push already scheduled
    last_push: dict = field(default_factory=dict)  # event id -> time.monotonic() of its last push
    lock: threading.Lock = field(default_factory=threading.Lock)
    # Held while a ranking is updated or rebuilt (slow), so readers of published boards never wait on it.
    ranking_lock: threading.Lock = field(default_factory=threading.Lock)
    # One builder per event at a time, and one publisher: bursts wait instead of all doing the work.
    builders: dict = field(default_factory=dict)
    publishing: threading.Lock = field(default_factory=threading.Lock)

    def builder(self, event_id: int) -> threading.Lock:
        with self.lock:
            return self.builders.setdefault(event_id, threading.Lock())


def memory() -> ProcessMemory:
    """This app's `ProcessMemory`."""
    return current_app.extensions.setdefault("leaderboard", ProcessMemory())
