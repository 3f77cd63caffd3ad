"""The public leaderboard's state per event: what it shows, its sequence number, freeze and reveal."""
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime


class LeaderboardState(db.Model):
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    # Raised by one for every update pushed, so a client that sees a gap knows to resync.
    seq: Mapped[int] = mapped_column(default=0)
    shows_scores: Mapped[bool] = mapped_column(default=True)
    top_n: Mapped[int | None]
    # From this moment the public board stops changing until the reveal ends.
    freeze_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # During the reveal: how many entries, from the bottom, show their final place.
    reveal_step: Mapped[int | None]
    revealed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # "freeze": the frozen board stays up and the reveal re-orders it; "ceremony": the board goes
    # dark at the freeze and entries appear one at a time from the bottom (leaderboard/ceremony.py).
    reveal_mode: Mapped[str] = mapped_column(String(16), default="freeze", server_default="freeze")

    def is_frozen(self, now: datetime) -> bool:
        return self.freeze_at is not None and self.freeze_at <= now and self.revealed_at is None
