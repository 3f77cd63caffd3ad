"""Demo registration: every demo participant holds a confirmed seat (with a check-in code), most of
Aurora Hack's have arrived, and Spring Build takes applications with a few waiting for review."""
from datetime import timedelta

from ..extensions import db
from ..models import Application, Question, RegistrationSettings
from ..models.registration import REVIEWED, SUBMITTED
from ..models.types import utcnow
from ..registration import seats

QUESTIONS = [
    ("statement", "I am a current student or graduated in the last 12 months.", "", True, ""),
    ("statement", "I have read the code of conduct and will follow it.", "", True, ""),
    ("short_text", "School or university", "", True, ""),
    ("one_choice", "How many hackathons have you been to?", "", True, "None yet\n1–3\nMore than 3"),
    ("several_choices", "What would you like to work on?", "Choose any.", False,
     "Web\nMobile\nHardware\nData and AI\nDesign"),
    ("url", "GitHub or portfolio", "Optional, but it helps us.", False, ""),
    ("yes_no", "Do you need travel support?", "", True, ""),
    ("long_text", "What would you like to build for teachers?", "A few sentences.", False, ""),
]
SCHOOLS = ["TU Berlin", "Universidad de Chile", "University of Lagos", "ETH Zürich", "KTH Stockholm"]


def confirm_participants(event, participants, checked_in: int = 0, by=None) -> None:
    """Give each participant a confirmed application; the first `checked_in` have arrived."""
    now = utcnow()
    for index, user in enumerate(participants):
        application = Application(event_id=event.id, user_id=user.id, answers={}, created_at=now - timedelta(days=20))
        db.session.add(application)
        seats.confirm_seat(application, now - timedelta(days=19))
        db.session.flush()
        if index < checked_in:
            application.checked_in_at = now - timedelta(hours=3, minutes=2 * index)
            application.checked_in_by_id = by.id if by else None


def take_applications(event, applicants) -> None:
    """Spring Build: a reviewed form with eligibility statements; three applications to review, one
    accepted (to confirm), one confirmed."""
    db.session.add(RegistrationSettings(event_id=event.id, mode=REVIEWED, capacity=40, confirm_hours=72))
    questions = [Question(event_id=event.id, position=i, kind=kind, label=label, help_text=help_text,
                          is_required=required, choices=choices)
                 for i, (kind, label, help_text, required, choices) in enumerate(QUESTIONS)]
    db.session.add_all(questions)
    db.session.flush()
    now, settings = utcnow(), db.session.get(RegistrationSettings, event.id)
    for index, user in enumerate(applicants):
        answers = {str(questions[0].id): True, str(questions[1].id): True, str(questions[2].id): SCHOOLS[index % 5],
                   str(questions[3].id): ["None yet", "1–3", "More than 3"][index % 3],
                   str(questions[4].id): [["Web", "Data and AI"], ["Hardware"], ["Design", "Mobile"]][index % 3],
                   str(questions[6].id): index % 2 == 0}
        application = Application(event_id=event.id, user_id=user.id, answers=answers, status=SUBMITTED,
                                  created_at=now - timedelta(hours=30 - index), updated_at=now)
        db.session.add(application)
        if index == 3:
            seats.offer_seat(application, settings, now - timedelta(hours=2))
        elif index == 4:
            seats.confirm_seat(application, now - timedelta(hours=1))
    db.session.flush()
