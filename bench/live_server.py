"""The app bench/live_latency.py serves: the real app plus one bare Flask-SocketIO emit to compare.

    gunicorn -k gevent -w 1 --worker-connections 5000 bench.live_server:app
"""
from hackathon import create_app
from hackathon.extensions import socketio
from hackathon.realtime import NAMESPACE, event_room

app = create_app()


@socketio.on("bare", namespace="/bench")
def bare(data):
    """Fan a payload out to an event's room with nothing in between: no request, no database."""
    socketio.emit("bare", data, to=event_room(int(data["event_id"])), namespace=NAMESPACE)
