"""The mentoring pages: the directory, mentors' profile and queue, teams' help page, the organizers' view."""
from flask import Blueprint, Response, abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user

from ..access import event_view
from ..errors import DomainError
from ..extensions import db
from ..models.membership import MENTOR, ORGANIZER, PARTICIPANT
from ..urls import is_safe_next
from ..models import Challenge, Team, User
from . import checks, claims, pages, profiles, queries, roster, services, settings, standing, standing_pages
from .export import assignments_csv, requests_csv
from .forms import AvailabilityForm, FeedbackForm, PlanForm, ProfileForm, SettingsForm, TeamLimitForm
from .profiles import MAX_TEAMS

bp = Blueprint("mentors", __name__, url_prefix="/e/<slug>/mentors")

CLAIM_ACTIONS = {
    "claim": (claims.claim_request, "You're helping {team}. They've been told you're coming."),
    "resolve": (claims.resolve_request, "Marked resolved. Thank you!"),
    "release": (claims.release_request, "Released: {team}'s request is back in the queue, in its place."),
}


@bp.app_context_processor
def mentor_nav_context():
    """A mentor's availability, for the toggle every event page shows them."""
    event = g.get("event")
    if event is None or MENTOR not in g.get("roles", ()):
        return {"current_mentor_availability": None}
    profile = queries.profile_of(event, current_user)
    return {"current_mentor_availability": profile.availability if profile else "away"}


@bp.app_context_processor
def team_mentors_context():
    """A team's standing mentors as cards, for the team page (teams/_panel.html shows them to its members)."""
    return {"team_mentor_cards": standing_pages.team_mentor_cards}


# ---- the directory and mentors' own pages --------------------------------------------------------

@bp.route("/")
@event_view(PARTICIPANT, MENTOR)
def directory(event):
    return render_template("mentors/directory.html", event=event, **pages.directory_context(event))


@bp.route("/profile", methods=["GET", "POST"])
@event_view(MENTOR)
def profile(event):
    checks.check_mentor(current_user, event)
    form, status = ProfileForm(data=vars(profiles.draft_profile(event, current_user))), 200
    if form.validate_on_submit():
        _, status = _attempt(lambda: profiles.save_profile(event, current_user, form.details()))
        if status is None:
            flash("Profile saved. Participants see it in the mentor directory.", "success")
            return redirect(url_for("mentors.queue", slug=event.slug))
    status = 422 if form.errors else status
    return render_template("mentors/profile.html", event=event, form=form), status


@bp.route("/availability", methods=["POST"])
@event_view(MENTOR)
def availability(event):
    """Set from any page: a plain form post comes back to that page; static/js/mentors.js asks for JSON."""
    checks.check_mentor(current_user, event)
    form = AvailabilityForm()
    back = form.next.data if is_safe_next(form.next.data) else url_for("mentors.queue", slug=event.slug)
    if not form.validate_on_submit():
        return _answer(back, 422, "Choose available, busy or away.")
    try:
        profiles.set_availability(event, current_user, form.availability.data)
    except DomainError as error:
        db.session.rollback()
        return _answer(back, error.status, str(error))
    return _answer(back, 200, f"You're {form.availability.data} now.", form.availability.data)


@bp.route("/queue")
@event_view(MENTOR)
def queue(event):
    return _queue_page(event)


@bp.route("/queue/panel")
@event_view(MENTOR)
def queue_panel(event):
    """The live part of the queue page, fetched again by static/js/mentors.js after a push."""
    return render_template("mentors/_queue.html", event=event, **pages.queue_context(event, current_user))


@bp.route("/requests/<int:request_id>/<any(claim, resolve, release):action>", methods=["POST"])
@event_view(MENTOR)
def act(event, request_id, action):
    help_request = _request_or_404(event, request_id)
    change, done = CLAIM_ACTIONS[action]
    team = help_request.team.name
    _, status = _attempt(lambda: change(help_request, current_user))
    if status is not None:
        return _queue_page(event, status)
    flash(done.format(team=team), "success")
    return redirect(_next_or(url_for("mentors.queue", slug=event.slug)))


