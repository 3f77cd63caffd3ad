"""Applying to an event, the applicant's registration page, and the organizers' form, settings and
application list."""
from flask import Blueprint, Response, flash, g, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..access import event_view
from ..errors import DomainError
from ..extensions import db
from ..live.qr import qr_svg
from ..models import Application, Question
from ..models.membership import ORGANIZER
from . import listing, seats, services
from .answers import KIND_LABELS, is_required
from .counts import checked_in_count, status_counts
from .errors import AnswersInvalid
from .forms import ApplyForm, DecideForm, QuestionForm, SettingsForm
from .standing import STATUS_LABELS, offer_for, standing_of

bp = Blueprint("registration", __name__, url_prefix="/e/<slug>")

SEATED = "You're in! You are now a participant of {name}."


@bp.app_context_processor
def registration_nav_context():
    """Whether an event page's navigation links to the visitor's registration page."""
    event = g.get("event")
    return {"current_has_application": bool(event) and services.application_of(current_user, event) is not None}


@bp.route("/apply", methods=["GET", "POST"])
@login_required
@event_view()
def apply(event):
    application = services.application_of(current_user, event)
    editing = application is not None and standing_of(application).can_edit
    if application is not None and not editing and not standing_of(application).can_apply_again:
        return redirect(url_for("registration.standing", slug=event.slug))
    form = ApplyForm()
    if not form.validate_on_submit():
        return _apply_page(event, form, application.answers if editing else {}, {}, 422 if form.is_submitted() else 200)
    sent = {name: request.form.getlist(name) for name in request.form}
    try:
        application = (services.update_answers if editing else services.apply)(current_user, event, sent)
    except AnswersInvalid as error:
        return _apply_page(event, form, sent, error.problems, error.status, str(error))
    except DomainError as error:
        return _apply_page(event, form, sent, {}, error.status, str(error))
    flash(SEATED.format(name=event.name) if application.status == "confirmed" else standing_of(application).headline,
          "success")
    return redirect(url_for("registration.standing", slug=event.slug))


def _apply_page(event, form, values, problems, status, message=None):
    if message:
        flash(message, "error")
    return render_template("registration/apply.html", event=event, form=form, questions=services.questions_of(event),
                           values=values, problems=problems, is_required=is_required), status


@bp.route("/registration")
@login_required
@event_view()
def standing(event):
    return _standing_page(event)


def _standing_page(event, status=200):
    application = services.application_of(current_user, event)
    state = standing_of(application) if application is not None else None
    qr = qr_svg(application.checkin_code, title="Your check-in code") if state and state.checkin_code else None
    return render_template("registration/standing.html", event=event, application=application, standing=state,
                           qr=qr, offer=offer_for(current_user, event)), status


@bp.route("/registration/confirm", methods=["POST"])
@login_required
@event_view()
def confirm(event):
    return _act(event, lambda: services.confirm(current_user, event), SEATED.format(name=event.name))


@bp.route("/registration/withdraw", methods=["POST"])
@login_required
@event_view()
def withdraw(event):
    return _act(event, lambda: services.withdraw(current_user, event), "Done: your place is given up.")


def _act(event, change, done: str):
    try:
        change()
    except DomainError as error:
        flash(str(error), "error")
        return _standing_page(event, error.status)
    flash(done, "success")
    return redirect(url_for("registration.standing", slug=event.slug))


# ---- organizers ---------------------------------------------------------------------------------

@bp.route("/manage/registration")
@event_view(ORGANIZER)
def form_settings(event):
    return _settings_page(event)


@bp.route("/manage/registration/settings", methods=["POST"])
@event_view(ORGANIZER)
def save_settings(event):
    form = SettingsForm()
    if not form.validate_on_submit():
        return _settings_page(event, settings_form=form, status=422)
    services.update_settings(event, form.mode.data, form.capacity.data, form.confirm_hours.data,
                             form.hands_out_voting_codes.data)
    flash("Registration settings saved.", "success")
    return redirect(url_for("registration.form_settings", slug=event.slug))


