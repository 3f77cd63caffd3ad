"""Teams as CSV for organizers (badges, room plans, prize forms)."""
import csv
import io

from ..models import Event
from .queries import list_teams

HEADER = ["team", "status", "captain", "member", "email", "joined", "team size", "wanted skills", "pitch"]
# Spreadsheets run cells starting with these as formulas; a leading quote makes them plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """The cell as text that a spreadsheet will never evaluate (CSV formula injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def teams_csv(event: Event) -> str:
    """One row per member (one row for a team without members), every team of the event."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for team in list_teams(event):
        status = "dissolved" if team.is_dissolved else "complete" if team.meets_minimum else "too small"
        common = [team.name, status, team.captain.display_name if team.captain else ""]
        tail = [team.size, ", ".join(team.skill_names), team.pitch]
        for member in team.members or [None]:
            person = [member.user.display_name, member.user.email,
                      event.local(member.joined_at).strftime("%Y-%m-%d %H:%M")] if member else ["", "", ""]
            writer.writerow([safe_cell(value) for value in common + person + tail])
    return out.getvalue()
