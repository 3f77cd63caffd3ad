"""What an event's page shows once it is over: the final board, each challenge's winner, the
people's choice and the gallery. Everything comes from what the public may already see (the
published board and the public people's choice), so nothing hidden by a freeze or a ceremony
shows here before it shows on the leaderboard."""
from dataclasses import dataclass, field

from .. import leaderboard
from ..challenges.services import visible_challenges
from ..models import Event
from ..schedule import CLOSED, RESULTS
from ..submissions.listing import gallery_entries
from ..voting.results import public_winners

OVER_PHASES = (RESULTS, CLOSED)


@dataclass
class EventResults:
    board: list  # the public overall board's rows (payload dicts)
    shows_scores: bool
    challenge_winners: list = field(default_factory=list)  # (challenge title, [rows ranked first])
    peoples_choice: list = field(default_factory=list)
    entries: int = 0

    @property
    def has_board(self) -> bool:
        return bool(self.board)


def event_results(event: Event) -> EventResults | None:
    """The results of an event whose results are out (None before that)."""
    if event.clock().phase not in OVER_PHASES:
        return None
    published = leaderboard.current(event)
    overall = published.views[None]
    if overall.get("frozen"):  # a freeze or a ceremony still hides the final ranking
        return EventResults([], overall["shows_scores"], entries=len(gallery_entries(event)))
    winners = []
    for challenge in visible_challenges(event, False):
        view = published.views.get(challenge.id)
        top = [row for row in (view or {}).get("rows", []) if row["rank"] == 1]
        if top:
            winners.append((challenge.title, top))
    return EventResults(overall["rows"], overall["shows_scores"], winners, public_winners(event),
                        len(gallery_entries(event)))
