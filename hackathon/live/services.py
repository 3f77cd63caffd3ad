"""Live-channel rules: posting, scheduling, publishing and retracting announcements, and what
the background ticker must push (milestones crossed, clocks to resync)."""
from datetime import datetime

from sqlalchemy import or_

from ..errors import DomainError
from ..extensions import db
from ..models import Announcement, Event, User
from ..models.announcement import INFO, LEVELS, MAX_TEXT_LENGTH
from ..models.event import MILESTONE_COLUMNS
from ..models.types import utcnow
from ..realtime import emitters

LIST_LIMIT = 100


class AnnouncementError(DomainError):
    """An announcement rule refused the input; the message says what to change."""

    status = 422

    def __init__(self, message: str, field: str = "text"):
        super().__init__(message)
        self.field = field


class AlreadyRetracted(AnnouncementError):
    status = 409

    def __init__(self):
        super().__init__("This announcement was already taken down.", field="text")


def clean_text(text: str | None) -> str:
    """One line of plain text: surrounding and repeated whitespace removed, length checked."""
    cleaned = " ".join((text or "").split())
    if not cleaned:
        raise AnnouncementError("Write the announcement: it can't be empty.")
    if len(cleaned) > MAX_TEXT_LENGTH:
        raise AnnouncementError(f"Keep it to {MAX_TEXT_LENGTH} characters (this one has {len(cleaned)}).")
    return cleaned


def post_announcement(event: Event, by: User | None, text: str, level: str = INFO,
                      publish_at: datetime | None = None, now: datetime | None = None) -> Announcement:
    """Publish an announcement now, or schedule it for `publish_at` (which must be in the future)."""
    now = now or utcnow()
    text = clean_text(text)
    if level not in LEVELS:
        raise AnnouncementError(f"Choose a level: {', '.join(LEVELS)}.", "level")
    if publish_at is not None and publish_at <= now:
        raise AnnouncementError("That time has passed. Pick a later one, or leave it empty to publish now.",
                                "publish_at")
    announcement = Announcement(event=event, text=text, level=level, publish_at=publish_at or now,
                                created_by_id=by.id if by else None, created_at=now)
    if publish_at is not None:
        db.session.add(announcement)
        db.session.commit()
        return announcement
    _lock(event)
    _go_out(announcement, now)
    db.session.add(announcement)
    db.session.commit()
    emitters.announcement_published(announcement)
    return announcement


def publish_due_announcements(now: datetime | None = None) -> list[Announcement]:
    """Publish every scheduled announcement whose time has come, once even with several processes."""
    now = now or utcnow()
    due_ids = db.session.scalars(db.select(Announcement.id).where(
        Announcement.published_at.is_(None), Announcement.retracted_at.is_(None),
        Announcement.publish_at <= now).order_by(Announcement.publish_at, Announcement.id)).all()
    published = []
    for announcement_id in due_ids:
        announcement = _claim_due(announcement_id, now)
        if announcement is not None:
            emitters.announcement_published(announcement)
            published.append(announcement)
    return published


def _claim_due(announcement_id: int, now: datetime) -> Announcement | None:
    """Publish one due announcement unless another process (or a retraction) got there first."""
    announcement = db.session.get(Announcement, announcement_id)
    _lock(announcement.event)
    db.session.refresh(announcement)
    if announcement.is_published or announcement.is_retracted:
        db.session.rollback()
        return None
    _go_out(announcement, now)
    db.session.commit()
    return announcement


def retract_announcement(announcement: Announcement, by: User | None, now: datetime | None = None) -> None:
    """Take an announcement down (or cancel a scheduled one); screens drop it at once."""
    _lock(announcement.event)
    db.session.refresh(announcement)
    if announcement.is_retracted:
        db.session.rollback()
        raise AlreadyRetracted()
    announcement.retracted_at = now or utcnow()
    announcement.retracted_by_id = by.id if by else None
    db.session.commit()
    if announcement.is_published:
        emitters.announcement_retracted(announcement)


def _lock(event: Event) -> None:
    # Publications of one event take turns, so `seq` follows the order they were committed in.
    db.session.refresh(event, with_for_update=True)


def _go_out(announcement: Announcement, now: datetime) -> None:
    last = db.session.scalar(db.select(db.func.max(Announcement.seq)).where(
        Announcement.event_id == announcement.event.id))
    announcement.seq = (last or 0) + 1
    announcement.published_at = now


def published_announcements(event: Event, limit: int = LIST_LIMIT) -> list[Announcement]:
    """What every screen shows: published, not retracted, newest first."""
    return db.session.scalars(_visible(event).order_by(Announcement.seq.desc()).limit(limit)).all()


def announcements_since(event: Event, since_id: int | None) -> list[Announcement]:
    """Announcements published after the one with id `since_id`, oldest first (all when unknown)."""
    query = _visible(event)
    since_seq = since_id and db.session.scalar(db.select(Announcement.seq).where(
        Announcement.id == since_id, Announcement.event_id == event.id))
    if since_seq:
        query = query.where(Announcement.seq > since_seq)
    newest = db.session.scalars(query.order_by(Announcement.seq.desc()).limit(LIST_LIMIT)).all()
    return newest[::-1]


def retracted_ids(event: Event) -> list[int]:
    """Ids of announcements that went out and were taken down, for screens that missed it."""
    return db.session.scalars(db.select(Announcement.id).where(
        Announcement.event_id == event.id, Announcement.seq.is_not(None),
        Announcement.retracted_at.is_not(None)).order_by(Announcement.id)).all()


def latest_announcement_id(event: Event) -> int:
    """Id of the last published announcement (0 when none): where a freshly loaded page stands."""
    return db.session.scalar(db.select(Announcement.id).where(
        Announcement.event_id == event.id, Announcement.seq.is_not(None))
        .order_by(Announcement.seq.desc()).limit(1)) or 0


def all_announcements(event: Event) -> list[Announcement]:
    """Every announcement of an event for its organizers: scheduled first, then newest first."""
    return db.session.scalars(db.select(Announcement).where(Announcement.event_id == event.id).order_by(
        Announcement.published_at.is_not(None), Announcement.publish_at.desc(), Announcement.id.desc())).all()


def _visible(event: Event):
    return db.select(Announcement).where(
        Announcement.event_id == event.id, Announcement.seq.is_not(None), Announcement.retracted_at.is_(None))


def events_crossing_milestones(since: datetime, now: datetime) -> list[Event]:
    """Running events with a milestone in (since, now]: their phase or countdown target just changed."""
    crossed = [db.and_(getattr(Event, column) > since, getattr(Event, column) <= now)
               for column in MILESTONE_COLUMNS]
    return db.session.scalars(db.select(Event).where(
        Event.is_published.is_(True), Event.paused_at.is_(None), Event.closed_at.is_(None),
        or_(*crossed))).all()


def events_to_resync(event_ids: set[int]) -> list[Event]:
    """The events among `event_ids` whose clocks still move or can change (not closed)."""
    if not event_ids:
        return []
    return db.session.scalars(db.select(Event).where(
        Event.id.in_(event_ids), Event.closed_at.is_(None))).all()
