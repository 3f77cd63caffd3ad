"""Two real server processes sharing a Redis message queue: a change made through one reaches the
clients of the other, and so does an announcement from a CLI process or a ticker."""
import os
import re
import subprocess
import sys
import threading
import time
import uuid
from datetime import timedelta

import pytest
import requests
import socketio as socketio_client

from hackathon.extensions import db
from hackathon.models.types import utcnow
from tests.factories import (PASSWORD, make_announcement, make_assignment, make_criterion, make_event, make_member,
                             make_submission, make_team)
from tests.processes import ROOT, ServerProcess
from tests.services import redis_url


class Watcher:
    """A python-socketio client on /live that records what it receives."""

    def __init__(self, url: str, slug: str, session: requests.Session | None = None, rejoins: bool = True):
        self.events: list[tuple[str, dict]] = []
        self.changed = threading.Condition()
        self.client = socketio_client.Client(reconnection=False)
        for name in ("clock", "announcement", "announcement_retracted", "leaderboard", "leaderboard_update",
                     "judge_progress"):
            self.client.on(name, self._recorder(name), namespace="/live")
        # As live.js does: a nudge makes the page ask for its rooms again ("rejoined" once answered).
        if rejoins:
            self.client.on("rooms_changed", lambda payload: threading.Thread(target=self._rejoin, daemon=True).start(),
                           namespace="/live")
        cookies = "; ".join(f"{name}={value}" for name, value in (session.cookies.items() if session else []))
        self.client.connect(url, namespaces=["/live"], auth={"event": slug}, transports=["websocket"],
                            headers={"Cookie": cookies} if cookies else {}, wait_timeout=10)

    def _rejoin(self):
        self.client.call("rejoin", namespace="/live", timeout=10)
        self._recorder("rejoined")({})

    def _recorder(self, name):
        def record(payload):
            with self.changed:
                self.events.append((name, payload))
                self.changed.notify_all()
        return record

    def wait_for(self, predicate, timeout=5.0):
        with self.changed:
            self.changed.wait_for(lambda: any(predicate(n, p) for n, p in self.events), timeout)
        return [(n, p) for n, p in self.events if predicate(n, p)]


@pytest.fixture
def environment(app, database_url):
    """What every process of the deployment shares: database, queue (own channel), secret."""
    db.session.commit()
    return {"DATABASE_URL": database_url, "SOCKETIO_MESSAGE_QUEUE": redis_url(),
            "SOCKETIO_CHANNEL": f"hackathon-test-{uuid.uuid4().hex}", "SECRET_KEY": "several-processes"}


@pytest.fixture
def two_servers(environment):
    servers = [ServerProcess(environment) for _ in range(2)]
    try:
        yield [server.wait_ready() for server in servers]
    finally:
        for server in servers:
            server.stop()


@pytest.fixture
def watchers():
    opened = []

    def watch(url, slug, session=None, rejoins=True):
        opened.append(Watcher(url, slug, session, rejoins))
        return opened[-1]

    yield watch
    for watcher in opened:
        watcher.client.disconnect()


def released(function):
    """Run a setup step and end its transaction, so the servers can use the database (on SQLite
    every transaction here holds the write lock)."""
    value = function()
    db.session.commit()
    return value


def log_in(url: str, email: str) -> requests.Session:
    session = requests.Session()
    session.post(f"{url}/account/login", data={"email": email, "password": PASSWORD,
                                               "csrf_token": csrf_token(session, f"{url}/account/login")})
    return session


