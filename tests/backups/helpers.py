"""A demo event with uploads to export, and a second deployment (SQLite or PostgreSQL) to restore into."""
import io
import json
from contextlib import contextmanager

from hackathon.backups import export_event
from hackathon.demo import DEMO_SLUG, JUDGING_SLUG, build_demo
from hackathon.extensions import db
from hackathon.models import Challenge, Event, Submission, SubmissionVersion, VotingCode
from hackathon.submissions.services import snapshot
from tests.conftest import build_app
from tests.factories import make_announcement, make_attachment, make_submission_file
from tests.services import POSTGRES_TEST_DB, recreate_postgres_database

SLUGS = (DEMO_SLUG, JUDGING_SLUG)


def build_demo_with_uploads() -> None:
    """The demo events, each with a brief's attachment, an entry's screenshot named in a new version
    and an announcement; votes in the judged one."""
    build_demo()
    for slug in SLUGS:
        event = find_event(slug)
        challenge = db.session.scalars(db.select(Challenge).where(Challenge.event_id == event.id)
                                       .order_by(Challenge.id)).first()
        make_attachment(challenge, "rules.md", "# Rules\n\nBe kind. Ünïcödé too.".encode())
        entry = db.session.scalars(db.select(Submission).where(Submission.event_id == event.id)
                                   .order_by(Submission.id)).first()
        make_submission_file(entry)
        number = 1 + max((version.number for version in entry.versions), default=0)
        db.session.add(SubmissionVersion(submission_id=entry.id, number=number, status=entry.status,
                                         changed="files", snapshot_json=json.dumps(snapshot(entry))))
        db.session.commit()
        make_announcement(event, "Pizza in the main hall at 19:00 🍕")
    _cast_votes(find_event(JUDGING_SLUG))


def _cast_votes(event: Event) -> None:
    """Two votes in the judged event: one with a voting code, one by an account (the demo casts none)."""
    from hackathon.models import Membership
    from hackathon.voting.services import cast_vote

    entries = db.session.scalars(db.select(Submission).where(Submission.event_id == event.id)
                                 .order_by(Submission.id)).all()
    code = db.session.scalars(db.select(VotingCode).where(VotingCode.event_id == event.id)).first()
    cast_vote(event, entries[0], code=code)
    mentor = db.session.scalars(db.select(Membership).where(Membership.event_id == event.id,
                                                            Membership.role.in_(("mentor", "judge")))).first()
    cast_vote(event, entries[-1], user=mentor.user)


def find_event(slug: str) -> Event:
    return db.session.scalar(db.select(Event).where(Event.slug == slug))


def exported(slug: str) -> bytes:
    buffer = io.BytesIO()
    export_event(find_event(slug), buffer)
    return buffer.getvalue()


@contextmanager
def other_deployment(kind: str, instance_dir):
    """A second deployment on its own empty database and upload folder, its app context pushed."""
    instance_dir.mkdir(parents=True, exist_ok=True)
    if kind == "postgresql":
        url = recreate_postgres_database(f"{POSTGRES_TEST_DB}_restore")
    else:
        url = f"sqlite:///{instance_dir / 'other.db'}"
    other = build_app(url, instance_dir)
    with other.app_context():
        db.create_all()
        try:
            yield other
        finally:
            db.session.remove()
            db.engine.dispose()