@bp.route("/manage/registration/questions", methods=["POST"])
@event_view(ORGANIZER)
def add_question(event):
    form = QuestionForm()
    if not form.validate_on_submit():
        return _settings_page(event, question_form=form, status=422)
    try:
        services.add_question(event, form.kind.data, form.label.data, form.help_text.data or "",
                              form.is_required.data, form.choices.data or "")
    except DomainError as error:
        form.choices.errors.append(str(error))
        return _settings_page(event, question_form=form, status=error.status)
    flash("Question added to the form.", "success")
    return redirect(url_for("registration.form_settings", slug=event.slug, _anchor="questions"))


@bp.route("/manage/registration/questions/<int:question_id>/remove", methods=["POST"])
@event_view(ORGANIZER)
def remove_question(event, question_id):
    question = db.first_or_404(db.select(Question).where(Question.id == question_id, Question.event_id == event.id))
    services.remove_question(question)
    flash("Question removed; answers already given are kept.", "success")
    return redirect(url_for("registration.form_settings", slug=event.slug, _anchor="questions"))


def _settings_page(event, settings_form=None, question_form=None, status=200):
    settings = seats.settings_of(event)
    return render_template(
        "registration/settings.html", event=event, questions=services.questions_of(event), kind_labels=KIND_LABELS,
        settings_form=settings_form or SettingsForm(formdata=None, obj=settings),
        question_form=question_form or QuestionForm(formdata=None)), status


@bp.route("/manage/applications")
@event_view(ORGANIZER)
def applications(event):
    return _applications_page(event)


@bp.route("/manage/applications/decide", methods=["POST"])
@event_view(ORGANIZER)
def decide(event):
    form = DecideForm()
    ids = [int(value) for value in request.form.getlist("application") if value.isdigit() and len(value) < 10]
    if not form.validate_on_submit() or not ids:
        flash("Tick at least one application and choose a decision.", "error")
        return _applications_page(event, form, 422)
    result = services.decide(event, ids, form.decision.data, current_user)
    flash(_decided_message(form.decision.data, result), "success" if result.changed else "info")
    return redirect(url_for("registration.applications", slug=event.slug, **request.args))


def _decided_message(decision, result) -> str:
    verb = {"accept": "accepted", "waitlist": "waitlisted", "decline": "declined"}[decision]
    message = f"{result.changed} application{'s' if result.changed != 1 else ''} {verb}."
    if result.no_seat:
        message += f" {result.no_seat} could not be accepted: no seats left."
    if result.skipped:
        message += f" {result.skipped} left as they were (already so, confirmed or withdrawn)."
    return message


@bp.route("/manage/applications/<int:application_id>")
@event_view(ORGANIZER)
def application(event, application_id):
    found = db.first_or_404(db.select(Application).where(Application.id == application_id,
                                                         Application.event_id == event.id))
    questions = services.questions_of(event)
    return render_template("registration/application.html", event=event, application=found,
                           standing=standing_of(found), questions=questions,
                           answers=listing.answer_pairs(questions, found.answers))


@bp.route("/manage/applications.csv")
@event_view(ORGANIZER)
def applications_csv(event):
    return _csv(listing.applications_csv(event, services.questions_of(event)), f"{event.slug}-applications.csv")


@bp.route("/manage/attendees.csv")
@event_view(ORGANIZER)
def attendees_csv(event):
    return _csv(listing.attendees_csv(event), f"{event.slug}-checked-in.csv")


def _csv(text: str, filename: str) -> Response:
    return Response(text, mimetype="text/csv", headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _applications_page(event, decide_form=None, status=200):
    questions, filters = services.questions_of(event), listing.Filters.from_args(request.args)
    settings = seats.settings_of(event)
    return render_template(
        "registration/applications.html", event=event, questions=questions, filters=filters,
        rows=listing.application_rows(event, questions, filters), counts=status_counts(event),
        status_labels=STATUS_LABELS, settings=settings, seats_left=seats.seats_left(event, settings),
        checked_in=checked_in_count(event), decide_form=decide_form or DecideForm(formdata=None)), status
