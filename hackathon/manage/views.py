"""The organizer console of one event: clock, invites, people and settings."""
import tempfile
from datetime import timedelta

from flask import Blueprint, abort, flash, redirect, render_template, send_file, url_for
from flask_login import current_user

from ..access import event_view
from ..backups import export_event
from ..errors import DomainError
from ..events import services as event_services
from ..events.forms import EventForm
from ..extensions import db
from ..invites import services as invite_services
from ..models import Invite, Membership
from ..models.membership import ORGANIZER
from ..models.types import utcnow
from ..registration.announce import registration_summary
from ..schedule import clock_actions
from . import services
from .forms import ExtendForm, InviteForm

bp = Blueprint("manage", __name__, url_prefix="/e/<slug>/manage")

CLOCK_ACTIONS = {
    "start": (services.start_now, "Hacking has started."),
    "pause": (services.pause_clock, "The clock is paused."),
    "resume": (services.resume_clock, "The clock is running again."),
    "close": (services.close_event, "The event is closed."),
}


@bp.route("/")
@event_view(ORGANIZER)
def dashboard(event):
    return _dashboard_page(event)


@bp.route("/clock/<action>", methods=["POST"])
@event_view(ORGANIZER)
def clock(event, action):
    if action not in CLOCK_ACTIONS:
        abort(404)
    change, done = CLOCK_ACTIONS[action]
    return _run(event, lambda: change(event, current_user), done)


@bp.route("/clock/extend", methods=["POST"])
@event_view(ORGANIZER)
def extend(event):
    form = ExtendForm()
    if not form.validate_on_submit():
        return _dashboard_page(event, 422, extend_form=form)
    return _run(event, lambda: services.extend_deadline(event, current_user, form.minutes.data),
                f"Submissions deadline extended by {form.minutes.data} minutes.")


@bp.route("/invites", methods=["POST"])
@event_view(ORGANIZER)
def create_invite(event):
    form = InviteForm()
    if not form.validate_on_submit():
        return _dashboard_page(event, 422, invite_form=form)
    days = form.expires_in_days.data
    invite_services.create_invite(event, current_user, form.role.data, form.max_uses.data,
                                  utcnow() + timedelta(days=days) if days else None, form.label.data or "")
    flash(f"Invite link for {form.role.data}s created. Copy it from the list below.", "success")
    return redirect(url_for("manage.dashboard", slug=event.slug, _anchor="invites"))


@bp.route("/invites/<int:invite_id>/revoke", methods=["POST"])
@event_view(ORGANIZER)
def revoke_invite(event, invite_id):
    invite = db.first_or_404(db.select(Invite).where(Invite.id == invite_id, Invite.event_id == event.id))
    invite_services.revoke_invite(invite)
    flash("Invite revoked: the link no longer works.", "success")
    return redirect(url_for("manage.dashboard", slug=event.slug, _anchor="invites"))


@bp.route("/export")
@event_view(ORGANIZER)
def export(event):
    """The event as one backup file, the same as `flask hackathon export` writes."""
    archive = tempfile.TemporaryFile()  # on disk: an event's uploads may be large
    export_event(event, archive)
    archive.seek(0)
    stamp = utcnow().strftime("%Y%m%d-%H%M")
    return send_file(archive, mimetype="application/zip", as_attachment=True,
                     download_name=f"{event.slug}-{stamp}.zip", max_age=0)


@bp.route("/people")
@event_view(ORGANIZER)
def people(event):
    return _people_page(event)


@bp.route("/people/<int:membership_id>/remove", methods=["POST"])
@event_view(ORGANIZER)
def remove_person(event, membership_id):
    membership = db.first_or_404(db.select(Membership).where(
        Membership.id == membership_id, Membership.event_id == event.id))
    name, role = membership.user.display_name, membership.role
    try:
        event_services.remove_role(membership, current_user)
    except DomainError as error:
        flash(str(error), "error")
        return _people_page(event), error.status
    flash(f"{name} is no longer a {role}.", "success")
    return redirect(url_for("manage.people", slug=event.slug))


@bp.route("/settings", methods=["GET", "POST"])
@event_view(ORGANIZER)
def settings(event):
    form = EventForm(obj=event)
    if not form.is_submitted():
        form.fill_from(event)
    elif form.validate():
        try:
            event_services.update_event(event, form.details())
        except event_services.ScheduleOutOfOrder as error:
            _attach(form, error.problems)
        else:
            flash("Event saved.", "success")
            return redirect(url_for("manage.settings", slug=event.slug))
    status = 422 if form.is_submitted() else 200
    return render_template("manage/settings.html", event=event, form=form), status


def _attach(form, problems) -> None:
    for field, message in problems:
        getattr(form, field).errors.append(message)


def _run(event, change, done: str):
    try:
        change()
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
        return _dashboard_page(event, error.status)
    flash(done, "success")
    return redirect(url_for("manage.dashboard", slug=event.slug))


def _dashboard_page(event, status=200, extend_form=None, invite_form=None):
    invites = db.session.scalars(db.select(Invite).where(Invite.event_id == event.id)
                                 .order_by(Invite.created_at.desc())).all()
    clock = event.clock()
    return render_template(
        "manage/dashboard.html", event=event, clock=clock, invites=invites,
        clock_actions=clock_actions(clock.phase, clock.paused),
        extend_form=extend_form or ExtendForm(), invite_form=invite_form or InviteForm(),
        registration=registration_summary(event),
    ), status


def _people_page(event):
    memberships = db.session.scalars(db.select(Membership).where(Membership.event_id == event.id)
                                     .order_by(Membership.role, Membership.created_at)).all()
    return render_template("manage/people.html", event=event, memberships=memberships)
