"""Following an invite link to take up a role in an event."""
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from ..errors import DomainError
from . import services

bp = Blueprint("invites", __name__, url_prefix="/invite")


@bp.route("/<token>")
def show(token):
    invite = services.find_invite(token)
    return render_template("invites/show.html", invite=invite, event=invite.event)


@bp.route("/<token>", methods=["POST"])
@login_required
def accept(token):
    try:
        membership = services.accept_invite(current_user, token)
    except DomainError as error:
        invite = services.find_invite(token)
        flash(str(error), "error")
        return render_template("invites/show.html", invite=invite, event=invite.event), error.status
    flash(f"Welcome aboard: you are now a {membership.role} of {membership.event.name}.", "success")
    return redirect(url_for("events.show", slug=membership.event.slug))
