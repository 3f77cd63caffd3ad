"""Help requests and standing mentors as CSV for organizers, through the one formula-safe writer
(spreadsheets.py)."""
from ..models import Event
from ..spreadsheets import csv_text
from . import queries, roster
from .figures import service_minutes, wait_minutes
from .standing_pages import live_pairs

HEADER = ["id", "team", "topic", "tags", "status", "asked for", "asked at", "first claimed at", "waited (min)",
          "resolved by", "resolved at", "service (min)", "releases", "flagged", "rating", "feedback", "description"]


def requests_csv(event: Event) -> str:
    """One row per help request of the event, oldest first; times in the event's time zone."""
    return csv_text(HEADER, (_row(event, request) for request in queries.all_requests(event)))

ASSIGNMENT_HEADER = ["team", "members", "challenges", "wanted skills", "mentor", "mentor e-mail", "pinned",
                     "assigned by", "assigned at"]


def assignments_csv(event: Event) -> str:
    """One row per standing mentor of each live team, by team; a team without one gets a row with no
    mentor, so nobody is missed. Times in the event's time zone."""
    by_team: dict[int, list] = {}
    for pair in live_pairs(event):
        by_team.setdefault(pair.team_id, []).append(pair)
    entries = roster.entries_by_team(event)
    rows = []
    for team in roster.active_teams(event):
        entry = entries.get(team.id)
        about = [team.name, ", ".join(m.user.display_name for m in team.members),
                 ", ".join(c.title for c in entry.challenges) if entry else "", ", ".join(team.skill_names)]
        pairs = sorted(by_team.get(team.id, []), key=lambda p: p.mentor.display_name.lower())
        rows += [about + _mentor_cells(event, pair) for pair in pairs] or [about + [""] * 5]
    return csv_text(ASSIGNMENT_HEADER, rows)


def _mentor_cells(event: Event, pair) -> list:
    by = "planner" if pair.assigned_by_id is None else (pair.assigned_by.display_name if pair.assigned_by else "")
    return [pair.mentor.display_name, pair.mentor.email, "yes" if pair.is_pinned else "", by,
            event.local(pair.created_at).strftime("%Y-%m-%d %H:%M")]


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
