"""Help requests as CSV for organizers, through the one formula-safe writer (spreadsheets.py)."""
from ..models import Event
from ..spreadsheets import csv_text
from . import queries
from .figures import service_minutes, wait_minutes

HEADER = ["id", "team", "topic", "tags", "status", "asked for", "asked at", "first claimed at", "waited (min)",
          "resolved by", "resolved at", "service (min)", "releases", "flagged", "rating", "feedback", "description"]


def requests_csv(event: Event) -> str:
    """One row per help request of the event, oldest first; times in the event's time zone."""
    return csv_text(HEADER, (_row(event, request) for request in queries.all_requests(event)))


def _row(event: Event, request) -> list:
    def when(moment):
        return event.local(moment).strftime("%Y-%m-%d %H:%M") if moment else ""

    def minutes(value):
        return round(value, 1) if value is not None else ""

    return [request.id, request.team.name, request.topic, ", ".join(request.tag_names), request.status,
            request.asked_mentor.display_name if request.asked_mentor else "", when(request.created_at),
            when(request.first_claimed_at), minutes(wait_minutes(request)),
            request.resolved_by.display_name if request.resolved_by else "", when(request.resolved_at),
            minutes(service_minutes(request)), request.release_count, "yes" if request.flagged_at else "",
            request.rating if request.rating is not None else "", request.feedback, request.description]
