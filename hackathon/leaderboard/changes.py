"""The difference between two versions of a board view, in the compact `leaderboard_update` shape.

A row whose only changes are its place, its score (as shown, to one decimal) or its tie mark is a
`move`: `[team_id, rank, score, tied]`. A row that is new to the view or whose words changed (team
or entry renamed, challenges, revealed) is sent whole in `rows`. Teams that left are `removed`.
docs/API.md documents the shape.
"""

MOVED_FIELDS = ("rank", "score", "tied_with_next")


def view_changes(before: dict, after: dict) -> dict:
    """`moves`, `rows` and `removed` turning view payload `before` into `after` (empty lists left out)."""
    old = {row["team_id"]: row for row in before["rows"]}
    moves, rows = [], []
    for row in after["rows"]:
        was = old.get(row["team_id"])
        if was == row:
            continue
        if was is not None and _same_words(was, row):
            moves.append([row["team_id"], row["rank"], row["score"], 1 if row.get("tied_with_next") else 0])
        else:
            rows.append(row)
    now = {row["team_id"] for row in after["rows"]}
    removed = [team_id for team_id in old if team_id not in now]
    return {name: value for name, value in (("moves", moves), ("rows", rows), ("removed", removed)) if value}


def same_frame(before: dict, after: dict) -> bool:
    """Whether only rows differ, so a difference can carry the change (else send the whole view)."""
    return all(before.get(name) == after.get(name)
               for name in ("frozen", "shows_scores", "reveal_step", "view", "ceremony", "final", "spotlight"))


def _same_words(was: dict, row: dict) -> bool:
    return all(was.get(name) == row.get(name) for name in row.keys() | was.keys() if name not in MOVED_FIELDS)
