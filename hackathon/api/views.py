"""The public JSON API, version 1 (docs/API.md)."""
from flask import Blueprint, jsonify, url_for
from flask_login import current_user

from ..events import services as event_services
from ..realtime.payloads import clock_payload

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.route("/events")
def events():
    groups = event_services.list_hub_events(current_user)
    return jsonify(events=[_event_summary(event, group) for group, listed in groups.items() for event in listed])


def _event_summary(event, group: str) -> dict:
    clock = clock_payload(event)
    return {
        "slug": event.slug,
        "name": event.name,
        "tagline": event.tagline,
        "phase": clock["phase"],
        "listing": group,
        "timezone": event.timezone,
        "hacking_starts_at": event.hacking_starts_at.isoformat(),
        "submissions_due_at": event.submissions_due_at.isoformat(),
        "results_at": event.results_at.isoformat(),
        "clock": clock,
        "url": url_for("events.show", slug=event.slug, _external=True),
    }
