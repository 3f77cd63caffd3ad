"""The mentoring pages: wiring, refusals as pages with their status, the toggle's JSON, the export."""
from hackathon.extensions import db
from hackathon.mentors import claims
from hackathon.models import HelpRequest, MentorProfile
from tests.factories import make_event, make_member
from tests.mentors.helpers import ask, make_asking_team, make_mentor, reload


def test_a_participant_asks_through_the_form_and_sees_the_queue_place(event, client, auth):
    _, [ada] = make_asking_team(event)
    mira = make_mentor(event, ["python"], display_name="Mira Holm")
    auth.login(ada)
    page = client.get(f"/e/{event.slug}/mentors/help")
    assert page.status_code == 200 and "Ask a mentor" in page.get_data(as_text=True)
    assert "Mentors here know: python" in page.get_data(as_text=True)
    response = client.post(f"/e/{event.slug}/mentors/help", data={
        "topic": "Tests fail", "description": "<script>alert(1)</script> **bold**", "tags": "Python, pytest",
        "location": "Table 4", "mentor_id": str(mira.id)})
    assert response.status_code == 302
    request = db.session.scalar(db.select(HelpRequest))
    assert (request.topic, request.tag_names, request.asked_mentor_id) == ("Tests fail", ["pytest", "python"], mira.id)
    page = client.get(f"/e/{event.slug}/mentors/help").get_data(as_text=True)
    assert "place in the queue" in page and "<strong>bold</strong>" in page and "<script>alert" not in page


def test_an_empty_topic_comes_back_with_the_form_filled(event, client, auth):
    _, [ada] = make_asking_team(event)
    auth.login(ada)
    response = client.post(f"/e/{event.slug}/mentors/help", data={"topic": "", "location": "Table 9"})
    assert response.status_code == 422 and 'value="Table 9"' in response.get_data(as_text=True)


def test_the_loser_of_a_claim_is_told_plainly(event, client, auth):
    request = ask(make_asking_team(event)[1][0], event)
    claims.claim_request(request, make_mentor(event, display_name="Mira Holm"))
    auth.login(make_mentor(event))
    response = client.post(f"/e/{event.slug}/mentors/requests/{request.id}/claim")
    assert response.status_code == 409
    assert "Mira Holm has just taken" in response.get_data(as_text=True)


def test_a_mentor_claims_and_resolves_from_the_queue(event, client, auth):
    request = ask(make_asking_team(event)[1][0], event, "Docker won't build")
    mira = make_mentor(event)
    auth.login(mira)
    assert "Docker won" in client.get(f"/e/{event.slug}/mentors/queue").get_data(as_text=True)
    assert client.post(f"/e/{event.slug}/mentors/requests/{request.id}/claim").status_code == 302
    assert "id=\"your-claim\"" in client.get(f"/e/{event.slug}/mentors/queue/panel").get_data(as_text=True)
    assert client.post(f"/e/{event.slug}/mentors/requests/{request.id}/resolve").status_code == 302
    assert reload(request).status == "resolved"


