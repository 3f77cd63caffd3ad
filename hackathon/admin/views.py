"""Site administration: every event on the deployment, and creating new ones."""
from flask import Blueprint, flash, redirect, render_template, url_for

from ..access import site_admin_required
from ..events import services as event_services
from ..events.forms import NewEventForm
from ..extensions import db
from ..models import Event

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/")
@site_admin_required
def index():
    events = db.session.scalars(db.select(Event).order_by(Event.hacking_starts_at.desc())).all()
    return render_template("admin/index.html", events=events)


@bp.route("/events/new", methods=["GET", "POST"])
@site_admin_required
def new_event():
    form = NewEventForm()
    if form.validate_on_submit():
        try:
            event = event_services.create_event(form.slug.data, form.details())
        except event_services.ScheduleOutOfOrder as error:
            for field, message in error.problems:
                getattr(form, field).errors.append(message)
        except event_services.SlugTaken as error:
            form.slug.errors.append(str(error))
        else:
            flash(f"{event.name} created. Invite its organizers from the console.", "success")
            return redirect(url_for("manage.dashboard", slug=event.slug))
    status = 422 if form.is_submitted() else 200
    return render_template("admin/new_event.html", form=form), status
