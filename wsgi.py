"""Entry point: `gunicorn -k gevent -w 1 wsgi:app` in production, `python wsgi.py` for development."""
import os

from hackathon import create_app
from hackathon.extensions import socketio

app = create_app()

if __name__ == "__main__":
    socketio.run(
        app,
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "5000")),
        debug=os.environ.get("FLASK_DEBUG") == "1",
        allow_unsafe_werkzeug=True,  # the development server; production runs under gunicorn
    )
