"""The leaderboard: the one home of rankings kept per process, the public board and its pushes.

    services (scores, submissions, judging, challenges, events)
        │ after their commit: updates.score_recorded / inputs_changed / event_changed
        ▼
    ranking (kept per process, from inputs) ─► public (views, freeze, reveal) ─► publisher
        │                                                                        │ seq, differences
        ▼                                                                        ▼
    emitters.ranking_changed (organizers)      published (ready bytes) ◄─► bus (other processes)
                                                    ▲
                            socket snapshot, API and page read these bytes

It depends on the pure scoring module, the models and the emitters, and never calls back.
"""
from .ceremony import CEREMONY, FREEZE, REVEAL_MODES
from .controls import (MAX_TOP_N, BoardPanel, LeaderboardError, board_panel, choose_reveal_mode, finish_reveal, freeze,
                       publish_due_freezes, step_reveal, unfreeze, update_display)
from .public import organizer_rows
from .published import Published, current, public_by_slug
from .rankings import current_ranking, ranking
from .state import state_of
from .updates import entry_changed, event_changed, inputs_changed, score_recorded

__all__ = ["CEREMONY", "FREEZE", "REVEAL_MODES", "BoardPanel", "board_panel", "choose_reveal_mode",
           "MAX_TOP_N", "LeaderboardError", "Published", "current", "current_ranking", "entry_changed", "event_changed",
           "finish_reveal", "freeze", "inputs_changed", "organizer_rows", "public_by_slug",
           "publish_due_freezes", "ranking", "score_recorded", "state_of", "step_reveal", "unfreeze",
           "update_display"]
