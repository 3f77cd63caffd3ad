"""Challenge briefs: read by everyone once hacking starts, written by organizers."""
from flask import Blueprint, abort, flash, g, redirect, render_template, url_for
from flask_login import current_user

from ..access import event_view
from ..errors import DomainError
from ..extensions import db
from ..mentors.standing_pages import challenge_mentors_context
from ..models import ChallengeAttachment
from ..models.membership import ORGANIZER
from ..uploads import serve_upload
from . import services
from .forms import AttachmentForm, ChallengeForm

bp = Blueprint("challenges", __name__, url_prefix="/e/<slug>/challenges")


@bp.route("/")
@event_view()
def index(event):
    challenges = services.visible_challenges(event, g.can_manage)
    return render_template("challenges/index.html", event=event, challenges=challenges,
                           revealed=services.briefs_are_revealed(event), clock=event.clock())


@bp.route("/<int:challenge_id>")
@event_view()
def show(event, challenge_id):
    return _challenge_page(event, _visible_or_404(event, challenge_id))


@bp.route("/new", methods=["GET", "POST"])
@event_view(ORGANIZER)
def new(event):
    form = ChallengeForm()
    if form.validate_on_submit():
        challenge = services.create_challenge(event, form.details())
        flash(f"“{challenge.title}” saved{' as a draft' if challenge.is_draft else ''}.", "success")
        return redirect(url_for("challenges.show", slug=event.slug, challenge_id=challenge.id))
    return render_template("challenges/form.html", event=event, form=form), 422 if form.is_submitted() else 200


@bp.route("/<int:challenge_id>/edit", methods=["GET", "POST"])
@event_view(ORGANIZER)
def edit(event, challenge_id):
    challenge = _visible_or_404(event, challenge_id)
    form = ChallengeForm(obj=challenge)
    if form.validate_on_submit():
        services.update_challenge(challenge, form.details())
        flash("Challenge saved.", "success")
        return redirect(url_for("challenges.show", slug=event.slug, challenge_id=challenge.id))
    return (render_template("challenges/form.html", event=event, form=form, challenge=challenge),
            422 if form.is_submitted() else 200)


@bp.route("/<int:challenge_id>/attachments", methods=["POST"])
@event_view(ORGANIZER)
def upload(event, challenge_id):
    challenge = _visible_or_404(event, challenge_id)
    form = AttachmentForm()
    if not form.validate_on_submit():
        return _challenge_page(event, challenge, form), 422
    try:
        services.add_attachment(challenge, form.file.data)
    except DomainError as error:
        form.file.errors.append(str(error))
        return _challenge_page(event, challenge, form), 422
    flash("Attachment added.", "success")
    return redirect(url_for("challenges.show", slug=event.slug, challenge_id=challenge.id))


@bp.route("/<int:challenge_id>/attachments/<int:attachment_id>/delete", methods=["POST"])
@event_view(ORGANIZER)
def delete_attachment(event, challenge_id, attachment_id):
    services.remove_attachment(_attachment_or_404(event, challenge_id, attachment_id))
    flash("Attachment removed.", "success")
    return redirect(url_for("challenges.show", slug=event.slug, challenge_id=challenge_id))


@bp.route("/<int:challenge_id>/attachments/<int:attachment_id>/<path:filename>")
@event_view()
def attachment(event, challenge_id, attachment_id, filename):
    found = _attachment_or_404(event, challenge_id, attachment_id)
    return serve_upload(found.stored_name, found.original_name, found.content_type)


def _visible_or_404(event, challenge_id):
    challenge = services.find_challenge(event, challenge_id, g.can_manage)
    if challenge is None:
        abort(404, description="This challenge doesn't exist or isn't published yet.")
    return challenge


def _attachment_or_404(event, challenge_id, attachment_id):
    challenge = _visible_or_404(event, challenge_id)
    found = db.session.get(ChallengeAttachment, attachment_id)
    if found is None or found.challenge_id != challenge.id:
        abort(404, description="That attachment doesn't exist.")
    return found


def _challenge_page(event, challenge, attachment_form=None):
    return render_template("challenges/show.html", event=event, challenge=challenge,
                           attachment_form=attachment_form or AttachmentForm(),
                           **challenge_mentors_context(event, challenge, current_user))
