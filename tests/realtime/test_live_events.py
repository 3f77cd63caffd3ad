"""Every event of the live channel reaches the right sockets, and only those."""
import time
from datetime import timedelta

import pytest

from hackathon.extensions import db
from hackathon.live import services, ticker
from hackathon.manage import services as clock_services
from hackathon.models.types import utcnow
from tests.factories import make_announcement, make_event, make_member


def payloads(socket, name):
    return [message["args"][0] for message in socket.received(name)]


def test_anonymous_screens_receive_announcements_as_published(app, live_socket):
    event = make_event()
    socket = live_socket(event)
    socket.received()
    announcement = make_announcement(event, "Pizza is here", "urgent")
    assert payloads(socket, "announcement") == [{
        "id": announcement.id, "event": event.slug, "text": "Pizza is here", "level": "urgent",
        "at_ms": int(announcement.published_at.timestamp() * 1000)}]


def test_retraction_is_pushed(app, live_socket):
    event = make_event()
    announcement = make_announcement(event)
    socket = live_socket(event)
    socket.received()
    services.retract_announcement(announcement, None)
    assert payloads(socket, "announcement_retracted") == [{"id": announcement.id, "event": event.slug}]


def test_a_judge_of_event_a_hears_no_announcement_or_clock_of_event_b(app, live_socket, auth):
    event_a, event_b = make_event(), make_event()
    auth.login(make_member(event_a, "judge"))
    socket = live_socket(event_a)
    socket.received()
    make_announcement(event_b, "Only for B")
    clock_services.pause_clock(event_b, make_member(event_b, "organizer"))
    ticker.tick(utcnow(), utcnow(), resync=True)
    assert [m for m in socket.received() if m["args"][0].get("event") != event_a.slug] == []


def test_clock_overrides_reach_every_screen_of_the_event(app, live_socket):
    event = make_event("hacking")
    event.registration_closes_at = event.hacking_starts_at  # so the next milestone is the deadline
    organizer = make_member(event, "organizer")
    socket = live_socket(event)
    socket.received()
    clock_services.pause_clock(event, organizer)
    [paused] = payloads(socket, "clock")
    assert paused["paused"] is True
    clock_services.resume_clock(event, organizer)
    clock_services.extend_deadline(event, organizer, 30)
    resumed, extended = payloads(socket, "clock")
    assert resumed["paused"] is False
    assert extended["ends_at_ms"] - resumed["ends_at_ms"] == 30 * 60 * 1000


def test_tick_publishes_due_announcements_to_screens(app, live_socket):
    event = make_event()
    scheduled = make_announcement(event, "Lunch is served", publish_at=utcnow() - timedelta(seconds=1))
    socket = live_socket(event)
    socket.received()
    ticker.tick(utcnow() - timedelta(seconds=1), utcnow())
    assert [a["id"] for a in payloads(socket, "announcement")] == [scheduled.id]


def test_tick_pushes_the_clock_when_a_milestone_is_crossed(app, live_socket):
    event = make_event("hacking")
    socket = live_socket(event)
    socket.received()
    due = event.submissions_due_at
    ticker.tick(due - timedelta(seconds=1), due - timedelta(milliseconds=1))
    assert socket.received() == []
    ticker.tick(due - timedelta(seconds=1), due + timedelta(milliseconds=1))
    assert len(payloads(socket, "clock")) == 1


def test_periodic_resync_reaches_watched_events_only(app, live_socket):
    watched, unwatched = make_event(), make_event()
    socket = live_socket(watched)
    socket.received()
    assert ticker.watched_event_ids() == {watched.id}
    ticker.tick(utcnow(), utcnow(), resync=False)
    assert socket.received() == []
    ticker.tick(utcnow(), utcnow(), resync=True)
    [clock] = payloads(socket, "clock")
    assert clock["event"] == watched.slug and abs(clock["server_now_ms"] - time.time() * 1000) < 5000


def test_connect_sends_the_clock_of_a_paused_event_as_it_stands(app, live_socket):
    event = make_event("hacking")
    clock_services.pause_clock(event, make_member(event, "organizer"))
    [clock] = payloads(live_socket(event), "clock")
    assert clock["paused"] is True and clock["phase_label"] == "Hacking"


@pytest.fixture
def running_ticker(app):
    app.config.update(LIVE_TICKER=True, LIVE_TICK_SECONDS=0.05, LIVE_RESYNC_SECONDS=0.2)
    yield lambda: app.extensions.get("live_ticker")
    started = app.extensions.get("live_ticker")
    if started:
        started.stop()
        started.task.join(5)


def test_the_first_connect_starts_one_ticker_that_publishes_and_resyncs(app, live_socket, running_ticker):
    event = make_event()
    scheduled = make_announcement(event, "Soon", publish_at=utcnow() + timedelta(seconds=0.3))
    first, second = live_socket(event), live_socket(event)
    started = running_ticker()
    assert started is not None and ticker.start_once(app) is started  # one per process
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not first.received("announcement"):
        time.sleep(0.05)
    assert started.ticks > 0
    db.session.expire_all()
    assert db.session.get(type(scheduled), scheduled.id).status == "published"
    db.session.rollback()  # hand the (single, on SQLite) pooled connection back to the ticker
    assert len(payloads(second, "announcement")) == 1
    time.sleep(0.4)
    assert payloads(second, "clock")  # periodic resync


def test_without_live_ticker_nothing_starts(app, live_socket):
    live_socket(make_event())
    assert ticker.start_once(app) is None and "live_ticker" not in app.extensions
