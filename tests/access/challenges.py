"""Challenge briefs: public once hacking starts (the world's event is in registration, so briefs
are still hidden from everyone but organizers), written by organizers."""
from . import ALLOW, HIDDEN, Row, everyone, organizers_only

HIDDEN_UNTIL_HACKING = {"*": HIDDEN, "organizer": ALLOW, "site_admin": ALLOW}
ATTACHMENT = "/e/{slug}/challenges/{challenge_id}/attachments/{attachment_id}"

ROWS = [
    Row("GET", "/e/{slug}/challenges/", everyone()),
    Row("GET", "/e/{slug}/challenges/{challenge_id}", HIDDEN_UNTIL_HACKING),
    Row("GET", "/e/{live_slug}/challenges/{live_challenge_id}", everyone()),
    Row("GET", "/e/{live_slug}/challenges/{live_draft_challenge_id}", {"*": HIDDEN, "site_admin": ALLOW}),
    Row("GET", "/e/{slug}/challenges/new", organizers_only()),
    Row("POST", "/e/{slug}/challenges/new", organizers_only(), {"title": "Grid"}),
    Row("GET", "/e/{slug}/challenges/{challenge_id}/edit", organizers_only()),
    Row("POST", "/e/{slug}/challenges/{challenge_id}/edit", organizers_only(), {"title": "Grid"}),
    Row("POST", "/e/{slug}/challenges/{challenge_id}/attachments", organizers_only()),
    Row("POST", ATTACHMENT + "/delete", organizers_only()),
    Row("GET", ATTACHMENT + "/notes.txt", HIDDEN_UNTIL_HACKING),
]
