"""Who a help request is offered to, and which mentor auto-assign picks. Pure: no Flask, no database.

Suggest mode: a request is offered first to the team's own (standing) mentors when one of them is
free, for one matching window; then to the available mentors whose expertise tags overlap its tags;
then, after the event's matching window or at once when no such mentor is free, to every mentor. The
mentor the team asked for sees it all along. Auto-assign mode gives the oldest waiting request the
best free mentor: the one asked for, then one of the team's own, then the most tags in common, then
the least busy (fewest claims in the past hour), then the longest idle.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

ASKED, OWN, MATCH, EVERYONE, LATER = "asked", "own", "match", "everyone", "later"


@dataclass(frozen=True)
class Ask:
    """What matching needs to know of a help request."""

    tags: frozenset[str]
    asked_mentor_id: int | None = None
    last_released_by_id: int | None = None
    own_mentor_ids: frozenset = frozenset()  # the team's standing mentors


@dataclass(frozen=True)
class Candidate:
    """A free, available mentor auto-assign may pick."""

    id: int
    tags: frozenset[str]
    recent_claims: int = 0
    idle_since: datetime | None = None


def overlap(ask_tags, mentor_tags) -> int:
    """How many tags a request and a mentor have in common."""
    return len(set(ask_tags) & set(mentor_tags))


def matching_until(tags, free_mentor_tags: list, now: datetime, window: timedelta) -> datetime | None:
    """Until when a new request is offered only to matching mentors; None: to everyone at once
    (no tags, no window, or no free available mentor shares a tag)."""
    if not tags or window <= timedelta(0):
        return None
    if not any(overlap(tags, mentor_tags) for mentor_tags in free_mentor_tags):
        return None
    return now + window


def own_round_until(own_mentor_ids, free_mentor_ids, now: datetime, window: timedelta) -> datetime | None:
    """Until when a new request is offered only to the team's own mentors (one matching window, when
    one of them is free now); None: no such first round."""
    if window <= timedelta(0) or not set(own_mentor_ids) & set(free_mentor_ids):
        return None
    return now + window


def offer_tier(ask: Ask, mentor_id: int, mentor_tags, offered_to_all: bool, own_round: bool = False) -> str:
    """How a request stands for one mentor: asked for them, from a team they stand by, matching their
    tags, open to everyone, or (for now) offered to other mentors first."""
    if ask.asked_mentor_id == mentor_id:
        return ASKED
    if mentor_id in ask.own_mentor_ids:
        return OWN
    if own_round:
        return LATER
    if overlap(ask.tags, mentor_tags):
        return MATCH
    return EVERYONE if offered_to_all else LATER


def _rank(ask: Ask, candidate: Candidate):
    idle = candidate.idle_since.timestamp() if candidate.idle_since else float("-inf")
    return (candidate.id != ask.asked_mentor_id, candidate.id not in ask.own_mentor_ids,
            -overlap(ask.tags, candidate.tags), candidate.recent_claims, idle, candidate.id)


def best_mentor(ask: Ask, candidates: list[Candidate]) -> Candidate | None:
    """The mentor auto-assign gives `ask` to; never the one who just released it back to the queue."""
    eligible = [c for c in candidates if c.id != ask.last_released_by_id]
    return min(eligible, key=lambda candidate: _rank(ask, candidate), default=None)
