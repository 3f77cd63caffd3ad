"""Voting codes: short one-vote codes organizers print and hand out at check-in.

A code is 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), printed as
ABCD-EFGH; 31^8 possibilities make guessing hopeless at the vote page's rate limit.
"""
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Event, VotingCode
from ..spreadsheets import records_csv
from .errors import CodeFromAnotherEvent, UnknownCode, VotingError

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
MAX_CODES_PER_BATCH = 1000
MAX_CODES_PER_EVENT = 20_000
MAX_LABEL_LENGTH = 80
_LOOKUP_CHUNK = 500


@dataclass
class Batch:
    label: str
    count: int
    used: int
    created_at: datetime


def normalize_code(raw: str | None) -> str:
    """What the attendee typed, without spaces or dashes, in capitals."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


def find_code(event: Event, raw: str | None) -> VotingCode:
    """The voting code typed for `event`; refuses malformed, unknown and other events' codes."""
    code = normalize_code(raw)
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        raise UnknownCode("That isn't a voting code: codes have 8 letters and digits, like ABCD-EFGH.")
    found = db.session.scalar(db.select(VotingCode).where(VotingCode.code == code))
    if found is None:
        raise UnknownCode("We don't know that code. Check it against your card and try again.")
    if found.event_id != event.id:
        raise CodeFromAnotherEvent("That code belongs to another event. Use the code you got at this event's check-in.")
    return found


def code_by_id(event: Event, code_id) -> VotingCode | None:
    """The code remembered for this visitor, if it still exists in this event."""
    if not isinstance(code_id, int):
        return None
    return db.session.scalar(db.select(VotingCode).where(VotingCode.id == code_id, VotingCode.event_id == event.id))


def generate_codes(event: Event, count: int, label: str = "") -> list[VotingCode]:
    """Create `count` fresh codes (1 to MAX_CODES_PER_BATCH per call) labelled as one batch."""
    if not isinstance(count, int) or not 1 <= count <= MAX_CODES_PER_BATCH:
        raise VotingError(f"Generate 1 to {MAX_CODES_PER_BATCH} codes at a time.", status=422)
    existing = db.session.scalar(db.select(db.func.count(VotingCode.id)).where(VotingCode.event_id == event.id))
    if existing + count > MAX_CODES_PER_EVENT:
        raise VotingError(f"An event can have at most {MAX_CODES_PER_EVENT} codes; "
                          f"{existing} exist already.", status=422)
    label = " ".join((label or "").split())[:MAX_LABEL_LENGTH]
    for _attempt in range(3):
        codes = [VotingCode(event_id=event.id, code=code, label=label) for code in _fresh_codes(count)]
        db.session.add_all(codes)
        try:
            db.session.commit()
            return codes
        except IntegrityError:  # another batch took one of these codes a moment ago
            db.session.rollback()
    raise VotingError("Could not generate unique codes just now. Try again.", status=503)


def _fresh_codes(count: int) -> set[str]:
    codes: set[str] = set()
    while len(codes) < count:
        wanted = {_random_code() for _ in range(count - len(codes))} - codes
        codes |= wanted - _taken(wanted)
    return codes


def _random_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _taken(codes: set[str]) -> set[str]:
    listed, taken = sorted(codes), set()
    for start in range(0, len(listed), _LOOKUP_CHUNK):
        taken |= set(db.session.scalars(db.select(VotingCode.code).where(
            VotingCode.code.in_(listed[start:start + _LOOKUP_CHUNK]))))
    return taken


def batches(event: Event) -> list[Batch]:
    """The event's codes grouped by label, newest batch first, with how many were used."""
    rows = db.session.execute(db.select(
        VotingCode.label, db.func.count(VotingCode.id), db.func.count(VotingCode.first_used_at),
        db.func.min(VotingCode.created_at)).where(VotingCode.event_id == event.id)
        .group_by(VotingCode.label).order_by(db.func.min(VotingCode.created_at).desc()))
    return [Batch(label, count, used, created) for label, count, used, created in rows]


def codes_csv(event: Event, label: str | None = None) -> str:
    """The event's codes (or one batch's) as CSV for printing; labels can't run as formulas."""
    query = db.select(VotingCode).where(VotingCode.event_id == event.id)
    if label is not None:
        query = query.where(VotingCode.label == label)
    return records_csv([{"code": code.display, "batch": code.label, "created_at": code.created_at.isoformat(),
                    "used": "yes" if code.first_used_at else "no"}
                   for code in db.session.scalars(query.order_by(VotingCode.created_at, VotingCode.id))])
