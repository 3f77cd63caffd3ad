"""Submission pages through HTTP."""
import io
from datetime import timedelta

from hackathon.extensions import db
from hackathon.models.types import utcnow
from tests.factories import (make_challenge, make_event, make_member, make_submission, make_submission_file,
                             make_team)

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def team_member(auth, phase="hacking"):
    event = make_event(phase)
    member = make_member(event, "participant")
    team = make_team(event, [member])
    auth.login(member)
    return event, team, make_challenge(event)


def test_submitting_with_a_screenshot(client, auth, app):
    event, team, challenge = team_member(auth)
    response = client.post(f"/e/{event.slug}/submission", content_type="multipart/form-data", data={
        "title": "Sun Tracker", "description": "It tracks", "challenge_ids": [str(challenge.id)],
        "technologies": "python, flask", "submit": "1", "new_screenshots": [(io.BytesIO(PNG), "shot.png")]})
    assert response.status_code == 302
    page = client.get(f"/e/{event.slug}/submission").get_data(as_text=True)
    assert "submitted" in page and "shot.png" in page and "v1" in page


def test_after_the_deadline_the_form_comes_back_filled_with_409(client, auth, app):
    event, team, challenge = team_member(auth)
    event.submissions_due_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    response = client.post(f"/e/{event.slug}/submission", data={
        "title": "Typed at the last second", "description": "Do not lose me", "challenge_ids": [str(challenge.id)]})
    page = response.get_data(as_text=True)
    assert response.status_code == 409 and "Submissions closed at" in page
    assert "Typed at the last second" in page and "Do not lose me" in page


def test_an_invalid_link_is_422_and_keeps_the_text(client, auth, app):
    event, team, challenge = team_member(auth)
    response = client.post(f"/e/{event.slug}/submission", data={"title": "Keep", "repo_url": "javascript:alert(1)"})
    assert response.status_code == 422 and "https://" in response.get_data(as_text=True)


def test_a_participant_without_a_team_is_told_to_join_one(client, auth, app):
    event = make_event("hacking")
    auth.login(make_member(event, "participant"))
    response = client.get(f"/e/{event.slug}/submission")
    assert response.status_code == 403 and "Join or create a team" in response.get_data(as_text=True)


def test_gallery_opens_at_judging_and_filters_by_challenge(client, app):
    event = make_event("judging")
    grid, mobility = make_challenge(event, title="Grid"), make_challenge(event, title="Mobility")
    make_submission(event, make_team(event), [grid], title="Grid Thing")
    make_submission(event, make_team(event), [mobility], title="Bus Thing")
    make_submission(event, make_team(event), [grid], title="Draft Thing", status="draft")
    page = client.get(f"/e/{event.slug}/projects/?challenge={grid.id}").get_data(as_text=True)
    assert "Grid Thing" in page and "Bus Thing" not in page and "Draft Thing" not in page


def test_gallery_is_closed_before_judging(client, app):
    event = make_event("hacking")
    make_submission(event, make_team(event), title="Secret Thing")
    page = client.get(f"/e/{event.slug}/projects/").get_data(as_text=True)
    assert "opens when judging starts" in page and "Secret Thing" not in page


def test_organizer_exports_csv_and_json(client, auth, app):
    event = make_event("judging")
    make_submission(event, make_team(event, name="Owls"), title="Owl App")
    auth.login(make_member(event, "organizer"))
    csv_response = client.get(f"/e/{event.slug}/submissions/export.csv")
    assert csv_response.status_code == 200 and "Owl App" in csv_response.get_data(as_text=True)
    assert client.get(f"/e/{event.slug}/submissions/export.json").get_json()["submissions"][0]["team"] == "Owls"


def test_exports_download_as_files_with_members_words_links_and_files(client, auth, app):
    event = make_event("judging")
    ada = make_member(event, "participant", display_name="Ada Okafor")
    entry = make_submission(event, make_team(event, [ada], name="Owls"), title="Owl App",
                            description="Sees **at night**.", repo_url="https://example.org/owls")
    shot = make_submission_file(entry, name="night.png")
    auth.login(make_member(event, "organizer"))
    response = client.get(f"/e/{event.slug}/submissions/export.json")
    assert response.headers["Content-Disposition"] == f"attachment; filename={event.slug}-submissions.json"
    [record] = response.get_json()["submissions"]
    assert record["members"] == [{"name": "Ada Okafor", "email": ada.email, "captain": True}]
    assert record["description"] == "Sees **at night**." and record["repo_url"] == "https://example.org/owls"
    [file] = record["files"]
    assert file["name"] == "night.png" and file["url"].endswith(
        f"/e/{event.slug}/projects/{entry.id}/files/{shot.id}/night.png") and file["url"].startswith("http")
    text = client.get(f"/e/{event.slug}/submissions/export.csv").get_data(as_text=True)
    assert f"Ada Okafor <{ada.email}>" in text and "Sees **at night**." in text and file["url"] in text


def test_organizer_disqualifies_with_a_reason_and_grants_an_extension(client, auth, app):
    event = make_event("hacking")
    team = make_team(event, name="Owls")
    submission = make_submission(event, team, title="Owl App")
    auth.login(make_member(event, "organizer"))
    assert client.post(f"/e/{event.slug}/submissions/{submission.id}/disqualify", data={"reason": ""}).status_code == 422
    assert client.post(f"/e/{event.slug}/submissions/{submission.id}/disqualify",
                       data={"reason": "Pre-built"}).status_code == 302
    response = client.post(f"/e/{event.slug}/submissions/extensions",
                           data={"team_id": team.id, "minutes": "20", "reason": "Laptop died"})
    assert response.status_code == 302
    page = client.get(f"/e/{event.slug}/submissions/").get_data(as_text=True)
    assert "disqualified" in page and "Pre-built" in page


def test_the_gallery_hides_a_challenge_set_back_to_draft(client, auth, app):
    event = make_event("judging")
    public, hidden = make_challenge(event, title="Open Data"), make_challenge(event, title="Stealth Sponsor")
    entry = make_submission(event, make_team(event, name="Owls"), [public, hidden], title="Owl App")
    hidden.is_draft = True
    db.session.commit()
    response = client.get(f"/e/{event.slug}/projects/?challenge={hidden.id}")
    assert response.status_code == 404 and "Stealth Sponsor" not in response.get_data(as_text=True)
    for path in (f"/e/{event.slug}/projects/", f"/e/{event.slug}/projects/?challenge={public.id}",
                 f"/e/{event.slug}/projects/{entry.id}"):
        page = client.get(path).get_data(as_text=True)
        assert "Owl App" in page and "Open Data" in page and "Stealth Sponsor" not in page, path
    auth.login(make_member(event, "organizer"))
    assert "Stealth Sponsor" in client.get(f"/e/{event.slug}/projects/?challenge={hidden.id}").get_data(as_text=True)
