"""Every HTML page carries strict headers, and the live channel answers only this site's pages."""
import re
from pathlib import Path

import pytest

from tests.conftest import build_app
from tests.factories import make_event, make_member

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def policy(response) -> dict[str, str]:
    header = response.headers.get("Content-Security-Policy", "")
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/", "/account/login", "/e/{slug}/", "/e/{slug}/screen", "/e/{slug}/leaderboard",
                                  "/e/no-such-event/", "/e/{slug}/manage/"])
def test_every_html_page_carries_strict_headers(client, auth, app, path):
    event = make_event("hacking")
    auth.login(make_member(event, "organizer"))
    response = client.get(path.format(slug=event.slug))
    assert response.mimetype == "text/html"
    csp = policy(response)
    assert csp["script-src"] == "script-src 'self'" and csp["style-src"] == "style-src 'self'"
    assert csp["default-src"] == "default-src 'self'" and csp["object-src"] == "object-src 'none'"
    assert csp["frame-ancestors"] == "frame-ancestors 'none'" and csp["form-action"] == "form-action 'self'"
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_json_gets_nosniff_too(client, app):
    response = client.get("/api/v1/events")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_an_events_image_hosts_are_allowed_by_its_pages_policy(client, app):
    event = make_event("hacking", image_hosts="i.imgur.com")
    assert policy(client.get(f"/e/{event.slug}/"))["img-src"] == "img-src 'self' https://i.imgur.com"
    assert policy(client.get("/"))["img-src"] == "img-src 'self'"


def test_templates_hold_no_inline_script_handlers_or_styles():
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), template
        assert not re.search(r"\son[a-z]+\s*=", text), template
        assert not re.search(r"\sstyle\s*=", text), template


def polling_handshake(client, origin):
    headers = {"Origin": origin} if origin else {}
    return client.get("/socket.io/?EIO=4&transport=polling", headers=headers)


def test_the_live_channel_accepts_only_this_sites_origin(client, app):
    assert polling_handshake(client, "https://attacker.example").status_code == 400
    assert polling_handshake(client, "http://localhost.attacker.example").status_code == 400
    assert polling_handshake(client, "http://localhost").status_code == 200
    assert polling_handshake(client, None).status_code == 200  # not a browser: nothing to forge


def test_deployments_list_the_origins_they_serve_pages_from(_schema, tmp_path):
    client = build_app(_schema, tmp_path, SOCKETIO_ALLOWED_ORIGINS=["https://hack.example.org"]).test_client()
    assert polling_handshake(client, "https://hack.example.org").status_code == 200
    assert polling_handshake(client, "https://attacker.example").status_code == 400
