"""Teams asking for help: open a help request during hacking, edit or cancel it, rate the help after.

A team has at most one open (or claimed) request; any member may edit or cancel it. The unique
`active_team_id` keeps that true even when two members ask at the same instant.
"""
from dataclasses import dataclass, field

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Event, HelpRequest, HelpRequestTag, User
from ..models.mentor import ACTIVE, CANCELLED, OPEN, RESOLVED
from ..models.types import utcnow
from . import dispatch, matching, notify, queries, roster, taking
from .checks import check_hacking, check_member, lock_request, team_asking
from .errors import AlreadyAsked, AlreadyRated, NotActive, NotResolved, UnknownMentor
from .settings import rules_of


@dataclass
class HelpDetails:
    """What a team says when asking for help."""

    topic: str
    description: str = ""
    tags: list[str] = field(default_factory=list)
    location: str = ""
    asked_mentor_id: int | None = None


def ask_for_help(user: User, event: Event, details: HelpDetails) -> HelpRequest:
    """Open a help request for `user`'s team while hacking is on; a team has one open request at most."""
    team = team_asking(user, event)
    check_hacking(event)
    _check_asked_mentor(event, details.asked_mentor_id)
    existing = queries.active_request_of(team)
    if existing is not None:
        raise AlreadyAsked(existing)
    now = utcnow()
    request = HelpRequest(event_id=event.id, team_id=team.id, active_team_id=team.id, created_by_id=user.id,
                          queued_at=now, created_at=now, updated_at=now)
    _apply(request, details)
    request.own_until, request.matching_until = _offer_rounds(event, team.id, details.tags, now)
    db.session.add(request)
    _commit_new(request, team)
    _announce_new(request)
    return request


def _commit_new(request: HelpRequest, team) -> None:
    try:
        db.session.commit()
    except IntegrityError:  # a teammate asked at the same instant: theirs is the team's request
        db.session.rollback()
        raise AlreadyAsked(queries.active_request_of(team)) from None


def _announce_new(request: HelpRequest) -> None:
    asked = request.asked_mentor
    notify.request_changed(request, "opened", asked, notify.ASKED_FOR_YOU if asked else None)
    own = roster.own_mentor_ids(request.team_id) - {request.asked_mentor_id}
    if own:
        notify.own_team_asked(request, own)
    dispatch.assign_waiting(request.event)


def _offer_rounds(event: Event, team_id: int, tags: list[str], now):
    """(own_until, matching_until): first the team's own mentors when one is free, then the matching
    mentors, then everyone; each round one matching window long."""
    free, window = queries.free_mentors(event, now), rules_of(event.id).match_window
    own_until = matching.own_round_until(roster.own_mentor_ids(team_id), [c.id for c in free], now, window)
    return own_until, matching.matching_until(tags, [c.tags for c in free], own_until or now, window)


def edit_help_request(request: HelpRequest, user: User, details: HelpDetails) -> HelpRequest:
    """Any member of the team changes its waiting request (not once a mentor has taken it)."""
    check_member(request, user)
    _check_asked_mentor(request.event, details.asked_mentor_id)
    lock_request(request)
    if request.status != OPEN:
        db.session.rollback()
        raise NotActive(request, "edited")
    _apply(request, details)
    request.updated_at = utcnow()
    db.session.commit()
    notify.request_changed(request, "edited")
    return request


def cancel_help_request(request: HelpRequest, user: User) -> HelpRequest:
    """Any member of the team withdraws its request, waiting or taken (the mentor is told)."""
    check_member(request, user)
    if not _cancel(request):
        raise NotActive(request, "cancelled")
    return request


def team_dissolved(team_id: int) -> None:
    """A team was dissolved (its last member left, or an organizer disbanded it): its waiting or
    taken request is withdrawn, so no mentor walks to a table nobody sits at."""
    request = db.session.scalar(db.select(HelpRequest).where(HelpRequest.active_team_id == team_id))
    if request is not None:
        _cancel(request)


def _cancel(request: HelpRequest) -> bool:
    """Withdraw an active request, committed and told to everyone concerned; False if it was no longer active."""
    helper, now = request.claimed_by if request.is_claimed else None, utcnow()
    changed = db.session.execute(update(HelpRequest).where(HelpRequest.id == request.id,
                                                           HelpRequest.status.in_(ACTIVE))
                                 .values(status=CANCELLED, closed_at=now, updated_at=now, active_team_id=None,
                                         active_mentor_id=None).execution_options(synchronize_session=False)).rowcount
    if changed != 1:
        db.session.rollback()
        db.session.refresh(request)
        return False
    if helper is not None:
        taking.mark_idle(request.event_id, helper.id, now)
    db.session.commit()
    db.session.refresh(request)
    notify.request_changed(request, "cancelled", helper, notify.CANCELLED if helper else None)
    if helper is not None:
        dispatch.assign_waiting(request.event)
    return True


def rate_help(request: HelpRequest, user: User, rating: int, comment: str = "") -> HelpRequest:
    """A member rates the help their team got (1–5, optional comment; organizers only see it), once."""
    check_member(request, user)
    if request.status != RESOLVED:
        raise NotResolved()
    if not 1 <= rating <= 5:
        raise ValueError("a rating is 1 to 5")
    rated = db.session.execute(update(HelpRequest).where(HelpRequest.id == request.id, HelpRequest.rated_at.is_(None))
                               .values(rating=rating, feedback=comment.strip(), rated_at=utcnow())
                               .execution_options(synchronize_session=False)).rowcount
    if rated != 1:
        db.session.rollback()
        raise AlreadyRated()
    db.session.commit()
    db.session.refresh(request)
    notify.request_rated(request)
    return request


def _check_asked_mentor(event: Event, mentor_id: int | None) -> None:
    if mentor_id is not None and not queries.is_event_mentor(event, mentor_id):
        raise UnknownMentor(event)


def _apply(request: HelpRequest, details: HelpDetails) -> None:
    request.topic = " ".join(details.topic.split())
    request.description = details.description.strip()
    request.location = details.location.strip()
    request.asked_mentor_id = details.asked_mentor_id
    wanted = set(details.tags)
    request.tags = [t for t in request.tags if t.name in wanted] + [
        HelpRequestTag(name=name) for name in sorted(wanted - set(request.tag_names))]
