"""The mentor directory: one card per mentor of an event, as pages show it and `mentor_changed` pushes it."""
from ..models import Event, MentorProfile, User
from ..models.mentor import AVAILABLE, AWAY, BUSY
from . import queries

HELPING = "helping"
STATUS_LABELS = {AVAILABLE: "Available", HELPING: "Helping a team", BUSY: "Busy", AWAY: "Away"}
STATUS_ORDER = {AVAILABLE: 0, HELPING: 1, BUSY: 2, AWAY: 3}


def status_of(profile: MentorProfile | None, helping: bool) -> str:
    """What the directory says of a mentor: helping a team trumps what they set; no profile yet means away."""
    if helping:
        return HELPING
    return profile.availability if profile is not None else AWAY


def card(event: Event, user: User, profile: MentorProfile | None, helping: bool) -> dict:
    """One mentor's directory card (plain data: pages render it, the live channel pushes it)."""
    status = status_of(profile, helping)
    return {"event": event.slug, "mentor_id": user.id, "name": user.display_name,
            "tags": profile.tag_names if profile else [], "bio": profile.bio if profile else "",
            "location": profile.location if profile else "", "availability": profile.availability if profile else AWAY,
            "status": status, "status_label": STATUS_LABELS[status]}


def card_of(event: Event, user: User) -> dict:
    """The current card of one mentor."""
    return card(event, user, queries.profile_of(event, user), queries.active_claim_of(user) is not None)


def directory(event: Event) -> list[dict]:
    """Every mentor of the event: available first, then helping, busy, away; by name within each."""
    profiles, helping = queries.profiles_by_mentor(event), queries.helping_mentor_ids(event)
    cards = [card(event, user, profiles.get(user.id), user.id in helping) for user in queries.event_mentors(event)]
    return sorted(cards, key=lambda c: (STATUS_ORDER[c["status"]], c["name"].lower()))
