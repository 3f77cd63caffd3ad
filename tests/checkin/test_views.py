"""The check-in desk: a volunteer checks people in and sees nothing else; the count goes live."""
from tests.factories import make_application, make_event, make_member


def test_a_volunteer_checks_someone_in_by_typed_code(client, auth, app, live_socket):
    event = make_event("hacking")
    application = make_application(event, status="confirmed")
    auth.login_as("volunteer", event)
    socket = live_socket(event)
    response = client.post(f"/e/{event.slug}/checkin/", data={"code": application.checkin_display})
    assert response.status_code == 200 and "is checked in" in response.get_data(as_text=True)
    assert socket.received("checked_in")[-1]["args"][0]["checked_in"] == 1
    again = client.post(f"/e/{event.slug}/checkin/", data={"code": application.checkin_code})
    assert "was already checked in at" in again.get_data(as_text=True)


def test_a_wrong_code_is_explained_with_422(client, auth, app):
    event = make_event("hacking")
    auth.login_as("volunteer", event)
    response = client.post(f"/e/{event.slug}/checkin/", data={"code": "ZZZZ-ZZZZ"})
    assert response.status_code == 422 and "No confirmed participant" in response.get_data(as_text=True)


def test_checking_in_by_name(client, auth, app):
    event = make_event("hacking")
    application = make_application(event, status="confirmed")
    auth.login_as("volunteer", event)
    page = client.get(f"/e/{event.slug}/checkin/?q={application.user.display_name}").get_data(as_text=True)
    assert application.user.display_name in page
    response = client.post(f"/e/{event.slug}/checkin/{application.id}")
    assert "is checked in" in response.get_data(as_text=True)


def test_the_volunteer_sees_only_the_desk(client, auth, app):
    event = make_event("hacking")
    auth.login_as("volunteer", event)
    for path in ("/manage/", "/manage/applications", "/manage/people", "/teams/manage"):
        assert client.get(f"/e/{event.slug}{path}").status_code == 403, path
    page = client.get(f"/e/{event.slug}/").get_data(as_text=True)
    assert "Check-in</a>" in page and "Organize" not in page


def test_the_console_shows_the_check_in_count(client, auth, app):
    event = make_event("hacking")
    application = make_application(event, status="confirmed")
    auth.login_as("organizer", event)
    client.post(f"/e/{event.slug}/checkin/{application.id}")
    page = client.get(f"/e/{event.slug}/manage/").get_data(as_text=True)
    assert '<dd data-checked-in-count>1</dd>' in page


def test_staff_of_another_role_cannot_use_the_desk(client, auth, app):
    event = make_event("hacking")
    auth.login(make_member(event, "mentor"))
    assert client.get(f"/e/{event.slug}/checkin/").status_code == 403
