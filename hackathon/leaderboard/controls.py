"""The organizer's controls of the public board: what it shows, freeze, and the reveal (a
re-ordering of the frozen board, or a ceremony: `ceremony.py`)."""
from dataclasses import dataclass
from datetime import datetime

from ..errors import DomainError
from ..extensions import db
from ..models import Event, LeaderboardState
from ..models.types import utcnow
from . import ceremony, public, publisher
from .state import locked_state, state_of

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


def choose_reveal_mode(event: Event, mode: str) -> None:
    """Freeze (the frozen board stays up) or ceremony (it goes dark), chosen while the board is live."""
    if mode not in ceremony.REVEAL_MODES:
        raise LeaderboardError("Choose a freeze or a ceremony.")
    state = locked_state(event)
    if state.is_frozen(utcnow()):
        raise LeaderboardError("The board is frozen: finish the reveal (or unfreeze) before changing how it ends.")
    state.reveal_mode = mode
    _commit_and_publish(event)


def step_reveal(event: Event, direction: int) -> None:
    """Reveal the next entry from the bottom (+1), or take the last one back (-1)."""
    state = locked_state(event)
    if ceremony.is_ceremony(state):
        _step_ceremony(event, state, direction)
        return
    if not state.is_frozen(utcnow()):
        raise LeaderboardError("Freeze the board before the reveal.")
    total = len(public.organizer_rows(event))
    step = (state.reveal_step or 0) + direction
    if not 0 <= step <= total:
        raise LeaderboardError("Nothing more to reveal." if direction > 0 else "Nothing to take back.")
    state.reveal_step = step
    _commit_and_publish(event)


def finish_reveal(event: Event) -> None:
    """End the reveal: the final ranking becomes the public board (a ceremony reveals all that is left)."""
    state = locked_state(event)
    if not state.is_frozen(utcnow()):
        raise LeaderboardError("The board isn't frozen, so there is nothing to reveal.")
    if ceremony.is_ceremony(state):
        state.reveal_step = len(_staged(event, state))
    state.revealed_at = utcnow()
    _commit_and_publish(event)


def _step_ceremony(event: Event, state: LeaderboardState, direction: int) -> None:
    """One step of a ceremony; revealing the winner ends it, and a step back from the end re-opens it."""
    total = len(_staged(event, state))
    ended = state.revealed_at is not None and state.freeze_at is not None and state.reveal_step == total
    if ended and direction > 0:
        raise LeaderboardError("The ceremony is over: every entry is revealed.")
    if not state.is_frozen(utcnow()) and not ended:
        raise LeaderboardError("Start the ceremony before revealing entries.")
    step = (state.reveal_step or 0) + direction
    if not 0 <= step <= total:
        raise LeaderboardError("Every entry is revealed." if direction > 0 else "Nothing to take back.")
    state.reveal_step = step
    state.revealed_at = utcnow() if step == total else None
    _commit_and_publish(event)


def _staged(event: Event, state: LeaderboardState) -> list:
    rows = public.organizer_rows(event)
    return ceremony.stage(rows, state.top_n) if ceremony.is_ceremony(state) else rows


@dataclass(frozen=True)
class BoardPanel:
    """What the organizer's board page shows and offers, as named facts."""

    mode: str
    is_frozen: bool
    freeze_scheduled_at: datetime | None  # a freeze (or a ceremony's start) still to come
    step: int
    total: int
    next_up: public.BoardRow | None  # who the next step reveals (organizers only)
    is_over: bool  # the final ranking is public
    can_choose_mode: bool
    can_unfreeze: bool
    can_step_forward: bool
    can_step_back: bool

    @property
    def is_ceremony(self) -> bool:
        return self.mode == ceremony.CEREMONY


def board_panel(event: Event) -> BoardPanel:
    """The organizer's view of the freeze and the reveal."""
    state, now = state_of(event), utcnow()
    staged = _staged(event, state)
    frozen, step, total = state.is_frozen(now), min(state.reveal_step or 0, len(staged)), len(staged)
    is_over = state.revealed_at is not None
    ended_ceremony = is_over and ceremony.is_ceremony(state) and state.reveal_step == total and total > 0
    return BoardPanel(
        mode=state.reveal_mode or ceremony.FREEZE, is_frozen=frozen,
        freeze_scheduled_at=state.freeze_at if state.freeze_at and state.freeze_at > now and not is_over else None,
        step=step, total=total, next_up=staged[total - step - 1] if frozen and step < total else None,
        is_over=is_over, can_choose_mode=not frozen, can_unfreeze=frozen and not state.reveal_step,
        can_step_forward=frozen and step < total, can_step_back=(frozen and step > 0) or ended_ceremony)


def publish_due_freezes(since, now) -> None:
    """Push the boards whose scheduled freeze fell in (since, now] whole, now marked frozen."""
    due = db.session.scalars(db.select(Event).join(LeaderboardState, LeaderboardState.event_id == Event.id).where(
        LeaderboardState.freeze_at > since, LeaderboardState.freeze_at <= now, LeaderboardState.revealed_at.is_(None)))
    for event in list(due):
        publisher.publish(event, whole=True)


def _commit_and_publish(event: Event) -> None:
    db.session.commit()
    publisher.publish(event, whole=True)
