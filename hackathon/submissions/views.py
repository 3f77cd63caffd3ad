"""A team's submission form, the public gallery, and the organizer's tools."""
from functools import partial

from flask import Blueprint, Response, abort, flash, g, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from wtforms import SelectChoice

from ..access import event_view
from ..challenges.services import challenge_filter, challenges_entered, visible_challenges
from ..errors import DomainError
from ..extensions import db
from ..spreadsheets import records_csv
from ..models import Submission, SubmissionFile
from ..models.membership import ORGANIZER, PARTICIPANT
from ..teams import queries as team_services
from ..uploads import serve_upload
from . import listing, services
from .deadline import is_open, team_deadline
from .forms import DisqualifyForm, ExtensionForm, SubmissionForm

bp = Blueprint("submissions", __name__, url_prefix="/e/<slug>")


@bp.route("/submission", methods=["GET", "POST"])
@login_required
@event_view(PARTICIPANT)
def edit(event):
    team = _my_team_or_403(event)
    submission = services.find_submission(event, team.id)
    form = _submission_form(event, submission)
    if form.validate_on_submit():
        try:
            services.save_submission(event, team, current_user, form.draft(), form.uploads(),
                                     submit="submit" in request.form)
        except DomainError as error:
            flash(str(error), "error")
            return _edit_page(event, team, submission, form), error.status
        flash("Submitted! You can keep improving it until the deadline." if "submit" in request.form
              else "Saved.", "success")
        return redirect(url_for("submissions.edit", slug=event.slug))
    return _edit_page(event, team, submission, form), 422 if form.is_submitted() else 200


@bp.route("/submission/files/<int:file_id>/delete", methods=["POST"])
@login_required
@event_view(PARTICIPANT)
def delete_file(event, file_id):
    team = _my_team_or_403(event)
    file = db.session.get(SubmissionFile, file_id)
    if file is None or file.submission.team_id != team.id:
        abort(404, description="That file isn't part of your entry.")
    try:
        services.remove_file(event, team, file)
    except DomainError as error:
        flash(str(error), "error")
        submission = services.find_submission(event, team.id)
        return _edit_page(event, team, submission, _submission_form(event, submission)), error.status
    flash("File removed.", "success")
    return redirect(url_for("submissions.edit", slug=event.slug))


@bp.route("/projects/")
@event_view()
def gallery(event):
    if not (listing.gallery_is_open(event) or g.can_manage):
        return render_template("submissions/gallery_closed.html", event=event, clock=event.clock())
    challenge_id = challenge_filter(event, request.args.get("challenge"), g.can_manage)
    entries = listing.gallery_entries(event, challenge_id)
    return render_template("submissions/gallery.html", event=event, challenge_id=challenge_id, entries=entries,
                           entered={e.id: challenges_entered(e, g.can_manage) for e in entries},
                           challenges=visible_challenges(event, g.can_manage))


@bp.route("/projects/<int:submission_id>")
@event_view()
def project(event, submission_id):
    submission = _readable_or_404(event, submission_id)
    return render_template("submissions/project.html", event=event, submission=submission,
                           entered=challenges_entered(submission, g.can_manage))


@bp.route("/projects/<int:submission_id>/files/<int:file_id>/<path:filename>")
@event_view()
def file(event, submission_id, file_id, filename):
    submission = _readable_or_404(event, submission_id)
    found = next((f for f in submission.files if f.id == file_id), None)
    if found is None:
        abort(404, description="That file isn't part of this entry.")
    return serve_upload(found.stored_name, found.original_name, found.content_type)


@bp.route("/submissions/")
@event_view(ORGANIZER)
def status(event):
    return _status_page(event)


@bp.route("/submissions/export.<any(csv, json):kind>")
@event_view(ORGANIZER)
def export(event, kind):
    rows = listing.status_rows(event, team_services.list_teams(event))
    file_url = partial(_file_url, event)
    if kind == "json":
        response = jsonify(event=event.slug, submissions=listing.export_records(rows, file_url))
    else:
        response = Response(records_csv(listing.export_rows(rows, file_url)), mimetype="text/csv")
    response.headers["Content-Disposition"] = f"attachment; filename={event.slug}-submissions.{kind}"
    return response


def _file_url(event, file) -> str:
    return url_for("submissions.file", slug=event.slug, submission_id=file.submission_id, file_id=file.id,
                   filename=file.original_name, _external=True)


@bp.route("/submissions/<int:submission_id>/disqualify", methods=["POST"])
@event_view(ORGANIZER)
def disqualify(event, submission_id):
    submission = _entry_or_404(event, submission_id)
    form = DisqualifyForm()
    if not form.validate_on_submit():
        flash("Give a reason to disqualify an entry.", "error")
        return _status_page(event), 422
    services.disqualify(submission, form.reason.data)
    flash(f"“{submission.title}” is disqualified. It is kept, and hidden from the gallery and the board.", "success")
    return redirect(url_for("submissions.status", slug=event.slug))


@bp.route("/submissions/<int:submission_id>/reinstate", methods=["POST"])
@event_view(ORGANIZER)
def reinstate(event, submission_id):
    services.reinstate(_entry_or_404(event, submission_id))
    flash("Entry reinstated.", "success")
    return redirect(url_for("submissions.status", slug=event.slug))


@bp.route("/submissions/extensions", methods=["POST"])
@event_view(ORGANIZER)
def extend(event):
    form = ExtensionForm()
    team = team_services.find_team(event, form.team_id.data) if form.validate_on_submit() else None
    if team is None:
        flash("Choose a team of this event, 1 to 1440 minutes, and a reason.", "error")
        return _status_page(event, form), 422
    services.grant_extension(event, team, form.minutes.data, form.reason.data, current_user)
    flash(f"{team.name} may submit until {form.minutes.data} minutes after the deadline.", "success")
    return redirect(url_for("submissions.status", slug=event.slug))


def _status_page(event, extension_form=None):
    rows = listing.status_rows(event, team_services.list_teams(event))
    return render_template("submissions/status.html", event=event, rows=rows,
                           extension_form=extension_form or ExtensionForm(), disqualify_form=DisqualifyForm())


def _my_team_or_403(event):
    team = team_services.team_of(current_user, event)
    if team is None:
        abort(Response(render_template("submissions/no_team.html", event=event), 403))
    return team


def _submission_form(event, submission):
    form = SubmissionForm(obj=submission) if submission else SubmissionForm()
    form.challenge_ids.choices = [SelectChoice(c.id, c.title) for c in visible_challenges(event, False)]
    if submission and not form.is_submitted():
        form.technologies.data = submission.technology_names
        form.challenge_ids.data = [c.id for c in submission.challenges]
    return form


def _edit_page(event, team, submission, form):
    deadline = team_deadline(event, team.id)
    return render_template("submissions/edit.html", event=event, team=team, submission=submission, form=form,
                           deadline=deadline, is_open=is_open(event, deadline))


def _entry_or_404(event, submission_id) -> Submission:
    submission = db.session.get(Submission, submission_id)
    if submission is None or submission.event_id != event.id:
        abort(404, description="There is no such entry in this event.")
    return submission


def _readable_or_404(event, submission_id) -> Submission:
    """An entry is public once the gallery opens; before that only its team and organizers see it."""
    submission = _entry_or_404(event, submission_id)
    own = team_services.team_of(current_user, event) if current_user.is_authenticated else None
    public = listing.gallery_is_open(event) and submission.is_submitted and not submission.is_disqualified
    if not (public or g.can_manage or (own is not None and own.id == submission.team_id)):
        abort(404, description="This project isn't public yet.")
    return submission
