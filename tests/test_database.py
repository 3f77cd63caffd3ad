"""Reads never wait for writes: a GET reads while a writer holds SQLite's lock, and can't write."""
import threading
import time

import pytest
from sqlalchemy.exc import OperationalError

from hackathon.extensions import db
from hackathon.models import Event
from tests.conftest import BACKEND
from tests.concurrency import run_at_once
from tests.factories import make_event


def hold_a_write(app, event_id, started: threading.Event, release: threading.Event):
    """A POST that renames the event and keeps its transaction open until told."""
    with app.test_request_context(method="POST"):
        db.session.get(Event, event_id).name = "Renamed while you read"
        db.session.flush()  # the write lock is taken and held
        started.set()
        release.wait(10)
        db.session.commit()
        db.session.remove()


def test_a_read_does_not_wait_for_a_writer_holding_the_database(app, client):
    event = make_event("judging", name="Before")
    event_id, slug = event.id, event.slug
    db.session.commit()  # the test's own session lets go of the database
    started, release = threading.Event(), threading.Event()
    writer = threading.Thread(target=hold_a_write, args=(app, event_id, started, release))
    writer.start()
    try:
        assert started.wait(10)
        began = time.monotonic()
        response = client.get(f"/api/v1/events/{slug}/clock")
        waited = time.monotonic() - began
        assert response.status_code == 200
        assert waited < 2, f"the read waited {waited:.1f} s for the writer"  # the writer holds on for 10 s
        with app.test_request_context():
            assert db.session.get(Event, event_id).name == "Before"  # it read the last committed state
            db.session.remove()
    finally:
        release.set()
        writer.join(15)
    assert db.session.get(Event, event_id).name == "Renamed while you read"


@pytest.mark.skipif(BACKEND != "sqlite", reason="query_only is SQLite's; PostgreSQL reads never lock anyway")
def test_a_read_only_request_that_tries_to_write_fails_loudly(app):
    event = make_event("judging")
    db.session.commit()
    with app.test_request_context():
        db.session.get(Event, event.id).name = "Sneaky"
        with pytest.raises(OperationalError, match="readonly"):
            db.session.commit()
        db.session.rollback()
        db.session.remove()


def test_writers_of_one_process_take_turns(app):
    event_id = make_event("judging", name="0").id

    def add_one(_):
        with app.test_request_context(method="POST"):
            row = db.session.get(Event, event_id, with_for_update=True)
            row.name = str(int(row.name) + 1)
            db.session.commit()
            db.session.remove()

    assert run_at_once(app, add_one, list(range(20))) == [None] * 20
    assert db.session.get(Event, event_id).name == "20"
