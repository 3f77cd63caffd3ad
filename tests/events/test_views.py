"""The hub, event pages, sign-up, the events API, health and error pages."""
from hackathon.extensions import db
from hackathon.models import Membership
from tests.factories import make_event, make_member, make_user


def test_event_page_shows_phase_countdown_rules_and_local_times(client, app):
    event = make_event("hacking", timezone="Asia/Tokyo", description="## Be kind\n<script>x()</script>")
    page = client.get(f"/e/{event.slug}/").get_data(as_text=True)
    assert "Hacking" in page and "Submissions due" in page and "data-countdown" in page
    assert "<h2>Be kind</h2>" in page and "<script>x()" not in page
    assert "JST" in page  # shown in the event's own time zone


def test_anonymous_visitor_is_offered_sign_up_while_registration_is_open(client, app):
    event = make_event("registration")
    page = client.get(f"/e/{event.slug}/").get_data(as_text=True)
    assert "Sign up to take part" in page


def test_joining_as_a_participant(client, auth, app):
    event = make_event("registration")
    user = make_user()
    auth.login(user)
    response = client.post(f"/e/{event.slug}/join")
    assert response.status_code == 302
    assert db.session.scalar(db.select(Membership.role).where(Membership.user_id == user.id)) == "participant"
    assert "You are a <strong>participant</strong>" in client.get(f"/e/{event.slug}/").get_data(as_text=True)


def test_joining_when_registration_is_closed_says_why_with_409(client, auth, app):
    event = make_event("judging")
    auth.login(make_user())
    response = client.post(f"/e/{event.slug}/join")
    assert response.status_code == 409 and "Registration for" in response.get_data(as_text=True)


def test_a_judge_trying_to_join_is_told_why(client, auth, app):
    event = make_event("registration")
    auth.login(make_member(event, "judge"))
    response = client.post(f"/e/{event.slug}/join")
    assert response.status_code == 409 and "You are a judge" in response.get_data(as_text=True)


def test_events_api_lists_published_events_with_phase(client, app):
    live = make_event("hacking", name="Live One")
    make_event("hacking", is_published=False)
    body = client.get("/api/v1/events").get_json()
    assert [(e["slug"], e["name"], e["phase"]) for e in body["events"]] == [(live.slug, "Live One", "hacking")]
    assert body["events"][0]["clock"]["remaining_ms"] > 0


def test_api_errors_are_json(client, app):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert set(response.get_json()["error"]) == {"code", "message"}


def test_healthz_reports_the_database(client, app):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok", "message_queue": "not configured"}


def test_healthz_reports_an_unreachable_message_queue_as_503(client, app):
    app.config["SOCKETIO_MESSAGE_QUEUE"] = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503 and response.get_json()["message_queue"].startswith("error")


def test_unknown_pages_get_a_friendly_404(client, app):
    response = client.get("/no/such/page")
    assert response.status_code == 404 and "Go to the events" in response.get_data(as_text=True)


def test_wrong_method_gets_405_not_500(client, app):
    assert client.get("/account/logout").status_code == 405


def test_navigation_shows_the_console_only_to_organizers(client, auth, app):
    event = make_event()
    auth.login(make_member(event, "participant"))
    assert "Console" not in client.get(f"/e/{event.slug}/").get_data(as_text=True)
    auth.logout()
    auth.login(make_member(event, "organizer"))
    assert "Console" in client.get(f"/e/{event.slug}/").get_data(as_text=True)


def test_ids_too_large_for_the_database_are_404_not_500(client, app):
    event = make_event()
    for path in (f"/e/{event.slug}/teams/99999999999999999999999", f"/e/{event.slug}/projects/99999999999999999999999",
                 f"/e/{event.slug}/challenges/99999999999999999999999"):
        assert client.get(path).status_code == 404, path


def test_numbers_out_of_range_in_forms_and_queries_are_4xx(client, auth, app):
    from tests.factories import make_member

    event = make_event()
    assert client.get(f"/e/{event.slug}/projects/?challenge=99999999999999999999").status_code == 200
    auth.login(make_member(event, "organizer"))
    response = client.post(f"/e/{event.slug}/submissions/extensions",
                           data={"team_id": "99999999999999999999", "minutes": "5", "reason": "x"})
    assert 400 <= response.status_code < 500
    response = client.post(f"/e/{event.slug}/teams/manage/move",
                           data={"user_id": "99999999999999999999", "team_id": "0"})
    assert 400 <= response.status_code < 500


def test_a_draft_event_is_not_named_on_its_own_404_page(client, auth, app):
    draft = make_event(is_published=False, name="Secret Summit", timezone="Pacific/Chatham")
    for visitor in ("anonymous", "participant of another event"):
        if visitor != "anonymous":
            auth.login(make_member(make_event(), "participant"))
        for path in (f"/e/{draft.slug}/", f"/e/{draft.slug}/teams/", f"/e/{draft.slug}/leaderboard"):
            response = client.get(path)
            page = response.get_data(as_text=True)
            assert response.status_code == 404, (visitor, path)
            assert "Secret Summit" not in page and "Chatham" not in page and "phase-badge" not in page, path


def test_organizers_allow_image_hosts_for_their_event(client, auth, app):
    from tests.html_forms import form_values

    event = make_event(description="![logo](https://cdn.example.org/logo.png) ![pixel](https://spy.example/p.gif)")
    assert "cdn.example.org" not in client.get(f"/e/{event.slug}/").get_data(as_text=True)
    auth.login(make_member(event, "organizer"))
    form = form_values(client.get(f"/e/{event.slug}/manage/settings").get_data(as_text=True))
    response = client.post(f"/e/{event.slug}/manage/settings", data={**form, "image_hosts": "not a host!"})
    assert response.status_code == 422 and "not a host name" in response.get_data(as_text=True)
    response = client.post(f"/e/{event.slug}/manage/settings", data={**form, "image_hosts": "CDN.example.org\n"})
    assert response.status_code == 302
    page = client.get(f"/e/{event.slug}/").get_data(as_text=True)
    assert 'src="https://cdn.example.org/logo.png"' in page and "spy.example/p.gif" not in page
