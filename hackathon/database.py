"""Engine settings that SQLAlchemy URLs cannot express."""
from sqlalchemy import event
from sqlalchemy.engine import Engine


def configure_sqlite(engine: Engine) -> None:
    """Turn on WAL, foreign keys and a busy timeout for every SQLite connection."""
    if engine.dialect.name != "sqlite":
        return

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
        # Writers queue for the lock up front instead of failing on upgrade mid-transaction.
        connection.exec_driver_sql("BEGIN IMMEDIATE")
