"""The check-in desk: scan or type a personal code, or search by name (volunteers and organizers)."""
from flask import Blueprint, render_template, request
from flask_login import current_user

from ..access import event_view
from ..errors import DomainError
from ..models.membership import VOLUNTEER
from ..registration.counts import checked_in_count
from ..registration.forms import CheckinCodeForm
from . import services

bp = Blueprint("checkin", __name__, url_prefix="/e/<slug>/checkin")


@bp.route("/")
@event_view(VOLUNTEER)
def desk(event):
    return _desk_page(event)


@bp.route("/", methods=["POST"])
@event_view(VOLUNTEER)
def by_code(event):
    form = CheckinCodeForm()
    if not form.validate_on_submit():
        return _desk_page(event, form=form, status=422)
    return _check_in(event, lambda: services.find_by_code(event, form.code.data), form)


@bp.route("/<int:application_id>", methods=["POST"])
@event_view(VOLUNTEER)
def by_name(event, application_id):
    return _check_in(event, lambda: services.find_application(event, application_id))


def _check_in(event, find, form=None):
    try:
        arrival = services.check_in(event, find(), current_user)
    except DomainError as error:
        if form is not None:
            form.code.errors.append(str(error))
        return _desk_page(event, form=form, error=str(error), status=error.status)
    return _desk_page(event, arrival=arrival)


def _desk_page(event, form=None, arrival=None, error=None, status=200):
    query = request.args.get("q", "")
    return render_template("checkin/desk.html", event=event, form=form or CheckinCodeForm(formdata=None),
                           arrival=arrival, error=error, query=query, found=services.search(event, query),
                           checked_in=checked_in_count(event)), status
