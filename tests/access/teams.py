"""Teams: the list and team pages are public; forming and joining teams is for participants;
captain-only actions refuse other members; the team tools are for organizers."""
from . import ALLOW, DENY, HIDDEN, LOGIN, Row, everyone, organizers_only

T = "/e/{slug}/teams"


def participants_only(**exceptions) -> dict:
    """Participants of this event; organizers and admins pass the door but the rule refuses them (403)."""
    return {"*": DENY, "anonymous": LOGIN, "participant": ALLOW, **exceptions}


# Organizers may hand the captaincy on when a captain has vanished; other staff may not.
CAPTAINCY = participants_only(organizer=ALLOW, site_admin=ALLOW)
# Seeing the finder helps organizers match people; mentors and judges don't form teams.
FINDER = participants_only(organizer=ALLOW, site_admin=ALLOW)
# Anyone may read an invite link's page; it explains (403) why staff can't use it.
JOIN_PAGE = everyone(ALLOW, mentor=DENY, judge=DENY, organizer=DENY, other_organizer=DENY, site_admin=DENY,
                     volunteer=DENY)

ROWS = [
    Row("GET", T + "/", everyone()),
    Row("GET", "/e/{draft_slug}/teams/", {"*": HIDDEN, "site_admin": ALLOW}),
    Row("GET", T + "/new", participants_only()),
    Row("POST", T + "/new", participants_only(), {"name": "Fresh Team"}),
    Row("GET", T + "/{team_id}", everyone()),
    Row("GET", T + "/{other_team_id}", everyone(HIDDEN)),
    Row("GET", T + "/{team_id}/panel", everyone()),
    Row("GET", T + "/{team_id}/edit", participants_only()),
    Row("POST", T + "/{team_id}/edit", participants_only(), {"name": "Renamed"}),
    Row("POST", T + "/{team_id}/code", participants_only()),
    Row("GET", T + "/{team_id}/join/{team_code}", JOIN_PAGE),
    Row("POST", T + "/{team_id}/join/{team_code}", participants_only()),
    Row("POST", T + "/code", participants_only(organizer=ALLOW, site_admin=ALLOW), {"code": "{team_code}"}),
    Row("POST", T + "/{team_id}/requests", participants_only(), {"message": "Hi"}),
    Row("POST", T + "/{team_id}/invitations/{seeker_id}", participants_only()),
    Row("POST", T + "/asks/{ask_id}/accept", participants_only()),
    Row("POST", T + "/asks/{ask_id}/decline", participants_only()),
    Row("POST", T + "/asks/{ask_id}/withdraw", participants_only(participant=DENY)),
    Row("POST", T + "/{team_id}/leave", participants_only()),
    Row("POST", T + "/{team_id}/members/{member_id}/remove", participants_only()),
    Row("POST", T + "/{team_id}/members/{member_id}/captain", CAPTAINCY),
    Row("GET", T + "/finder", FINDER),
    Row("POST", T + "/looking", participants_only(), {"note": "Backend dev"}),
    Row("POST", T + "/looking/stop", participants_only(organizer=ALLOW, site_admin=ALLOW)),
    Row("GET", T + "/manage", organizers_only()),
    Row("POST", T + "/manage/move", organizers_only(), {"user_id": "{seeker_id}", "team_id": "{team_id}"}),
    Row("POST", T + "/manage/{team_id}/disband", organizers_only()),
    Row("POST", T + "/manage/{other_team_id}/disband", {**organizers_only(), "organizer": HIDDEN, "site_admin": HIDDEN}),
    Row("GET", T + "/manage/export.csv", organizers_only()),
]