# ---- teams asking for help -----------------------------------------------------------------------

@bp.route("/help")
@event_view(PARTICIPANT)
def help_page(event):
    return _help_page(event)


@bp.route("/help/panel")
@event_view(PARTICIPANT)
def help_panel(event):
    """The live part of the help page, fetched again by static/js/mentors.js after a push."""
    return render_template("mentors/_help.html", event=event, **pages.help_context(event, current_user))


@bp.route("/help", methods=["POST"])
@event_view(PARTICIPANT)
def ask(event):
    form = pages.help_form(event)
    if not form.validate_on_submit():
        return _help_page(event, 422, form)
    _, status = _attempt(lambda: services.ask_for_help(current_user, event, form.details()), form)
    if status is not None:
        return _help_page(event, status, form)
    flash("Asked. Mentors see your request now; this page shows when one is on the way.", "success")
    return redirect(url_for("mentors.help_page", slug=event.slug))


@bp.route("/help/<int:request_id>/edit", methods=["GET", "POST"])
@event_view(PARTICIPANT)
def edit(event, request_id):
    help_request = _request_or_404(event, request_id)
    checks.check_member(help_request, current_user)
    form, status = pages.help_form(event, help_request), 200
    if form.validate_on_submit():
        _, status = _attempt(lambda: services.edit_help_request(help_request, current_user, form.details()), form)
        if status is None:
            flash("Request updated.", "success")
            return redirect(url_for("mentors.help_page", slug=event.slug))
    status = 422 if form.errors and status == 200 else status
    return render_template("mentors/edit.html", event=event, form=form, help_request=help_request), status


@bp.route("/help/<int:request_id>/cancel", methods=["POST"])
@event_view(PARTICIPANT)
def cancel(event, request_id):
    help_request = _request_or_404(event, request_id)
    _, status = _attempt(lambda: services.cancel_help_request(help_request, current_user))
    if status is not None:
        return _help_page(event, status)
    flash("Request cancelled.", "success")
    return redirect(url_for("mentors.help_page", slug=event.slug))


@bp.route("/help/<int:request_id>/feedback", methods=["POST"])
@event_view(PARTICIPANT)
def feedback(event, request_id):
    help_request, form = _request_or_404(event, request_id), FeedbackForm()
    if not form.validate_on_submit():
        flash(form.rating.errors[0] if form.rating.errors else "Check the rating form.", "error")
        return _help_page(event, 422)
    _, status = _attempt(lambda: services.rate_help(help_request, current_user, form.rating.data,
                                                    form.comment.data or ""))
    if status is not None:
        return _help_page(event, status)
    flash("Thanks for the feedback: it helps the organizers match mentors better.", "success")
    return redirect(url_for("mentors.help_page", slug=event.slug))


# ---- organizers ----------------------------------------------------------------------------------

@bp.route("/manage")
@event_view(ORGANIZER)
def manage(event):
    return render_template("mentors/manage.html", event=event, **pages.manage_context(event))


@bp.route("/manage/panel")
@event_view(ORGANIZER)
def manage_panel(event):
    """The live queue of the organizers' view, fetched again by static/js/mentors.js after a push."""
    return render_template("mentors/_manage.html", event=event, **pages.manage_context(event))


@bp.route("/manage/settings", methods=["POST"])
@event_view(ORGANIZER)
def save_settings(event):
    form = SettingsForm()
    if not form.validate_on_submit():
        return render_template("mentors/manage.html", event=event, **pages.manage_context(event, form)), 422
    settings.update_settings(event, form.mode.data, form.match_minutes.data, form.stale_minutes.data,
                             form.claim_timeout_minutes.data)
    flash("Mentoring settings saved.", "success")
    return redirect(url_for("mentors.manage", slug=event.slug))


