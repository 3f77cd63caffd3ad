"""Check-in at the door: find a confirmed participant by their personal code (or by name) and
record their arrival once; a second scan says when they arrived and who let them in."""
from dataclasses import dataclass
from datetime import datetime

from ..errors import DomainError
from ..extensions import db
from ..models import Application, Event, User, VotingCode
from ..models.registration import CHECKIN_ALPHABET, CHECKIN_CODE_LENGTH, CONFIRMED
from ..models.types import utcnow
from ..models.user import name_or_email_contains
from ..registration import announce, seats

MAX_RESULTS = 25


class CheckinError(DomainError):
    """The person can't be checked in; the message says why."""


class UnknownCheckinCode(CheckinError):
    status = 422

    def __init__(self):
        super().__init__("No confirmed participant of this event has that code. Check it, or search by name.")


class NotHere(CheckinError):
    status = 404

    def __init__(self):
        super().__init__("There is no such application in this event.")


class NotConfirmed(CheckinError):
    def __init__(self, status: str):
        super().__init__(f"This person's application is {status}, not confirmed: they have no seat.")


@dataclass
class Arrival:
    """The outcome shown at the desk: who, when, and whether this scan was the first."""

    name: str
    checked_in_at: datetime
    checked_in_by: str
    is_new: bool
    voting_code: str = ""


def normalize_code(raw: str | None) -> str:
    """What was typed or scanned, in capitals, without spaces or dashes."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


def find_by_code(event: Event, raw: str | None) -> Application:
    """The application behind a typed or scanned code, in this event only."""
    code = normalize_code(raw)
    if len(code) != CHECKIN_CODE_LENGTH or any(ch not in CHECKIN_ALPHABET for ch in code):
        raise UnknownCheckinCode()
    application = db.session.scalar(db.select(Application).where(
        Application.event_id == event.id, Application.checkin_code == code))
    if application is None:
        raise UnknownCheckinCode()
    return application


def find_application(event: Event, application_id: int) -> Application:
    application = db.session.scalar(db.select(Application).where(
        Application.event_id == event.id, Application.id == application_id))
    if application is None:
        raise NotHere()
    return application


def search(event: Event, text: str) -> list[tuple[Application, User]]:
    """Confirmed participants whose name or e-mail contains `text`, by name."""
    text = (text or "").strip().lower()[:80]
    if len(text) < 2:
        return []
    return list(db.session.execute(db.select(Application, User).join(User, User.id == Application.user_id).where(
        Application.event_id == event.id, Application.status == CONFIRMED, name_or_email_contains(text))
        .order_by(db.func.lower(User.display_name)).limit(MAX_RESULTS)).all())


def check_in(event: Event, application: Application, by: User) -> Arrival:
    """Record the arrival once (one conditional UPDATE, so two desks scanning at once record one),
    handing out a voting code when the event does so."""
    if application.status != CONFIRMED:
        raise NotConfirmed(application.status)
    settings, now = seats.seat_lock(event), utcnow()
    done = db.session.execute(db.update(Application).where(
        Application.id == application.id, Application.checked_in_at.is_(None), Application.status == CONFIRMED
    ).values(checked_in_at=now, checked_in_by_id=by.id).execution_options(synchronize_session=False)).rowcount == 1
    if done and settings.hands_out_voting_codes:
        _hand_out_voting_code(event, application.id)
    db.session.commit()
    db.session.refresh(application)
    if done:
        announce.checked_in(event)
        announce.standings_changed(event, {application.user_id})
    return _arrival(application, done)


def _hand_out_voting_code(event: Event, application_id: int) -> None:
    handed = db.select(Application.voting_code_id).where(Application.voting_code_id.is_not(None))
    code_id = db.session.scalar(db.select(VotingCode.id).where(
        VotingCode.event_id == event.id, VotingCode.first_used_at.is_(None), VotingCode.id.not_in(handed))
        .order_by(VotingCode.id).limit(1))
    if code_id is not None:
        db.session.execute(db.update(Application).where(Application.id == application_id)
                           .values(voting_code_id=code_id).execution_options(synchronize_session=False))


def _arrival(application: Application, is_new: bool) -> Arrival:
    by = application.checked_in_by.display_name if application.checked_in_by else "a removed account"
    return Arrival(name=application.user.display_name, checked_in_at=application.checked_in_at, checked_in_by=by,
                   is_new=is_new, voting_code=application.voting_code.display if application.voting_code else "")
