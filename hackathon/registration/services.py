"""Registration rules: applying, organizers' decisions, confirming or giving up a seat, and the
form and settings organizers keep. Seat changes go through seats.py under its lock; every service
commits, then tells the people it moved (their registration page) and the organizers."""
from dataclasses import dataclass

from ..database import reads_only
from ..events.services import add_role, check_role_allowed, is_registration_open
from ..extensions import db
from ..models import Application, Event, Membership, Question, User
from ..models.membership import PARTICIPANT
from ..models.registration import (ACCEPTED, CONFIRMED, DECLINED, OPEN, SUBMITTED, WAITLISTED, WITHDRAWN,
                                   RegistrationSettings)
from ..models.types import utcnow
from ..realtime import rooms
from ..teams.queries import team_id_of
from . import announce, seats
from .answers import check_answers
from .errors import (AlreadyApplied, ApplicationsClosed, LeaveTeamFirst, NoApplication, NoSeatOffered,
                     NotUndoable, OfferExpired, RegistrationError)

DECISIONS = ("accept", "waitlist", "decline")
MAX_QUESTIONS = 40


@dataclass
class Decided:
    """What a bulk decision did: how many changed, and how many were left as they were (and why)."""

    changed: int = 0
    no_seat: int = 0
    skipped: int = 0


def questions_of(event: Event) -> list[Question]:
    """The event's application form, in order."""
    return list(db.session.scalars(db.select(Question).where(Question.event_id == event.id)
                                   .order_by(Question.position, Question.id)))


def application_of(user: User, event: Event) -> Application | None:
    if not user.is_authenticated:
        return None
    return db.session.scalar(db.select(Application).where(Application.event_id == event.id,
                                                          Application.user_id == user.id))


def apply(user: User, event: Event, sent: dict) -> Application:
    """Send an application. Open events seat it at once while seats last, then waitlist it;
    reviewed events keep it for the organizers. Refused after the registration cut-off."""
    if not is_registration_open(event):
        raise ApplicationsClosed(event)
    check_role_allowed(user, event, PARTICIPANT)
    answers = check_answers(questions_of(event), sent)
    settings, now, changes = seats.seat_lock(event), utcnow(), seats.Changes()
    application = _locked_application(user, event, missing_ok=True)
    if application is not None and application.status not in (WITHDRAWN,):
        raise AlreadyApplied()
    application = application or Application(event_id=event.id, user_id=user.id)
    application.answers, application.status, application.created_at = answers, SUBMITTED, now
    application.updated_at, application.waitlisted_at = now, None
    db.session.add(application)
    if settings.mode == OPEN:
        seats.settle(event, settings, now, changes)
        _seat_or_waitlist(application, user, event, settings, now)
    db.session.commit()
    _after(event, changes, application)
    if application.status == CONFIRMED:
        rooms.access_gained(user.id)
    return application


def _seat_or_waitlist(application: Application, user: User, event: Event, settings, now) -> None:
    if seats.has_free_seat(event, settings):
        seats.confirm_seat(application, now)
        add_role(user, event, PARTICIPANT)
    else:
        seats.put_on_waitlist(application, now)


def update_answers(user: User, event: Event, sent: dict) -> Application:
    """Change the answers of an application still waiting for a decision, until the cut-off."""
    if not is_registration_open(event):
        raise ApplicationsClosed(event)
    application = application_of(user, event)
    if application is None or application.status not in (SUBMITTED, WAITLISTED):
        raise NoApplication() if application is None else NotUndoable(application.status)
    application.answers = check_answers(questions_of(event), sent)
    application.updated_at = utcnow()
    db.session.commit()
    announce.applications_changed(event)
    return application


def decide(event: Event, application_ids: list[int], decision: str, by: User) -> Decided:
    """An organizer accepts, waitlists or declines applications (in bulk). Acceptances stop when
    the seats run out; confirmed people are left as they are."""
    if decision not in DECISIONS:
        raise RegistrationError("Choose accept, waitlist or decline.")
    settings, now, changes, result = seats.seat_lock(event), utcnow(), seats.Changes(), Decided()
    seats.settle(event, settings, now, changes)
    chosen = db.session.scalars(db.select(Application).where(
        Application.event_id == event.id, Application.id.in_(application_ids))
        .order_by(Application.created_at, Application.id).execution_options(populate_existing=True)).all()
    for application in chosen:
        held = application.holds_seat
        outcome = _decide_one(application, decision, event, settings, now, by)
        changes.freed += held and not application.holds_seat
        setattr(result, outcome, getattr(result, outcome) + 1)
        if outcome == "changed":
            changes.touch(application)
    db.session.flush()
    seats.settle(event, settings, now, changes)
    db.session.commit()
    _after(event, changes)
    return result


def _decide_one(application: Application, decision: str, event, settings, now, by: User) -> str:
    if application.status in (CONFIRMED, WITHDRAWN) or _same(application.status, decision):
        return "skipped"
    if decision == "accept":
        if not seats.has_free_seat(event, settings):
            return "no_seat"
        seats.offer_seat(application, settings, now, by.id)
    elif decision == "waitlist":
        seats.put_on_waitlist(application, now)
    else:
        application.status, application.offer_expires_at, application.updated_at = DECLINED, None, now
    application.decided_at, application.decided_by_id = now, by.id
    db.session.flush()
    return "changed"


def _same(status: str, decision: str) -> bool:
    return {"accept": ACCEPTED, "waitlist": WAITLISTED, "decline": DECLINED}[decision] == status


