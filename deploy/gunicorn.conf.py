"""gunicorn's settings for `make serve` (deploy/serve.py): one gevent worker per process, from the environment.

    BIND                host:port to listen on (127.0.0.1:8000); keep it private, nginx faces the world
    WORKER_CONNECTIONS  sockets one process holds at once (5000); gunicorn's default of 1000 stalls clients silently
    GRACEFUL_TIMEOUT    seconds a stopping process gives requests in flight to finish (30)
    CONTROL_SOCKET      gunicorn's control socket, one per process on a host (off when unset)
    ACCESS_LOG          a file for the access log, `-` for standard output (off when unset)
"""
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
worker_class = "gevent"
workers = 1  # one Socket.IO worker per process: add processes, never workers (docs/DEPLOY.md)
worker_connections = int(os.environ.get("WORKER_CONNECTIONS", "5000"))
graceful_timeout = int(os.environ.get("GRACEFUL_TIMEOUT", "30"))
if os.environ.get("CONTROL_SOCKET"):
    control_socket = os.environ["CONTROL_SOCKET"]
else:
    control_socket_disable = True
accesslog = os.environ.get("ACCESS_LOG") or None
errorlog = "-"


def post_worker_init(worker):
    """On SIGTERM, let requests in flight finish but close live sockets at once: their clients
    reconnect (to another process behind the proxy, or to this one once restarted) and get a fresh
    snapshot, instead of holding the process open until GRACEFUL_TIMEOUT."""
    import gevent

    def close_live_sockets_when_stopping():
        while worker.alive:
            gevent.sleep(0.2)
        from hackathon.extensions import socketio

        worker.log.info("Stopping: closing %d live sockets", len(socketio.server.eio.sockets))
        socketio.server.eio.disconnect()

    gevent.spawn(close_live_sockets_when_stopping)
