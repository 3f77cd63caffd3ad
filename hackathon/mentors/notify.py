"""After a committed change: who hears about it on the live channel (through realtime.emitters only).

Each function reads everything its pushes carry, ends the read transaction, then pushes: the team
first (it is waiting for this), then the mentor concerned, the queues and the directory.
"""
from ..extensions import db
from ..models import Event, HelpRequest, User
from ..models.mentor import CLAIMED, OPEN
from ..realtime import emitters
from . import cards, payloads, positions, queries, roster

# What a mentor is told privately, about a request that concerns them.
ASSIGNED, ASKED_FOR_YOU, RETURNED, CANCELLED = "assigned", "asked_for_you", "returned", "cancelled"
OWN_TEAM_ASKED = "own_team_asked"


def request_changed(request: HelpRequest, what: str, mentor: User | None = None, notice: str | None = None) -> None:
    """Tell the team, the mentor concerned, the queues, the directory when a mentor started or stopped
    helping, and (soon after) every waiting team its new place."""
    event_id, team_id = request.event_id, request.team_id
    change = payloads.request_change(request, what)
    told = (mentor.id, payloads.notice(request, notice)) if mentor is not None and notice is not None else None
    queue = _queue_change(request, what)
    card = cards.card_of(request.event, mentor) if mentor is not None else None
    db.session.commit()
    emitters.help_request_changed(team_id, change)
    if told is not None:
        emitters.mentor_notice(event_id, *told)
    emitters.help_queue_changed(event_id, queue)
    if card is not None:
        emitters.mentor_changed(event_id, card)
    positions.schedule(event_id)


def own_team_asked(request: HelpRequest, mentor_ids) -> None:
    """Tell a team's standing mentors, each privately, that their team is asking for help."""
    event_id, notice = request.event_id, payloads.notice(request, OWN_TEAM_ASKED)
    db.session.commit()
    for mentor_id in sorted(mentor_ids):
        emitters.mentor_notice(event_id, mentor_id, notice)


def request_rated(request: HelpRequest) -> None:
    """The team's other open pages drop the rating form (the rating itself goes to organizers only)."""
    team_id, change = request.team_id, payloads.request_change(request, "rated")
    db.session.commit()
    emitters.help_request_changed(team_id, change)


def request_flagged(request: HelpRequest, waited_minutes: int) -> None:
    """Organizers see the request that waited too long marked, and are told at once."""
    event_id, flag, queue = request.event_id, payloads.flag(request, waited_minutes), _queue_change(request, "flagged")
    db.session.commit()
    emitters.help_request_flagged(event_id, flag)
    emitters.help_queue_changed(event_id, queue)


def queue_changed(request: HelpRequest, what: str) -> None:
    """Mentors' queue pages apply the changed request in place; the organizers' view fetches itself again."""
    event_id, queue = request.event_id, _queue_change(request, what)
    db.session.commit()
    emitters.help_queue_changed(event_id, queue)


def availability_changed(event: Event, mentor: User) -> None:
    """The directory and toggles show the new availability; waiting teams' ETAs count mentors on duty."""
    event_id = event.id
    mentor_changed(event, mentor)
    positions.schedule(event_id)


def mentor_changed(event: Event, mentor: User) -> None:
    """Push the mentor's directory card (availability, helping, profile) to the directory and the toggles."""
    event_id, card = event.id, cards.card_of(event, mentor)
    db.session.commit()
    emitters.mentor_changed(event_id, card)


def standing_changed(event: Event, team_ids, mentor_ids) -> None:
    """Tell each team whose standing mentors changed, and each mentor whose teams changed: both pages
    re-render (a team's page and help page, a mentor's teams page)."""
    pairs = roster.event_pairs(event)
    mentors = {m.id for m in queries.event_mentors(event)}
    live = [p for p in pairs if p.mentor_id in mentors and not p.team.is_dissolved]
    to_teams = [(team_id, payloads.team_mentors(event, team_id, sorted(
        p.mentor.display_name for p in live if p.team_id == team_id))) for team_id in sorted(set(team_ids))]
    to_mentors = [(mentor_id, payloads.mentor_teams(event, mentor_id, sorted(
        p.team.name for p in live if p.mentor_id == mentor_id))) for mentor_id in sorted(set(mentor_ids))]
    event_id = event.id
    db.session.commit()
    for team_id, payload in to_teams:
        emitters.team_mentors_changed(team_id, payload)
    for mentor_id, payload in to_mentors:
        emitters.mentor_teams_changed(event_id, mentor_id, payload)
    positions.schedule(event_id)  # a waiting team's own mentor may be free now: its ETA changes


def _queue_change(request: HelpRequest, what: str) -> dict:
    counts = dict(db.session.execute(db.select(HelpRequest.status, db.func.count()).where(
        HelpRequest.event_id == request.event_id, HelpRequest.status.in_((OPEN, CLAIMED)))
        .group_by(HelpRequest.status)).all())
    return payloads.queue_change(request, what, counts.get(OPEN, 0), counts.get(CLAIMED, 0))
