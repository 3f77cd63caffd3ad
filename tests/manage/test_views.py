"""The organizer console through HTTP."""
from datetime import timedelta

from hackathon.extensions import db
from hackathon.models import Event, Invite
from hackathon.models.event import MILESTONE_COLUMNS
from tests.factories import make_event, make_member
from tests.html_forms import form_values


def login_organizer(auth, phase="hacking"):
    event = make_event(phase)
    auth.login(make_member(event, "organizer"))
    return event


def test_console_shows_clock_and_invites(client, auth, app):
    event = login_organizer(auth)
    page = client.get(f"/e/{event.slug}/manage/").get_data(as_text=True)
    assert "Pause" in page and "Extend the deadline" in page and "Create invite link" in page


def test_pause_then_resume_through_the_console(client, auth, app):
    event = login_organizer(auth)
    assert client.post(f"/e/{event.slug}/manage/clock/pause").status_code == 302
    page = client.get(f"/e/{event.slug}/manage/").get_data(as_text=True)
    assert "Resume" in page and "paused during hacking" in page
    assert client.post(f"/e/{event.slug}/manage/clock/resume").status_code == 302


def test_a_refused_clock_action_is_409_with_the_reason(client, auth, app):
    event = login_organizer(auth)
    response = client.post(f"/e/{event.slug}/manage/clock/resume")
    assert response.status_code == 409 and "not paused" in response.get_data(as_text=True)


def test_unknown_clock_action_is_404(client, auth, app):
    event = login_organizer(auth)
    assert client.post(f"/e/{event.slug}/manage/clock/explode").status_code == 404


def test_extend_with_bad_minutes_is_422_with_a_field_error(client, auth, app):
    event = login_organizer(auth)
    for value in ("", "abc", "99999"):
        response = client.post(f"/e/{event.slug}/manage/clock/extend", data={"minutes": value})
        assert response.status_code == 422, value


def test_creating_an_invite_link(client, auth, app):
    event = login_organizer(auth)
    response = client.post(f"/e/{event.slug}/manage/invites", data={
        "role": "judge", "max_uses": "3", "expires_in_days": "2", "label": "Sponsor judges"})
    assert response.status_code == 302
    invite = db.session.scalar(db.select(Invite))
    assert (invite.role, invite.max_uses, invite.label) == ("judge", 3, "Sponsor judges")
    assert f"/invite/{invite.token}" in client.get(f"/e/{event.slug}/manage/").get_data(as_text=True)


def test_invite_form_refuses_an_unknown_role(client, auth, app):
    event = login_organizer(auth)
    response = client.post(f"/e/{event.slug}/manage/invites", data={"role": "king", "max_uses": "1"})
    assert response.status_code == 422 and db.session.scalar(db.select(Invite)) is None


def test_settings_save_converts_local_times_and_reports_order_problems(client, auth, app):
    event = login_organizer(auth)
    form = {"name": "Renamed", "timezone": "Asia/Tokyo", "team_size_min": "2", "team_size_max": "5",
            "is_published": "y", "registration_opens_at": "2030-01-01T09:00",
            "registration_closes_at": "2030-01-02T09:00", "hacking_starts_at": "2030-01-02T10:00",
            "submissions_due_at": "2030-01-03T10:00", "judging_ends_at": "2030-01-04T10:00",
            "results_at": "2030-01-04T12:00"}
    assert client.post(f"/e/{event.slug}/manage/settings", data=form).status_code == 302
    db.session.expire_all()
    saved = db.session.get(Event, event.id)
    assert saved.name == "Renamed" and saved.hacking_starts_at.hour == 1  # 10:00 JST is 01:00 UTC
    response = client.post(f"/e/{event.slug}/manage/settings", data={**form, "results_at": "2029-01-01T00:00"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Results can" in page and 'value="Renamed"' in page


def test_settings_refuse_a_min_team_size_above_max(client, auth, app):
    event = login_organizer(auth)
    page = client.get(f"/e/{event.slug}/manage/settings").get_data(as_text=True)
    assert 'name="submissions_due_at"' in page
    response = client.post(f"/e/{event.slug}/manage/settings", data={"name": "x", "team_size_min": "9",
                                                                      "team_size_max": "2"})
    assert response.status_code == 422


def test_removing_the_last_organizer_is_refused(client, auth, app):
    event = make_event()
    organizer = make_member(event, "organizer")
    auth.login(organizer)
    response = client.post(f"/e/{event.slug}/manage/people/{organizer.memberships[0].id}/remove")
    assert response.status_code == 409 and "at least one organizer" in response.get_data(as_text=True)


def test_admin_creates_an_event(client, auth, app):
    auth.login_as("site admin", None)
    form = {"name": "New Hack", "slug": "new-hack", "timezone": "UTC", "team_size_min": "1",
            "team_size_max": "4", "registration_opens_at": "2030-01-01T09:00",
            "registration_closes_at": "2030-01-02T09:00", "hacking_starts_at": "2030-01-02T10:00",
            "submissions_due_at": "2030-01-03T10:00", "judging_ends_at": "2030-01-04T10:00",
            "results_at": "2030-01-04T12:00"}
    response = client.post("/admin/events/new", data=form)
    assert response.status_code == 302 and response.headers["Location"] == "/e/new-hack/manage/"
    response = client.post("/admin/events/new", data={**form, "slug": "Bad Slug!"})
    assert response.status_code == 422 and "lower-case letters" in response.get_data(as_text=True)
    response = client.post("/admin/events/new", data=form)
    assert response.status_code == 422 and "already uses" in response.get_data(as_text=True)


def test_saving_unchanged_settings_keeps_every_milestone_to_the_second(client, auth, app):
    event = login_organizer(auth, phase="hacking")
    event.submissions_due_at = event.submissions_due_at.replace(second=37, microsecond=250000)
    event.judging_ends_at = event.judging_ends_at.replace(second=5)
    db.session.commit()
    before = {column: getattr(event, column) for column in MILESTONE_COLUMNS}
    page = client.get(f"/e/{event.slug}/manage/settings").get_data(as_text=True)
    form = form_values(page)
    assert form["submissions_due_at"].endswith(":37") and 'step="1"' in page
    assert client.post(f"/e/{event.slug}/manage/settings", data=form).status_code == 302
    db.session.expire_all()
    assert {column: getattr(db.session.get(Event, event.id), column) for column in MILESTONE_COLUMNS} == before


def test_settings_accept_a_time_with_seconds_and_one_without(client, auth, app):
    event = login_organizer(auth, phase="hacking")
    form = form_values(client.get(f"/e/{event.slug}/manage/settings").get_data(as_text=True))
    form.update(timezone="UTC", judging_ends_at="2099-01-01T10:00", results_at="2099-01-01T10:00:59")
    assert client.post(f"/e/{event.slug}/manage/settings", data=form).status_code == 302
    db.session.expire_all()
    saved = db.session.get(Event, event.id)
    assert (saved.judging_ends_at.second, saved.results_at.second) == (0, 59)