def confirm(user: User, event: Event) -> Application:
    """Take the seat offered, before its deadline: the applicant becomes a participant."""
    settings, now, changes = seats.seat_lock(event), utcnow(), seats.Changes()
    application = _locked_application(user, event)
    if application.status != ACCEPTED:
        seats.settle(event, settings, now, changes)
        db.session.commit()
        _after(event, changes)
        raise OfferExpired() if application.status == "expired" else NoSeatOffered(application.status)
    if application.offer_expires_at is not None and application.offer_expires_at <= now:
        seats.settle(event, settings, now, changes)
        db.session.commit()
        _after(event, changes)
        raise OfferExpired()
    seats.confirm_seat(application, now)
    add_role(user, event, PARTICIPANT)
    db.session.commit()
    _after(event, changes, application)
    rooms.access_gained(user.id)
    return application


def withdraw(user: User, event: Event) -> Application:
    """The applicant declines the seat offered, gives up a confirmed one, or withdraws; a seat
    freed passes at once to the first person on the waitlist."""
    settings, now, changes = seats.seat_lock(event), utcnow(), seats.Changes()
    application = _locked_application(user, event)
    if application.status not in (SUBMITTED, WAITLISTED, ACCEPTED, CONFIRMED):
        raise NotUndoable(application.status)
    was_participant = application.status == CONFIRMED
    if was_participant and team_id_of(user, event) is not None:
        raise LeaveTeamFirst()
    changes.freed += application.holds_seat
    application.status, application.offer_expires_at, application.updated_at = WITHDRAWN, None, now
    if was_participant:
        db.session.execute(db.delete(Membership).where(Membership.event_id == event.id,
                                                       Membership.user_id == user.id, Membership.role == PARTICIPANT))
    db.session.flush()
    seats.settle(event, settings, now, changes)
    db.session.commit()
    _after(event, changes, application)
    if was_participant:
        rooms.role_ended(event.id, user.id, PARTICIPANT)
    return application


def seat_invited(user: User, event: Event) -> None:
    """An invite link made `user` a participant: their application (made if missing) is confirmed,
    outside the capacity, so they get a check-in code too. The caller commits."""
    application = application_of(user, event)
    if application is None:
        application = Application(event_id=event.id, user_id=user.id, answers={}, source="invite")
        db.session.add(application)
    if application.status != CONFIRMED:
        seats.confirm_seat(application, utcnow())


def expire_offers(now=None) -> int:
    """Expire offers past their deadline in every event and pass the seats on (the ticker's job)."""
    now = now or utcnow()
    event_ids = set(db.session.scalars(db.select(Application.event_id).where(
        Application.status == ACCEPTED, Application.offer_expires_at <= now)))
    for event_id in sorted(event_ids):
        event = db.session.get(Event, event_id)
        settings, changes = seats.seat_lock(event), seats.Changes()
        seats.settle(event, settings, now, changes)
        db.session.commit()
        _after(event, changes)
    return len(event_ids)


def update_settings(event: Event, mode: str, capacity: int | None, confirm_hours: int,
                    hands_out_voting_codes: bool) -> RegistrationSettings:
    """Save how the event admits people; a larger capacity passes the new seats down the waitlist."""
    settings, now, changes = seats.seat_lock(event), utcnow(), seats.Changes()
    settings.mode, settings.capacity, settings.confirm_hours = mode, capacity, confirm_hours
    settings.hands_out_voting_codes = hands_out_voting_codes
    db.session.flush()
    seats.settle(event, settings, now, changes)
    db.session.commit()
    _after(event, changes)
    return settings


def add_question(event: Event, kind: str, label: str, help_text: str, is_required: bool, choices: str) -> Question:
    """Add a question (or an eligibility statement) at the end of the form."""
    existing = questions_of(event)
    if len(existing) >= MAX_QUESTIONS:
        raise RegistrationError(f"A form holds at most {MAX_QUESTIONS} questions.")
    if kind in ("one_choice", "several_choices") and len([c for c in choices.splitlines() if c.strip()]) < 2:
        raise RegistrationError("List at least two options, one per line.", )
    question = Question(event_id=event.id, kind=kind, label=label.strip(), help_text=help_text.strip(),
                        is_required=is_required or kind == "statement", choices=choices.strip(),
                        position=(existing[-1].position + 1) if existing else 0)
    db.session.add(question)
    db.session.commit()
    return question


def remove_question(question: Question) -> None:
    """Take a question off the form; answers already given stay in the applications."""
    db.session.delete(question)
    db.session.commit()


def _locked_application(user: User, event: Event, missing_ok: bool = False) -> Application | None:
    """The applicant's row read again after `seat_lock`, so no earlier copy in the session is trusted."""
    application = db.session.scalar(db.select(Application).where(
        Application.event_id == event.id, Application.user_id == user.id).execution_options(populate_existing=True))
    if application is None and not missing_ok:
        raise NoApplication()
    return application


def _after(event: Event, changes: seats.Changes, application: Application | None = None) -> None:
    """After the commit: tell everyone moved (and everyone behind them in line), then the organizers."""
    user_ids = set(changes.user_ids) | ({application.user_id} if application is not None else set())
    with reads_only():  # the pushes only read: they never wait for, nor hold, the write lock
        if changes.waitlist_moved or (application is not None and application.status in (WAITLISTED, WITHDRAWN)):
            user_ids |= seats.waitlisted_user_ids(event)
        announce.standings_changed(event, user_ids)
        announce.applications_changed(event)
        db.session.commit()
