"""Filters and globals the templates use to display data (never to decide rules)."""
from datetime import datetime, timedelta

from flask import Flask, g

from .forms import ActionForm
from .markup import render_markdown
from .schedule import PHASE_LABELS


def format_local(moment: datetime | None, event=None, pattern: str = "%a %d %b %Y, %H:%M") -> str:
    """A UTC moment shown in the event's time zone (or UTC), with the zone's abbreviation."""
    if moment is None:
        return "—"
    local = event.local(moment) if event is not None else moment
    return f"{local.strftime(pattern)} {local.tzname()}"


def format_duration(delta: timedelta | None) -> str:
    """'2d 03:04:05' style countdown text."""
    if delta is None:
        return "—"
    seconds = max(int(delta.total_seconds()), 0)
    days, seconds = divmod(seconds, 86400)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    clock = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    return f"{days}d {clock}" if days else clock


def iso_ms(moment: datetime | None) -> int | None:
    return None if moment is None else int(moment.timestamp() * 1000)


FIELD_LABELS = {
    "title": "the title", "tagline": "the tagline", "description": "the description",
    "repo_url": "the repository link", "demo_url": "the demo link", "video_url": "the video link",
    "technologies": "the technologies", "challenges": "the challenges", "files": "the files",
    "status": "the status (submitted)",
}


def field_label(name: str) -> str:
    """A submission field's name as people say it ('repo_url' -> 'the repository link')."""
    return FIELD_LABELS.get(name, name)


def ordinal(number: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th', 23 -> '23rd'."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def markdown_of(text: str | None, event=None):
    """Render Markdown written for `event`, with the image hosts its organizers allow."""
    return render_markdown(text, event.allowed_image_hosts if event is not None else frozenset())


def register(app: Flask) -> None:
    app.jinja_env.filters.update(
        markdown=markdown_of, local=format_local, duration=format_duration, ms=iso_ms, field_label=field_label,
        ordinal=ordinal,
    )
    app.jinja_env.globals.update(phase_label=lambda phase: PHASE_LABELS.get(phase, phase))

    @app.context_processor
    def current_event_context():
        return {
            "current_event": g.get("event"),
            "current_roles": g.get("roles", frozenset()),
            "current_can_manage": g.get("can_manage", False),
            # Only its CSRF token is shown; never read the body (an error page may answer an unreadable one).
            "action_form": ActionForm(formdata=None),
        }
