"""The app the live benchmarks serve: the real app plus bare references in the same process.

    gunicorn -k gevent -w 1 --worker-connections 5000 bench.live_server:app

- `bare` (namespace /bench): fan a payload out to an event's room with nothing in between.
- namespace /bare: a Socket.IO namespace that accepts every connection and sends it the stored
  board bytes (when a bench stored them), as the real snapshot does, with nothing else around it.
- `/bench/bytes/<name>`: a bare Flask endpoint serving bytes stored with a PUT (the leaderboard
  API's or page's own bytes), to compare requests per second on the same worker.
"""
from flask import Response, request
from flask_socketio import emit

from hackathon import create_app
from hackathon.extensions import csrf, socketio
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
