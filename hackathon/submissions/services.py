"""Submission rules: one entry per team, saved as versions, frozen to the second at the deadline."""
import json
from dataclasses import dataclass, field
from datetime import timedelta

from werkzeug.datastructures import FileStorage

from .. import leaderboard
from ..errors import DomainError
from ..extensions import db
from ..models import (Challenge, Event, Extension, Submission, SubmissionFile, SubmissionTechnology, SubmissionVersion,
                      User)
from ..models.submission import SUBMITTED
from ..models.types import utcnow
from ..realtime import emitters
from ..teams.queries import check_team_can_submit
from ..uploads import UploadRejected, delete_upload, store_upload
from .deadline import is_open, team_deadline

SCREENSHOT_TYPES = {"png", "jpg", "jpeg", "gif", "webp"}
FILE_TYPES = {"pdf", "zip", "txt", "md"}
LIMITS = {"screenshot": (SCREENSHOT_TYPES, 5 * 1024 * 1024, 6), "file": (FILE_TYPES, 20 * 1024 * 1024, 4)}
TRACKED_FIELDS = ("title", "tagline", "description", "repo_url", "demo_url", "video_url")


class SubmissionError(DomainError):
    """A submission rule refused the change; the message says what to do."""


class SubmissionsClosed(SubmissionError):
    def __init__(self, event: Event, deadline):
        local = event.local(deadline).strftime("%a %d %b, %H:%M:%S %Z")
        super().__init__(f"Submissions closed at {local}. Nothing was saved; your text is still in the "
                         "form below. Ask an organizer if your team should have more time.")


@dataclass
class SubmissionDraft:
    """What a team typed into the submission form."""

    title: str
    tagline: str = ""
    description: str = ""
    repo_url: str = ""
    demo_url: str = ""
    video_url: str = ""
    technologies: list[str] = field(default_factory=list)
    challenge_ids: list[int] = field(default_factory=list)


def find_submission(event: Event, team_id: int) -> Submission | None:
    return db.session.scalar(db.select(Submission).where(Submission.event_id == event.id,
                                                         Submission.team_id == team_id))


def save_submission(event: Event, team, user: User, draft: SubmissionDraft,
                    uploads: dict[str, list[FileStorage]] | None = None, submit: bool = False) -> Submission:
    """Save a new version of the team's entry (and submit it when asked), before its deadline."""
    submission = _locked_submission(event, team)
    _check_can_edit(event, team, submission)
    challenges = _entered_challenges(event, draft.challenge_ids)
    if submit or submission.is_submitted:
        _check_complete(team, draft, challenges)
    stored = _store_uploads(submission, uploads or {}, user)
    changed = _apply(submission, draft, challenges, stored, user)
    newly_submitted = submit and not submission.is_submitted
    if newly_submitted:
        submission.status, submission.submitted_at = SUBMITTED, utcnow()
        changed.append("status")
    _add_version(submission, user, changed)
    db.session.commit()
    emitters.submission_saved(submission, newly_submitted)
    leaderboard.entry_changed(event, submission)
    return submission


def remove_file(event: Event, team, file: SubmissionFile) -> None:
    """Take a screenshot or file off the entry (a new version records it)."""
    submission = _locked_submission(event, team)
    _check_can_edit(event, team, submission)
    stored_name = file.stored_name
    submission.files.remove(file)
    _add_version(submission, None, [f"removed {file.kind} {file.original_name}"[:60]])
    db.session.commit()
    delete_upload(stored_name)


def _locked_submission(event: Event, team) -> Submission:
    """The team's entry, created on first save, read under a lock so two saves can't interleave."""
    submission = db.session.scalar(db.select(Submission).where(Submission.team_id == team.id).with_for_update())
    if submission is None:
        submission = Submission(event_id=event.id, team_id=team.id)
        db.session.add(submission)
    return submission


def _check_can_edit(event: Event, team, submission: Submission) -> None:
    if team.dissolved_at is not None:
        raise SubmissionError("This team was dissolved, so its entry can no longer change.")
    if submission.is_disqualified:
        raise SubmissionError("This entry was disqualified by the organizers and can no longer change.")
    deadline = team_deadline(event, team.id)
    if not is_open(event, deadline):
        raise SubmissionsClosed(event, deadline)


