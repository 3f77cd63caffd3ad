"""The event the team rule tests share: hacking, teams of two to three."""
import pytest

from tests.factories import make_event


@pytest.fixture
def event(app):
    return make_event("hacking", team_size_min=2, team_size_max=3)
