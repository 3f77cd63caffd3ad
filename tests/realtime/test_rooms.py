"""Live rooms follow roles: when a membership, a team place or a log-in ends, sockets opened before
stop hearing the rooms it gave; everyone who still holds them is nudged to rejoin and keeps hearing."""
from dataclasses import fields

from hackathon.auth import services as auth_services
from hackathon.events import services as event_services
from hackathon.extensions import db
from hackathon.models import Membership
from hackathon.realtime import emitters
from hackathon.teams import membership as team_membership
from tests.conftest import Auth
from tests.factories import make_event, make_invite, make_member, make_participant, make_team


def organizer_pushes(event):
    emitters.judge_progress(event, judge_id=1, scored=1, assigned=2)
    emitters.votes_counted(event, {"event": event.slug, "votes": 3})


def heard(socket, *names):
    return [message["name"] for message in socket.received() if message["name"] in names]


def rejoin_if_asked(socket):
    """What live.js does: a `rooms_changed` nudge makes the page ask for its rooms again."""
    if socket.received("rooms_changed"):
        socket.emit("rejoin")


def test_a_removed_organizer_stops_hearing_organizer_pushes_on_an_open_socket(app, client, auth, live_socket):
    event = make_event("judging")
    keeper = make_member(event, "organizer")
    leaving = auth.login_as("organizer", event)
    keeper_client = app.test_client()
    Auth(keeper_client).login(keeper)
    theirs, ours = live_socket(event), live_socket(event, flask_client=keeper_client)
    theirs.received(), ours.received()

    membership = db.session.scalar(db.select(Membership).where(Membership.user_id == leaving.id))
    event_services.remove_role(membership, keeper)
    rejoin_if_asked(ours)  # `theirs` ignores the nudge, as a hostile page would
    organizer_pushes(event)
    assert heard(theirs, "judge_progress", "votes_counted") == []
    assert heard(ours, "judge_progress", "votes_counted") == ["judge_progress", "votes_counted"]


def test_logging_out_takes_the_open_socket_out_of_every_private_room(app, client, auth, live_socket):
    event = make_event("judging")
    organizer = auth.login_as("organizer", event)
    other_device = app.test_client()
    Auth(other_device).login(organizer)
    this_tab, elsewhere = live_socket(event), live_socket(event, flask_client=other_device)
    this_tab.received(), elsewhere.received()

    assert client.post("/account/logout").status_code == 302
    rejoin_if_asked(elsewhere)
    organizer_pushes(event)
    emitters.clock_changed(event)
    assert heard(this_tab, "judge_progress", "votes_counted", "clock") == ["clock"]  # public room only
    assert heard(elsewhere, "judge_progress", "votes_counted") == ["judge_progress", "votes_counted"]


def test_a_revoked_socket_that_rejoins_keeps_only_the_public_room(app, client, auth, live_socket):
    event = make_event("judging")
    organizer = auth.login_as("organizer", event)
    socket = live_socket(event)
    socket.received()
    auth_services.end_session(db.session.merge(organizer).login_sessions[0])
    socket.emit("rejoin")
    organizer_pushes(event)
    assert heard(socket, "judge_progress", "votes_counted") == []


def test_a_member_who_leaves_a_team_stops_hearing_it(app, client, auth, live_socket):
    event = make_event("hacking")
    stayer, leaver = make_participant(event), make_participant(event)
    team = make_team(event, [stayer, leaver])
    auth.login(leaver)
    stayer_client = app.test_client()
    Auth(stayer_client).login(stayer)
    gone, staying = live_socket(event), live_socket(event, flask_client=stayer_client)
    gone.received(), staying.received()

    team_membership.leave_team(leaver, team)
    assert [m["args"][0]["what"] for m in staying.received("team_changed")] == ["left"]  # before the close
    gone.received()  # the leaver may see its own departure, nothing after it
    staying.emit("rejoin")
    emitters.team_changed(team, "updated")
    assert heard(gone, "team_changed") == [] and heard(staying, "team_changed") == ["team_changed"]


def test_a_new_role_is_heard_after_the_nudge(app, client, auth, live_socket):
    event = make_event("judging")
    user = auth.login_as("mentor", make_event())  # an account, not yet staff of this event
    socket = live_socket(event)
    socket.received()
    organizer_pushes(event)
    assert heard(socket, "judge_progress") == []
    from hackathon.invites import services as invite_services

    invite_services.accept_invite(db.session.merge(user), make_invite(event, "organizer").token)
    rejoin_if_asked(socket)
    organizer_pushes(event)
    assert heard(socket, "judge_progress") == ["judge_progress"]



def test_a_removed_participant_stops_hearing_the_mentor_directory(app, client, auth, live_socket):
    event = make_event("hacking")
    organizer = make_member(event, "organizer")
    leaving = auth.login_as("participant", event)
    keeper_client = app.test_client()
    Auth(keeper_client).login(make_participant(event))
    theirs, ours = live_socket(event), live_socket(event, flask_client=keeper_client)
    for socket in (theirs, ours):
        socket.emit("watch_mentor_directory")
        socket.received()

    membership = db.session.scalar(db.select(Membership).where(Membership.user_id == leaving.id))
    event_services.remove_role(membership, organizer)
    rejoin_if_asked(ours)  # `theirs` ignores the nudge
    emitters.mentor_changed(event.id, {"id": 1, "available": True})
    assert heard(theirs, "mentor_changed") == [] and heard(ours, "mentor_changed") == ["mentor_changed"]


def test_unpublishing_an_event_drops_its_audience_and_keeps_its_organizers(app, client, auth, live_socket):
    event = make_event("judging")
    auth.login_as("organizer", event)
    audience = live_socket(event, flask_client=app.test_client())
    organizers = live_socket(event)
    audience.received(), organizers.received()

    details = event_services.EventDetails(**{f.name: getattr(event, f.name) for f in fields(event_services.EventDetails)})
    details.is_published = False
    event_services.update_event(event, details)
    audience.received()  # the board and clock as they were a moment ago may still arrive
    rejoin_if_asked(organizers)
    emitters.clock_changed(event)
    assert heard(audience, "clock") == [] and heard(organizers, "clock") == ["clock"]

    audience.emit("resync")  # a page that asks for the board again is let go instead
    assert not audience.connected  # and so it heard nothing (the test client keeps no messages of a closed socket)
    organizers.emit("resync")
    assert {"clock", "leaderboard"} <= set(heard(organizers, "clock", "leaderboard"))


def test_a_socket_that_leaves_while_its_rooms_are_decided_is_dropped_quietly(app, client, auth, live_socket,
                                                                             monkeypatch):
    """A page that navigates away right after a nudge: its `rejoin` must not end in a traceback."""
    from hackathon.extensions import socketio
    from hackathon.realtime import NAMESPACE, rooms

    event = make_event("hacking")
    auth.login_as("participant", event)
    socket = live_socket(event)
    sid = socketio.server.manager.sid_from_eio_sid(socket.client.eio_sid, NAMESPACE)
    decide = rooms.rooms_for

    def page_leaves_meanwhile(user, watched):
        allowed = decide(user, watched)
        socketio.server.manager.basic_disconnect(sid, NAMESPACE)
        return allowed | {"event:999999"}

    monkeypatch.setattr(rooms, "rooms_for", page_leaves_meanwhile)
    socket.emit("rejoin")  # raised "sid is not connected to requested namespace" before
