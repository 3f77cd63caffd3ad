"""A board kept the way a browser keeps it: snapshots replace it, updates are applied in order."""
from hackathon import leaderboard


class ReplayedBoard:
    """Applies `leaderboard` and `leaderboard_update` payloads exactly as static/js/leaderboard.js does."""

    def __init__(self, snapshot: dict):
        self.replace(snapshot)

    def replace(self, payload: dict) -> None:
        self.seq, self.frozen = payload["seq"], payload["frozen"]
        self.rows = {row["team_id"]: dict(row) for row in payload["rows"]}

    def update(self, payload: dict) -> None:
        assert payload["seq"] == self.seq + 1, f"gap: had {self.seq}, got {payload['seq']}"
        self.seq = payload["seq"]
        for row in payload.get("rows", []):
            self.rows[row["team_id"]] = dict(row)
        for team_id, rank, score, tied in payload.get("moves", []):
            row = self.rows[team_id]
            row.update(rank=rank, score=score)
            row.pop("tied_with_next", None)
            if tied:
                row["tied_with_next"] = True
        for team_id in payload.get("removed", []):
            del self.rows[team_id]

    def apply(self, messages) -> "ReplayedBoard":
        """Apply a socket's received messages (other events are skipped)."""
        for message in messages:
            if message["name"] == "leaderboard":
                self.replace(message["args"][0])
            elif message["name"] == "leaderboard_update":
                self.update(message["args"][0])
        return self

    def ordered(self) -> list[dict]:
        return sorted(self.rows.values(), key=lambda row: row["rank"])


def public_view(event, view=None) -> dict:
    """The view as this process publishes it now."""
    return leaderboard.current(event).views[view]
