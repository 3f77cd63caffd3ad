"""The real services the tests need: PostgreSQL and Redis. Missing ones skip here, fail in CI."""
import os

import pytest

POSTGRES_ADMIN_URL = os.environ.get("TEST_POSTGRES_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
POSTGRES_TEST_DB = os.environ.get("TEST_POSTGRES_DB", "hackathon_test")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def services_required() -> bool:
    """`.ci/run` sets REQUIRE_SERVICES=1: there a missing service is a failure, not a skip."""
    return os.environ.get("REQUIRE_SERVICES") == "1"


def unavailable(reason: str):
    if services_required():
        pytest.fail(f"{reason} (REQUIRE_SERVICES=1, so this is a failure)", pytrace=False)
    pytest.skip(reason)


def postgres_url(database: str) -> str:
    """A SQLAlchemy URL for `database` on the test PostgreSQL, creating it when missing."""
    import psycopg

    try:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=3) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{database}"')
            # A throwaway database: don't wait for the disk on every commit.
            conn.execute(f'ALTER DATABASE "{database}" SET synchronous_commit = off')
    except psycopg.OperationalError as error:
        unavailable(f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL}: {error}".strip())
    base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    return f"{base}/{database}"


def recreate_postgres_database(database: str) -> str:
    """Drop and create `database`, for tests that need a truly empty one."""
    import psycopg

    postgres_url(database)  # skips or fails when PostgreSQL is missing
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{database}"')
    return postgres_url(database)


def redis_url() -> str:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        unavailable(f"Redis is not reachable at {REDIS_URL}: {error}")
    return REDIS_URL
