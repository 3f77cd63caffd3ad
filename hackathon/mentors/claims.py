"""Mentors and their claims: claim a waiting request, then resolve it or release it back to the queue."""
from datetime import datetime

from ..models import HelpRequest, User
from ..models.mentor import OPEN, RESOLVED
from ..models.types import utcnow
from . import dispatch, notify, queries, taking
from ..access import can_manage
from .checks import check_mentor
from .errors import AlreadyHelping, NotActive, NotYourClaim


def claim_request(request: HelpRequest, mentor: User) -> HelpRequest:
    """`mentor` takes a waiting request; a mentor holds one claim at a time, and of two mentors
    claiming at once exactly one wins (the other is told who)."""
    check_mentor(mentor, request.event)
    current = queries.active_claim_of(mentor)
    if current is not None:
        raise AlreadyHelping(current)
    taking.take(request, mentor, assigned=False)
    notify.request_changed(request, "claimed", mentor)
    return request


def resolve_request(request: HelpRequest, mentor: User) -> HelpRequest:
    """The mentor helping a team marks its request resolved, and is free for the next one."""
    _check_helper(request, mentor, "resolved")
    now = utcnow()
    taking.end_claim(request, mentor.id, now, status=RESOLVED, resolved_by_id=mentor.id, resolved_at=now,
                     active_team_id=None)
    notify.request_changed(request, "resolved", mentor)
    dispatch.assign_waiting(request.event)
    return request


def release_request(request: HelpRequest, by: User) -> HelpRequest:
    """Give a claimed request back to the queue in its old place (its mentor does, or an organizer for them)."""
    if not request.is_claimed:
        raise NotActive(request, "released")
    helper = request.claimed_by
    if by.id != request.claimed_by_id and not can_manage(by, request.event):
        raise NotYourClaim(request)
    return_to_queue(request, helper, utcnow(), "released", told=by.id != helper.id)
    return request


def return_to_queue(request: HelpRequest, helper: User, now: datetime, what: str, told: bool = False) -> None:
    """Put a request `helper` claimed back in the queue where it was ('released' by them or an organizer,
    'returned' by the claim timeout); `told`: the mentor didn't do it, so they hear of it."""
    taking.end_claim(request, helper.id, now, status=OPEN, claimed_by_id=None, claimed_at=None,
                     last_released_by_id=helper.id, release_count=HelpRequest.release_count + 1, matching_until=None,
                     own_until=None)
    notify.request_changed(request, what, helper, notify.RETURNED if told else None)
    dispatch.assign_waiting(request.event)


def _check_helper(request: HelpRequest, mentor: User, doing: str) -> None:
    if not request.is_claimed:
        raise NotActive(request, doing)
    if request.claimed_by_id != mentor.id:
        raise NotYourClaim(request)
