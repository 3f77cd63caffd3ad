"""A realistic demo: one event live right now, one upcoming, one past, with people in every role."""
import unicodedata
from datetime import timedelta

from werkzeug.security import generate_password_hash

from .events.services import EventDetails, create_event
from .extensions import db
from .models import Challenge, Invite, Membership, User, UserSkill
from .models.membership import JUDGE, MENTOR, ORGANIZER, PARTICIPANT
from .models.types import utcnow

DEMO_PASSWORD = "hackathon-demo"
DEMO_SLUG = "aurora-hack"

DESCRIPTION = """\
**Aurora Hack** is a 48-hour hackathon about tools that help cities run on clean energy.

## Rules
1. Teams of 2–5 people; everyone registers on this site.
2. Start from scratch when hacking starts; open-source libraries are welcome.
3. Submit before the deadline shown in the countdown: late entries are not judged.
4. Be kind. Our [code of conduct](https://example.org/conduct) applies everywhere.

## Tracks
| Track | Sponsor |
|---|---|
| Grid flexibility | Nordlicht Energy |
| Mobility data | CityMove |
| Open climate data | Open Data Institute |
"""

PARTICIPANTS = [
    ("Ada Okafor", "python, machine learning, data viz", "Technical University"),
    ("Ben Carter", "react, typescript, ux design", "Freelance"),
    ("Chen Wei", "rust, embedded, hardware", "Volt Labs"),
    ("Dana Levi", "product, pitching, ux research", "Design Academy"),
    ("Emil Novak", "go, kubernetes, devops", "Cloudy GmbH"),
    ("Farah Haddad", "python, flask, postgresql", "Technical University"),
    ("Gabriel Souza", "swift, ios, mobile", "Appworks"),
    ("Hana Sato", "data science, r, statistics", "Institute of Statistics"),
    ("Ivan Petrov", "c++, robotics, computer vision", "Robotics Club"),
    ("Julia Schmidt", "javascript, vue, css", "Agency North"),
    ("Kofi Mensah", "blockchain, solidity, security", "Freelance"),
    ("Lena Fischer", "ux design, figma, illustration", "Design Academy"),
    ("Marco Rossi", "java, spring, kafka", "Bank of Tomorrow"),
    ("Nadia Rahman", "python, nlp, llms", "Technical University"),
    ("Omar Farouk", "android, kotlin, maps", "Appworks"),
    ("Priya Nair", "data engineering, spark, sql", "Energy Analytics"),
    ("Quentin Moreau", "game dev, unity, 3d", "Indie"),
    ("Rosa Martínez", "hardware, iot, arduino", "Maker Space"),
    ("Sami Virtanen", "elixir, phoenix, realtime", "Freelance"),
    ("Tara Singh", "product, marketing, pitching", "Business School"),
    ("Uma Patel", "python, django, react", "Technical University"),
    ("Viktor Horvath", "gis, maps, postgis", "City Planning Office"),
]
MENTORS = [
    ("Mira Holm", "python, machine learning", "Nordlicht Energy"),
    ("Noah Berg", "react, frontend, accessibility", "CityMove"),
    ("Olga Ivanova", "hardware, iot, embedded", "Volt Labs"),
    ("Paul Dubois", "cloud, devops, kubernetes", "Cloudy GmbH"),
    ("Rania Aziz", "pitching, product, business", "Startup Hub"),
    ("Sven Lund", "data, gis, maps", "Open Data Institute"),
]
JUDGES = [
    ("Greta Thornton", "Nordlicht Energy"),
    ("Hiroshi Tanaka", "CityMove"),
    ("Isabel Cruz", "Open Data Institute"),
    ("Jonas Weber", "Venture Partners"),
]


def has_data() -> bool:
    """Whether the database already holds any account."""
    return db.session.scalar(db.select(User.id).limit(1)) is not None


def build_demo() -> list[tuple[str, str]]:
    """Create the demo events and people; return (role, e-mail) for the printed logins."""
    password_hash = generate_password_hash(DEMO_PASSWORD)  # hashed once: seeding stays quick
    make = _user_maker(password_hash)
    admin = make("Sam Admin", "admin", "", "Aurora Org")
    admin.is_site_admin = True
    live, upcoming, past = _events()
    organizer = make("Olivia Organizer", "organizer", "", "Aurora Org")
    logins = [("site admin", admin.email), ("organizer", organizer.email)]
    _enrol(live, organizer, ORGANIZER)
    _enrol(upcoming, organizer, ORGANIZER)
    _enrol(past, organizer, ORGANIZER)
    for index, (name, skills, org) in enumerate(MENTORS):
        user = _enrol(live, make(name, "mentor", skills, org), MENTOR)
        if index == 0:
            logins.append(("mentor", user.email))
    for index, (name, org) in enumerate(JUDGES):
        user = _enrol(live, make(name, "judge", "", org), JUDGE)
        if index == 0:
            logins.append(("judge", user.email))
    for index, (name, skills, org) in enumerate(PARTICIPANTS):
        user = _enrol(live, make(name, "", skills, org), PARTICIPANT)
        if index < 6:
            _enrol(past, user, PARTICIPANT)
        if index == 0:
            logins.append(("participant", user.email))
    _challenges(live)
    db.session.add(Invite(event=live, role=JUDGE, label="Late judges", max_uses=3,
                          expires_at=utcnow() + timedelta(days=7), created_by=organizer))
    db.session.commit()
    return logins


CHALLENGES = [
    ("Grid flexibility", "Nordlicht Energy", "Shift city power demand to when the wind blows.",
     "Build a tool that moves flexible demand (heat pumps, EV charging, cold storage) to the hours "
     "when renewable supply is high.\n\n## Data\n- 15-minute grid load for Berlin, 2023–2025\n"
     "- Wind and solar forecasts\n\n## Deliverable\nA working prototype and a two-minute demo video.",
     "1. €3,000 and a pilot with Nordlicht\n2. €1,000"),
    ("Mobility data", "CityMove", "Help commuters choose the cleanest way across town.",
     "Use live transit, bike-share and traffic feeds to recommend low-carbon trips.\n\n"
     "Judged on usefulness, data use and design.", "€2,000 and a year of CityMove Pro"),
    ("Open climate data", "Open Data Institute", "Make a city's climate data understandable to everyone.",
     "Turn open emissions and air-quality data into something a resident can act on.",
     "Mentoring from the ODI and a showcase slot at their annual summit"),
]


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
    upcoming = create_event("spring-build-2027", _details(
        "Spring Build 2027", "A weekend of tools for teachers", "America/New_York",
        now + 10 * day, now + 40 * day, now + 41 * day, now + 43 * day, now + 44 * day, now + 44 * day + 3 * hour))
    past = create_event("autumn-jam-2026", _details(
        "Autumn Jam 2026", "Games about the changing seasons", "Asia/Tokyo",
        now - 60 * day, now - 32 * day, now - 31 * day, now - 29 * day, now - 28 * day, now - 27 * day))
    return live, upcoming, past


def _details(name, tagline, timezone, *milestones) -> EventDetails:
    return EventDetails(
        name=name, tagline=tagline, description=DESCRIPTION if "Aurora" in name else f"**{name}**: {tagline}.",
        venue="Kraftwerk Hall, Berlin" if "Aurora" in name else "", online_url="https://example.org/stream",
        timezone=timezone, team_size_min=2, team_size_max=5, is_published=True, **dict(zip(
            ("registration_opens_at", "registration_closes_at", "hacking_starts_at", "submissions_due_at",
             "judging_ends_at", "results_at"), milestones)))
