"""Short factories with sensible defaults and unique names (no hard-coded ids)."""
import itertools
from datetime import timedelta

from hackathon.extensions import db
from hackathon.models import Event, Invite, Membership, TeamSkill, User, UserSkill
from hackathon.models.types import utcnow

PASSWORD = "correct horse battery"
# One scrypt hash for every test user: hashing per user would dominate the suite's run time.
_counter = itertools.count(1)
_hash_cache: dict[str, str] = {}


def _unique() -> int:
    return next(_counter)


def make_user(**fields) -> User:
    n = _unique()
    password = fields.pop("password", PASSWORD)
    if password not in _hash_cache:
        probe = User()
        probe.set_password(password)
        _hash_cache[password] = probe.password_hash
    user = User(email=fields.pop("email", f"user{n}@example.org"),
                display_name=fields.pop("display_name", f"User {n}"),
                password_hash=_hash_cache[password], **fields)
    db.session.add(user)
    db.session.commit()
    return user


# Where "registration opens" sits relative to now, for an event to be in each phase right now.
_OPENS_OFFSET = {
    "upcoming": timedelta(days=2),
    "registration": -timedelta(hours=1),
    "hacking": -timedelta(days=1, hours=2),
    "judging": -timedelta(days=2, hours=2),
    "results": -timedelta(days=4),
}


def schedule_around(phase: str = "hacking", now=None) -> dict:
    """Milestones (a day apart) that put an event in `phase` right now."""
    opens = (now or utcnow()) + _OPENS_OFFSET[phase]
    day = timedelta(days=1)
    return {
        "registration_opens_at": opens,
        "registration_closes_at": opens + day + timedelta(hours=4),
        "hacking_starts_at": opens + day,
        "submissions_due_at": opens + 2 * day,
        "judging_ends_at": opens + 3 * day,
        "results_at": opens + 3 * day + timedelta(hours=1),
    }


def make_event(phase: str = "hacking", **fields) -> Event:
    n = _unique()
    values = dict(slug=f"event-{n}", name=f"Event {n}", timezone="Europe/Berlin", team_size_min=1,
                  team_size_max=4, is_published=True, description="**Rules** apply.")
    values.update(schedule_around(phase=phase))
    values.update(fields)
    event = Event(**values)
    db.session.add(event)
    db.session.commit()
    return event


def make_membership(user: User, event: Event, role: str) -> Membership:
    membership = Membership(user=user, event=event, role=role)
    db.session.add(membership)
    db.session.commit()
    return membership


def make_member(event: Event, role: str, **user_fields) -> User:
    """A new account holding `role` in `event`."""
    user = make_user(**user_fields)
    make_membership(user, event, role)
    return user


def make_invite(event: Event, role: str = "judge", **fields) -> Invite:
    invite = Invite(event=event, role=role, **{"max_uses": 1, **fields})
    db.session.add(invite)
    db.session.commit()
    return invite


def make_challenge(event: Event, **fields):
    from hackathon.models import Challenge

    n = _unique()
    challenge = Challenge(event=event, **{"title": f"Challenge {n}", "brief": "Build **it**.",
                                          "is_draft": False, **fields})
    db.session.add(challenge)
    db.session.commit()
    return challenge


def make_attachment(challenge, name="notes.txt", data=b"notes"):
    import io

    from werkzeug.datastructures import FileStorage

    from hackathon.challenges.services import add_attachment

    return add_attachment(challenge, FileStorage(stream=io.BytesIO(data), filename=name))


def make_criterion(event: Event, **fields):
    from hackathon.models import Criterion

    criterion = Criterion(event_id=event.id, **{"name": f"Criterion {_unique()}", "weight": 1.0,
                                                "scale_min": 1, "scale_max": 10, **fields})
    db.session.add(criterion)
    db.session.commit()
    return criterion


def make_submission(event: Event, team, challenges=(), **fields):
    from hackathon.models import Submission

    submission = Submission(event_id=event.id, team_id=team.id, challenges=list(challenges),
                            **{"title": f"Project {_unique()}", "status": "submitted", "submitted_at": utcnow(),
                               **fields})
    db.session.add(submission)
    db.session.commit()
    return submission


