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


def export_rows(rows: list[StatusRow]) -> list[dict]:
    """One plain dict per team, for CSV and JSON exports."""
    return [{
        "team_id": row.team.id, "team": row.team.name, "status": row.status,
        "title": row.submission.title if row.submission else "",
        "tagline": row.submission.tagline if row.submission else "",
        "repo_url": row.submission.repo_url if row.submission else "",
        "demo_url": row.submission.demo_url if row.submission else "",
        "video_url": row.submission.video_url if row.submission else "",
        "challenges": "; ".join(c.title for c in row.submission.challenges) if row.submission else "",
        "technologies": "; ".join(row.submission.technology_names) if row.submission else "",
        "submitted_at": row.submission.submitted_at.isoformat() if row.submission and row.submission.submitted_at else "",
        "deadline": row.deadline.isoformat(),
        "disqualified_reason": row.submission.disqualified_reason if row.submission else "",
    } for row in rows]

