"""Registration pages: the form keeps what was typed, the standing page, organizers' list, decisions,
exports, and live pushes after each commit."""
from hackathon.extensions import db
from hackathon.models import Application
from tests.factories import (make_application, make_event, make_member, make_question, make_registration,
                             make_user)


def test_a_bad_answer_shows_what_to_fix_and_keeps_everything_typed(client, auth, app):
    event = make_event("registration")
    school = make_question(event, "short_text", "School", is_required=True)
    site = make_question(event, "url", "Portfolio")
    level = make_question(event, "several_choices", "Interests", choices="Web\nHardware\nDesign")
    statement = make_question(event, "statement", "I am a student")
    auth.login(make_user())
    response = client.post(f"/e/{event.slug}/apply", data={
        school.field_name: "TU Berlin", site.field_name: "not a link", level.field_name: ["Web", "Design"]})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'value="TU Berlin"' in page and 'value="not a link"' in page
    assert page.count("checked") == 2  # both interests stay ticked
    assert "Enter a full web address" in page and "Accept this statement to apply." in page
    response = client.post(f"/e/{event.slug}/apply", data={
        school.field_name: "TU Berlin", site.field_name: "https://ada.dev", statement.field_name: "yes"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/e/{event.slug}/registration")


def test_the_event_page_offers_the_form_when_there_are_questions(client, auth, app):
    event = make_event("registration")
    make_question(event)
    auth.login(make_user())
    assert "Apply to take part" in client.get(f"/e/{event.slug}/").get_data(as_text=True)
    assert client.post(f"/e/{event.slug}/join").headers["Location"].endswith(f"/e/{event.slug}/apply")


def test_joining_a_full_open_event_puts_you_on_the_waitlist(client, auth, app):
    event = make_event("registration")
    make_registration(event, capacity=0)
    auth.login(make_user())
    response = client.post(f"/e/{event.slug}/join", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "On the waitlist." in page and "You are number <strong data-standing-position>1</strong>" in page


def test_the_standing_page_of_an_accepted_applicant_offers_confirmation(client, auth, app):
    event = make_event("registration")
    application = make_application(event, status="accepted")
    auth.login(application.user)
    page = client.get(f"/e/{event.slug}/registration").get_data(as_text=True)
    assert "Confirm by" in page and "Confirm my seat" in page and "Decline the seat" in page
    response = client.post(f"/e/{event.slug}/registration/confirm", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "You&#39;re in!" in page and "Your check-in code" in page and "<svg" in page


def test_confirming_without_an_offer_says_why_with_409(client, auth, app):
    event = make_event("registration")
    auth.login(make_application(event, status="waitlisted").user)
    response = client.post(f"/e/{event.slug}/registration/confirm")
    assert response.status_code == 409 and "no seat to confirm" in response.get_data(as_text=True)


def test_organizers_see_answers_counts_and_decide_in_bulk(client, auth, app):
    event = make_event("registration")
    make_registration(event, mode="reviewed", capacity=1)
    school = make_question(event, "short_text", "School")
    first = make_application(event, answers={str(school.id): "KTH"})
    second = make_application(event, answers={str(school.id): "ETH"})
    auth.login_as("organizer", event)
    page = client.get(f"/e/{event.slug}/manage/applications?question={school.id}&answer=kth").get_data(as_text=True)
    assert "KTH" in page and "ETH" not in page
    response = client.post(f"/e/{event.slug}/manage/applications/decide",
                           data={"decision": "accept", "application": [str(first.id), str(second.id)]},
                           follow_redirects=True)
    assert "1 application accepted. 1 could not be accepted: no seats left." in response.get_data(as_text=True)


def test_participants_never_see_other_peoples_answers(client, auth, app):
    event = make_event("registration")
    school = make_question(event, "short_text", "School")
    theirs = make_application(event, answers={str(school.id): "Secret School"})
    auth.login(make_application(event, status="confirmed").user)
    assert client.get(f"/e/{event.slug}/manage/applications/{theirs.id}").status_code == 403
    assert "Secret School" not in client.get(f"/e/{event.slug}/registration").get_data(as_text=True)


def test_exports_are_formula_safe(client, auth, app):
    event = make_event("registration")
    school = make_question(event, "short_text", "=Question")
    make_application(event, make_user(display_name="=HYPERLINK(1)"), answers={str(school.id): "+cmd"})
    auth.login_as("organizer", event)
    text = client.get(f"/e/{event.slug}/manage/applications.csv").get_data(as_text=True)
    assert "'=Question" in text and "'=HYPERLINK(1)" in text and "'+cmd" in text
    assert client.get(f"/e/{event.slug}/manage/attendees.csv").get_data(as_text=True).startswith("name,email")


def test_organizers_build_the_form(client, auth, app):
    event = make_event("registration")
    auth.login_as("organizer", event)
    response = client.post(f"/e/{event.slug}/manage/registration/questions",
                           data={"kind": "one_choice", "label": "Level", "choices": "Only one"})
    assert response.status_code == 409 and "at least two options" in response.get_data(as_text=True)
    client.post(f"/e/{event.slug}/manage/registration/questions",
                data={"kind": "statement", "label": "I am a student"})
    response = client.post(f"/e/{event.slug}/manage/registration/settings",
                           data={"mode": "reviewed", "capacity": "120", "confirm_hours": "48"})
    assert response.status_code == 302
    page = client.get(f"/e/{event.slug}/manage/registration").get_data(as_text=True)
    assert "I am a student" in page and 'value="120"' in page


def test_a_decision_is_pushed_to_the_applicant_after_the_commit(client, auth, app, live_socket):
    event = make_event("registration")
    make_registration(event, mode="reviewed", capacity=3)
    application = make_application(event)
    applicant_client = app.test_client()
    from tests.conftest import Auth
    Auth(applicant_client).login(application.user)
    socket = live_socket(event, flask_client=applicant_client)
    auth.login_as("organizer", event)
    client.post(f"/e/{event.slug}/manage/applications/decide",
                data={"decision": "accept", "application": str(application.id)})
    pushed = socket.received("standing")
    assert pushed and pushed[-1]["args"][0]["status"] == "accepted"
    assert db.session.get(Application, application.id).status == "accepted"


def test_organizers_hear_the_counts_change(client, auth, app, live_socket):
    event = make_event("registration")
    auth.login_as("organizer", event)
    socket = live_socket(event)
    applicant = app.test_client()
    from tests.conftest import Auth
    Auth(applicant).login(make_user())
    applicant.post(f"/e/{event.slug}/join")
    counts = socket.received("applications_changed")
    assert counts and counts[-1]["args"][0]["counts"]["confirmed"] == 1


def test_staff_are_told_they_cannot_apply(client, auth, app):
    event = make_event("registration")
    auth.login(make_member(event, "judge"))
    response = client.post(f"/e/{event.slug}/join")
    assert response.status_code == 409 and "You are a judge" in response.get_data(as_text=True)
