"""The schema only changes through migrations: an empty database upgraded through every revision
must match the models exactly."""
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade

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
