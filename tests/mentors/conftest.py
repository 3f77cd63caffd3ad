"""The event mentoring tests share (hacking now) and short helpers to set the scene."""
import pytest

from tests.conftest import Auth

from tests.factories import make_event


@pytest.fixture
def event(app):
    return make_event("hacking")


@pytest.fixture
def member_socket(app, live_socket):
    """Open a live socket logged in as `user`, its snapshot already read."""

    def connect(event, user):
        client = app.test_client()
        Auth(client).login(user)
        socket = live_socket(event, flask_client=client)
        socket.received()
        return socket
    return connect