def test_availability_from_any_page_answers_json_to_the_script_and_redirects_a_plain_form(event, client, auth):
    mira = make_mentor(event, availability="away")
    auth.login(mira)
    page = client.get(f"/e/{event.slug}/teams/").get_data(as_text=True)
    assert "data-availability-toggle" in page and 'value="away"\n' not in page
    response = client.post(f"/e/{event.slug}/mentors/availability", data={"availability": "available"},
                           headers={"Accept": "application/json"})
    assert response.status_code == 200 and response.json["availability"] == "available"
    response = client.post(f"/e/{event.slug}/mentors/availability",
                           data={"availability": "busy", "next": f"/e/{event.slug}/teams/"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/e/{event.slug}/teams/")
    assert db.session.scalar(db.select(MentorProfile.availability)) == "busy"
    response = client.post(f"/e/{event.slug}/mentors/availability",
                           data={"availability": "gone", "next": "https://evil.example/"})
    assert response.status_code == 302 and "evil" not in response.headers["Location"]


def test_the_toggle_is_only_on_mentors_pages(event, client, auth):
    auth.login(make_asking_team(event)[1][0])
    assert "data-availability-toggle" not in client.get(f"/e/{event.slug}/").get_data(as_text=True)


def test_a_mentor_saves_a_profile_starting_from_their_skills(event, client, auth):
    from hackathon.models import UserSkill

    mira = make_member(event, "mentor")
    mira.skills = [UserSkill(name="rust")]
    db.session.commit()
    auth.login(mira)
    assert 'value="rust"' in client.get(f"/e/{event.slug}/mentors/profile").get_data(as_text=True)
    response = client.post(f"/e/{event.slug}/mentors/profile", data={
        "tags": "Rust, embedded", "bio": "Firmware person", "location": "Table 1"})
    assert response.status_code == 302
    profile = db.session.scalar(db.select(MentorProfile))
    assert (profile.tag_names, profile.location) == (["embedded", "rust"], "Table 1")
    directory = client.get(f"/e/{event.slug}/mentors/").get_data(as_text=True)
    assert "Firmware person" in directory and "embedded" in directory


def test_team_feedback_and_the_organizers_view(event, client, auth):
    _, [ada] = make_asking_team(event)
    mira = make_mentor(event)
    request = ask(ada, event)
    claims.resolve_request(claims.claim_request(request, mira), mira)
    auth.login(ada)
    assert "How helpful was it?" in client.get(f"/e/{event.slug}/mentors/help").get_data(as_text=True)
    assert client.post(f"/e/{event.slug}/mentors/help/{request.id}/feedback",
                       data={"rating": "9"}).status_code == 422
    assert client.post(f"/e/{event.slug}/mentors/help/{request.id}/feedback",
                       data={"rating": "5", "comment": "Great"}).status_code == 302
    auth.logout()
    auth.login(make_member(event, "organizer"))
    page = client.get(f"/e/{event.slug}/mentors/manage").get_data(as_text=True)
    assert "5/5" in page and "Great" in page
    export = client.get(f"/e/{event.slug}/mentors/manage/export.csv")
    assert export.mimetype == "text/csv" and "Great" in export.get_data(as_text=True)


def test_organizers_switch_to_auto_assign(event, client, auth):
    from hackathon.mentors.settings import rules_of

    auth.login(make_member(event, "organizer"))
    response = client.post(f"/e/{event.slug}/mentors/manage/settings", data={
        "mode": "auto", "match_minutes": "0", "stale_minutes": "5", "claim_timeout_minutes": "20"})
    assert response.status_code == 302 and rules_of(event.id).is_auto
    response = client.post(f"/e/{event.slug}/mentors/manage/settings", data={
        "mode": "auto", "match_minutes": "0", "stale_minutes": "0", "claim_timeout_minutes": "20"})
    assert response.status_code == 422


def test_requests_are_closed_outside_hacking(app, client, auth):
    event = make_event("registration")
    _, [ada] = make_asking_team(event)
    auth.login(ada)
    page = client.get(f"/e/{event.slug}/mentors/help").get_data(as_text=True)
    assert "while hacking is on" in page and "Ask a mentor" not in page
    assert client.post(f"/e/{event.slug}/mentors/help", data={"topic": "Early"}).status_code == 409


def test_an_organizer_takes_a_claim_back_and_returns_to_their_view(event, client, auth):
    request = claims.claim_request(ask(make_asking_team(event)[1][0], event), make_mentor(event))
    auth.login(make_member(event, "organizer"))
    assert "Return to the queue" in client.get(f"/e/{event.slug}/mentors/manage").get_data(as_text=True)
    response = client.post(f"/e/{event.slug}/mentors/requests/{request.id}/release",
                           data={"next": f"/e/{event.slug}/mentors/manage"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/mentors/manage")
    assert reload(request).status == "open"


def test_a_member_edits_the_request_from_a_form_filled_with_it(event, client, auth):
    _, [ada, ben] = make_asking_team(event, size=2)
    mira = make_mentor(event, display_name="Mira Holm")
    request = ask(ada, event, "Flaky tests", tags=["python", "pytest"], location="Table 2", asked_mentor_id=mira.id)
    auth.login(ben)
    page = client.get(f"/e/{event.slug}/mentors/help/{request.id}/edit").get_data(as_text=True)
    assert 'value="Flaky tests"' in page and 'value="pytest, python"' in page and 'value="Table 2"' in page
    assert f'<option selected value="{mira.id}">' in page
    response = client.post(f"/e/{event.slug}/mentors/help/{request.id}/edit", data={
        "topic": "Flaky tests on CI", "tags": "python", "location": "Table 3", "mentor_id": ""})
    assert response.status_code == 302
    request = reload(request)
    assert (request.topic, request.tag_names, request.asked_mentor_id) == ("Flaky tests on CI", ["python"], None)
