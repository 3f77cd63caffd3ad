"""Applying, the applicant's registration page, the organizers' form, list and exports, and check-in
(volunteers see only check-in)."""
from . import ALLOW, DENY, HIDDEN, LOGIN, Row, members_only, organizers_only


def checkin_desk() -> dict:
    """Check-in volunteers, organizers of this event and site admins; other accounts get 403."""
    return {"*": DENY, "anonymous": LOGIN, "volunteer": ALLOW, "organizer": ALLOW, "site_admin": ALLOW}


def other_event_hidden(outcomes: dict) -> dict:
    """Those who pass the role check find nothing of another event here."""
    return {**outcomes, **{visitor: HIDDEN for visitor, outcome in outcomes.items() if outcome == ALLOW}}


DRAFT = {"*": HIDDEN, "anonymous": LOGIN, "site_admin": ALLOW}

ROWS = [
    Row("GET", "/e/{slug}/apply", members_only()),
    Row("POST", "/e/{slug}/apply", members_only()),
    Row("GET", "/e/{draft_slug}/apply", DRAFT),
    Row("GET", "/e/{slug}/registration", members_only()),
    Row("GET", "/e/{draft_slug}/registration", DRAFT),
    Row("POST", "/e/{slug}/registration/confirm", members_only()),
    Row("POST", "/e/{slug}/registration/withdraw", members_only()),
    Row("POST", "/e/{draft_slug}/registration/withdraw", DRAFT),
    Row("GET", "/e/{slug}/manage/registration", organizers_only()),
    Row("POST", "/e/{slug}/manage/registration/settings", organizers_only(),
        {"mode": "reviewed", "capacity": "20", "confirm_hours": "48"}),
    Row("POST", "/e/{slug}/manage/registration/questions", organizers_only(),
        {"kind": "short_text", "label": "Your school"}),
    Row("POST", "/e/{slug}/manage/registration/questions/{question_id}/remove", organizers_only()),
    Row("POST", "/e/{slug}/manage/registration/questions/{other_question_id}/remove",
        other_event_hidden(organizers_only())),
    Row("GET", "/e/{slug}/manage/applications", organizers_only()),
    Row("GET", "/e/{slug}/manage/applications?status=waitlisted&q=a&question={question_id}&answer=x",
        organizers_only()),
    Row("POST", "/e/{slug}/manage/applications/decide", organizers_only(),
        {"decision": "accept", "application": "{application_id}"}),
    Row("GET", "/e/{slug}/manage/applications/{application_id}", organizers_only()),
    Row("GET", "/e/{slug}/manage/applications/{other_application_id}", other_event_hidden(organizers_only())),
    Row("GET", "/e/{slug}/manage/applications.csv", organizers_only()),
    Row("GET", "/e/{slug}/manage/attendees.csv", organizers_only()),
    Row("GET", "/e/{slug}/checkin/", checkin_desk()),
    Row("GET", "/e/{slug}/checkin/?q=user", checkin_desk()),
    Row("GET", "/e/{draft_slug}/checkin/", {"*": HIDDEN, "anonymous": HIDDEN, "site_admin": ALLOW}),
    Row("POST", "/e/{slug}/checkin/", checkin_desk(), {"code": "{checkin_code}"}),
    Row("POST", "/e/{slug}/checkin/{application_id}", checkin_desk()),
    Row("POST", "/e/{slug}/checkin/{other_application_id}", other_event_hidden(checkin_desk())),
]
