"""Read-only views of an event's entries: the gallery, the organizer's status table, exports."""
from dataclasses import dataclass
from datetime import datetime

from ..extensions import db
from ..models import Event, Submission
from ..schedule import CLOSED, JUDGING, RESULTS
from .deadline import team_deadline

GALLERY_PHASES = (JUDGING, RESULTS, CLOSED)


def gallery_is_open(event: Event) -> bool:
    """The public gallery opens when judging starts."""
    return event.clock().phase in GALLERY_PHASES


def gallery_entries(event: Event, challenge_id: int | None = None) -> list[Submission]:
    """Submitted, not disqualified entries, optionally of one challenge."""
    query = db.select(Submission).where(Submission.event_id == event.id, Submission.is_judged)
    if challenge_id is not None:
        query = query.where(Submission.challenges.any(id=challenge_id))
    return list(db.session.scalars(query.order_by(Submission.title)))


@dataclass
class StatusRow:
    team: object
    submission: Submission | None
    status: str  # none / draft / submitted / late / disqualified
    deadline: datetime


def status_rows(event: Event, teams) -> list[StatusRow]:
    """Every team's entry status, for the organizer's table and exports."""
    by_team = {s.team_id: s for s in db.session.scalars(db.select(Submission).where(Submission.event_id == event.id))}
    return [_status_row(event, team, by_team.get(team.id)) for team in teams]


def _status_row(event: Event, team, submission: Submission | None) -> StatusRow:
    deadline = team_deadline(event, team.id)
    if submission is None:
        status = "none"
    elif submission.is_disqualified:
        status = "disqualified"
    elif not submission.is_submitted:
        status = "draft"
    else:
        status = "late" if submission.submitted_at > event.submissions_due_at else "submitted"
    return StatusRow(team, submission, status, deadline)


def export_records(rows: list[StatusRow], file_url) -> list[dict]:
    """One record per team for the JSON export: its members (with e-mail: exports are the
    organizers'), the entry's words, links, challenges, technologies and files (`file_url(file)`)."""
    return [_export_record(row, file_url) for row in rows]


def export_rows(rows: list[StatusRow], file_url) -> list[dict]:
    """The same records flattened for a spreadsheet: lists become "; "-separated text."""
    return [{**record,
             "members": "; ".join(f"{m['name']} <{m['email']}>" for m in record["members"]),
             "challenges": "; ".join(record["challenges"]), "technologies": "; ".join(record["technologies"]),
             "files": "; ".join(f["url"] for f in record["files"])}
            for record in export_records(rows, file_url)]


def _export_record(row: StatusRow, file_url) -> dict:
    entry = row.submission
    members = sorted(row.team.members, key=lambda member: member.joined_at)
    return {
        "team_id": row.team.id, "team": row.team.name, "status": row.status,
        "members": [{"name": m.user.display_name, "email": m.user.email,
                     "captain": m.user_id == row.team.captain_id} for m in members],
        "entry_id": entry.id if entry else None,
        "title": entry.title if entry else "", "tagline": entry.tagline if entry else "",
        "description": entry.description if entry else "",
        "repo_url": entry.repo_url if entry else "", "demo_url": entry.demo_url if entry else "",
        "video_url": entry.video_url if entry else "",
        "challenges": [c.title for c in entry.challenges] if entry else [],
        "technologies": list(entry.technology_names) if entry else [],
        "files": [{"kind": f.kind, "name": f.original_name, "url": file_url(f)} for f in entry.files] if entry else [],
        "submitted_at": entry.submitted_at.isoformat() if entry and entry.submitted_at else "",
        "deadline": row.deadline.isoformat(),
        "disqualified_reason": entry.disqualified_reason if entry else "",
    }
