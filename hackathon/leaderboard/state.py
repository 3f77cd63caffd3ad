"""The stored state of an event's public board: display choices, sequence number, freeze, reveal."""
from ..extensions import db
from ..models import Event, LeaderboardState


def state_of(event: Event) -> LeaderboardState:
    """The event's board state (defaults until an organizer changes something)."""
    return db.session.get(LeaderboardState, event.id) or _default(event)


def locked_state(event: Event) -> LeaderboardState:
    """The state row locked for a change (created on first use)."""
    state = db.session.get(LeaderboardState, event.id, with_for_update=True)
    if state is None:
        state = _default(event)
        db.session.add(state)
    return state


def next_seq(event_id: int) -> int:
    """Take the next sequence number of the event's board, in one atomic step, and commit."""
    if db.session.get(LeaderboardState, event_id) is None:
        db.session.add(LeaderboardState(event_id=event_id, seq=0, shows_scores=True))
        db.session.flush()
    seq = db.session.execute(db.update(LeaderboardState).where(LeaderboardState.event_id == event_id)
                             .values(seq=LeaderboardState.seq + 1).returning(LeaderboardState.seq)).scalar_one()
    db.session.commit()
    return seq


def _default(event: Event) -> LeaderboardState:
    return LeaderboardState(event_id=event.id, seq=0, shows_scores=True)