def make_team(event: Event, members=(), **fields):
    """A team of `members` (users already participants of `event`); the first is captain."""
    from hackathon.models import Team, TeamMember
    from hackathon.models.team import name_key

    name = fields.pop("name", f"Team {_unique()}")
    skills = fields.pop("skills", ())
    team = Team(event_id=event.id, name=name, name_key=name_key(name),
                captain_id=members[0].id if members else None, **fields)
    team.members = [TeamMember(event_id=event.id, user_id=user.id) for user in members]
    team.wanted_skills = [TeamSkill(name=skill) for skill in skills]
    db.session.add(team)
    db.session.commit()
    return team


def make_submission_file(submission, name="shot.png", kind="screenshot"):
    import io

    from werkzeug.datastructures import FileStorage

    from hackathon.models import SubmissionFile
    from hackathon.uploads import store_upload

    stored = store_upload(FileStorage(io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\0" * 16), name),
                          f"submissions/{submission.event_id}", {"png"}, 1024)
    file = SubmissionFile(submission_id=submission.id, kind=kind, original_name=stored.original_name,
                          stored_name=stored.stored_name, content_type=stored.content_type, size=stored.size)
    db.session.add(file)
    db.session.commit()
    return file


def make_assignment(judge, submission):
    from hackathon.models import Assignment

    assignment = Assignment(event_id=submission.event_id, judge_id=judge.id, submission_id=submission.id)
    db.session.add(assignment)
    db.session.commit()
    return assignment


def make_conflict(judge, team, source="declared"):
    from hackathon.models import Conflict

    conflict = Conflict(event_id=team.event_id, judge_id=judge.id, team_id=team.id, source=source, reason="friend")
    db.session.add(conflict)
    db.session.commit()
    return conflict


def make_announcement(event: Event, text: str | None = None, level: str = "info", publish_at=None):
    """A published announcement (through the real service), or a scheduled one due at `publish_at`
    (stored directly, so tests may schedule one in the past as if its time had just come)."""
    from hackathon.live.services import post_announcement
    from hackathon.models import Announcement

    text = text or f"Announcement {_unique()}"
    if publish_at is None:
        return post_announcement(event, None, text, level)
    announcement = Announcement(event=event, text=text, level=level, publish_at=publish_at)
    db.session.add(announcement)
    db.session.commit()
    return announcement


def make_participant(event: Event, skills=(), **user_fields) -> User:
    """A participant of `event`, optionally with profile skills."""
    user = make_member(event, "participant", **user_fields)
    user.skills = [UserSkill(name=skill) for skill in skills]
    db.session.commit()
    return user


def make_question(event: Event, kind: str = "short_text", label: str | None = None, **fields):
    """A question of the event's application form."""
    from hackathon.models import Question

    question = Question(event_id=event.id, kind=kind, label=label or f"Question {_unique()}",
                        **{"choices": "", "help_text": "", "is_required": False, **fields})
    db.session.add(question)
    db.session.commit()
    return question


def make_registration(event: Event, **settings):
    """The event's registration settings (mode, capacity, confirm_hours, hands_out_voting_codes)."""
    from hackathon.models import RegistrationSettings

    row = RegistrationSettings(event_id=event.id, **{"mode": "open", "confirm_hours": 72, **settings})
    db.session.add(row)
    db.session.commit()
    return row


def make_application(event: Event, user: User | None = None, status: str = "submitted", **fields):
    """An application in any status; confirmed ones get a check-in code and the participant role."""
    from hackathon.models import Application
    from hackathon.registration import seats

    user = user or make_user()
    application = Application(event_id=event.id, user_id=user.id, answers=fields.pop("answers", {}), status=status,
                              waitlisted_at=utcnow() if status == "waitlisted" else None, **fields)
    db.session.add(application)
    if status == "confirmed":
        seats.confirm_seat(application, utcnow())
        db.session.add(Membership(user=user, event=event, role="participant"))
    if status == "accepted" and application.offer_expires_at is None:
        application.offer_expires_at = utcnow() + timedelta(hours=72)
    db.session.commit()
    return application
