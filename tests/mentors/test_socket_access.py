"""The live channel's mentoring events reach exactly the sockets tests/access/mentors.py allows:
a scenario sends every one of them to sockets of every kind of visitor."""
from datetime import timedelta

import pytest

from hackathon.extensions import db, socketio
from hackathon.mentors import profiles, standing, upkeep
from hackathon.models.types import utcnow
from tests.access.mentors import SOCKET_ROWS, SOCKET_VISITORS
from tests.conftest import Auth
from tests.factories import make_event, make_member
from tests.mentors.helpers import ask, make_asking_team, make_mentor, set_mode

BEFORE = {"clock", "leaderboard"}  # the snapshot every socket gets on connect


@pytest.fixture
def sockets(app, event, live_socket):
    """One logged-in socket per kind of visitor (anonymous has none), each with its own session."""
    team, [member] = make_asking_team(event)
    people = {"team": member, "other_team": make_asking_team(event)[1][0], "mentor": make_mentor(event, ["python"]),
              "other_mentor": make_mentor(event, ["react"]), "judge": make_member(event, "judge"),
              "organizer": make_member(event, "organizer"), "elsewhere": make_mentor(make_event(), ["python"])}
    opened = {"anonymous": live_socket(event, flask_client=app.test_client())}
    for visitor, user in people.items():
        client = app.test_client()
        assert Auth(client).login(user).status_code == 302
        opened[visitor] = live_socket(event, flask_client=client)
    assert all(socket.connected for socket in opened.values())
    for socket in opened.values():
        socket.emit("watch_mentor_directory")  # as the directory page does; only some may join
        socket.received()
    return people, opened


def play_every_mentoring_event(event, people):
    """Ask (for a named mentor), toggle a mentor's availability, let the request go stale, and make the
    mentor the team's standing mentor."""
    set_mode(event, "suggest", stale_minutes=1)
    request = ask(people["team"], event, "CORS errors", tags=["python"], asked_mentor_id=people["mentor"].id)
    profiles.set_availability(event, people["other_mentor"], "busy")
    request.queued_at = utcnow() - timedelta(minutes=5)
    db.session.commit()
    upkeep.flag_stale_requests(utcnow())
    standing.assign_by_hand(event, request.team, people["mentor"], people["organizer"])


def test_each_mentoring_event_reaches_only_the_sockets_allowed(event, sockets, monkeypatch):
    people, opened = sockets
    emitted = set()
    real_emit = socketio.emit
    monkeypatch.setattr(socketio, "emit", lambda name, *a, **k: (emitted.add(name), real_emit(name, *a, **k))[1])
    play_every_mentoring_event(event, people)
    got = {visitor: {m["name"] for m in socket.received()} - BEFORE for visitor, socket in opened.items()}
    assert emitted == set(SOCKET_ROWS), "a mentoring event without a row in tests/access/mentors.py (or unplayed)"
    for name, allowed in SOCKET_ROWS.items():
        receivers = {visitor for visitor in SOCKET_VISITORS if name in got[visitor]}
        assert receivers == allowed, name


def test_a_mentor_of_another_event_never_joins_this_events_mentor_rooms(event, sockets):
    people, opened = sockets
    from hackathon.realtime import NAMESPACE, mentor_room, role_room

    elsewhere = people["elsewhere"]
    socketio.emit("probe", {}, to=[role_room(event.id, "mentor"), mentor_room(event.id, elsewhere.id)],
                  namespace=NAMESPACE)
    assert opened["elsewhere"].received() == []
    assert [m["name"] for m in opened["mentor"].received()] == ["probe"]
