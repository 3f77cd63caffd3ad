"""Teams as CSV for organizers (badges, room plans, prize forms)."""
from ..models import Event
from ..spreadsheets import csv_text
from .queries import list_teams

HEADER = ["team", "status", "captain", "member", "email", "joined", "team size", "wanted skills", "pitch"]


def teams_csv(event: Event) -> str:
    """One row per member (one row for a team without members), every team of the event."""
    return csv_text(HEADER, _member_rows(event))


def _member_rows(event: Event):
    for team in list_teams(event):
        status = "dissolved" if team.is_dissolved else "complete" if team.meets_minimum else "too small"
        common = [team.name, status, team.captain.display_name if team.captain else ""]
        tail = [team.size, ", ".join(team.skill_names), team.pitch]
        for member in team.members or [None]:
            person = [member.user.display_name, member.user.email,
                      event.local(member.joined_at).strftime("%Y-%m-%d %H:%M")] if member else ["", "", ""]
            yield common + person + tail