def _entered_challenges(event: Event, challenge_ids: list[int]) -> list[Challenge]:
    if not challenge_ids:
        return []
    challenges = list(db.session.scalars(db.select(Challenge).where(
        Challenge.event_id == event.id, Challenge.id.in_(challenge_ids), Challenge.is_draft.is_(False))))
    if len(challenges) != len(set(challenge_ids)):
        raise SubmissionError("One of the chosen challenges doesn't exist in this event. Choose from the list.")
    return challenges


def _check_complete(team, draft: SubmissionDraft, challenges: list[Challenge]) -> None:
    if not draft.title.strip():
        raise SubmissionError("Give your project a title before submitting.")
    if not challenges:
        raise SubmissionError("Enter at least one challenge before submitting.")
    check_team_can_submit(team)


def _store_uploads(submission: Submission, uploads: dict[str, list[FileStorage]], user: User) -> list:
    stored = []
    for kind, files in uploads.items():
        allowed, max_bytes, max_count = LIMITS[kind]
        files = [file for file in files if file and file.filename]
        if len(submission.files_of(kind)) + len(files) > max_count:
            raise SubmissionError(f"An entry holds at most {max_count} {kind}s. Remove one first.")
        for file in files:
            try:
                stored.append((kind, store_upload(file, f"submissions/{submission.event_id}", allowed, max_bytes)))
            except UploadRejected as error:
                for _, done in stored:
                    delete_upload(done.stored_name)
                raise SubmissionError(str(error)) from None
    return [SubmissionFile(kind=kind, original_name=s.original_name, stored_name=s.stored_name,
                           content_type=s.content_type, size=s.size, uploaded_by_id=user.id) for kind, s in stored]


def _apply(submission: Submission, draft: SubmissionDraft, challenges, files, user: User) -> list[str]:
    changed = [name for name in TRACKED_FIELDS if getattr(submission, name) != getattr(draft, name).strip()]
    for name in TRACKED_FIELDS:
        setattr(submission, name, getattr(draft, name).strip())
    if sorted(draft.technologies) != submission.technology_names:
        changed.append("technologies")
        submission.technologies = [t for t in submission.technologies if t.name in draft.technologies] + [
            SubmissionTechnology(name=name) for name in draft.technologies if name not in submission.technology_names]
    if {c.id for c in challenges} != {c.id for c in submission.challenges}:
        changed.append("challenges")
        submission.challenges = challenges
    if files:
        changed.append("files")
        submission.files.extend(files)
    submission.updated_at, submission.updated_by_id = utcnow(), user.id
    return changed


def _add_version(submission: Submission, user: User | None, changed: list[str]) -> None:
    db.session.flush()
    number = 1 + (db.session.scalar(db.select(db.func.max(SubmissionVersion.number)).where(
        SubmissionVersion.submission_id == submission.id)) or 0)
    db.session.add(SubmissionVersion(
        submission_id=submission.id, number=number, status=submission.status, saved_by_id=user.id if user else None,
        changed=",".join(changed)[:300], snapshot_json=json.dumps(snapshot(submission))))


def snapshot(submission: Submission) -> dict:
    """Everything judged about an entry, as plain data."""
    return {
        **{name: getattr(submission, name) for name in TRACKED_FIELDS},
        "status": submission.status,
        "technologies": submission.technology_names,
        "challenges": [challenge.id for challenge in submission.challenges],
        "files": [{"id": f.id, "kind": f.kind, "name": f.original_name} for f in submission.files],
    }


def grant_extension(event: Event, team, minutes: int, reason: str, by: User):
    """Give one team `minutes` past the event's deadline, recorded with the reason."""
    extension = Extension(event_id=event.id, team_id=team.id, reason=reason.strip(), granted_by_id=by.id,
                          until=event.submissions_due_at + timedelta(minutes=minutes))
    db.session.add(extension)
    db.session.commit()
    emitters.extension_granted(extension)
    return extension


def disqualify(submission: Submission, reason: str) -> None:
    """Hide an entry from the gallery and the board; it is kept, with the reason."""
    if submission.is_disqualified:
        raise SubmissionError("This entry is already disqualified.")
    submission.disqualified_at, submission.disqualified_reason = utcnow(), reason.strip()
    db.session.commit()
    leaderboard.inputs_changed(submission.event)


def reinstate(submission: Submission) -> None:
    """Undo a disqualification."""
    submission.disqualified_at, submission.disqualified_reason = None, ""
    db.session.commit()
    leaderboard.inputs_changed(submission.event)
