"""The help queue's timed rules, run by each server process's live ticker (live/ticker.py) every second.

- a request offered only to matching mentors opens to everyone when its matching window ends;
- an open request unclaimed for longer than the event's limit is flagged to organizers (once);
- a claim held longer than the event's limit goes back to the queue in its place (the mentor is told);
- open requests expire once hacking is over.

Every change is a conditional UPDATE, so when several processes tick at once each change is made,
and announced, exactly once.
"""
from datetime import datetime
from functools import cache

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
    open_to_everyone(now)
    flag_stale_requests(now)
    return_overdue_claims(now)
    expire_after_hacking(now)


def open_to_everyone(now: datetime) -> set[int]:
    """Requests whose matching window ended are offered to every mentor; returns the events touched."""
    event_ids = set(db.session.scalars(update(HelpRequest).where(
        HelpRequest.status == OPEN, HelpRequest.matching_until <= now).values(matching_until=None)
        .returning(HelpRequest.event_id).execution_options(synchronize_session=False)))
    db.session.commit()
    for event_id in sorted(event_ids):
        notify.queue_changed(db.session.get(Event, event_id), None, "offered_to_all")
    return event_ids


def flag_stale_requests(now: datetime) -> list[HelpRequest]:
    """Flag to organizers, once, every open request that has waited longer than its event allows."""
    flagged, rules = [], cache(rules_of)
    for request in _active(OPEN, HelpRequest.flagged_at.is_(None)):
        waited = now - request.queued_at
        if waited >= rules(request.event_id).stale_after and _mark(request, now):
            notify.request_flagged(request, int(waited.total_seconds() // 60))
            flagged.append(request)
    return flagged


def return_overdue_claims(now: datetime) -> list[HelpRequest]:
    """Put claims held longer than their event allows back in the queue, in their place."""
    returned, rules = [], cache(rules_of)
    for request in _active(CLAIMED):
        if now - request.claimed_at >= rules(request.event_id).claim_timeout:
            try:
                claims.return_to_queue(request, request.claimed_by, now, "returned")
            except NotActive:  # resolved or released a moment ago, or another process returned it
                continue
            returned.append(request)
    return returned


def expire_after_hacking(now: datetime) -> list[HelpRequest]:
    """Requests still waiting when hacking is over expire (claimed ones can still be resolved)."""
    expired = []
    for request in _active(OPEN):
        if request.event.clock(now).phase in OVER_PHASES and _expire(request, now):
            notify.request_changed(request, "expired")
            expired.append(request)
    return expired


def _active(status: str, *conditions) -> list[HelpRequest]:
    return list(db.session.scalars(db.select(HelpRequest).where(HelpRequest.status == status, *conditions)
                                   .options(selectinload(HelpRequest.event), selectinload(HelpRequest.claimed_by))
                                   .order_by(HelpRequest.id)))


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
