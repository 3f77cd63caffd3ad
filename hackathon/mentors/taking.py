"""The two writes every claim rests on: taking an open request, and ending a claim.

Taking is one conditional UPDATE (`… WHERE status = 'open'`): of two mentors claiming the same
request at once the database lets exactly one change the row (SQLite runs one write transaction at
a time; PostgreSQL re-checks the condition once the winner's row lock is released), and the other
learns who was quicker. The unique `active_mentor_id` makes a second claim by the same mentor fail
even when both happen at the same instant.
"""
from datetime import datetime

from sqlalchemy import literal, update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import HelpRequest, MentorProfile, User
from ..models.mentor import CLAIMED, OPEN
from ..models.types import UTCDateTime, utcnow
from . import queries
from .errors import AlreadyClaimed, AlreadyHelping, NotActive


def take(request: HelpRequest, mentor: User, assigned: bool) -> None:
    """Claim `request` for `mentor` and commit, unless it is no longer open or the mentor holds a claim."""
    now = utcnow()
    try:
        taken = db.session.execute(update(HelpRequest).where(HelpRequest.id == request.id, HelpRequest.status == OPEN)
                                   .values(status=CLAIMED, claimed_by_id=mentor.id, active_mentor_id=mentor.id,
                                           claimed_at=now, first_claimed_at=db.func.coalesce(
                                               HelpRequest.first_claimed_at, literal(now, UTCDateTime())),
                                           is_auto_assigned=assigned, updated_at=now)
                                   .execution_options(synchronize_session=False)).rowcount
        if taken != 1:  # someone was quicker, or the team cancelled it
            db.session.rollback()
            db.session.refresh(request)
            raise AlreadyClaimed(request)
        db.session.commit()
    except IntegrityError:  # this mentor claimed another request at the same instant
        db.session.rollback()
        raise AlreadyHelping(queries.active_claim_of(mentor)) from None
    db.session.refresh(request)


def end_claim(request: HelpRequest, mentor_id: int, now: datetime, **values) -> None:
    """End `mentor_id`'s claim on `request` (with `values` written) and commit, if the claim still holds."""
    ended = db.session.execute(update(HelpRequest).where(
        HelpRequest.id == request.id, HelpRequest.status == CLAIMED, HelpRequest.claimed_by_id == mentor_id)
        .values(active_mentor_id=None, updated_at=now, **values).execution_options(synchronize_session=False)).rowcount
    if ended != 1:
        db.session.rollback()
        db.session.refresh(request)
        raise NotActive(request, "changed")
    mark_idle(request.event_id, mentor_id, now)
    db.session.commit()
    db.session.refresh(request)


def mark_idle(event_id: int, mentor_id: int, now: datetime) -> None:
    """Note that the mentor became free at `now` (auto-assign prefers the longest idle); the caller commits."""
    db.session.execute(update(MentorProfile).where(MentorProfile.event_id == event_id,
                                                   MentorProfile.user_id == mentor_id)
                       .values(idle_since=now).execution_options(synchronize_session=False))
