"""Auto-assign: in events that chose it, each waiting request goes to the best free mentor at once.

It runs after every change that can pair a request with a mentor: a request asked or released, a
claim resolved, a mentor becoming available. Pairing is a claim like any other (taking.take), so
two processes assigning at once can't give one request, or one mentor, twice: a lost race just
looks for the next pair.
"""
from ..models import Event, HelpRequest
from ..models.types import utcnow
from . import matching, notify, queries, roster, taking
from .errors import AlreadyClaimed, AlreadyHelping
from .settings import rules_of

MAX_ASSIGNMENTS = 50  # per run; a lost race costs one attempt, so this also bounds the retries


def assign_waiting(event: Event) -> list[HelpRequest]:
    """Give waiting requests, oldest first, to the best free mentors (auto-assign mode only)."""
    if not rules_of(event.id).is_auto:
        return []
    assigned = []
    for _ in range(MAX_ASSIGNMENTS):
        pair = next_pair(event)
        if pair is None:
            break
        request, mentor = pair
        try:
            taking.take(request, mentor, assigned=True)
        except (AlreadyClaimed, AlreadyHelping):
            continue
        notify.request_changed(request, "assigned", mentor, notify.ASSIGNED)
        assigned.append(request)
    return assigned


def next_pair(event: Event):
    """The oldest waiting request that a free mentor can take, with the best such mentor; None if none."""
    candidates = queries.free_mentors(event, utcnow())
    if not candidates:
        return None
    mentors = {mentor.id: mentor for mentor in queries.event_mentors(event)}
    own = roster.own_mentors_by_team(event)
    for request in queries.open_queue(event):
        best = matching.best_mentor(ask_of(request, own.get(request.team_id, frozenset())), candidates)
        if best is not None:
            return request, mentors[best.id]
    return None


def ask_of(request: HelpRequest, own_mentor_ids: frozenset | None = None) -> matching.Ask:
    """What matching needs of a request (the team's standing mentors looked up unless given)."""
    own = roster.own_mentor_ids(request.team_id) if own_mentor_ids is None else own_mentor_ids
    return matching.Ask(frozenset(request.tag_names), request.asked_mentor_id, request.last_released_by_id, own)