@bp.route("/manage/export.csv")
@event_view(ORGANIZER)
def export(event):
    return Response(requests_csv(event), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{event.slug}-help-requests.csv"'})


# ---- standing mentors: organizers assign, mentors see their teams ----------------------------------

PAIR_ACTIONS = {
    "pin": (lambda event, pair: standing.set_pinned(event, pair, True), "Pinned: the planner keeps {mentor} with {team}."),
    "unpin": (lambda event, pair: standing.set_pinned(event, pair, False), "Unpinned: the planner may move {mentor}."),
    "remove": (standing.remove_pair, "{mentor} no longer mentors {team}."),
}


@bp.route("/assign")
@event_view(ORGANIZER)
def assign(event):
    return _assign_page(event)


@bp.route("/assign/run", methods=["POST"])
@event_view(ORGANIZER)
def run_planner(event):
    form = PlanForm()
    if not form.validate_on_submit():
        return _assign_page(event, 422, plan_form=form)
    plan, status = _attempt(lambda: standing.run_planner(event, form.mentors_per_team.data))
    if status is not None:
        return _assign_page(event, status, plan_form=form)
    flash(_plan_summary(plan), "success")
    return redirect(url_for("mentors.assign", slug=event.slug))


@bp.route("/assign/pairs", methods=["POST"])
@event_view(ORGANIZER)
def add_pair(event):
    form = standing_pages.pair_form_for(event)
    if not form.validate_on_submit():
        flash("Pick a team and a mentor from the lists.", "error")
        return _assign_page(event, 422, pair_form=form)
    team, mentor = db.session.get(Team, form.team_id.data), db.session.get(User, form.mentor_id.data)
    _, status = _attempt(lambda: standing.assign_by_hand(event, team, mentor, current_user))
    if status is not None:
        return _assign_page(event, status, pair_form=form)
    flash(f"{mentor.display_name} now mentors {team.name} (pinned).", "success")
    return redirect(url_for("mentors.assign", slug=event.slug, _anchor=f"team-{team.id}"))


@bp.route("/assign/pairs/<int:pair_id>/<any(pin, unpin, remove):action>", methods=["POST"])
@event_view(ORGANIZER)
def change_pair(event, pair_id, action):
    pair = roster.find_pair(event, pair_id) or abort(404, description="This event has no such standing mentor.")
    change, done = PAIR_ACTIONS[action]
    message, team_id = done.format(mentor=pair.mentor.display_name, team=pair.team.name), pair.team_id
    _, status = _attempt(lambda: change(event, pair))
    if status is not None:
        return _assign_page(event, status)
    flash(message, "success")
    return redirect(url_for("mentors.assign", slug=event.slug, _anchor=f"team-{team_id}"))


@bp.route("/assign/mentors/<int:mentor_id>/limit", methods=["POST"])
@event_view(ORGANIZER)
def set_limit(event, mentor_id):
    mentor, form = _mentor_or_404(event, mentor_id), TeamLimitForm()
    if not form.validate_on_submit():
        flash(f"A limit is a whole number from 0 to {MAX_TEAMS}, or empty for none.", "error")
        return _assign_page(event, 422)
    _, status = _attempt(lambda: profiles.set_team_limit(event, mentor, form.max_teams.data))
    if status is not None:
        return _assign_page(event, status)
    limit = form.max_teams.data
    flash(f"{mentor.display_name}: {'no limit' if limit is None else f'{limit} teams at most'}.", "success")
    return redirect(url_for("mentors.assign", slug=event.slug, _anchor="mentors"))


@bp.route("/assign/challenges/<int:challenge_id>/mentors", methods=["POST"])
@event_view(ORGANIZER)
def attach(event, challenge_id):
    challenge, form = _challenge_or_404(event, challenge_id), standing_pages.challenge_form_for(event)
    if not form.validate_on_submit():
        flash("Pick a mentor from the list.", "error")
        return _assign_page(event, 422)
    mentor = db.session.get(User, form.mentor_id.data)
    _, status = _attempt(lambda: standing.attach_to_challenge(event, challenge, mentor))
    if status is not None:
        return _assign_page(event, status)
    flash(f"{mentor.display_name} mentors “{challenge.title}”: its brief lists them.", "success")
    return redirect(url_for("mentors.assign", slug=event.slug, _anchor="challenges"))


@bp.route("/assign/challenges/<int:challenge_id>/mentors/<int:mentor_id>/remove", methods=["POST"])
@event_view(ORGANIZER)
def detach(event, challenge_id, mentor_id):
    challenge, mentor = _challenge_or_404(event, challenge_id), _mentor_or_404(event, mentor_id)
    standing.detach_from_challenge(event, challenge, mentor)
    flash(f"{mentor.display_name} no longer mentors “{challenge.title}”.", "success")
    return redirect(url_for("mentors.assign", slug=event.slug, _anchor="challenges"))


@bp.route("/assign/export.csv")
@event_view(ORGANIZER)
def export_assignments(event):
    return Response(assignments_csv(event), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{event.slug}-standing-mentors.csv"'})


@bp.route("/teams")
@event_view(MENTOR)
def my_teams(event):
    return render_template("mentors/teams.html", event=event, **standing_pages.my_teams_context(event, current_user))


@bp.route("/teams/panel")
@event_view(MENTOR)
def my_teams_panel(event):
    """The live part of a mentor's teams page, fetched again by static/js/mentors.js after a push."""
    return render_template("mentors/_teams.html", event=event, **standing_pages.my_teams_context(event, current_user))


# ---- helpers -------------------------------------------------------------------------------------

def _plan_summary(plan) -> str:
    made, gone = len(plan.add), len(plan.remove)
    short = f" {len(plan.shortfalls)} team(s) still short of mentors: see below." if plan.shortfalls else ""
    if not made and not gone:
        return "Nothing to change: every team already has its mentors." + short
    return f"Done: {made} new pair(s), {gone} removed, {len(plan.keep)} kept." + short


def _assign_page(event, status=200, **forms):
    return render_template("mentors/assign.html", event=event, **standing_pages.assign_context(event, **forms)), status


def _mentor_or_404(event, mentor_id):
    mentor = db.session.get(User, mentor_id)
    if mentor is None or not queries.is_event_mentor(event, mentor.id):
        abort(404, description="This event has no such mentor.")
    return mentor


def _challenge_or_404(event, challenge_id):
    challenge = db.session.get(Challenge, challenge_id)
    if challenge is None or challenge.event_id != event.id:
        abort(404, description="This event has no such challenge.")
    return challenge


def _attempt(call, form=None):
    """Run one service call: (result, None) when it succeeded, (None, status) after showing why not."""
    try:
        return call(), None
    except DomainError as error:
        db.session.rollback()
        if form is not None and getattr(form, "mentor_id", None) is not None and error.status == 422:
            form.mentor_id.errors.append(str(error))
        else:
            flash(str(error), "error")
        return None, error.status


def _answer(back: str, status: int, message: str, availability: str | None = None):
    """JSON for static/js/mentors.js, else a flash message and the way back to the page the toggle was on."""
    if request.accept_mimetypes.best == "application/json":
        return {"availability": availability, "message": message}, status
    flash(message, "success" if status == 200 else "error")
    return redirect(back)


def _next_or(default: str) -> str:
    target = request.form.get("next")
    return target if is_safe_next(target) else default


def _request_or_404(event, request_id):
    return queries.find_request(event, request_id) or abort(404, description="This event has no such help request.")


def _queue_page(event, status=200):
    return render_template("mentors/queue.html", event=event, **pages.queue_context(event, current_user)), status


def _help_page(event, status=200, form=None):
    return render_template("mentors/help.html", event=event, **pages.help_context(event, current_user, form)), status
