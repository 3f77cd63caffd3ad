"""Wiring of the live pages and API: status codes, messages, and what each page shows."""
from datetime import timedelta

import pytest

from hackathon.extensions import db
from hackathon.models import Announcement
from hackathon.models.types import utcnow
from tests.factories import make_announcement, make_event, make_member


@pytest.fixture
def event(app):
    return make_event("hacking", name="Aurora", timezone="Europe/Berlin")


@pytest.fixture
def organizer(event, auth):
    return auth.login_as("organizer", event)


def _post(client, event, **data):
    return client.post(f"/e/{event.slug}/live/announcements", data={"level": "info", **data})


def test_organizer_posts_an_announcement(client, event, organizer):
    response = _post(client, event, text="Pizza is here", level="warning")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Announcement published on every screen." in page and "Pizza is here" in page
    assert "Pizza is here" in client.get(f"/e/{event.slug}/").get_data(as_text=True)


@pytest.mark.parametrize("data, status, message", [
    ({"text": ""}, 422, "can&#39;t be empty"),
    ({"text": "   "}, 422, "can&#39;t be empty"),
    ({"text": "x" * 281}, 422, "Keep it to 280 characters"),
    ({"text": "Hi", "level": "shouting"}, 422, "Choose a level: info, warning, urgent."),
    ({"text": "Hi", "publish_at": "yesterday"}, 422, "Not a valid datetime value"),
    ({"text": "Hi", "publish_at": "2001-01-01T10:00"}, 422, "That time has passed"),
])
def test_bad_input_is_refused_with_a_clear_message(client, event, organizer, data, status, message):
    response = _post(client, event, **data)
    assert response.status_code == status
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(Announcement)) == 0


def test_scheduling_reads_the_time_in_the_events_zone(client, event, organizer):
    local = (utcnow() + timedelta(hours=2)).astimezone(event.zone).replace(second=0, microsecond=0)
    response = _post(client, event, text="Demo time", publish_at=local.strftime("%Y-%m-%dT%H:%M"))
    assert response.status_code == 302
    announcement = db.session.scalar(db.select(Announcement))
    assert announcement.status == "scheduled" and announcement.publish_at == local
    page = client.get(f"/e/{event.slug}/").get_data(as_text=True)
    assert "Demo time" not in page  # not yet public


def test_retract_and_retract_again(client, event, organizer):
    announcement = make_announcement(event, "Wrong room")
    url = f"/e/{event.slug}/live/announcements/{announcement.id}/retract"
    response = client.post(url)
    assert response.status_code == 302
    assert "Wrong room" not in client.get(f"/e/{event.slug}/").get_data(as_text=True)
    again = client.post(url)
    assert again.status_code == 409 and "already taken down" in again.get_data(as_text=True)


def test_cancel_a_scheduled_announcement(client, event, organizer):
    announcement = make_announcement(event, publish_at=utcnow() + timedelta(hours=1))
    response = client.post(f"/e/{event.slug}/live/announcements/{announcement.id}/retract", follow_redirects=True)
    assert "Scheduled announcement cancelled." in response.get_data(as_text=True)


def test_event_pages_carry_what_live_js_needs(client, event):
    announcement = make_announcement(event, "<b>Hello</b>")
    page = client.get(f"/e/{event.slug}/").get_data(as_text=True)
    assert f'data-live-event="{event.slug}"' in page
    assert f'data-last-announcement-id="{announcement.id}"' in page
    assert "/static/js/live.js" in page and "/static/vendor/socket.io.min.js" in page
    assert "&lt;b&gt;Hello&lt;/b&gt;" in page and "<b>Hello</b>" not in page


def test_pages_without_an_event_load_no_live_channel(client, app):
    page = client.get("/").get_data(as_text=True)
    assert "live.js" not in page and "data-live-event" not in page


def test_big_screen_shows_countdown_board_placeholder_ticker_and_qr(client, event):
    make_announcement(event, "Welcome to Aurora")
    page = client.get(f"/e/{event.slug}/screen").get_data(as_text=True)
    assert "data-countdown" in page and "data-leaderboard-region" in page
    assert "The leaderboard appears when judges start scoring." in page
    assert "Welcome to Aurora" in page
    assert 'class="qr-code"' in page and f"http://localhost/e/{event.slug}/" in page
    assert 'src="http' not in page and 'href="http' not in page  # every asset served locally


def test_clock_api(client, event):
    clock = client.get(f"/api/v1/events/{event.slug}/clock").get_json()
    assert clock["event"] == event.slug and clock["phase"] == "hacking" and clock["remaining_ms"] > 0
    assert set(clock) >= {"server_now_ms", "ends_at_ms", "paused", "next_milestone", "phase_label"}


def test_announcements_api_since_id(client, event):
    one, two = make_announcement(event, "One", "urgent"), make_announcement(event, "Two")
    data = client.get(f"/api/v1/events/{event.slug}/announcements").get_json()
    assert [a["text"] for a in data["announcements"]] == ["One", "Two"] and data["last_id"] == two.id
    first = data["announcements"][0]
    assert first == {"id": one.id, "event": event.slug, "text": "One", "level": "urgent",
                     "at_ms": int(one.published_at.timestamp() * 1000)}
    data = client.get(f"/api/v1/events/{event.slug}/announcements?since_id={one.id}").get_json()
    assert [a["id"] for a in data["announcements"]] == [two.id] and data["retracted_ids"] == []
    data = client.get(f"/api/v1/events/{event.slug}/announcements?since_id={two.id}").get_json()
    assert data["announcements"] == [] and data["last_id"] == two.id


def test_announcements_api_reports_retractions(client, event, app):
    announcement = make_announcement(event)
    from hackathon.live.services import retract_announcement

    retract_announcement(announcement, None)
    data = client.get(f"/api/v1/events/{event.slug}/announcements?since_id=0").get_json()
    assert data["announcements"] == [] and data["retracted_ids"] == [announcement.id]


@pytest.mark.parametrize("since_id", ["abc", "-1", "1.5", "9" * 30])
def test_announcements_api_refuses_a_bad_since_id(client, event, since_id):
    response = client.get(f"/api/v1/events/{event.slug}/announcements?since_id={since_id}")
    assert response.status_code == 400
    assert "since_id must be a whole number" in response.get_json()["error"]["message"]


def test_api_hides_drafts_with_a_json_404(client, app):
    draft = make_event(is_published=False)
    response = client.get(f"/api/v1/events/{draft.slug}/clock")
    assert response.status_code == 404 and response.get_json()["error"]["code"] == "not_found"


def test_console_links_to_announcements_and_screen(client, event, organizer):
    page = client.get(f"/e/{event.slug}/manage/").get_data(as_text=True)
    assert f"/e/{event.slug}/live/announcements" in page and f"/e/{event.slug}/screen" in page


def test_participants_see_no_announcement_console(client, event, auth):
    auth.login_as("participant", event)
    page = client.get(f"/e/{event.slug}/").get_data(as_text=True)
    assert "/live/announcements" not in page
