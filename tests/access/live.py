"""The live channel: organizers' announcements, the big screen and the live API."""
from . import ALLOW, DENY, HIDDEN, LOGIN, Row, everyone, organizers_only

DRAFT_ONLY_ADMINS = {"*": HIDDEN, "site_admin": ALLOW}

ROWS = [
    Row("GET", "/e/{slug}/live/announcements", organizers_only()),
    Row("GET", "/e/{draft_slug}/live/announcements", DRAFT_ONLY_ADMINS),
    Row("POST", "/e/{slug}/live/announcements", organizers_only(), {"text": "Pizza is here", "level": "info"}),
    Row("POST", "/e/{slug}/live/announcements/{announcement_id}/retract", organizers_only()),
    Row("POST", "/e/{slug}/live/announcements/{other_announcement_id}/retract",
        {"*": DENY, "anonymous": LOGIN, "organizer": HIDDEN, "site_admin": HIDDEN}),
    Row("GET", "/e/{slug}/screen", everyone()),
    Row("GET", "/e/{draft_slug}/screen", DRAFT_ONLY_ADMINS),
    Row("GET", "/api/v1/events/{slug}/clock", everyone()),
    Row("GET", "/api/v1/events/{draft_slug}/clock", DRAFT_ONLY_ADMINS),
    Row("GET", "/api/v1/events/no-such-event/clock", everyone(HIDDEN)),
    Row("GET", "/api/v1/events/{slug}/announcements", everyone()),
    Row("GET", "/api/v1/events/{draft_slug}/announcements", DRAFT_ONLY_ADMINS),
]
