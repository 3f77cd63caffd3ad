"""Builds the registration pushes after a commit and hands them to the emitters."""
from ..models import Event
from ..realtime import emitters
from . import seats, standing
from .counts import checked_in_count, status_counts


def standings_changed(event: Event, user_ids: set[int]) -> None:
    """Each moved applicant's open page learns where they stand now."""
    for application in standing.applications_for(event, user_ids):
        emitters.standing_changed(application.user_id, standing.payload(event, application))


def applications_changed(event: Event) -> None:
    """Organizers see the counts by status and the seats left."""
    emitters.applications_changed(event, {"event": event.slug, **counts_payload(event)})


def counts_payload(event: Event) -> dict:
    settings = seats.settings_of(event)
    return {"counts": status_counts(event), "seats_left": seats.seats_left(event, settings),
            "capacity": settings.capacity}


def registration_summary(event: Event) -> dict:
    """The console's registration card: counts, seats left, mode and arrivals (as pushed live)."""
    return {**counts_payload(event), "mode": seats.settings_of(event).mode, "checked_in": checked_in_count(event)}


def checked_in(event: Event) -> None:
    """Every check-in desk and the organizers' console see the number of arrivals."""
    emitters.checked_in(event, {"event": event.slug, "checked_in": checked_in_count(event)})
