"""The help queue's timed rules, run by each server process's live ticker (live/ticker.py) every second.

- a request offered only to the team's own mentors goes to the matching mentors when that round ends;
- a request offered only to matching mentors opens to everyone when its matching window ends;
- an open request unclaimed for longer than the event's limit is flagged to organizers (once);
- a claim held longer than the event's limit goes back to the queue in its place (the mentor is told);
- open requests expire once hacking is over.

Every change is a conditional UPDATE, so when several processes tick at once each change is made,
and announced, exactly once.
"""
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Event, HelpRequest
from ..models.mentor import CLAIMED, EXPIRED, OPEN
from ..schedule import CLOSED, JUDGING, RESULTS
from . import claims, notify
from .errors import NotActive
from .settings import rules_of

OVER_PHASES = (JUDGING, RESULTS, CLOSED)


def tick(now: datetime) -> None:
    """One round of the queue's timed rules."""
    end_own_rounds(now)
    open_to_everyone(now)
    flag_stale_requests(now)
    return_overdue_claims(now)
    expire_after_hacking(now)


def end_own_rounds(now: datetime) -> list[HelpRequest]:
    """Requests whose round for the team's own mentors ended are offered to the matching mentors."""
    return _end_round(HelpRequest.own_until, now, "offered_to_matching")


def open_to_everyone(now: datetime) -> list[HelpRequest]:
    """Requests whose matching window ended are offered to every mentor."""
    return _end_round(HelpRequest.matching_until, now, "offered_to_all")


def _end_round(until, now: datetime, what: str) -> list[HelpRequest]:
    due = HelpRequest.status == OPEN, until <= now
    if db.session.scalar(db.select(HelpRequest.id).where(*due).limit(1)) is None:
        return []  # the usual tick: a read, no write transaction
    ids = list(db.session.scalars(update(HelpRequest).where(*due).values({until.key: None})
                                  .returning(HelpRequest.id).execution_options(synchronize_session=False)))
    db.session.commit()
    opened = [db.session.get(HelpRequest, request_id, populate_existing=True) for request_id in sorted(ids)]
    for request in opened:
        notify.queue_changed(request, what)
    return opened


def flag_stale_requests(now: datetime) -> list[HelpRequest]:
    """Flag to organizers, once, every open request that has waited longer than its event allows."""
    flagged = []
    for event_id in _events_with(OPEN, HelpRequest.flagged_at.is_(None)):
        limit = now - rules_of(event_id).stale_after
        for request in _requests(event_id, OPEN, HelpRequest.flagged_at.is_(None), HelpRequest.queued_at <= limit):
            if _mark(request, now):
                notify.request_flagged(request, int((now - request.queued_at).total_seconds() // 60))
                flagged.append(request)
    return flagged


def return_overdue_claims(now: datetime) -> list[HelpRequest]:
    """Put claims held longer than their event allows back in the queue, in their place."""
    returned = []
    for event_id in _events_with(CLAIMED):
        limit = now - rules_of(event_id).claim_timeout
        for request in _requests(event_id, CLAIMED, HelpRequest.claimed_at <= limit):
            try:
                claims.return_to_queue(request, request.claimed_by, now, "returned", told=True)
            except NotActive:  # resolved or released a moment ago, or another process returned it
                continue
            returned.append(request)
    return returned


def expire_after_hacking(now: datetime) -> list[HelpRequest]:
    """Requests still waiting when hacking is over expire (claimed ones can still be resolved)."""
    expired = []
    for event_id in _events_with(OPEN):
        if db.session.get(Event, event_id).clock(now).phase not in OVER_PHASES:
            continue
        for request in _requests(event_id, OPEN):
            if _expire(request, now):
                notify.request_changed(request, "expired")
                expired.append(request)
    return expired


def _events_with(status: str, *conditions) -> list[int]:
    """The events having requests in `status` (one small query a tick, however long the queues)."""
    return list(db.session.scalars(db.select(HelpRequest.event_id).where(HelpRequest.status == status, *conditions)
                                   .distinct().order_by(HelpRequest.event_id)))


def _requests(event_id: int, status: str, *conditions) -> list[HelpRequest]:
    return list(db.session.scalars(db.select(HelpRequest).where(
        HelpRequest.event_id == event_id, HelpRequest.status == status, *conditions)
        .options(selectinload(HelpRequest.claimed_by)).order_by(HelpRequest.id)))


def _mark(request: HelpRequest, now: datetime) -> bool:
    marked = db.session.execute(update(HelpRequest).where(HelpRequest.id == request.id, HelpRequest.status == OPEN,
                                                          HelpRequest.flagged_at.is_(None))
                                .values(flagged_at=now).execution_options(synchronize_session=False)).rowcount
    db.session.commit()
    db.session.refresh(request)
    return marked == 1


def _expire(request: HelpRequest, now: datetime) -> bool:
    changed = db.session.execute(update(HelpRequest).where(HelpRequest.id == request.id, HelpRequest.status == OPEN)
                                 .values(status=EXPIRED, closed_at=now, updated_at=now, active_team_id=None)
                                 .execution_options(synchronize_session=False)).rowcount
    db.session.commit()
    db.session.refresh(request)
    return changed == 1
