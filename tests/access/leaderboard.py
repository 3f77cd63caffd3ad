"""The public leaderboard and the organizer's board controls."""
from . import HIDDEN, Row, everyone, organizers_only

ROWS = [
    Row("GET", "/e/{slug}/leaderboard", everyone()),
    Row("GET", "/e/{draft_slug}/leaderboard", {"*": HIDDEN, "site_admin": everyone()["*"]}),
    Row("GET", "/api/v1/events/{slug}/leaderboard", everyone()),
    Row("GET", "/api/v1/events/{slug}/leaderboard?challenge=999999", everyone(HIDDEN)),
    Row("GET", "/e/{slug}/live/board", organizers_only()),
    Row("POST", "/e/{slug}/live/board/display", organizers_only(), {"shows_scores": "0", "top_n": "3"}),
    Row("POST", "/e/{slug}/live/board/freeze", organizers_only()),
    Row("POST", "/e/{slug}/live/board/unfreeze", organizers_only()),
    Row("POST", "/e/{slug}/live/board/next", organizers_only()),
    Row("POST", "/e/{slug}/live/board/mode", organizers_only(), {"reveal_mode": "ceremony"}),
]
