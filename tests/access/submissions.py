"""Submissions: a team's own form, the gallery (open from judging on), organizer tools.
The world's event is in registration: the gallery is closed, entries are visible to their team
(the world's participant is in the entry's team) and to organizers."""
from . import ALLOW, DENY, HIDDEN, LOGIN, Row, everyone, organizers_only

OWN_OR_ORGANIZER = {"*": HIDDEN, "participant": ALLOW, "organizer": ALLOW, "site_admin": ALLOW}
PARTICIPANTS = {"*": DENY, "anonymous": LOGIN, "participant": ALLOW,
                # organizers pass the role check but have no team: told to join one
                "organizer": DENY, "site_admin": DENY}

ROWS = [
    Row("GET", "/e/{slug}/submission", PARTICIPANTS),
    Row("POST", "/e/{slug}/submission", PARTICIPANTS, {"title": "Sun Tracker"}),
    Row("POST", "/e/{slug}/submission/files/{submission_file_id}/delete", PARTICIPANTS),
    Row("GET", "/e/{slug}/projects/", everyone()),
    Row("GET", "/e/{slug}/projects/{submission_id}", OWN_OR_ORGANIZER),
    Row("GET", "/e/{slug}/projects/{submission_id}/files/{submission_file_id}/shot.png", OWN_OR_ORGANIZER),
    Row("GET", "/e/{judging_slug}/projects/{judging_submission_id}", everyone()),
    Row("GET", "/e/{slug}/submissions/", organizers_only()),
    Row("GET", "/e/{slug}/submissions/export.csv", organizers_only()),
    Row("GET", "/e/{slug}/submissions/export.json", organizers_only()),
    Row("POST", "/e/{slug}/submissions/{submission_id}/disqualify", organizers_only(), {"reason": "copied"}),
    Row("POST", "/e/{slug}/submissions/{submission_id}/reinstate", organizers_only()),
    Row("POST", "/e/{slug}/submissions/extensions", organizers_only(), {"team_id": "0", "minutes": "5", "reason": "x"}),
]
