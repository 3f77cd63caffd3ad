"""/healthz: is the database (and the message queue, when configured) answering?"""
import redis
from flask import Blueprint, current_app, jsonify
from sqlalchemy import text

from .extensions import db, limiter

bp = Blueprint("health", __name__)


@bp.route("/healthz")
@limiter.exempt
def healthz():
    checks = {"database": _check_database()}
    queue = current_app.config.get("SOCKETIO_MESSAGE_QUEUE")
    checks["message_queue"] = _check_queue(queue) if queue else "not configured"
    healthy = all(value in ("ok", "not configured") for value in checks.values())
    return jsonify(status="ok" if healthy else "unavailable", **checks), 200 if healthy else 503


def _check_database() -> str:
    try:
        db.session.execute(text("SELECT 1"))
        return "ok"
    except Exception as error:  # any failure means "not healthy", with its reason
        db.session.rollback()
        return f"error: {type(error).__name__}"


def _check_queue(url: str) -> str:
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping()
        return "ok"
    except Exception as error:
        return f"error: {type(error).__name__}"
