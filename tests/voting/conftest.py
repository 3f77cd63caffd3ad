"""A judging event with three gallery entries, ready for an audience vote."""
from types import SimpleNamespace

import pytest

from hackathon.live import board as leaderboard
from hackathon.voting import codes, services
from tests.factories import make_event, make_member, make_submission, make_team


@pytest.fixture
def contest(app):
    event = make_event("judging")
    participant = make_member(event, "participant")
    owls = make_submission(event, make_team(event, [participant], name="Owls"), title="Owl App")
    bees = make_submission(event, make_team(event, name="Bees"), title="Bee App")
    cats = make_submission(event, make_team(event, name="Cats"), title="Cat App")
    return SimpleNamespace(event=event, participant=participant, owls=owls, bees=bees, cats=cats)


@pytest.fixture
def voting(contest):
    """The contest with voting open and five codes."""
    services.open_voting(contest.event)
    contest.codes = codes.generate_codes(contest.event, 5, "Desk A")
    return contest


def reveal(event):
    """Run the leaderboard's ceremony to its end."""
    leaderboard.freeze(event)
    leaderboard.finish_reveal(event)
