"""Submission rules: versions, the deadline to the second, extensions, pauses, files, limits."""
import io
from datetime import timedelta

import pytest
from werkzeug.datastructures import FileStorage

from hackathon.extensions import db
from hackathon.manage.services import pause_clock, resume_clock
from hackathon.models.types import utcnow
from hackathon.submissions import listing, services
from hackathon.spreadsheets import records_csv
from hackathon.submissions.deadline import is_open, team_deadline
from tests.factories import make_challenge, make_event, make_member, make_team

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


@pytest.fixture
def setting(app):
    event = make_event("hacking", team_size_min=1)
    member = make_member(event, "participant")
    team = make_team(event, [member])
    return event, team, member, make_challenge(event)


def draft(challenge, **fields):
    return services.SubmissionDraft(**{"title": "Sun Tracker", "description": "It tracks.",
                                       "challenge_ids": [challenge.id], **fields})


def test_every_save_keeps_a_version_with_who_and_what(setting):
    event, team, member, challenge = setting
    services.save_submission(event, team, member, draft(challenge))
    submission = services.save_submission(event, team, member, draft(challenge, tagline="Faster"))
    first, second = sorted(submission.versions, key=lambda v: v.number)
    assert (first.number, second.number) == (1, 2)
    assert second.changed_fields == ["tagline"] and second.saved_by_id == member.id
    assert first.snapshot["tagline"] == "" and second.snapshot["tagline"] == "Faster"


def test_drafts_are_not_submitted_until_submit_is_pressed(setting):
    event, team, member, challenge = setting
    submission = services.save_submission(event, team, member, draft(challenge))
    assert submission.status == "draft" and listing.gallery_entries(event) == []
    submission = services.save_submission(event, team, member, draft(challenge), submit=True)
    assert submission.status == "submitted" and submission.submitted_at is not None


@pytest.mark.parametrize("fields, message", [
    ({"title": ""}, "title"),
    ({"challenge_ids": []}, "at least one challenge"),
])
def test_submitting_needs_a_title_and_a_challenge(setting, fields, message):
    event, team, member, challenge = setting
    with pytest.raises(services.SubmissionError, match=message):
        services.save_submission(event, team, member, draft(challenge, **fields), submit=True)


def test_challenges_of_another_event_are_refused(setting):
    event, team, member, _ = setting
    foreign = make_challenge(make_event())
    with pytest.raises(services.SubmissionError, match="doesn't exist in this event"):
        services.save_submission(event, team, member, draft(foreign))


def test_saving_one_second_before_the_deadline_works_and_at_it_is_refused(setting):
    event, team, member, challenge = setting
    now = utcnow()
    event.submissions_due_at = now + timedelta(seconds=1)
    db.session.commit()
    assert is_open(event, team_deadline(event, team.id), now)
    assert not is_open(event, team_deadline(event, team.id), now + timedelta(seconds=1))
    event.submissions_due_at = now - timedelta(seconds=1)
    db.session.commit()
    with pytest.raises(services.SubmissionsClosed, match="Submissions closed at"):
        services.save_submission(event, team, member, draft(challenge))


def test_an_extension_reopens_one_team_only(setting):
    event, team, member, challenge = setting
    other = make_team(event, [make_member(event, "participant")])
    organizer = make_member(event, "organizer")
    event.submissions_due_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    services.grant_extension(event, team, 10, "Power cut at their table", organizer)
    assert services.save_submission(event, team, member, draft(challenge), submit=True).is_submitted
    assert not is_open(event, team_deadline(event, other.id))
    [row] = [r for r in listing.status_rows(event, [team]) if r.team.id == team.id]
    assert row.status == "late"


def test_a_paused_clock_keeps_submissions_open_past_the_wall_clock_deadline(setting):
    event, team, member, challenge = setting
    organizer = make_member(event, "organizer")
    pause_clock(event, organizer)
    event.submissions_due_at = utcnow() - timedelta(seconds=5)  # passed on the wall clock, not on the event's
    event.paused_at = event.submissions_due_at - timedelta(seconds=10)
    db.session.commit()
    assert services.save_submission(event, team, member, draft(challenge)).title == "Sun Tracker"


def test_resuming_moves_running_extensions_by_the_pause(setting):
    event, team, member, challenge = setting
    organizer = make_member(event, "organizer")
    extension = services.grant_extension(event, team, 30, "Late start", organizer)
    until = extension.until
    pause_clock(event, organizer)
    event.paused_at -= timedelta(minutes=5)
    db.session.commit()
    resume_clock(event, organizer)
    db.session.refresh(extension)
    assert timedelta(minutes=5) <= extension.until - until < timedelta(minutes=5, seconds=5)


def test_screenshots_are_stored_and_bad_files_refuse_the_whole_save(setting):
    event, team, member, challenge = setting
    shot = FileStorage(io.BytesIO(PNG), "shot.png")
    submission = services.save_submission(event, team, member, draft(challenge), {"screenshot": [shot]})
    assert [f.original_name for f in submission.files] == ["shot.png"]
    bad = FileStorage(io.BytesIO(b"MZ"), "evil.exe")
    with pytest.raises(services.SubmissionError, match="not an accepted type"):
        services.save_submission(event, team, member, draft(challenge, tagline="lost?"), {"screenshot": [bad]})
    db.session.rollback()
    assert services.find_submission(event, team.id).tagline == ""  # nothing half-saved


def test_screenshot_count_is_bounded(setting):
    event, team, member, challenge = setting
    shots = [FileStorage(io.BytesIO(PNG), f"{n}.png") for n in range(7)]
    with pytest.raises(services.SubmissionError, match="at most 6 screenshots"):
        services.save_submission(event, team, member, draft(challenge), {"screenshot": shots})


def test_disqualified_entries_leave_the_gallery_and_are_kept(setting):
    event, team, member, challenge = setting
    submission = services.save_submission(event, team, member, draft(challenge), submit=True)
    services.disqualify(submission, "Built before the event")
    assert listing.gallery_entries(event) == [] and submission.disqualified_reason == "Built before the event"
    with pytest.raises(services.SubmissionError, match="disqualified"):
        services.save_submission(event, team, member, draft(challenge))
    services.reinstate(submission)
    assert listing.gallery_entries(event) == [submission]


def test_status_rows_cover_every_team(setting):
    event, team, member, challenge = setting
    empty = make_team(event, [make_member(event, "participant")])
    services.save_submission(event, team, member, draft(challenge))
    statuses = {row.team.id: row.status for row in listing.status_rows(event, [team, empty])}
    assert statuses == {team.id: "draft", empty.id: "none"}


def test_csv_export_defuses_formulas(setting):
    event, team, member, challenge = setting
    services.save_submission(event, team, member, draft(challenge, title="=HYPERLINK(\"x\")"))
    text = records_csv(listing.export_rows(listing.status_rows(event, [team]), lambda file: ""))
    assert "'=HYPERLINK" in text


def test_saving_pushes_to_the_team_room(setting, live_socket, auth):
    event, team, member, challenge = setting
    auth.login(member)
    socket = live_socket(event)
    socket.received()
    services.save_submission(event, team, member, draft(challenge), submit=True)
    [saved] = [m["args"][0] for m in socket.received("submission_saved")]
    assert saved["team_id"] == team.id and saved["status"] == "submitted"
