"""The public board of each event as this process last published or received it: ready bytes.

One `Published` per event holds every view's JSON text under one sequence number; the socket
snapshot on connect, the API and the page all send those same bytes. It is replaced whenever a
board is published (here, or in another process through `bus`), and rebuilt from the database
only when missing or when its `valid_until` (a scheduled freeze) has passed.
"""
import json
from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app

from ..models import Event
from ..models.types import utcnow
from . import bus, public
from .memory import memory
from .state import state_of


@dataclass
class Published:
    """Every view of one event's public board at one sequence number."""

    event_id: int
    slug: str
    is_public: bool  # the event is published, so anyone may read its board without further checks
    seq: int
    views: dict  # view key -> payload dict (with "seq")
    valid_until: datetime | None = None
    bodies: dict = field(default_factory=dict)  # view key -> JSON text

    def __post_init__(self):
        if not self.bodies:
            self.bodies = {view: encode(payload) for view, payload in self.views.items()}

    def is_fresh(self, now: datetime) -> bool:
        return self.valid_until is None or now < self.valid_until

    def body(self, view) -> str | None:
        """The JSON text of one view, or None if the board has no such view."""
        return self.bodies.get(view)


def encode(payload: dict) -> str:
    """A view's JSON text, compact, as every reader receives it."""
    return json.dumps(payload, separators=(",", ":"))


def make(event: Event, seq: int, board: public.PublicBoard) -> Published:
    """A `Published` of `board` under `seq`."""
    views = {view: {**payload, "seq": seq} for view, payload in board.views.items()}
    return Published(event.id, event.slug, event.is_published, seq, views, board.valid_until)


def store(published: Published) -> bool:
    """Keep `published` unless this process already holds a later one; True if kept."""
    kept = memory()
    with kept.lock:
        held = kept.published.get(published.event_id)
        if held is not None and held.seq > published.seq:
            return False
        if held is not None and held.slug != published.slug:
            kept.slugs.pop(held.slug, None)
        kept.published[published.event_id] = published
        kept.slugs[published.slug] = published.event_id
        return True


def peek(event_id: int) -> Published | None:
    """What this process holds for the event, fresh or not."""
    kept = memory()
    with kept.lock:
        return kept.published.get(event_id)


def public_by_slug(slug: str) -> Published | None:
    """The fresh board of a published event, straight from memory (no database), if held."""
    _listen()
    kept = memory()
    with kept.lock:
        held = kept.published.get(kept.slugs.get(slug, 0))
    return held if held is not None and held.is_public and held.is_fresh(utcnow()) else None


def current(event: Event) -> Published:
    """The event's board now: held if fresh, else built from the database (once, however many ask)."""
    _listen()
    held = peek(event.id)
    if held is not None and held.is_fresh(utcnow()) and held.slug == event.slug:
        return held
    with memory().builder(event.id):
        held = peek(event.id)
        if held is not None and held.is_fresh(utcnow()) and held.slug == event.slug:
            return held
        built = make(event, state_of(event).seq, public.build(event))
        store(built)
        return peek(event.id)


def drop_all() -> None:
    """Forget every board (the bus lost its connection and may have missed publications)."""
    kept = memory()
    with kept.lock:
        kept.published.clear()
        kept.slugs.clear()


def share(board: Published) -> None:
    """Send a publication to the other server processes."""
    bus.announce(current_app, {
        "event_id": board.event_id, "slug": board.slug, "is_public": board.is_public, "seq": board.seq,
        "valid_until": board.valid_until.isoformat() if board.valid_until else None,
        "bodies": [[view, body] for view, body in board.bodies.items()]})


def _receive(message: dict) -> None:
    bodies = {view: body for view, body in message["bodies"]}
    valid_until = datetime.fromisoformat(message["valid_until"]) if message["valid_until"] else None
    store(Published(message["event_id"], message["slug"], message["is_public"], message["seq"],
                    {view: json.loads(body) for view, body in bodies.items()}, valid_until, bodies))


def _listen() -> None:
    bus.listen_once(current_app._get_current_object(), _receive, drop_all)
