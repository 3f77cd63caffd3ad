"""Stopping a server during a burst of judges' scores on PostgreSQL never loses a score it answered:
not when its worker is killed outright (SIGKILL; gunicorn starts a new one), nor on a graceful stop
(SIGTERM). Clients connected when the worker died reconnect and hold the same board as the server."""
import itertools
import json
import os
import signal
import threading
import time
import uuid

import pytest
import requests
import socketio as socketio_client

from hackathon.extensions import db
from hackathon.models import Score, ScoreChange
from tests.conftest import BACKEND
from tests.live.test_several_processes import csrf_token, log_in
from tests.factories import make_assignment, make_criterion, make_event, make_member, make_submission, make_team
from tests.processes import ServerProcess
from tests.services import redis_url

pytestmark = pytest.mark.skipif(BACKEND != "postgresql", reason="runs in the PostgreSQL pass of the suite")
JUDGES, ENTRIES = 4, 20
KILL_AFTER = 12  # answered scores before the signal


def contest():
    event = make_event("judging", ranking_method="raw", judges_per_entry=JUDGES)
    criterion = make_criterion(event, name="Impact")
    judges = [make_member(event, "judge") for _ in range(JUDGES)]
    entries = [make_submission(event, make_team(event, name=f"Team {n}"), title=f"Entry {n}") for n in range(ENTRIES)]
    for judge, entry in itertools.product(judges, entries):
        make_assignment(judge, entry)
    values = event.slug, event.id, [(judge.id, judge.email) for judge in judges], [e.id for e in entries], criterion.id
    db.session.commit()
    return values


class Burst:
    """Each judge scores every entry once, in its own thread; records what the server answered."""

    def __init__(self, url, slug, judges, entries, criterion):
        self.url, self.slug, self.criterion = url, slug, criterion
        self.answered: list[tuple[int, int, int]] = []  # (judge id, entry id, mark) answered "saved"
        self.failed = 0
        self.lock = threading.Condition()
        # Each judge starts at another entry, so the requests cut short by the signal hit different entries.
        self.threads = [threading.Thread(target=self._judge, args=(judge_id, email, entries[n * 5:] + entries[:n * 5]),
                                         daemon=True) for n, (judge_id, email) in enumerate(judges)]

    def start(self):
        for thread in self.threads:
            thread.start()

    def wait_answered(self, count: int, timeout: float = 60) -> None:
        with self.lock:
            assert self.lock.wait_for(lambda: len(self.answered) >= count, timeout)

    def join(self):
        for thread in self.threads:
            thread.join(120)

    def _judge(self, judge_id: int, email: str, entries: list[int]) -> None:
        session = log_in(self.url, email)
        for entry_id in entries:
            mark = 1 + (judge_id * 7 + entry_id) % 10
            page = f"{self.url}/e/{self.slug}/judging/entries/{entry_id}"
            try:
                token = csrf_token(session, page)
                response = session.post(page, data={f"c{self.criterion}": str(mark), "csrf_token": token}, timeout=30)
                saved = response.status_code == 200 and "saved" in response.text
            except (requests.RequestException, AttributeError):  # the server went away mid-request
                saved = False
            with self.lock:
                if saved:
                    self.answered.append((judge_id, entry_id, mark))
                else:
                    self.failed += 1
                self.lock.notify_all()


class Watcher:
    """An audience client that reconnects on its own, recording every board it is sent."""

    def __init__(self, url: str, slug: str):
        self.boards: list[tuple[str, int, float]] = []
        self.changed = threading.Condition()
        self.client = socketio_client.Client(reconnection=True, reconnection_delay=0.2, reconnection_delay_max=1)
        for name in ("leaderboard", "leaderboard_update"):
            self.client.on(name, self._recorder(name), namespace="/live")
        self.client.connect(url, namespaces=["/live"], auth={"event": slug}, transports=["websocket"], wait_timeout=10)

    def _recorder(self, name):
        def record(payload):
            with self.changed:
                self.boards.append((name, payload["seq"], time.monotonic()))
                self.changed.notify_all()
        return record

    def wait_for(self, predicate, timeout: float = 30) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: predicate(self.boards), timeout)


def assert_every_answered_score_is_kept(answered, event_id, criterion_id):
    db.session.rollback()  # read what the servers committed
    scores = {(s.judge_id, s.submission_id): s for s in db.session.scalars(
        db.select(Score).where(Score.event_id == event_id))}
    changes = {(c.judge_id, c.submission_id): c for c in db.session.scalars(
        db.select(ScoreChange).where(ScoreChange.event_id == event_id))}
    for judge_id, entry_id, mark in answered:
        assert scores[(judge_id, entry_id)].values == {criterion_id: mark}
        assert json.loads(changes[(judge_id, entry_id)].new_values_json) == {str(criterion_id): mark}


@pytest.fixture
def environment(app, database_url):
    db.session.commit()
    return {"DATABASE_URL": database_url, "SECRET_KEY": "crash-safety", "SOCKETIO_MESSAGE_QUEUE": redis_url(),
            "SOCKETIO_CHANNEL": f"hackathon-test-{uuid.uuid4().hex}"}


def test_a_worker_killed_mid_burst_loses_no_answered_score_and_clients_resync(app, environment):
    slug, event_id, judges, entries, criterion = contest()
    server = ServerProcess(environment)
    try:
        url = server.wait_ready()
        watcher = Watcher(url, slug)
        burst = Burst(url, slug, judges, entries, criterion)
        burst.start()
        burst.wait_answered(KILL_AFTER)
        seen_before = max(seq for _, seq, _ in watcher.boards)
        killed_at = time.monotonic()
        os.kill(server.worker_pids[0], signal.SIGKILL)
        burst.join()
        assert len(server.worker_pids) == 2  # gunicorn started a new worker
        assert len(burst.answered) + burst.failed == JUDGES * ENTRIES
        assert len(burst.answered) > KILL_AFTER  # the new worker took the rest of the burst
        assert_every_answered_score_is_kept(burst.answered, event_id, criterion)

        final = requests.get(f"{url}/api/v1/events/{slug}/leaderboard").json()
        # After reconnecting, the watcher was sent the board whole, never older than what it had seen...
        assert watcher.wait_for(lambda boards: any(name == "leaderboard" and at > killed_at for name, _, at in boards))
        resynced = [seq for name, seq, at in watcher.boards if name == "leaderboard" and at > killed_at]
        assert resynced[0] >= seen_before
        # ...and then every change, up to the server's own board.
        assert watcher.wait_for(lambda boards: max(seq for _, seq, _ in boards) >= final["seq"])
        watcher.client.disconnect()
        fresh = requests.get(f"{url}/api/v1/events/{slug}/leaderboard").json()
        assert fresh == final and len(final["rows"]) == ENTRIES
    finally:
        server.stop()


def test_a_graceful_stop_mid_burst_answers_what_it_accepted_and_loses_nothing(app, environment):
    slug, event_id, judges, entries, criterion = contest()
    server = ServerProcess(environment)
    try:
        url = server.wait_ready()
        burst = Burst(url, slug, judges, entries, criterion)
        burst.start()
        burst.wait_answered(KILL_AFTER)
        server.process.send_signal(signal.SIGTERM)
        burst.join()
        assert server.process.wait(30) == 0
        assert_every_answered_score_is_kept(burst.answered, event_id, criterion)
        assert len(burst.answered) >= KILL_AFTER
    finally:
        if server.process.poll() is None:
            server.stop()
