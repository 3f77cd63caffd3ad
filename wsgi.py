"""Entry point: `gunicorn -k gevent -w 1 wsgi:app` in production, `python wsgi.py` for development."""
import os

from hackathon import create_app
from hackathon.extensions import socketio

app = create_app()

if __name__ == "__main__":
    host, port = os.environ.get("HOST", "127.0.0.1"), int(os.environ.get("PORT", "5000"))
    print(f"Serving on http://{host}:{port}  (Ctrl-C stops)", flush=True)  # the address really served
    socketio.run(
        app,
        host=host,
        port=port,
        debug=os.environ.get("FLASK_DEBUG") == "1",
        allow_unsafe_werkzeug=True,  # the development server; production runs under gunicorn
    )
