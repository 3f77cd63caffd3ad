"""The organizer's board controls, with the people's choice results that wait for the reveal.

The leaderboard owns freeze and reveal; the people's choice winner is public only once voting has
closed and the reveal has ended, so the two steps that can change that also tell the voting side.
"""
from .. import leaderboard
from ..models import Event
from ..voting.results import announce_if_public, results_are_public, withdraw_results


def freeze(event: Event, at=None) -> None:
    """Freeze the public board (now or at `at`); a people's choice result already shown goes back into hiding."""
    was_public = results_are_public(event)
    leaderboard.freeze(event, at)
    if was_public:
        withdraw_results(event)


def finish_reveal(event: Event) -> None:
    """End the reveal; the people's choice result appears if voting has closed too."""
    leaderboard.finish_reveal(event)
    announce_if_public(event)


def step_reveal(event: Event, direction: int) -> None:
    """One step of the reveal; a ceremony's last step ends it (the people's choice appears with the
    final board), and a step back from there hides that result again."""
    was_public = results_are_public(event)
    leaderboard.step_reveal(event, direction)
    if results_are_public(event) and not was_public:
        announce_if_public(event)
    elif was_public and not results_are_public(event):
        withdraw_results(event)
