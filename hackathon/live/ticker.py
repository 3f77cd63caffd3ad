"""One background task per server process: publishes scheduled announcements when due, pushes the
clock when a milestone is crossed, and resyncs every watched clock now and then.

Started once, behind a lock, by the first socket that connects (as Flask-SocketIO's
example/app_namespace.py starts its background thread); it loops on `socketio.sleep`, so under
gevent it is a greenlet.
"""
import logging
import re
import threading
import time
from datetime import datetime

from flask import Flask

from .. import leaderboard
from ..extensions import db, socketio
from ..mentors import upkeep as mentoring
from ..models.types import utcnow
from ..realtime import NAMESPACE, emitters
from ..registration import services as registration
from . import services

log = logging.getLogger(__name__)
_start_lock = threading.Lock()
EVENT_ROOM = re.compile(r"event:(\d+)")


class Ticker:
    def __init__(self, app: Flask):
        self.app = app
        self.tick_seconds = app.config["LIVE_TICK_SECONDS"]
        self.resync_seconds = app.config["LIVE_RESYNC_SECONDS"]
        self.running = True
        self.ticks = 0
        self.task = None

    def run(self) -> None:
        since, next_resync = utcnow(), time.monotonic() + self.resync_seconds
        while self.running:
            socketio.sleep(self.tick_seconds)
            now = utcnow()
            resync = time.monotonic() >= next_resync
            if resync:
                next_resync = time.monotonic() + self.resync_seconds
            with self.app.app_context():
                try:
                    tick(since, now, resync)
                except Exception:  # a bad tick must not end the loop: the next one tries again
                    log.exception("live ticker failed")
                    db.session.rollback()
                finally:
                    db.session.remove()
            since = now
            self.ticks += 1

    def stop(self) -> None:
        self.running = False


def tick(since: datetime, now: datetime, resync: bool = False) -> None:
    """One round of the ticker's work, callable directly in tests."""
    services.publish_due_announcements(now)
    leaderboard.publish_due_freezes(since, now)
    crossed = services.events_crossing_milestones(since, now)
    for event in crossed:
        emitters.clock_resynced(event)
    if resync:
        done = {event.id for event in crossed}
        for event in services.events_to_resync(watched_event_ids() - done):
            emitters.clock_resynced(event)
    mentoring.tick(now)
    registration.expire_offers(now)


def watched_event_ids() -> set[int]:
    """Events with at least one client connected to this process."""
    rooms = socketio.server.manager.rooms.get(NAMESPACE, {})
    return {int(match.group(1)) for room, members in rooms.items()
            if members and isinstance(room, str) and (match := EVENT_ROOM.fullmatch(room))}


def start_once(app: Flask) -> Ticker | None:
    """Start this process's ticker unless it runs already (or LIVE_TICKER is off, as in tests)."""
    if not app.config.get("LIVE_TICKER"):
        return None
    with _start_lock:
        ticker = app.extensions.get("live_ticker")
        if ticker is None:
            ticker = app.extensions["live_ticker"] = Ticker(app)
            ticker.task = socketio.start_background_task(ticker.run)
    return ticker
