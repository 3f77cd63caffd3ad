"""The help queue's entries as plain data: mentors' queue pages apply each `help_queue_changed` in
place with these (static/js/mentors.js), so forty open queue pages cost no fetches after a change."""
from ..markup import render_markdown
from ..models import HelpRequest
from ..templating import format_local


def queue_entry(request: HelpRequest) -> dict:
    """One request as the queue shows it; where it goes follows from `status` (open: waiting, claimed:
    being helped, anything else: gone)."""
    event = request.event
    return {
        "id": request.id, "status": request.status, "team": request.team.name, "topic": request.topic,
        "tags": request.tag_names, "location": request.location,
        "description_html": str(render_markdown(request.description)) if request.description else "",
        "asked_at": format_local(request.created_at, event, "%H:%M"),
        "queued_at_ms": int(request.queued_at.timestamp() * 1000),
        "asked_mentor_id": request.asked_mentor_id,
        "offered_to_all": request.matching_until is None, "release_count": request.release_count,
        "mentor_id": request.claimed_by_id if request.is_claimed else None,
        "mentor": request.claimed_by.display_name if request.is_claimed and request.claimed_by else None,
        "claimed_at": format_local(request.claimed_at, event, "%H:%M") if request.is_claimed else None,
    }
