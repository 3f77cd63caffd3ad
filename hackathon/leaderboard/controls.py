"""The organizer's controls of the public board: what it shows, freeze, and the reveal."""
from ..errors import DomainError
from ..extensions import db
from ..models import Event, LeaderboardState
from ..models.types import utcnow
from . import public, publisher
from .state import locked_state

MAX_TOP_N = 500


class LeaderboardError(DomainError):
    """The board can't do that now; the message says why."""


def update_display(event: Event, shows_scores: bool, top_n: int | None) -> None:
    """The organizer chooses what the public sees: scores or only ranks, and how many rows."""
    if top_n is not None and not 1 <= top_n <= MAX_TOP_N:
        raise LeaderboardError(f"Show 1 to {MAX_TOP_N} rows, or leave it empty for all.")
    state = locked_state(event)
    state.shows_scores, state.top_n = shows_scores, top_n
    _commit_and_publish(event)


def freeze(event: Event, at=None) -> None:
    """Freeze the public board now, or at a set time."""
    state = locked_state(event)
    if state.is_frozen(utcnow()):
        raise LeaderboardError("The board is already frozen.")
    state.freeze_at, state.reveal_step, state.revealed_at = at or utcnow(), None, None
    _commit_and_publish(event)


def unfreeze(event: Event) -> None:
    """Cancel a freeze before the reveal starts: the public board shows live results again."""
    state = locked_state(event)
    if state.reveal_step:
        raise LeaderboardError("The reveal has started; finish it (or step back to the start) first.")
    state.freeze_at = None
    _commit_and_publish(event)


def step_reveal(event: Event, direction: int) -> None:
    """Reveal the next entry from the bottom (+1), or take the last one back (-1)."""
    state = locked_state(event)
    if not state.is_frozen(utcnow()):
        raise LeaderboardError("Freeze the board before the reveal.")
    total = len(public.organizer_rows(event))
    step = (state.reveal_step or 0) + direction
    if not 0 <= step <= total:
        raise LeaderboardError("Nothing more to reveal." if direction > 0 else "Nothing to take back.")
    state.reveal_step = step
    _commit_and_publish(event)


def finish_reveal(event: Event) -> None:
    """End the ceremony: the final ranking becomes the public board."""
    state = locked_state(event)
    if not state.is_frozen(utcnow()):
        raise LeaderboardError("The board isn't frozen, so there is nothing to reveal.")
    state.revealed_at = utcnow()
    _commit_and_publish(event)


def publish_due_freezes(since, now) -> None:
    """Push the boards whose scheduled freeze fell in (since, now] whole, now marked frozen."""
    due = db.session.scalars(db.select(Event).join(LeaderboardState, LeaderboardState.event_id == Event.id).where(
        LeaderboardState.freeze_at > since, LeaderboardState.freeze_at <= now, LeaderboardState.revealed_at.is_(None)))
    for event in list(due):
        publisher.publish(event, whole=True)


def _commit_and_publish(event: Event) -> None:
    db.session.commit()
    publisher.publish(event, whole=True)
