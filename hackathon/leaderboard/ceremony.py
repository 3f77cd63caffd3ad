"""The ceremony: an awards-night reveal of the public board.

An organizer chooses per event how the results come out (`LeaderboardState.reveal_mode`):
`freeze` keeps the frozen board up and re-orders it as the reveal steps through it; `ceremony`
turns the public board dark at the freeze: every public view (page, big screen, API, socket)
shows no rank, no score and no entry until it is revealed. Each step reveals the next entry from
the bottom of the final ranking (cut to the organizer's "rows shown") with its final place and
score, the winner last; revealing the winner ends the ceremony, and the final board stays up.
A step back takes the last entry back, even the winner's.

These are the rules only; `public.build` applies them to the rows and `controls` changes the state.
"""
from ..models import LeaderboardState

FREEZE, CEREMONY = "freeze", "ceremony"
REVEAL_MODES = (FREEZE, CEREMONY)


def is_ceremony(state: LeaderboardState) -> bool:
    return state.reveal_mode == CEREMONY


def is_dark(state: LeaderboardState, now) -> bool:
    """A ceremony is under way: the public sees only what has been revealed."""
    return is_ceremony(state) and state.is_frozen(now)


def stage(final_rows: list, top_n: int | None) -> list:
    """The rows the ceremony steps through: the final ranking as the public would see it."""
    return final_rows[:top_n] if top_n else final_rows


def revealed(staged: list, step: int | None) -> list:
    """The entries revealed after `step` steps: the bottom `step` rows, in rank order."""
    step = min(step or 0, len(staged))
    return staged[len(staged) - step:] if step else []


def progress(staged: list, step: int | None) -> dict:
    """What a public view says about the ceremony: how far it is, and whose reveal is newest."""
    shown = revealed(staged, step)
    return {"step": len(shown), "total": len(staged),
            "spotlight": shown[0].entry.team_id if shown else None}


def winner_spotlight(state: LeaderboardState, staged: list) -> int | None:
    """Once a ceremony has ended on its last step, its winner stays in the spotlight over the final board."""
    over = is_ceremony(state) and state.revealed_at is not None and staged and state.reveal_step == len(staged)
    return staged[0].entry.team_id if over else None
