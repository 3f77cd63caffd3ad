"""Fixtures for every test: an app on a fresh database, clients, log-in helpers, a live server."""
import contextvars
import os
import threading

import pytest
from flask import has_app_context
from flask.testing import FlaskClient
from werkzeug.serving import make_server

from hackathon import create_app
from hackathon.config import TestConfig
from hackathon.extensions import db, limiter, socketio
from hackathon.realtime import NAMESPACE
from tests import factories
from tests.services import POSTGRES_TEST_DB, postgres_url

BACKEND = os.environ.get("TEST_DATABASE", "sqlite")


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """The suite's database: a SQLite file (default) or PostgreSQL when TEST_DATABASE=postgresql."""
    if BACKEND == "postgresql":
        return postgres_url(POSTGRES_TEST_DB)
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


@pytest.fixture(scope="session")
def _schema(database_url, tmp_path_factory):
    """Build the schema once per run; each test then starts from empty tables."""
    app = create_app(TestConfig(database_url, tmp_path_factory.mktemp("instance")))
    with app.app_context():
        db.drop_all()
        db.create_all()
        db.engine.dispose()
    return database_url


class IsolatedClient(FlaskClient):
    """Runs each request in a fresh context, as a real server would.

    The `app` fixture keeps an app context open for factories; without this, Flask would reuse it
    for requests, so `g`, the logged-in user and the database session would leak between requests.
    """

    def open(self, *args, **kwargs):
        return in_own_context(super().open, *args, **kwargs)


def in_own_context(function, *args, **kwargs):
    """Call `function` as a separate request would: its own app context, g and database session.

    The test's own session first ends its transaction, so the call can take the database.
    """
    if has_app_context():
        db.session.commit()
    return contextvars.Context().run(function, *args, **kwargs)


def build_app(database_url, instance_dir, **overrides):
    config = TestConfig(database_url, instance_dir)
    for key, value in overrides.items():
        setattr(config, key, value)
    app = create_app(config)
    app.test_client_class = IsolatedClient
    return app


@pytest.fixture
def app(_schema, tmp_path):
    """An app on an empty database; everything it wrote is deleted afterwards."""
    app = build_app(_schema, tmp_path)
    limiter.reset()
    with app.app_context():
        yield app
        db.session.remove()
        _empty_tables()
        db.engine.dispose()


def _empty_tables():
    # DELETE beats TRUNCATE on PostgreSQL for a few rows in many tables; ids needn't restart.
    with db.engine.begin() as conn:
        for table in reversed(db.metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture
def client(app):
    return app.test_client()


class Auth:
    """Log in and out through the real log-in form, as a browser would."""

    def __init__(self, client):
        self.client = client

    def login(self, user, password=factories.PASSWORD, remember=False):
        return self.client.post("/account/login", data={
            "email": user.email, "password": password, "remember": "y" if remember else ""})

    def logout(self):
        return self.client.post("/account/logout")

    def login_as(self, role, event, **user_fields):
        """Create an account holding `role` in `event` (or 'site admin', 'anonymous') and log in."""
        if role == "anonymous":
            return None
        if role == "site admin":
            user = factories.make_user(is_site_admin=True, **user_fields)
        else:
            user = factories.make_member(event, role, **user_fields)
        response = self.login(user)
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return user


@pytest.fixture
def auth(client):
    return Auth(client)


@pytest.fixture
def live_socket(app, client):
    """Open a /live socket for an event; it shares `client`'s session (so its log-in)."""
    opened = []

    def connect(event=None, flask_client=client, auth=None):
        socket = LiveSocket(app, flask_client, auth if auth is not None else {"event": event.slug})
        opened.append(socket)
        return socket

    yield connect
    for socket in opened:
        socket.close()


class LiveSocket:
    """A Socket.IO test client on /live whose handlers run in their own context, like real sockets."""

    def __init__(self, app, flask_client, auth):
        self.client = in_own_context(socketio.test_client, app, namespace=NAMESPACE, auth=auth,
                                     flask_test_client=flask_client)

    @property
    def connected(self) -> bool:
        return self.client.is_connected(NAMESPACE)

    def emit(self, name, *args):
        return in_own_context(self.client.emit, name, *args, namespace=NAMESPACE)

    def received(self, name=None) -> list:
        """Events received since the last call (optionally only those called `name`)."""
        events = self.client.get_received(NAMESPACE)
        return [event for event in events if name is None or event["name"] == name]

    def close(self):
        if self.connected:
            in_own_context(self.client.disconnect, namespace=NAMESPACE)


# ---- browser harness ---------------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, kept on loopback (never `playwright install`)."""
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


class LiveServer:
    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url_for(self, path: str) -> str:
        return self.url + path

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(5)


@pytest.fixture
def live_server(_schema, tmp_path):
    """The real app on a free loopback port, with CSRF on, as a browser meets it."""
    app = build_app(_schema, tmp_path, WTF_CSRF_ENABLED=True)
    limiter.reset()
    with app.app_context(), LiveServer(app) as server:
        yield server
        db.session.remove()
        _empty_tables()
        db.engine.dispose()
