"""The people's choice pages: the public vote page and the organizers' voting controls."""
from flask import Blueprint, Response, flash, g, redirect, render_template, request, session, url_for
from flask_limiter.util import get_remote_address
from flask_login import current_user

from ..access import event_view
from ..errors import DomainError
from ..throttling import TooManyAttempts
from ..models.membership import ORGANIZER
from . import codes, results, services
from .forms import CodeForm, CodesForm, VoteForm

bp = Blueprint("voting", __name__, url_prefix="/e/<slug>")
SESSION_KEY = "voting_codes"  # event id -> id of the voting code this browser votes with


@bp.app_context_processor
def voting_nav_context():
    """Whether an event page's navigation links to the vote page (once voting has opened)."""
    event = g.get("event")
    return {"current_voting_status": results.status_of(results.voting_state(event)) if event else "not_open"}


@bp.route("/vote")
@event_view()
def vote_page(event):
    return _vote_page(event)


@bp.route("/vote", methods=["POST"])
@event_view()
def cast(event):
    form = VoteForm()
    if not form.validate_on_submit():
        flash("Pick an entry to vote for.", "error")
        return _vote_page(event, status=422)
    try:
        vote = services.vote_for(event, form.submission_id.data, current_user, _remembered_code(event))
    except DomainError as error:
        flash(str(error), "error")
        return _vote_page(event, status=error.status)
    flash(f"Your vote: “{vote.submission.title}”. You can change it until voting closes.", "success")
    return redirect(url_for("voting.vote_page", slug=event.slug))


@bp.route("/vote/code", methods=["POST"])
@event_view()
def enter_code(event):
    form = CodeForm()
    if not form.validate_on_submit():
        return _vote_page(event, code_form=form, status=422)
    try:
        code = services.redeem_code(event, current_user, form.code.data, get_remote_address())
    except TooManyAttempts as error:
        form.code.errors.append(str(error))
        return *_vote_page(event, code_form=form, status=429), {"Retry-After": str(error.retry_after)}
    except DomainError as error:
        form.code.errors.append(str(error))
        return _vote_page(event, code_form=form, status=error.status)
    session[SESSION_KEY] = {**session.get(SESSION_KEY, {}), str(event.id): code.id}
    flash("Code accepted. Pick your favourite entry below.", "success")
    return redirect(url_for("voting.vote_page", slug=event.slug))


@bp.route("/vote/code/forget", methods=["POST"])
@event_view()
def forget_code(event):
    session[SESSION_KEY] = {key: value for key, value in session.get(SESSION_KEY, {}).items() if key != str(event.id)}
    flash("This browser no longer holds your code. Your vote stays as it was.", "success")
    return redirect(url_for("voting.vote_page", slug=event.slug))


def _remembered_code(event):
    return codes.code_by_id(event, session.get(SESSION_KEY, {}).get(str(event.id)))


def _vote_page(event, code_form=None, status=200):
    ballot = services.ballot(event, current_user, _remembered_code(event))
    return render_template("voting/vote.html", event=event, ballot=ballot, code_form=code_form or CodeForm(),
                           vote_form=VoteForm(), peoples_choice=results.public_winners(event)), status


@bp.route("/live/voting")
@event_view(ORGANIZER)
def manage(event):
    return _manage_page(event)


@bp.route("/live/voting/<any(open, close):action>", methods=["POST"])
@event_view(ORGANIZER)
def switch(event, action):
    change, done = {
        "open": (services.open_voting, "Voting is open: attendees can vote now."),
        "close": (services.close_voting, "Voting is closed. The tally below stays private until the leaderboard "
                                         "reveal ends."),
    }[action]
    try:
        change(event)
    except DomainError as error:
        flash(str(error), "error")
        return _manage_page(event, status=error.status)
    flash(done, "success")
    return redirect(url_for("voting.manage", slug=event.slug))


@bp.route("/live/voting/codes", methods=["POST"])
@event_view(ORGANIZER)
def generate(event):
    form = CodesForm()
    if not form.validate_on_submit():
        return _manage_page(event, form, 422)
    try:
        made = codes.generate_codes(event, form.count.data, form.label.data or "")
    except DomainError as error:
        form.count.errors.append(str(error))
        return _manage_page(event, form, error.status)
    flash(f"{len(made)} voting codes generated. Download them below to print.", "success")
    return redirect(url_for("voting.manage", slug=event.slug))


@bp.route("/live/voting/codes.csv")
@event_view(ORGANIZER)
def codes_csv(event):
    batch = request.args.get("batch")
    suffix = "-" + "".join(ch for ch in batch if ch.isalnum())[:30] if batch else ""
    return Response(codes.codes_csv(event, batch), mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename={event.slug}-voting-codes{suffix}.csv"})


def _manage_page(event, codes_form=None, status=200):
    state = results.voting_state(event)
    return render_template("voting/manage.html", event=event, state=state, status=results.status_of(state),
                           totals=results.totals(event), tally=results.organizer_tally(event),
                           public=results.results_are_public(event), batches=codes.batches(event),
                           codes_form=codes_form or CodesForm()), status
