"""The app the live benchmarks serve: the real app plus bare references in the same process.

    gunicorn -k gevent -w 1 --worker-connections 5000 bench.live_server:app

- `bare` (namespace /bench): fan a payload out to an event's room with nothing in between.
- namespace /bare: a Socket.IO namespace that accepts every connection and sends it the stored
  board bytes (when a bench stored them), as the real snapshot does, with nothing else around it.
- `/bench/bytes/<name>`: a bare Flask endpoint serving bytes stored with a PUT (the leaderboard
  API's or page's own bytes), to compare requests per second on the same worker.
- `/bench/write`: a bare Flask endpoint that commits one row through the app's own database
  session (same writer queue, same transaction), to compare a judge's save with.
"""
from flask import Response, request
from sqlalchemy import text
from flask_socketio import emit

from hackathon import create_app
from hackathon.extensions import csrf, db, socketio
from hackathon.realtime import NAMESPACE, event_room
from hackathon.realtime.wire import PreEncoded

app = create_app()
stored: dict[str, tuple[bytes, str]] = {}


@socketio.on("bare", namespace="/bench")
def bare(data):
    """Fan a payload out to an event's room with nothing in between: no request, no database."""
    socketio.emit("bare", data, to=event_room(int(data["event_id"])), namespace=NAMESPACE)


@socketio.on("connect", namespace="/bare")
def bare_connect(auth=None):
    """Accept a connection and send the same board bytes, nothing more."""
    if "api" in stored:
        emit("leaderboard", PreEncoded(stored["api"][0].decode()))


@app.put("/bench/bytes/<name>")
@csrf.exempt
def keep_bytes(name):
    stored[name] = (request.get_data(), request.content_type or "application/octet-stream")
    return "", 204


@app.get("/bench/bytes/<name>")
def serve_bytes(name):
    body, mimetype = stored[name]
    return Response(body, mimetype=mimetype)


@app.post("/bench/write")
@csrf.exempt
def bare_write():
    """One committed row and nothing else: no form, no rules, no board."""
    db.session.execute(text("CREATE TABLE IF NOT EXISTS bench_writes (id INTEGER PRIMARY KEY, body TEXT)"))
    db.session.execute(text("INSERT INTO bench_writes (body) VALUES (:body)"), {"body": request.get_data(as_text=True)})
    db.session.commit()
    return "", 204
