"""Under gevent, each request lets the greenlets waiting to run take their turn before it answers."""
import gevent

from tests.conftest import build_app


def test_a_request_under_gevent_lets_waiting_greenlets_run_before_it_answers(_schema, tmp_path):
    app = build_app(_schema, tmp_path, SOCKETIO_ASYNC_MODE="gevent")
    turns = []
    gevent.spawn(turns.append, "the other connection")  # ready to run, waiting for a yield
    app.test_client().get("/healthz")
    assert turns == ["the other connection"]


def test_with_threads_nothing_is_added(_schema, tmp_path):
    app = build_app(_schema, tmp_path)  # threads are preempted by the interpreter
    turns = []
    waiting = gevent.spawn(turns.append, "never switched to")
    app.test_client().get("/healthz")
    assert turns == []
    waiting.kill()
