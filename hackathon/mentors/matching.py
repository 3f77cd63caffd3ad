"""Who a help request is offered to, and which mentor auto-assign picks. Pure: no Flask, no database.

Suggest mode: a request is offered first to the available mentors whose expertise tags overlap its
tags (and to the mentor the team asked for), then, after the event's matching window or at once
when no such mentor is free, to every mentor. Auto-assign mode gives the oldest waiting request the
best free mentor: the one asked for, then the most tags in common, then the least busy (fewest
claims in the past hour), then the longest idle.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

ASKED, MATCH, EVERYONE, LATER = "asked", "match", "everyone", "later"


@dataclass(frozen=True)
class Ask:
    """What matching needs to know of a help request."""

    tags: frozenset[str]
    asked_mentor_id: int | None = None
    last_released_by_id: int | None = None


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


def offer_tier(ask: Ask, mentor_id: int, mentor_tags, offered_to_all: bool) -> str:
    """How a request stands for one mentor: asked for them, matching their tags, open to everyone, or
    (for now) offered to other mentors first."""
    if ask.asked_mentor_id == mentor_id:
        return ASKED
    if overlap(ask.tags, mentor_tags):
        return MATCH
    return EVERYONE if offered_to_all else LATER


def _rank(ask: Ask, candidate: Candidate):
    idle = candidate.idle_since.timestamp() if candidate.idle_since else float("-inf")
    return (candidate.id != ask.asked_mentor_id, -overlap(ask.tags, candidate.tags), candidate.recent_claims,
            idle, candidate.id)


def best_mentor(ask: Ask, candidates: list[Candidate]) -> Candidate | None:
    """The mentor auto-assign gives `ask` to; never the one who just released it back to the queue."""
    eligible = [c for c in candidates if c.id != ask.last_released_by_id]
    return min(eligible, key=lambda candidate: _rank(ask, candidate), default=None)
