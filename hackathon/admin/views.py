"""Site administration: every event on the deployment, creating new ones, and the accounts."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..access import site_admin_required
from ..auth import recovery
from ..errors import DomainError
from ..events import services as event_services
from ..events.forms import NewEventForm
from ..extensions import db
from ..models import Event, User
from . import accounts

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


@bp.route("/users")
@site_admin_required
def users():
    return _users_page()


@bp.route("/users/<int:user_id>/<action>", methods=["POST"])
@site_admin_required
def user_action(user_id, action):
    user = db.get_or_404(User, user_id)
    if action == "reset-link":
        return _users_page(reset_link=(user, recovery.admin_reset_link(user, current_user)))
    changes = {"deactivate": lambda: accounts.deactivate(user, current_user),
               "reactivate": lambda: accounts.reactivate(user)}
    if action not in changes:
        return _users_page(status=404)
    try:
        changes[action]()
    except DomainError as error:
        flash(str(error), "error")
        return _users_page(status=error.status)
    flash(f"{user.display_name} is {action}d.", "success")
    return redirect(url_for("admin.users", q=request.args.get("q", "")))


def _users_page(reset_link=None, status=200):
    query = request.args.get("q", "")
    return render_template("admin/users.html", users=accounts.find_accounts(query), query=query,
                           reset_link=reset_link), status
