"""Builds the demo events from content.py through the models and services."""
import unicodedata
from datetime import timedelta

from werkzeug.security import generate_password_hash

from ..events.services import EventDetails, create_event
from ..extensions import db
from ..models import Challenge, Invite, Membership, Team, User, UserSkill
from ..models.membership import JUDGE, MENTOR, ORGANIZER, PARTICIPANT, VOLUNTEER
from ..models.types import utcnow
from ..voting.codes import generate_codes
from ..voting.services import open_voting
from . import mentoring, past as past_event, projects, registration
from .content import CHALLENGES, DESCRIPTION, JUDGES, MENTORS, PARTICIPANTS

DEMO_PASSWORD = "hackathon-demo"
DEMO_SLUG = "aurora-hack"
JUDGING_SLUG = "winter-sprint"


def has_data() -> bool:
    """Whether the database already holds any account."""
    return db.session.scalar(db.select(User.id).limit(1)) is not None


def build_demo() -> list[tuple[str, str]]:
    """Create the demo events and people; return (role, e-mail) for the printed logins."""
    password_hash = generate_password_hash(DEMO_PASSWORD)  # hashed once: seeding stays quick
    make = _user_maker(password_hash)
    admin = make("Sam Admin", "admin", "", "Aurora Org")
    admin.is_site_admin = True
    live, judging, upcoming, past = _events()
    organizer = make("Olivia Organizer", "organizer", "", "Aurora Org")
    for event in (live, judging, upcoming, past):
        _enrol(event, organizer, ORGANIZER)
    mentors = [_enrol(live, make(name, "mentor", skills, org), MENTOR) for name, skills, org in MENTORS]
    judges = [make(name, "judge", "", org) for name, org in JUDGES]
    participants = [make(name, "", skills, org) for name, skills, org in PARTICIPANTS]
    for user in judges:
        _enrol(live, user, JUDGE), _enrol(judging, user, JUDGE)
    for index, user in enumerate(participants):
        _enrol(live, user, PARTICIPANT), _enrol(judging, user, PARTICIPANT)
        if index < 6:
            _enrol(past, user, PARTICIPANT)
    db.session.flush()
    registration.confirm_participants(live, participants, checked_in=18, by=organizer)
    registration.confirm_participants(judging, participants)
    registration.confirm_participants(past, participants[:6])
    _enrol(live, make("Vic Volunteer", "volunteer", "", "Aurora Org"), VOLUNTEER)
    registration.take_applications(upcoming, participants[10:15])
    _fill_live(live, organizer, participants)
    mentoring.add_mentoring(live, mentors)
    db.session.commit()
    mentoring.add_standing_mentors(live, mentors)
    _fill_judging(judging, participants, judges)
    past_event.fill_past(past, participants[:6], judges)
    return [("site admin", admin.email), ("organizer", organizer.email), ("mentor", mentors[0].email),
            ("judge", judges[0].email), ("participant", participants[0].email),
            ("volunteer", "vic.volunteer@example.org")]


def _fill_live(event, organizer, participants) -> None:
    """Hacking now: teams formed, two entries submitted early, the rest still drafts."""
    _challenges(event)
    db.session.flush()
    projects.add_teams(event, participants)
    projects.add_rubric(event)
    db.session.flush()
    projects.add_projects(event, list(db.session.scalars(db.select(Team).where(Team.event_id == event.id)
                                                        .order_by(Team.id))), submitted=2)
    db.session.add(Invite(event=event, role=JUDGE, label="Late judges", max_uses=3,
                          expires_at=utcnow() + timedelta(days=7), created_by=organizer))
    db.session.commit()


def _fill_judging(event, participants, judges) -> None:
    """Being judged now: every entry submitted, most scores in, so the leaderboard moves on the next one."""
    _challenges(event)
    db.session.flush()
    teams = projects.add_teams(event, participants)
    projects.add_rubric(event)
    db.session.flush()
    projects.add_projects(event, teams, submitted=len(teams))
    db.session.commit()
    projects.judge_most(event, judges)
    open_voting(event)
    generate_codes(event, 20, "Demo check-in")


def _challenges(event) -> None:
    for position, (title, sponsor, summary, brief, prizes) in enumerate(CHALLENGES):
        db.session.add(Challenge(event=event, title=title, sponsor=sponsor, summary=summary, brief=brief,
                                 prizes=prizes, position=position, is_draft=False,
                                 judging_notes="Impact, technical depth, design and the demo."))


def _user_maker(password_hash: str):
    def make(name: str, kind: str, skills: str, organization: str) -> User:
        user = User(display_name=name, email=_demo_email(name, kind), password_hash=password_hash,
                    organization=organization, bio=f"{name.split()[0]} likes building things that work.")
        user.skills = [UserSkill(name=skill.strip()) for skill in skills.split(",") if skill.strip()]
        db.session.add(user)
        return user

    return make


def _demo_email(name: str, kind: str) -> str:
    """admin@…, organizer@…, mira.mentor@…, ada.okafor@… (ASCII only)."""
    ascii_name = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
    first, last = ascii_name.split()[0], ascii_name.split()[-1]
    if kind in ("admin", "organizer"):
        return f"{kind}@example.org"
    return f"{first}.{kind or last}@example.org"


def _enrol(event, user: User, role: str) -> User:
    db.session.add(Membership(user=user, event=event, role=role))
    return user


def _events():
    now = utcnow().replace(second=0, microsecond=0)
    hour, day = timedelta(hours=1), timedelta(days=1)
    live = create_event(DEMO_SLUG, _details(
        "Aurora Hack 2026", "48 hours to power cities with clean energy", "Europe/Berlin",
        now - 3 * day, now + 6 * hour, now - 2 * hour, now + 22 * hour, now + 26 * hour, now + 27 * hour))
    judging = create_event(JUDGING_SLUG, _details(
        "Winter Sprint 2026", "Tools for a greener winter, now being judged", "Europe/Berlin",
        now - 6 * day, now - 4 * day, now - 4 * day, now - hour, now + 5 * hour, now + 6 * hour))
    upcoming = create_event("spring-build-2027", _details(
        "Spring Build 2027", "A weekend of tools for teachers", "America/New_York",
        now - 2 * day, now + 40 * day, now + 41 * day, now + 43 * day, now + 44 * day, now + 44 * day + 3 * hour))
    past = create_event("autumn-jam-2026", _details(
        "Autumn Jam 2026", "Games about the changing seasons", "Asia/Tokyo",
        now - 60 * day, now - 32 * day, now - 31 * day, now - 29 * day, now - 28 * day, now - 27 * day))
    return live, judging, upcoming, past


def _details(name, tagline, timezone, *milestones) -> EventDetails:
    return EventDetails(
        name=name, tagline=tagline, description=DESCRIPTION if "Aurora" in name else f"**{name}**: {tagline}.",
        venue="Kraftwerk Hall, Berlin" if "Aurora" in name else "", online_url="https://example.org/stream",
        timezone=timezone, team_size_min=2, team_size_max=5, is_published=True, **dict(zip(
            ("registration_opens_at", "registration_closes_at", "hacking_starts_at", "submissions_due_at",
             "judging_ends_at", "results_at"), milestones)))