def csrf_token(session: requests.Session, page_url: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', session.get(page_url).text).group(1)


def test_a_clock_override_on_one_process_reaches_clients_of_the_other(app, two_servers, watchers):
    slug, email = released(lambda: (lambda event: (event.slug, make_member(event, "organizer").email))(
        make_event("hacking")))
    server_a, server_b = two_servers
    on_a, on_b = watchers(server_a, slug), watchers(server_b, slug)

    session = log_in(server_a, email)
    response = session.post(f"{server_a}/e/{slug}/manage/clock/pause",
                            data={"csrf_token": csrf_token(session, f"{server_a}/e/{slug}/manage/")})
    assert response.status_code == 200 and "The clock is paused." in response.text
    for watcher in (on_a, on_b):
        assert watcher.wait_for(lambda name, payload: name == "clock" and payload["paused"])


def test_a_score_recorded_on_one_process_moves_the_board_on_the_other(app, two_servers, watchers):
    def setup():
        event = make_event("judging")
        criterion = make_criterion(event, name="Impact")
        judge = make_member(event, "judge")
        entry = make_submission(event, make_team(event, name="Owls"), title="Owl App")
        make_assignment(judge, entry)
        return event.slug, judge.email, entry.id, criterion.id

    slug, email, entry_id, criterion_id = released(setup)
    server_a, server_b = two_servers
    on_b = watchers(server_b, slug)
    session = log_in(server_a, email)
    page = f"{server_a}/e/{slug}/judging/entries/{entry_id}"
    response = session.post(page, data={f"c{criterion_id}": "7", "csrf_token": csrf_token(session, page)})
    assert response.status_code == 200 and "saved" in response.text
    # Process A held no board before this score, so it publishes the board whole, not a difference.
    [(_, board)] = on_b.wait_for(lambda name, payload: name == "leaderboard" and payload["rows"])
    assert [row["team"] for row in board["rows"]] == ["Owls"] and board["seq"] >= 1


def test_the_other_process_serves_the_new_board_from_memory_at_once(app, two_servers, watchers):
    def setup():
        event = make_event("judging", judges_per_entry=1)
        criterion = make_criterion(event, name="Impact")
        judge = make_member(event, "judge")
        entries = [make_submission(event, make_team(event, name=name), title=f"{name} App") for name in ("Owls", "Bees")]
        for entry in entries:
            make_assignment(judge, entry)
        return event.slug, judge.email, [entry.id for entry in entries], criterion.id

    slug, email, entry_ids, criterion_id = released(setup)
    server_a, server_b = two_servers
    api_b = f"{server_b}/api/v1/events/{slug}/leaderboard"
    assert requests.get(api_b).json()["rows"] == []  # process B now holds the empty board in memory
    on_b = watchers(server_b, slug)
    session = log_in(server_a, email)
    for entry_id, mark in zip(entry_ids, ("4", "9")):
        page = f"{server_a}/e/{slug}/judging/entries/{entry_id}"
        assert session.post(page, data={f"c{criterion_id}": mark, "csrf_token": csrf_token(session, page)}).ok
    pushed = on_b.wait_for(lambda name, payload: name.startswith("leaderboard") and payload["seq"] >= 2)
    seq = pushed[-1][1]["seq"]
    # B learns the board from A's publication on the queue: its API never serves an older one than its sockets got.
    deadline = time.monotonic() + 5
    while (body := requests.get(api_b).json())["seq"] < seq and time.monotonic() < deadline:
        time.sleep(0.02)
    assert body["seq"] >= seq and [row["team"] for row in body["rows"]] == ["Bees", "Owls"]
    assert requests.get(f"{server_a}/api/v1/events/{slug}/leaderboard").json() == body


def test_an_announcement_from_a_cli_process_reaches_both(app, environment, two_servers, watchers):
    slug = released(lambda: make_event().slug)
    on_a, on_b = (watchers(url, slug) for url in two_servers)
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "hackathon:create_app", "hackathon", "announce", slug,
         "Doors close at 22:00", "--level", "warning"],
        cwd=ROOT, env={**os.environ, **environment, "SOCKETIO_ASYNC_MODE": "gevent"},
        capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for watcher in (on_a, on_b):
        [(_, payload)] = watcher.wait_for(lambda name, payload: name == "announcement")
        assert payload["text"] == "Doors close at 22:00"


def test_a_scheduled_announcement_goes_out_once_though_every_process_has_a_ticker(app, two_servers, watchers):
    event = make_event()
    slug = released(lambda: event.slug)
    on_a, on_b = (watchers(url, slug) for url in two_servers)  # connecting starts each ticker
    released(lambda: make_announcement(event, "Lunch", publish_at=utcnow() + timedelta(seconds=1)).id)
    for watcher in (on_a, on_b):
        assert watcher.wait_for(lambda name, payload: name == "announcement", timeout=6)
    time.sleep(1.5)  # give a second publication every chance to show up
    for watcher in (on_a, on_b):
        assert len([1 for name, _ in watcher.events if name == "announcement"]) == 1


def test_removing_an_organizer_on_one_process_closes_their_rooms_on_the_other(app, two_servers, watchers):
    def setup():
        event = make_event("judging")
        criterion = make_criterion(event, name="Impact")
        keeper, leaving, judge = (make_member(event, role) for role in ("organizer", "organizer", "judge"))
        entry = make_submission(event, make_team(event, name="Owls"), title="Owl App")
        make_assignment(judge, entry)
        return (event.slug, keeper.email, leaving.email, leaving.memberships[0].id, judge.email, entry.id,
                criterion.id)

    slug, keeper, leaving, membership_id, judge, entry_id, criterion_id = released(setup)
    server_a, server_b = two_servers
    stays = watchers(server_b, slug, log_in(server_b, keeper))
    goes = watchers(server_b, slug, log_in(server_b, leaving), rejoins=False)  # a page that ignores nudges

    session = log_in(server_a, keeper)
    people = f"{server_a}/e/{slug}/manage/people"
    response = session.post(f"{people}/{membership_id}/remove", data={"csrf_token": csrf_token(session, people)})
    assert response.status_code == 200 and "no longer a organizer" in response.text
    assert stays.wait_for(lambda name, payload: name == "rejoined")

    scoring = log_in(server_a, judge)
    page = f"{server_a}/e/{slug}/judging/entries/{entry_id}"
    scoring.post(page, data={f"c{criterion_id}": "7", "csrf_token": csrf_token(scoring, page)})
    assert stays.wait_for(lambda name, payload: name == "judge_progress")
    assert [name for name, _ in goes.events if name == "judge_progress"] == []  # same process, same moment
