"""The event mentoring tests share (hacking now) and short helpers to set the scene."""
import pytest

from tests.factories import make_event


@pytest.fixture
def event(app):
    return make_event("hacking")
