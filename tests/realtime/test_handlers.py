"""The /live namespace: who is admitted to which room, and the snapshot on connect."""
from hackathon.extensions import socketio
from hackathon.realtime import NAMESPACE, role_room
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
