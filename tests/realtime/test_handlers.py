"""The /live namespace: who is admitted to which room, and the snapshot on connect."""
import logging

import pytest

from hackathon.extensions import socketio
from hackathon.realtime import NAMESPACE, role_room
from tests.conftest import in_own_context
from tests.factories import make_event, make_member


def broadcast_to_role(event, role):
    socketio.emit("probe", {"room": role}, to=role_room(event.id, role), namespace=NAMESPACE)


def test_anonymous_visitor_gets_the_clock_on_connect(app, live_socket):
    event = make_event("hacking")
    socket = live_socket(event)
    assert socket.connected
    [clock] = [message["args"][0] for message in socket.received("clock")]
    assert set(clock) >= {"event", "phase", "server_now_ms", "ends_at_ms", "paused", "remaining_ms"}
    assert clock["event"] == event.slug and clock["phase"] == "hacking" and clock["remaining_ms"] > 0


def test_unknown_or_missing_event_is_refused(app, live_socket):
    assert not live_socket(auth={"event": "no-such-event"}).connected
    assert not live_socket(auth={}).connected
    assert not live_socket(auth="not a dict").connected


def test_drafts_are_refused_to_the_public(app, live_socket):
    draft = make_event(is_published=False)
    assert not live_socket(draft).connected


def test_anonymous_visitors_never_join_role_rooms(app, live_socket):
    event = make_event()
    socket = live_socket(event)
    socket.received()
    broadcast_to_role(event, "judge")
    assert socket.received() == []


def test_logged_in_judge_joins_the_judges_room_of_their_event_only(app, live_socket, auth):
    event, other = make_event(), make_event()
    auth.login(make_member(event, "judge"))
    mine, theirs = live_socket(event), live_socket(other)
    mine.received(), theirs.received()
    broadcast_to_role(event, "judge")
    broadcast_to_role(other, "judge")
    assert [m["args"][0] for m in mine.received("probe")] == [{"room": "judge"}]
    assert theirs.received() == []  # connected to B's public room, but never B's judges


def test_a_judge_of_event_a_hears_nothing_of_event_b(app, live_socket, auth):
    event_a, event_b = make_event(), make_event()
    auth.login(make_member(event_a, "judge"))
    socket = live_socket(event_a)
    socket.received()
    broadcast_to_role(event_b, "judge")
    socketio.emit("clock", {"event": event_b.slug}, to=f"event:{event_b.id}", namespace=NAMESPACE)
    assert socket.received() == []


# ---- junk from clients: refused or ignored quietly, never a traceback in the log ----------------

DEEP = "[" * 100_000 + "]" * 100_000


def send_raw(socket, encoded: str) -> None:
    """Hand the server one raw Socket.IO packet, as engineio would after reading it off the wire."""
    in_own_context(socketio.server._handle_eio_message, socket.client.eio_sid, encoded)


@pytest.fixture
def no_tracebacks(caplog):
    caplog.set_level(logging.WARNING)
    yield
    logged = [record for record in caplog.records if record.levelno >= logging.ERROR or record.exc_info]
    assert logged == [], [record.getMessage() for record in logged]


def test_an_event_named_connect_does_not_run_the_connect_handler_again(app, live_socket, auth, no_tracebacks):
    event, other = make_event(), make_event()
    auth.login(make_member(other, "judge"))
    socket = live_socket(event)
    socket.received()
    for junk in ({"event": other.slug}, {"event": "no-such-event"}, "x", None):
        socket.emit("connect", junk, junk)
    assert socket.connected and socket.received() == []
    broadcast_to_role(other, "judge")
    assert socket.received() == []  # still in the rooms of the event it connected to only


@pytest.mark.parametrize("payload", [
    f'2/live,["resync",{DEEP}]', f"2/live,{DEEP}", '2/live,{"a":1}', "2/live,[]", "2/live,[1]", "2/live,[null]",
    '2/live,["resync"', "2/live,[1e999999]", '2/live,["resync",' + "9" * 5000 + "]", "7/live,[]",
    "4/live,{}", "x/live,", '51-/live,["resync",{"_placeholder":true,"num":9}]', '2/live,"resync"',
    '0/live,{"event":' + DEEP + "}", "3/live,1[" + DEEP + "]",
])
def test_malformed_packets_are_ignored_quietly(app, live_socket, no_tracebacks, payload):
    socket = live_socket(make_event())
    socket.received()
    send_raw(socket, payload)
    if payload.startswith("51-"):
        in_own_context(socketio.server._handle_eio_message, socket.client.eio_sid, b"\x00")
    assert socket.connected
    socket.emit("resync")
    assert [m["name"] for m in socket.received()] == ["clock", "leaderboard"]  # still served


@pytest.mark.parametrize("auth_data", [{"event": "a\x00b"}, {"event": "x" * 10_000}, {"event": ["a"]},
                                       {"event": {"$ne": None}}, [DEEP], {"event": "Événement"}])
def test_junk_in_auth_is_refused_before_it_reaches_the_database(app, live_socket, no_tracebacks, auth_data):
    assert not live_socket(auth=auth_data).connected


