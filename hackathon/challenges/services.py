"""Challenge rules: organizers draft briefs early; everyone else sees them once hacking starts."""
from dataclasses import dataclass, fields

from flask import abort
from werkzeug.datastructures import FileStorage

from .. import leaderboard
from ..errors import DomainError
from ..extensions import db
from ..models import Challenge, ChallengeAttachment, Event
from ..realtime import emitters
from ..schedule import REGISTRATION, UPCOMING
from ..uploads import UploadRejected, delete_upload, store_upload

ATTACHMENT_TYPES = {"pdf", "png", "jpg", "jpeg", "gif", "webp", "zip", "txt", "md", "csv"}
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 10


class ChallengeError(DomainError):
    """A challenge rule refused the change."""


@dataclass
class ChallengeDetails:
    title: str
    sponsor: str
    summary: str
    brief: str
    prizes: str
    judging_notes: str
    position: int
    is_draft: bool


def briefs_are_revealed(event: Event) -> bool:
    """Briefs are secret until hacking starts (by the event's clock, so a pause can't leak them)."""
    return event.clock().phase not in (UPCOMING, REGISTRATION)


def is_public_challenge(challenge: Challenge) -> bool:
    """The one rule for who may know a challenge exists: everyone once briefs are revealed, unless
    it is (or went back to) a draft; otherwise only the people who run the event."""
    return not challenge.is_draft and briefs_are_revealed(challenge.event)


def visible_challenges(event: Event, can_manage: bool) -> list[Challenge]:
    """The challenges this visitor may read, in display order."""
    challenges = db.session.scalars(db.select(Challenge).where(Challenge.event_id == event.id)
                                    .order_by(Challenge.position, Challenge.id))
    return [c for c in challenges if can_manage or is_public_challenge(c)]


def find_challenge(event: Event, challenge_id: int, can_manage: bool) -> Challenge | None:
    """One challenge, if this visitor may read it."""
    return next((c for c in visible_challenges(event, can_manage) if c.id == challenge_id), None)


def challenges_entered(submission, can_manage: bool = False) -> list[Challenge]:
    """The challenges an entry enters, as this visitor may see them (drafts only for organizers)."""
    return [c for c in submission.challenges if can_manage or is_public_challenge(c)]


def challenge_filter(event: Event, raw_id: str | None, can_manage: bool) -> int | None:
    """The `?challenge=` filter of a page or the API: None when absent; 404 for a challenge this
    visitor may not see, so a hidden brief's entries can't be listed by guessing its id."""
    if not raw_id:
        return None
    challenge = find_challenge(event, int(raw_id), can_manage) if raw_id.isdigit() and len(raw_id) < 12 else None
    if challenge is None:
        abort(404, description="There is no such published challenge in this event.")
    return challenge.id


def create_challenge(event: Event, details: ChallengeDetails) -> Challenge:
    """Add a brief (a draft unless marked ready)."""
    challenge = Challenge(event=event)
    _apply(challenge, details)
    db.session.add(challenge)
    db.session.commit()
    _announce_if_public(event)
    return challenge


def update_challenge(challenge: Challenge, details: ChallengeDetails) -> None:
    """Save an organizer's edits to a brief."""
    _apply(challenge, details)
    db.session.commit()
    _announce_if_public(challenge.event)
    leaderboard.inputs_changed(challenge.event)  # its title and whether its board is public


def add_attachment(challenge: Challenge, file: FileStorage) -> ChallengeAttachment:
    """Attach a file to a brief, within the count, size and type limits."""
    if len(challenge.attachments) >= MAX_ATTACHMENTS:
        raise ChallengeError(f"A challenge holds at most {MAX_ATTACHMENTS} attachments. Remove one first.")
    try:
        stored = store_upload(file, f"challenges/{challenge.event_id}", ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES)
    except UploadRejected as error:
        raise ChallengeError(str(error)) from None
    attachment = ChallengeAttachment(challenge=challenge, original_name=stored.original_name,
                                     stored_name=stored.stored_name, content_type=stored.content_type,
                                     size=stored.size)
    db.session.add(attachment)
    db.session.commit()
    return attachment


def remove_attachment(attachment: ChallengeAttachment) -> None:
    """Delete an attachment and its file."""
    stored_name = attachment.stored_name
    db.session.delete(attachment)
    db.session.commit()
    delete_upload(stored_name)


def _apply(challenge: Challenge, details: ChallengeDetails) -> None:
    for field in fields(details):
        value = getattr(details, field.name)
        setattr(challenge, field.name, value.strip() if isinstance(value, str) else value)


def _announce_if_public(event: Event) -> None:
    if briefs_are_revealed(event):
        emitters.challenges_changed(event)
