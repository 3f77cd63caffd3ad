"""The public JSON API, version 1 (docs/API.md)."""
import re

from flask import Blueprint, abort, jsonify, request, url_for
from flask_login import current_user

from ..access import load_event
from ..events import services as event_services
from ..challenges.services import challenge_filter
from ..live import leaderboard as public_leaderboard
from ..live import services as live_services
from ..realtime.payloads import announcement_payload, clock_payload
from ..voting.results import results_payload

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.route("/events")
def events():
    groups = event_services.list_hub_events(current_user)
    return jsonify(events=[_event_summary(event, group) for group, listed in groups.items() for event in listed])


@bp.route("/events/<slug>/clock")
def clock(slug):
    return jsonify(clock_payload(load_event(slug)))


@bp.route("/events/<slug>/announcements")
def announcements(slug):
    event = load_event(slug)
    since_id = _since_id()
    listed = live_services.announcements_since(event, since_id)
    return jsonify(
        event=event.slug,
        announcements=[announcement_payload(announcement) for announcement in listed],
        retracted_ids=live_services.retracted_ids(event),
        last_id=listed[-1].id if listed else since_id or 0,
    )


@bp.route("/events/<slug>/leaderboard")
def leaderboard(slug):
    event = load_event(slug)
    return jsonify(public_leaderboard.board_payload(event, challenge_filter(event, request.args.get("challenge"), can_manage=False)))


@bp.route("/events/<slug>/peoples-choice")
def peoples_choice(slug):
    return jsonify(results_payload(load_event(slug)))


def _since_id() -> int | None:
    raw = request.args.get("since_id", "")
    if raw == "":
        return None
    if not re.fullmatch(r"[0-9]{1,18}", raw):
        abort(400, description="since_id must be a whole number: the id of the last announcement you have.")
    return int(raw)


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
