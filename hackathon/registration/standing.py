"""Where an applicant stands, in words: what the registration page shows and what is pushed to it."""
from dataclasses import dataclass
from datetime import datetime

from ..events.services import is_registration_open
from ..extensions import db
from ..models import Application, Event, Membership, Question, User
from ..models.registration import (ACCEPTED, CONFIRMED, DECLINED, EXPIRED, STATUSES, SUBMITTED, WAITLISTED,
                                   WITHDRAWN)
from . import seats

HEADLINES = {
    SUBMITTED: "Application submitted: the organizers will decide soon.",
    ACCEPTED: "Accepted! Confirm your seat before the deadline.",
    WAITLISTED: "On the waitlist.",
    DECLINED: "Not accepted this time.",
    CONFIRMED: "Confirmed: you have a seat.",
    WITHDRAWN: "Withdrawn: you gave up your place.",
    EXPIRED: "Your offer expired: the seat went to the next person.",
}
STATUS_LABELS = {status: status.capitalize() for status in STATUSES}


@dataclass
class Standing:
    """An application's state with the flags the page needs (templates decide nothing)."""

    status: str
    headline: str
    position: int | None
    confirm_by: datetime | None
    checked_in_at: datetime | None
    checkin_code: str
    can_confirm: bool
    can_withdraw: bool
    can_edit: bool
    can_apply_again: bool

    @property
    def shown_status(self) -> str:
        return "checked in" if self.checked_in_at else self.status


def standing_of(application: Application) -> Standing:
    status = application.status
    return Standing(
        status=status, headline="Checked in: welcome!" if application.checked_in_at else HEADLINES[status],
        position=seats.waitlist_position(application),
        confirm_by=application.offer_expires_at if status == ACCEPTED else None,
        checked_in_at=application.checked_in_at,
        checkin_code=application.checkin_display if status == CONFIRMED else "",
        can_confirm=status == ACCEPTED,
        can_withdraw=status in (SUBMITTED, WAITLISTED, ACCEPTED, CONFIRMED) and not application.checked_in_at,
        can_edit=status in (SUBMITTED, WAITLISTED),
        can_apply_again=status == WITHDRAWN)


def payload(event: Event, application: Application) -> dict:
    """What the live channel tells the applicant's open page."""
    standing = standing_of(application)
    return {"event": event.slug, "status": standing.shown_status, "headline": standing.headline,
            "position": standing.position,
            "confirm_by_ms": int(standing.confirm_by.timestamp() * 1000) if standing.confirm_by else None}


def applications_for(event: Event, user_ids: set[int]) -> list[Application]:
    if not user_ids:
        return []
    return list(db.session.scalars(db.select(Application).where(
        Application.event_id == event.id, Application.user_id.in_(sorted(user_ids)))))


@dataclass
class Offer:
    """What the event page offers a visitor about registration (named flags for the template)."""

    can_join_at_once: bool = False   # one click: no questions to answer
    can_apply: bool = False          # a form to fill in
    has_application: bool = False
    sign_up_first: bool = False
    is_open: bool = False


def offer_for(user: User, event: Event) -> Offer:
    """Whether to offer joining, applying, or a link to the visitor's registration page."""
    from_form = bool(db.session.scalar(db.select(Question.id).where(Question.event_id == event.id).limit(1)))
    is_open = is_registration_open(event)
    if not user.is_authenticated:
        return Offer(sign_up_first=is_open, is_open=is_open)
    application = db.session.scalar(db.select(Application).where(
        Application.event_id == event.id, Application.user_id == user.id))
    if application is not None and application.status != WITHDRAWN:
        return Offer(has_application=True, is_open=is_open)
    if not is_open or _holds_role(user, event):
        return Offer(is_open=is_open)
    return Offer(can_join_at_once=not from_form, can_apply=from_form, is_open=True)


def _holds_role(user: User, event: Event) -> bool:
    return db.session.scalar(db.select(Membership.id).where(
        Membership.user_id == user.id, Membership.event_id == event.id).limit(1)) is not None
