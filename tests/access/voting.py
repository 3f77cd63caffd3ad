"""People's choice: the public vote page, the code form, the organizers' controls and the API.

The world's event is in registration (voting can't open), so votes and codes there get a 409 for
everyone who may try; the judging event has voting open and a voting code.
"""
from . import ALLOW, DENY, HIDDEN, LOGIN, Row, everyone, organizers_only

DRAFT_ONLY_ADMINS = {"*": HIDDEN, "site_admin": ALLOW}
ORGANIZERS_DONT_VOTE = everyone(organizer=DENY)

ROWS = [
    Row("GET", "/e/{slug}/vote", everyone()),
    Row("GET", "/e/{draft_slug}/vote", DRAFT_ONLY_ADMINS),
    Row("POST", "/e/{slug}/vote", ORGANIZERS_DONT_VOTE, {"submission_id": "{submission_id}"}),
    Row("POST", "/e/{judging_slug}/vote", everyone(), {"submission_id": "{judging_submission_id}"}),
    Row("POST", "/e/{slug}/vote/code", ORGANIZERS_DONT_VOTE, {"code": "{voting_code}"}),
    Row("POST", "/e/{judging_slug}/vote/code", everyone(), {"code": "{judging_voting_code}"}),
    Row("POST", "/e/{slug}/vote/code/forget", everyone()),
    Row("POST", "/e/{draft_slug}/vote/code/forget", DRAFT_ONLY_ADMINS),
    Row("GET", "/e/{slug}/live/voting", organizers_only()),
    Row("GET", "/e/{draft_slug}/live/voting", DRAFT_ONLY_ADMINS),
    Row("POST", "/e/{slug}/live/voting/open", organizers_only()),
    Row("POST", "/e/{slug}/live/voting/close", organizers_only()),
    Row("POST", "/e/{judging_slug}/live/voting/close", {"*": DENY, "anonymous": LOGIN, "site_admin": ALLOW}),
    Row("POST", "/e/{slug}/live/voting/codes", organizers_only(), {"count": "2", "label": "Desk"}),
    Row("GET", "/e/{slug}/live/voting/codes.csv", organizers_only()),
    Row("GET", "/api/v1/events/{slug}/peoples-choice", everyone()),
    Row("GET", "/api/v1/events/{draft_slug}/peoples-choice", DRAFT_ONLY_ADMINS),
]
