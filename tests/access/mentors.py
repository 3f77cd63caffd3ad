"""Mentoring: the directory is for participants and mentors; profiles, availability and the queue are
for mentors (organizers may watch the queue and return a claim); asking for help is for participants
in a team; the organizers' view is theirs. Another event's help requests don't exist here.
Standing mentors: organizers assign (another event's pairs don't exist here); a mentor's teams page is
theirs (organizers may look).

SOCKET_ROWS says which sockets of the live channel receive each mentoring event;
tests/mentors/test_socket_access.py plays a scenario that sends every one of them and fails for an
event without a row.
"""
from . import ALLOW, DENY, HIDDEN, LOGIN, Row, organizers_only

M = "/e/{slug}/mentors"


def only(*roles, **exceptions) -> dict:
    """These roles of the event (organizers' and admins' outcome given separately); anonymous logs in."""
    return {"*": DENY, "anonymous": LOGIN, **{role: ALLOW for role in roles}, **exceptions}


DIRECTORY = only("participant", "mentor", "organizer", "site_admin")
MENTORS_ONLY = only("mentor")  # organizers pass the door, but only mentors mentor (403)
QUEUE = only("mentor", "organizer", "site_admin")  # organizers may watch the queue
PARTICIPANTS = only("participant")
HELP_PAGE = only("participant", "organizer", "site_admin")  # it tells organizers help comes from teams
OTHER_EVENTS_REQUEST = {"*": DENY, "anonymous": LOGIN, "mentor": HIDDEN, "organizer": HIDDEN, "site_admin": HIDDEN}
OTHER_EVENTS_HELP = {"*": DENY, "anonymous": LOGIN, "participant": HIDDEN, "organizer": HIDDEN, "site_admin": HIDDEN}
OTHER_EVENTS_PAIR = {"*": DENY, "anonymous": LOGIN, "organizer": HIDDEN, "site_admin": HIDDEN}
HELP = {"topic": "Stuck on CORS", "tags": "python", "location": "Table 3", "mentor_id": ""}

ROWS = [
    Row("GET", M + "/", DIRECTORY),
    Row("GET", "/e/{draft_slug}/mentors/", {"*": HIDDEN, "site_admin": ALLOW}),
    Row("GET", M + "/profile", MENTORS_ONLY),
    Row("POST", M + "/profile", MENTORS_ONLY, {"tags": "python, flask", "bio": "Hi", "location": "Table 1"}),
    Row("POST", M + "/availability", MENTORS_ONLY, {"availability": "available", "next": M + "/queue"}),
    Row("GET", M + "/queue", QUEUE),
    Row("GET", M + "/queue/panel", QUEUE),
    # The world's request is claimed by its mentor: claiming again is refused (409, the view ran).
    Row("POST", M + "/requests/{help_request_id}/claim", MENTORS_ONLY),
    Row("POST", M + "/requests/{help_request_id}/resolve", MENTORS_ONLY),
    Row("POST", M + "/requests/{help_request_id}/release", QUEUE),
    Row("POST", M + "/requests/{other_help_request_id}/claim", OTHER_EVENTS_REQUEST),
    Row("GET", M + "/help", HELP_PAGE),
    Row("GET", M + "/help/panel", HELP_PAGE),
    Row("POST", M + "/help", PARTICIPANTS, HELP),
    Row("GET", M + "/help/{help_request_id}/edit", PARTICIPANTS),
    Row("POST", M + "/help/{help_request_id}/edit", PARTICIPANTS, HELP),
    Row("POST", M + "/help/{help_request_id}/cancel", PARTICIPANTS),
    Row("POST", M + "/help/{help_request_id}/feedback", PARTICIPANTS, {"rating": "5"}),
    Row("GET", M + "/help/{other_help_request_id}/edit", OTHER_EVENTS_HELP),
    Row("GET", M + "/manage", organizers_only()),
    Row("GET", M + "/manage/panel", organizers_only()),
    Row("POST", M + "/manage/settings", organizers_only(),
        {"mode": "auto", "match_minutes": "2", "stale_minutes": "10", "claim_timeout_minutes": "30"}),
    Row("GET", M + "/manage/export.csv", organizers_only()),
    # Standing mentors.
    Row("GET", M + "/assign", organizers_only()),
    Row("POST", M + "/assign/run", organizers_only(), {"mentors_per_team": "1"}),
    Row("POST", M + "/assign/pairs", organizers_only(), {"team_id": "{team_id}", "mentor_id": "{mentor_user_id}"}),
    Row("POST", M + "/assign/pairs/{standing_pair_id}/pin", organizers_only()),
    Row("POST", M + "/assign/pairs/{standing_pair_id}/unpin", organizers_only()),
    Row("POST", M + "/assign/pairs/{standing_pair_id}/remove", organizers_only()),
    Row("POST", M + "/assign/pairs/{other_standing_pair_id}/remove", OTHER_EVENTS_PAIR),
    Row("POST", M + "/assign/mentors/{mentor_user_id}/limit", organizers_only(), {"max_teams": "3"}),
    Row("POST", M + "/assign/challenges/{challenge_id}/mentors", organizers_only(), {"mentor_id": "{mentor_user_id}"}),
    Row("POST", M + "/assign/challenges/{challenge_id}/mentors/{mentor_user_id}/remove", organizers_only()),
    Row("GET", M + "/assign/export.csv", organizers_only()),
    Row("GET", M + "/teams", QUEUE),
    Row("GET", M + "/teams/panel", QUEUE),
]

# Live channel: who receives each mentoring event. "team" is a member of the team the event is about,
# "other_team" a participant of another team, "mentor" the mentor it concerns, "other_mentor" another
# mentor of the event, "elsewhere" a mentor of another event. Every socket has asked to watch the
# mentor directory (`watch_mentor_directory`, as the directory page does): only those who may see it join.
SOCKET_VISITORS = ("anonymous", "team", "other_team", "mentor", "other_mentor", "judge", "organizer", "elsewhere")
SOCKET_ROWS = {
    "help_request_changed": {"team"},
    "help_position": {"team"},
    "help_queue_changed": {"mentor", "other_mentor", "organizer"},
    "mentor_notice": {"mentor"},
    "help_request_flagged": {"organizer"},
    "mentor_changed": {"team", "other_team", "mentor", "other_mentor", "organizer"},
    "team_mentors_changed": {"team"},
    "mentor_teams_changed": {"mentor"},
}
