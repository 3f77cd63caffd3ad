"""Who may see and do what in an event, decided on the server from the role in *that* event."""
from functools import wraps

from flask import abort, g
from flask_login import current_user

from .extensions import db, login_manager
from .models import Event, Membership
from .models.membership import ORGANIZER


def roles_in(user, event: Event) -> frozenset[str]:
    """The roles `user` holds in `event`; empty for anonymous visitors."""
    if not user.is_authenticated:
        return frozenset()
    rows = db.session.scalars(
        db.select(Membership.role).where(Membership.user_id == user.id, Membership.event_id == event.id)
    )
    return frozenset(rows)


def can_manage(user, event: Event, roles: frozenset[str] | None = None) -> bool:
    """Organizers of the event and site admins run it."""
    if not user.is_authenticated:
        return False
    return user.is_site_admin or ORGANIZER in (roles if roles is not None else roles_in(user, event))


def load_event(slug: str) -> Event:
    """The event for this URL; a draft exists only for its members and the people who run it."""
    event = db.session.scalar(db.select(Event).where(Event.slug == slug))
    if event is None:
        abort(404, description="There is no event at this address.")
    roles = roles_in(current_user, event)
    manages = can_manage(current_user, event, roles)
    if not (event.is_published or roles or manages):
        # Before g.event is set: the 404 page's navigation must not name the draft.
        abort(404, description="There is no event at this address.")
    g.event, g.roles, g.can_manage = event, roles, manages
    return event


def event_view(*allowed_roles: str):
    """Load the event named by `slug` and admit only the given roles (organizers and admins always)."""

    def decorator(view):
        @wraps(view)
        def wrapped(slug, *args, **kwargs):
            event = load_event(slug)
            if allowed_roles and not (g.can_manage or g.roles & set(allowed_roles)):
                if not current_user.is_authenticated:
                    return login_manager.unauthorized()
                abort(403, description=_refusal(allowed_roles))
            return view(event, *args, **kwargs)

        return wrapped

    return decorator


def site_admin_required(view):
    """Admit only site admins."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not current_user.is_site_admin:
            abort(403, description="Only site admins can do this.")
        return view(*args, **kwargs)

    return wrapped


def _refusal(allowed_roles) -> str:
    names = " or ".join(f"{role}s" for role in sorted(allowed_roles))
    return f"This page is for the {names} of {g.event.name}."
