"""The live channel's mentoring payloads as plain data (docs/API.md).

Everything a push needs is read here, before the pushes go out: `notify` then ends the read
transaction, so no database transaction (on SQLite: no write lock) is held while sockets are
written to.
"""
from ..markup import render_markdown
from ..models import Event, HelpRequest
from ..templating import format_local
from . import roster


def request_change(request: HelpRequest, what: str) -> dict:
    """`help_request_changed`: what became of a team's request, and who is coming while it is claimed."""
    return {"event": request.event.slug, "team_id": request.team_id, "request_id": request.id,
            "status": request.status, "what": what, "mentor": _helper_name(request)}


def queue_change(request: HelpRequest, what: str, waiting: int, helping: int) -> dict:
    """`help_queue_changed`: the changed request as the queue shows it, and the event's counts."""
    return {"event": request.event.slug, "request_id": request.id, "what": what, "request": queue_entry(request),
            "open": waiting, "claimed": helping}


def queue_entry(request: HelpRequest) -> dict:
    """One request as the queue shows it; where it goes follows from `status` (open: waiting, claimed:
    being helped, anything else: gone). Mentors' queue pages apply it in place (static/js/mentors.js)."""
    event = request.event
    return {
        "id": request.id, "status": request.status, "team_id": request.team_id, "team": request.team.name,
        "topic": request.topic,
        "tags": request.tag_names, "location": request.location,
        "description_html": str(render_markdown(request.description)) if request.description else "",
        "asked_at": format_local(request.created_at, event, "%H:%M"),
        "queued_at_ms": int(request.queued_at.timestamp() * 1000),
        "asked_mentor_id": request.asked_mentor_id,
        "offered_to_all": request.matching_until is None, "release_count": request.release_count,
        "own_mentor_ids": sorted(roster.own_mentor_ids(request.team_id)), "own_round": request.own_until is not None,
        "mentor_id": request.claimed_by_id if request.is_claimed else None, "mentor": _helper_name(request),
        "claimed_at": format_local(request.claimed_at, event, "%H:%M") if request.is_claimed else None,
    }


def notice(request: HelpRequest, what: str) -> dict:
    """`mentor_notice`: a request that concerns one mentor (assigned, asked for them, taken back, cancelled)."""
    return {"event": request.event.slug, "request_id": request.id, "what": what, "team": request.team.name,
            "topic": request.topic}


def flag(request: HelpRequest, waited_minutes: int) -> dict:
    """`help_request_flagged`: a request that waited unclaimed longer than the event allows."""
    return {"event": request.event.slug, "request_id": request.id, "team": request.team.name,
            "topic": request.topic, "waited_minutes": waited_minutes}


def position(event: Event, team_id: int, request_id: int, place: int, eta_minutes: float | None, eta: str) -> dict:
    """`help_position`: a waiting team's place in the queue and its expected wait."""
    return {"event": event.slug, "team_id": team_id, "request_id": request_id, "position": place,
            "eta_minutes": None if eta_minutes is None else round(eta_minutes, 1), "eta": eta}


def _helper_name(request: HelpRequest) -> str | None:
    return request.claimed_by.display_name if request.is_claimed and request.claimed_by else None


def team_mentors(event: Event, team_id: int, names: list[str]) -> dict:
    """`team_mentors_changed`: a team's standing mentors now, by name."""
    return {"event": event.slug, "team_id": team_id, "mentors": names}


def mentor_teams(event: Event, mentor_id: int, names: list[str]) -> dict:
    """`mentor_teams_changed`: the teams one mentor stands by now, by name."""
    return {"event": event.slug, "mentor_id": mentor_id, "teams": names}
