"""The schema only changes through migrations: an empty database upgraded through every revision
must match the models exactly."""
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import text

from hackathon.extensions import db
from tests.conftest import BACKEND, build_app
from tests.services import POSTGRES_TEST_DB, recreate_postgres_database


@pytest.fixture
def empty_database_url(tmp_path):
    if BACKEND == "postgresql":
        return recreate_postgres_database(f"{POSTGRES_TEST_DB}_migrations")
    return f"sqlite:///{tmp_path / 'migrations.db'}"


def test_upgrading_an_empty_database_matches_the_models(empty_database_url, tmp_path):
    app = build_app(empty_database_url, tmp_path)
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
        db.engine.dispose()
    assert differences == [], "models changed without a migration: run `flask db migrate`"


def test_upgrading_keeps_rows_and_every_existing_log_in(empty_database_url, tmp_path):
    """Log-ins made before sessions moved to their own table stay valid, and no migration step
    loses rows that cascade from a table it alters (SQLite's batch mode would drop and copy it)."""
    app = build_app(empty_database_url, tmp_path)
    with app.app_context():
        upgrade(revision="810319269fc3")
        with db.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO \"user\" (id, email, display_name, password_hash, session_token, is_site_admin, bio,"
                " organization, created_at) VALUES (7, 'ada@example.org', 'Ada', 'x', 'the-old-token', false, '',"
                " '', '2026-01-01 00:00:00')"))
            connection.execute(text(
                "INSERT INTO event (id, slug, name, tagline, description, venue, online_url, timezone, team_size_min,"
                " team_size_max, is_published, judges_per_entry, ranking_method, registration_opens_at,"
                " registration_closes_at, hacking_starts_at, submissions_due_at, judging_ends_at, results_at,"
                " created_at) VALUES (3, 'hack', 'Hack', '', '', '', '', 'UTC', 1, 4, true, 3, 'raw',"
                " '2026-01-01 00:00:00', '2026-01-02 00:00:00', '2026-01-03 00:00:00', '2026-01-04 00:00:00',"
                " '2026-01-05 00:00:00', '2026-01-06 00:00:00', '2026-01-01 00:00:00')"))
            connection.execute(text("INSERT INTO membership (user_id, event_id, role, created_at)"
                                    " VALUES (7, 3, 'organizer', '2026-01-01 00:00:00')"))
        upgrade()
        with db.engine.connect() as connection:
            sessions = connection.execute(text("SELECT user_id, token FROM login_session")).all()
            memberships = connection.execute(text("SELECT count(*) FROM membership")).scalar()
        db.engine.dispose()
    assert [tuple(row) for row in sessions] == [(7, "the-old-token")] and memberships == 1


def test_the_volunteer_role_is_admitted_and_invites_keep_their_memberships(empty_database_url, tmp_path):
    """Widening the role checks (no table rebuild on SQLite) keeps every membership's invite."""
    app = build_app(empty_database_url, tmp_path)
    with app.app_context():
        upgrade(revision="3245bc18e18d")
        with db.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO \"user\" (id, email, display_name, password_hash, is_site_admin, bio,"
                " organization, created_at) VALUES (7, 'ada@example.org', 'Ada', 'x', false, '', '',"
                " '2026-01-01 00:00:00')"))
            connection.execute(text(
                "INSERT INTO event (id, slug, name, tagline, description, venue, online_url, timezone, team_size_min,"
                " team_size_max, is_published, judges_per_entry, ranking_method, image_hosts, registration_opens_at,"
                " registration_closes_at, hacking_starts_at, submissions_due_at, judging_ends_at, results_at,"
                " created_at) VALUES (3, 'hack', 'Hack', '', '', '', '', 'UTC', 1, 4, true, 3, 'raw', '',"
                " '2026-01-01 00:00:00', '2026-01-02 00:00:00', '2026-01-03 00:00:00', '2026-01-04 00:00:00',"
                " '2026-01-05 00:00:00', '2026-01-06 00:00:00', '2026-01-01 00:00:00')"))
            connection.execute(text(
                "INSERT INTO invite (id, event_id, role, token, label, max_uses, uses, created_at)"
                " VALUES (5, 3, 'judge', 'tok', '', 1, 1, '2026-01-01 00:00:00')"))
            connection.execute(text("INSERT INTO membership (user_id, event_id, role, invite_id, created_at)"
                                    " VALUES (7, 3, 'judge', 5, '2026-01-01 00:00:00')"))
        upgrade()
        with db.engine.begin() as connection:
            connection.execute(text("INSERT INTO membership (user_id, event_id, role, created_at)"
                                    " VALUES (7, 3, 'volunteer', '2026-01-01 00:00:00')"))
            invites = connection.execute(text("SELECT invite_id FROM membership WHERE role = 'judge'")).scalar()
        db.engine.dispose()
    assert invites == 5
