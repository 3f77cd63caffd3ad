"""The hub of events, an event's page, and signing up as a participant."""
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from ..access import event_view
from ..errors import DomainError
from ..live import services as live_services
from ..registration import services as registration
from ..registration.standing import offer_for, standing_of
from . import services
from .results import event_results

bp = Blueprint("events", __name__)


@bp.route("/")
def hub():
    groups = services.list_hub_events(current_user)
    return render_template("events/hub.html", groups=groups)


@bp.route("/favicon.ico")
def favicon():
    # Browsers and feed readers ask for this path whatever the page's <link rel="icon"> says.
    return redirect(url_for("static", filename="favicon.svg"), 301)


@bp.route("/e/<slug>/")
@event_view()
def show(event):
    return _event_page(event)


@bp.route("/e/<slug>/join", methods=["POST"])
@login_required
@event_view()
def join(event):
    """One click when the event asks no questions; otherwise its application form."""
    if registration.questions_of(event):
        return redirect(url_for("registration.apply", slug=event.slug))
    try:
        application = registration.apply(current_user, event, {})
    except DomainError as error:
        flash(str(error), "error")
        return _event_page(event), error.status
    if application.status == "confirmed":
        flash(f"You're in! You are now a participant of {event.name}.", "success")
        return redirect(url_for("events.show", slug=event.slug))
    flash(standing_of(application).headline, "success")
    return redirect(url_for("registration.standing", slug=event.slug))


def _event_page(event):
    return render_template("events/show.html", event=event, clock=event.clock(),
                           offer=offer_for(current_user, event),
                           announcements=live_services.published_announcements(event),
                           results=event_results(event))
