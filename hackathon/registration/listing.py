"""The organizers' application list: filters on status, name and answers, and the CSV exports."""
from dataclasses import dataclass

from ..extensions import db
from ..models import Application, Event, Question, User
from ..models.registration import STATUSES
from ..models.user import name_or_email_contains
from ..spreadsheets import csv_text
from . import seats
from .answers import answer_text


@dataclass
class Filters:
    status: str = ""
    search: str = ""
    question_id: int | None = None
    answer: str = ""

    @classmethod
    def from_args(cls, args) -> "Filters":
        status = args.get("status", "")
        question = args.get("question", "")
        return cls(status=status if status in STATUSES else "", search=args.get("q", "").strip()[:100],
                   question_id=int(question) if question.isdigit() and len(question) < 10 else None,
                   answer=args.get("answer", "").strip()[:100])


@dataclass
class Row:
    application: Application
    user: User
    position: int | None
    answers: list[str]


def application_rows(event: Event, questions: list[Question], filters: Filters) -> list[Row]:
    """Applications matching the filters, oldest first, with their answers as text."""
    query = db.select(Application, User).join(User, User.id == Application.user_id).where(
        Application.event_id == event.id).order_by(Application.created_at, Application.id)
    if filters.status:
        query = query.where(Application.status == filters.status)
    if filters.search:
        query = query.where(name_or_email_contains(filters.search))
    asked = next((q for q in questions if q.id == filters.question_id), None)
    rows, positions = [], seats.waitlist_positions(event)
    for application, user in db.session.execute(query):
        texts = [answer_text(question, application.answers) for question in questions]
        if asked is not None and filters.answer.lower() not in answer_text(asked, application.answers).lower():
            continue
        rows.append(Row(application, user, positions.get(application.id), texts))
    return rows


def applications_csv(event: Event, questions: list[Question]) -> str:
    """Every application with its answers; no cell can run as a formula."""
    header = ["name", "email", "status", "applied_at", "waitlist_position", "confirm_by", "checked_in_at",
              *[question.label for question in questions]]
    rows = [[row.user.display_name, row.user.email, row.application.status,
             row.application.created_at.isoformat(), row.position or "",
             _iso(row.application.offer_expires_at), _iso(row.application.checked_in_at), *row.answers]
            for row in application_rows(event, questions, Filters())]
    return csv_text(header, rows)


def attendees_csv(event: Event) -> str:
    """Everyone checked in, in order of arrival."""
    rows = db.session.execute(db.select(Application, User).join(User, User.id == Application.user_id).where(
        Application.event_id == event.id, Application.checked_in_at.is_not(None)).order_by(Application.checked_in_at))
    return csv_text(["name", "email", "organization", "checked_in_at", "voting_code"],
                    [[user.display_name, user.email, user.organization, application.checked_in_at.isoformat(),
                      application.voting_code.display if application.voting_code else ""]
                     for application, user in rows])


def _iso(moment) -> str:
    return moment.isoformat() if moment else ""


def answer_pairs(questions: list[Question], answers: dict) -> list[tuple[Question, str]]:
    """Each question with its answer as text (empty when unanswered)."""
    return [(question, answer_text(question, answers)) for question in questions]
