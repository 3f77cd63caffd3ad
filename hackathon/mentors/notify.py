"""After a committed change: who hears about it on the live channel (through realtime.emitters only)."""
from ..extensions import db
from ..models import Event, HelpRequest, User
from ..models.mentor import CLAIMED, OPEN
from ..realtime import emitters
from . import cards, positions
from .payloads import queue_entry

# What a mentor is told privately, about a request that concerns them.
ASSIGNED, ASKED_FOR_YOU, RETURNED, CANCELLED = "assigned", "asked_for_you", "returned", "cancelled"


def request_changed(request: HelpRequest, what: str, mentor: User | None = None, notice: str | None = None) -> None:
    """Tell the team first (it is waiting for this), then the mentor concerned, the queues, the
    directory when a mentor started or stopped helping, and every waiting team its new place."""
    emitters.help_request_changed(request, what)
    if mentor is not None and notice is not None:
        emitters.mentor_notice(request, mentor.id, notice)
    queue_changed(request.event, what, request)
    if mentor is not None:
        mentor_changed(request.event, mentor)
    positions.schedule(request.event)


def request_rated(request: HelpRequest) -> None:
    """The team's other open pages drop the rating form (the rating itself goes to organizers only)."""
    emitters.help_request_changed(request, "rated")


def request_flagged(request: HelpRequest, waited_minutes: int) -> None:
    """Organizers see the request that waited too long marked, and are told at once."""
    emitters.help_request_flagged(request, waited_minutes)
    queue_changed(request.event, "flagged", request)


def queue_changed(event: Event, what: str, request: HelpRequest) -> None:
    """Mentors' queue pages apply the changed request in place; the organizers' view fetches itself again."""
    counts = dict(db.session.execute(db.select(HelpRequest.status, db.func.count()).where(
        HelpRequest.event_id == event.id, HelpRequest.status.in_((OPEN, CLAIMED))).group_by(HelpRequest.status)).all())
    emitters.help_queue_changed(event, what, queue_entry(request), counts.get(OPEN, 0), counts.get(CLAIMED, 0))


def availability_changed(event: Event, mentor: User) -> None:
    """The directory and toggles show the new availability; waiting teams' ETAs count mentors on duty."""
    mentor_changed(event, mentor)
    positions.schedule(event)


def mentor_changed(event: Event, mentor: User) -> None:
    """Push the mentor's directory card (availability, helping, profile) to everyone who sees the directory."""
    emitters.mentor_changed(event, cards.card_of(event, mentor))
