"""Shares each published board with the other server processes, through the Redis message queue.

With `SOCKETIO_MESSAGE_QUEUE` set, every publication is also sent on `<SOCKETIO_CHANNEL>:boards`
with its ready bytes; each process listens and keeps the newest one, so its API, pages and
snapshots never serve an older board than its sockets were pushed. While the listener is not
subscribed (starting, or Redis lost), the process forgets every board and rebuilds it from the
database on the next read. Without a queue there is one process and nothing to share.
"""
import json
import logging
import threading
import uuid
from collections.abc import Callable

import redis
from flask import Flask

from ..extensions import socketio

log = logging.getLogger(__name__)
PROCESS_ID = uuid.uuid4().hex
RETRY_SECONDS = 1.0
_start_lock = threading.Lock()


def announce(app: Flask, message: dict) -> None:
    """Send a publication to the other processes (nothing without a message queue)."""
    if not app.config.get("SOCKETIO_MESSAGE_QUEUE"):
        return
    try:
        _redis(app).publish(_channel(app), json.dumps({**message, "from": PROCESS_ID}))
    except redis.RedisError:  # the others rebuild from the database when their listener reconnects
        log.exception("could not share a published board")


def listen_once(app: Flask, receive: Callable[[dict], None], forget_all: Callable[[], None]) -> None:
    """Start this process's listener unless it runs already, or there is no queue."""
    if not app.config.get("SOCKETIO_MESSAGE_QUEUE") or app.extensions.get("leaderboard_bus"):
        return
    with _start_lock:
        if not app.extensions.get("leaderboard_bus"):
            app.extensions["leaderboard_bus"] = socketio.start_background_task(_listen, app, receive, forget_all)


def _listen(app: Flask, receive, forget_all) -> None:
    while True:
        try:
            pubsub = _redis(app).pubsub()
            pubsub.subscribe(_channel(app))
            for message in pubsub.listen():
                with app.app_context():
                    if message["type"] == "subscribe":
                        forget_all()  # a board built before this moment may have missed a publication
                    elif message["type"] == "message":
                        _receive(message["data"], receive)
        except redis.RedisError:
            log.exception("leaderboard bus lost; boards are rebuilt from the database until it is back")
            with app.app_context():
                forget_all()
            socketio.sleep(RETRY_SECONDS)


def _receive(data, receive) -> None:
    message = json.loads(data)
    if message.get("from") != PROCESS_ID:
        receive(message)


def _redis(app: Flask) -> redis.Redis:
    kept = app.extensions.setdefault("leaderboard_redis", {})
    if "client" not in kept:
        kept["client"] = redis.Redis.from_url(app.config["SOCKETIO_MESSAGE_QUEUE"])
    return kept["client"]


def _channel(app: Flask) -> str:
    return f"{app.config['SOCKETIO_CHANNEL']}:boards"
