"""`make serve` (deploy/serve.py, deploy/gunicorn.conf.py) and running behind a proxy (PROXY_HOPS)."""
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
import requests
import socketio as socketio_client
from sqlalchemy import create_engine, inspect

from hackathon.extensions import db
from tests.factories import make_event
from tests.processes import ROOT, ServerProcess

SERVE = [sys.executable, str(ROOT / "deploy" / "serve.py")]
GUNICORN_CONF = str(ROOT / "deploy" / "gunicorn.conf.py")


def test_serve_refuses_to_start_without_a_secret_key(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    result = subprocess.run(SERVE, cwd=ROOT, env={**env, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "SECRET_KEY is not set" in result.stderr
    assert not (tmp_path / "x.db").exists()  # nothing ran, not even the migrations


def test_serve_applies_the_migrations_then_serves(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    server = ServerProcess({"DATABASE_URL": url, "SECRET_KEY": "serve", "BIND": "127.0.0.1:0"}, command=SERVE)
    try:
        base = server.wait_ready()
        assert requests.get(f"{base}/healthz").json()["database"] == "ok"
        assert "event" in inspect(create_engine(url)).get_table_names()
        assert any("Using worker: gevent" in line for line in server.log)
    finally:
        server.stop()


def gunicorn_with_config(env: dict, app: str) -> ServerProcess:
    return ServerProcess({"BIND": "127.0.0.1:0", **env},
                         command=[sys.executable, "-m", "gunicorn", "-c", GUNICORN_CONF, app])


def test_sigterm_finishes_the_request_in_flight_and_closes_live_sockets(app, database_url, tmp_path):
    slug = make_event().slug
    db.session.commit()
    server = gunicorn_with_config({"DATABASE_URL": database_url, "SECRET_KEY": "serve", "GRACEFUL_TIMEOUT": "60"},
                                  "tests.slow_request_wsgi:app")
    base = server.wait_ready()
    watcher = socketio_client.Client(reconnection=False)
    closed = threading.Event()
    watcher.on("disconnect", lambda *args: closed.set(), namespace="/live")
    watcher.connect(base, namespaces=["/live"], auth={"event": slug}, transports=["websocket"], wait_timeout=10)
    started, answer = tmp_path / "started", {}
    request = threading.Thread(target=lambda: answer.update(
        response=requests.get(f"{base}/slow", params={"started": str(started), "seconds": "2"}, timeout=30)))
    request.start()
    deadline = time.monotonic() + 10
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        stopping = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        request.join(30)
        assert answer["response"].status_code == 200 and answer["response"].text == "finished"
        assert closed.wait(10)  # the live socket was closed rather than held until the graceful timeout
        assert server.process.wait(30) == 0
        assert time.monotonic() - stopping < 20
    finally:
        watcher.disconnect()
        if server.process.poll() is None:
            server.stop()


@pytest.mark.parametrize("hops, forwarded, seen", [
    (0, "203.0.113.7", "127.0.0.1"),      # no proxy configured: the header is a client's claim, ignored
    (1, "203.0.113.7", "203.0.113.7"),    # nginx in front: its X-Forwarded-For is believed
    (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # only the last hop: a forged value further left is not
])
def test_proxy_hops_decide_whose_address_counts(tmp_path, _schema, hops, forwarded, seen):
    from tests.conftest import build_app

    proxied = build_app(_schema, tmp_path, PROXY_HOPS=hops)
    seen_by_app = {}

    @proxied.get("/whoami-test")
    def whoami():
        from flask import request as flask_request
        seen_by_app.update(addr=flask_request.remote_addr, scheme=flask_request.scheme)
        return ""

    proxied.test_client().get("/whoami-test", headers={"X-Forwarded-For": forwarded, "X-Forwarded-Proto": "https"},
                              environ_base={"REMOTE_ADDR": "127.0.0.1"})
    assert seen_by_app["addr"] == seen
    assert seen_by_app["scheme"] == ("https" if hops else "http")


def test_behind_nginx_the_app_checks_access_then_hands_the_upload_to_nginx(app, client):
    from tests.factories import make_attachment, make_challenge

    event = make_event("hacking")
    attachment = make_attachment(make_challenge(event), "Résumé des règles.md", b"# Rules\n")
    url = f"/e/{event.slug}/challenges/{attachment.challenge_id}/attachments/{attachment.id}/rules.md"
    app.config["UPLOADS_ACCEL_REDIRECT"] = "/_uploads/"
    response = client.get(url)
    assert response.status_code == 200 and response.get_data() == b""
    assert response.headers["X-Accel-Redirect"] == f"/_uploads/{attachment.stored_name}"
    assert response.headers["Content-Disposition"] == (
        "attachment; filename=\"Resume des regles.md\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20des%20r%C3%A8gles.md")
    draft = make_attachment(make_challenge(event, is_draft=True), "secret.md", b"# Secret\n")
    hidden = f"/e/{event.slug}/challenges/{draft.challenge_id}/attachments/{draft.id}/secret.md"
    assert "X-Accel-Redirect" not in client.get(hidden).headers  # a draft's file stays the organizers'
