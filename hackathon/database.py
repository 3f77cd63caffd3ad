"""Engine settings that SQLAlchemy URLs cannot express: SQLite's pragmas, and reads that never wait.

SQLite allows one writer at a time. A transaction that may write begins `IMMEDIATE`, taking the
write lock up front, so check-then-write rules cannot race; writers of one process queue on a
cooperative lock first (a greenlet must never sleep inside SQLite's busy handler while another
greenlet of the same process holds the lock). A transaction that only reads (an HTTP GET, a live
channel snapshot: see `reads_only`) begins deferred on its own pooled connection with
`query_only` on: WAL lets it read while someone writes, and a read path that tried to write would
fail loudly in the tests instead of racing in production.
"""
import threading
from contextlib import contextmanager
from contextvars import ContextVar

from flask import has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
WRITE_LOCK_TIMEOUT = 30  # seconds, as long as a pooled connection is waited for
# True or False: what the code running now declared (`reads_only`, `writes`); None: by the request.
_reading: ContextVar[bool | None] = ContextVar("reading", default=None)


class WriterTimeout(RuntimeError):
    """Another writer of this process held the database for too long."""


def reads_only():
    """Run the block's transactions as reads (a live channel handler that only reads)."""
    return _declared(reading=True)


def writes():
    """Run the block's transactions as writes, even inside `reads_only` or a GET request."""
    return _declared(reading=False)


@contextmanager
def _declared(reading: bool):
    token = _reading.set(reading)
    try:
        yield
    finally:
        _reading.reset(token)


def is_reading() -> bool:
    """Whether transactions begun now only read: HTTP GET/HEAD/OPTIONS, or inside `reads_only`."""
    declared = _reading.get()
    if declared is not None:
        return declared
    return has_request_context() and request.method in SAFE_METHODS and getattr(request, "sid", None) is None


def configure_sqlite(engine: Engine) -> None:
    """Turn on WAL, foreign keys and a busy timeout, and split SQLite transactions into reads and writes."""
    if engine.dialect.name != "sqlite":
        return
    write_lock = threading.Lock()

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        # Let SQLAlchemy issue BEGIN itself, so BEGIN IMMEDIATE below takes the write lock.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL, and far fewer fsyncs
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        if is_reading():
            _set_query_only(connection, True)
            connection.exec_driver_sql("BEGIN")
            return
        if not write_lock.acquire(timeout=WRITE_LOCK_TIMEOUT):
            raise WriterTimeout("The database stayed busy; try again in a moment.")
        connection.info["holds_write_lock"] = True
        try:
            _set_query_only(connection, False)
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            _release(connection.info)
            raise

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def on_end(connection):
        _release(connection.info)

    @event.listens_for(engine.pool, "checkin")
    def on_checkin(_dbapi_connection, record):
        _release(record.info)  # a connection given back mid-transaction must not keep the lock

    def _release(info: dict) -> None:
        if info.pop("holds_write_lock", False):
            write_lock.release()


def _set_query_only(connection, on: bool) -> None:
    if connection.info.get("query_only", False) != on:
        connection.exec_driver_sql(f"PRAGMA query_only={'ON' if on else 'OFF'}")
        connection.info["query_only"] = on
