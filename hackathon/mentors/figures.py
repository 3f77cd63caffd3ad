"""The organizers' figures: how long teams waited, what they asked about, who helped and how it was rated."""
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..models import Event, HelpRequest
from ..models.mentor import STATUSES
from . import queries
from .stats import mean_or_none, median_or_none, percentile


@dataclass
class TagFigures:
    tag: str
    requests: int
    median_wait: float | None


@dataclass
class MentorFigures:
    name: str
    resolved: int = 0
    ratings: list[int] = field(default_factory=list)

    @property
    def mean_rating(self) -> float | None:
        return mean_or_none(self.ratings)


@dataclass
class Figures:
    total: int
    by_status: dict[str, int]
    median_wait: float | None
    p90_wait: float | None
    per_tag: list[TagFigures]
    per_mentor: list[MentorFigures]
    ratings: list[int]
    feedback: list[HelpRequest]

    @property
    def mean_rating(self) -> float | None:
        return mean_or_none(self.ratings)


def wait_minutes(request: HelpRequest) -> float | None:
    """How long a request waited for its first mentor, in minutes (None while nobody has taken it)."""
    if request.first_claimed_at is None:
        return None
    return max((request.first_claimed_at - request.created_at).total_seconds() / 60, 0.0)


def service_minutes(request: HelpRequest) -> float | None:
    """How long the resolving mentor spent on it (claim to resolution), in minutes."""
    if request.resolved_at is None or request.claimed_at is None:
        return None
    return max((request.resolved_at - request.claimed_at).total_seconds() / 60, 0.0)


def event_figures(event: Event) -> Figures:
    """Every figure of the organizers' mentoring page, from every request of the event."""
    requests = queries.all_requests(event)
    waits = [w for w in map(wait_minutes, requests) if w is not None]
    statuses = Counter(r.status for r in requests)
    ratings = [r.rating for r in requests if r.rating is not None]
    feedback = sorted((r for r in requests if r.rated_at is not None), key=lambda r: r.rated_at, reverse=True)
    return Figures(len(requests), {s: statuses.get(s, 0) for s in STATUSES}, median_or_none(waits),
                   percentile(waits, 90), _per_tag(requests), _per_mentor(event, requests), ratings, feedback)


def _per_tag(requests: list[HelpRequest]) -> list[TagFigures]:
    waits, counts = defaultdict(list), Counter()
    for request in requests:
        for tag in request.tag_names:
            counts[tag] += 1
            if (wait := wait_minutes(request)) is not None:
                waits[tag].append(wait)
    return [TagFigures(tag, n, median_or_none(waits[tag])) for tag, n in sorted(counts.items(),
                                                                                 key=lambda item: (-item[1], item[0]))]


def _per_mentor(event: Event, requests: list[HelpRequest]) -> list[MentorFigures]:
    mentors = {user.id: MentorFigures(user.display_name) for user in queries.event_mentors(event)}
    for request in requests:
        if request.resolved_by_id is None:
            continue
        row = mentors.setdefault(request.resolved_by_id, MentorFigures(
            request.resolved_by.display_name if request.resolved_by else "(account deleted)"))
        row.resolved += 1
        if request.rating is not None:
            row.ratings.append(request.rating)
    return sorted(mentors.values(), key=lambda m: (-m.resolved, m.name.lower()))
