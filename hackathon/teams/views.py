"""Team pages: the list, a team's page and its live panel, invite links, requests, the finder,
and the organizers' team tools. Each view parses input, calls one service and reports the outcome."""
from functools import partial

from flask import Blueprint, Response, abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from ..access import event_view
from ..errors import DomainError
from ..extensions import db, limiter
from ..models import User
from ..models.membership import ORGANIZER, PARTICIPANT
from ..urls import is_safe_next
from . import asks, checks, membership, queries, services
from .errors import NotParticipant, TeamNameTaken
from .export import teams_csv
from .forms import CodeForm, FinderForm, JoinRequestForm, LookingForm, MoveForm, TeamForm

bp = Blueprint("teams", __name__, url_prefix="/e/<slug>/teams")

ANSWERS = {
    "accept": (asks.accept_join_request, "Accepted: {name} is in {team}."),
    "decline": (asks.decline_join_request, "Declined. {name} will see it on the Teams page."),
    "withdraw": (asks.withdraw_join_request, "Withdrawn."),
}


@bp.route("/")
@event_view()
def index(event):
    return _index_page(event)


@bp.route("/new", methods=["GET", "POST"])
@event_view(PARTICIPANT)
def new(event):
    checks.check_can_form_team(current_user, event)
    form, status = TeamForm(), 200
    if form.validate_on_submit():
        team, status = _attempt(lambda: services.create_team(current_user, event, form.details()), form)
        if team is not None:
            flash(f"{team.name} is ready, and you are its captain. Share the invite link below.", "success")
            return redirect(url_for("teams.show", slug=event.slug, team_id=team.id))
    status = 422 if form.errors and status == 200 else status
    return render_template("teams/form.html", event=event, form=form, team=None), status


@bp.route("/<int:team_id>")
@event_view()
def show(event, team_id):
    return _team_page(event, _team_or_404(event, team_id))


@bp.route("/<int:team_id>/panel")
@event_view()
def panel(event, team_id):
    """The live part of a team page, fetched again by static/js/team.js after a team_changed push."""
    team = _team_or_404(event, team_id)
    return render_template("teams/_panel.html", event=event, team=team, request_form=JoinRequestForm(),
                           **_panel_context(event, team))


@bp.route("/<int:team_id>/edit", methods=["GET", "POST"])
@event_view(PARTICIPANT)
def edit(event, team_id):
    team = _team_or_404(event, team_id)
    checks.check_captain(team, current_user)
    form, status = TeamForm(obj=team, skills=team.skill_names), 200
    if form.validate_on_submit():
        _, status = _attempt(lambda: services.update_team(team, current_user, form.details()), form)
        if status is None:
            flash("Team saved.", "success")
            return redirect(url_for("teams.show", slug=event.slug, team_id=team.id))
    status = 422 if form.errors and status == 200 else status
    return render_template("teams/form.html", event=event, form=form, team=team), status


@bp.route("/<int:team_id>/code", methods=["POST"])
@event_view(PARTICIPANT)
def rotate_code(event, team_id):
    team = _team_or_404(event, team_id)
    services.rotate_invite_code(team, current_user)
    flash("New invite link made: the old link and code no longer work.", "success")
    return redirect(url_for("teams.show", slug=event.slug, team_id=team.id, _anchor="invite"))


@bp.route("/<int:team_id>/join/<code>")
@event_view()
def join_link(event, team_id, code):
    return _join_page(event, team_id, code)


@bp.route("/<int:team_id>/join/<code>", methods=["POST"])
@event_view(PARTICIPANT)
def join(event, team_id, code):
    return _run(lambda: services.join_team_by_code(current_user, event, team_id, code),
                lambda team: f"Welcome to {team.name}!", url_for("teams.show", slug=event.slug, team_id=team_id),
                partial(_join_page, event, team_id, code))


@bp.route("/code", methods=["POST"])
@limiter.limit("20 per minute", error_message="Too many codes tried. Wait a minute, then try again.")
@event_view(PARTICIPANT)
def join_by_code(event):
    form = CodeForm()
    if not form.validate_on_submit():
        return _index_page(event, 422, code_form=form)
    try:
        team = services.team_for_code(event, form.code.data)
    except DomainError as error:
        form.code.errors.append(str(error))
        return _index_page(event, error.status, code_form=form)
    return redirect(url_for("teams.join_link", slug=event.slug, team_id=team.id, code=team.invite_code))


@bp.route("/<int:team_id>/requests", methods=["POST"])
@event_view(PARTICIPANT)
def request_to_join(event, team_id):
    team, form = _team_or_404(event, team_id), JoinRequestForm()
    if not form.validate_on_submit():
        return _team_page(event, team, 422, request_form=form)
    return _run(lambda: asks.request_to_join(current_user, team, form.message.data or ""),
                lambda ask: f"You're in {team.name}!" if ask.status == "accepted" else
                f"Request sent to {team.name}. The captain's answer will show on the Teams page.",
                _next_or(url_for("teams.show", slug=event.slug, team_id=team.id)),
                partial(_team_page, event, team, request_form=form))


@bp.route("/<int:team_id>/invitations/<int:user_id>", methods=["POST"])
@event_view(PARTICIPANT)
def invite(event, team_id, user_id):
    team, user = _team_or_404(event, team_id), db.get_or_404(User, user_id)
    return _run(lambda: asks.invite_participant(team, current_user, user),
                lambda ask: f"{user.display_name} joined {team.name}." if ask.status == "accepted" else
                f"Invitation sent to {user.display_name}. They'll see it on their Teams page.",
                _next_or(url_for("teams.finder", slug=event.slug)), partial(_finder_page, event))


@bp.route("/asks/<int:ask_id>/<any(accept, decline, withdraw):answer>", methods=["POST"])
@event_view(PARTICIPANT)
def answer(event, ask_id, answer):
    ask = queries.find_ask(event, ask_id) or abort(404)
    change, done = ANSWERS[answer]
    name, team = ask.user.display_name, ask.team
    return _run(lambda: change(ask, current_user), lambda _: done.format(name=name, team=team.name),
                lambda: _after_answer(event, team, answer), partial(_team_page, event, team))


@bp.route("/<int:team_id>/leave", methods=["POST"])
@event_view(PARTICIPANT)
def leave(event, team_id):
    team = _team_or_404(event, team_id)
    return _run(lambda: membership.leave_team(current_user, team),
                lambda _: f"You left {team.name}." + (
                    " It had no members left, so it is dissolved." if team.is_dissolved else ""),
                url_for("teams.index", slug=event.slug), partial(_team_page, event, team))


@bp.route("/<int:team_id>/members/<int:user_id>/remove", methods=["POST"])
@event_view(PARTICIPANT)
def remove_member(event, team_id, user_id):
    team, user = _team_or_404(event, team_id), db.get_or_404(User, user_id)
    return _run(lambda: membership.remove_member(team, current_user, user),
                lambda _: f"{user.display_name} is no longer in {team.name}.",
                url_for("teams.show", slug=event.slug, team_id=team.id), partial(_team_page, event, team))


@bp.route("/<int:team_id>/members/<int:user_id>/captain", methods=["POST"])
@event_view(PARTICIPANT)
def transfer(event, team_id, user_id):
    team, user = _team_or_404(event, team_id), db.get_or_404(User, user_id)
    return _run(lambda: membership.transfer_captaincy(team, current_user, user),
                lambda _: f"{user.display_name} is now the captain of {team.name}.",
                _next_or(url_for("teams.show", slug=event.slug, team_id=team.id)), partial(_team_page, event, team))


@bp.route("/finder")
@event_view(PARTICIPANT)
def finder(event):
    return _finder_page(event)


@bp.route("/looking", methods=["POST"])
@event_view(PARTICIPANT)
def looking(event):
    form = LookingForm()
    if not form.validate_on_submit():
        return _finder_page(event, 422, looking_form=form)
    return _run(lambda: asks.start_looking(current_user, event, form.note.data or ""),
                "You're listed in the finder: captains can invite you. Skills on your profile help them find you.",
                url_for("teams.finder", slug=event.slug), partial(_finder_page, event, looking_form=form))


@bp.route("/looking/stop", methods=["POST"])
@event_view(PARTICIPANT)
def stop_looking(event):
    asks.stop_looking(current_user, event)
    flash("You're no longer listed as looking for a team.", "success")
    return redirect(url_for("teams.finder", slug=event.slug))


# ---- organizer tools -----------------------------------------------------------------------------

@bp.route("/manage")
@event_view(ORGANIZER)
def manage(event):
    return _manage_page(event)


@bp.route("/manage/move", methods=["POST"])
@event_view(ORGANIZER)
def move(event):
    form = _move_form(event)
    if not form.validate_on_submit():
        return _manage_page(event, 422, form)
    user = db.get_or_404(User, form.user_id.data)
    to = None
    if form.team_id.data:
        to = queries.find_team(event, form.team_id.data) or abort(404)
    return _run(lambda: membership.move_participant(event, user, to),
                lambda _: f"{user.display_name} moved to {to.name if to else 'no team'}.",
                url_for("teams.manage", slug=event.slug), partial(_manage_page, event, move_form=form))


@bp.route("/manage/<int:team_id>/disband", methods=["POST"])
@event_view(ORGANIZER)
def disband(event, team_id):
    team = _team_or_404(event, team_id)
    return _run(lambda: membership.disband_team(team),
                lambda _: f"{team.name} is disbanded; its members can join other teams.",
                url_for("teams.manage", slug=event.slug), partial(_manage_page, event))


@bp.route("/manage/export.csv")
@event_view(ORGANIZER)
def export(event):
    return Response(teams_csv(event), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{event.slug}-teams.csv"'})


# ---- helpers -------------------------------------------------------------------------------------

def _attempt(call, form=None):
    """Run one service call: (result, None) when it succeeded, (None, status) after showing why not."""
    try:
        return call(), None
    except DomainError as error:
        db.session.rollback()
        if form is not None and isinstance(error, TeamNameTaken):
            form.name.errors.append(str(error))
        else:
            flash(str(error), "error")
        return None, error.status


def _run(call, done, to, refused):
    """Run one service call: on success flash `done` (text, or made from the result) and redirect to `to`
    (an address, or a function giving it after the change); when a rule refuses, `refused(status)` renders
    the page the action came from, with the reason."""
    result, status = _attempt(call)
    if status is not None:
        return refused(status)
    flash(done(result) if callable(done) else done, "success")
    return redirect(to() if callable(to) else to)


def _next_or(default: str) -> str:
    """The form's safe `next` address, else `default`."""
    target = request.form.get("next")
    return target if is_safe_next(target) else default


def _after_answer(event, team, answer: str) -> str:
    """The captain answers from the team page; the invitee lands in their new team after accepting."""
    if answer == "accept" or team.captain_id == current_user.id:
        return url_for("teams.show", slug=event.slug, team_id=team.id)
    return url_for("teams.index", slug=event.slug)


def _team_or_404(event, team_id):
    return queries.find_team(event, team_id) or abort(404, description="This event has no such team.")


def _index_page(event, status=200, code_form=None):
    return render_template(
        "teams/index.html", event=event, teams=queries.active_teams(event), my_team=queries.team_of(current_user, event),
        asks=queries.asks_of(current_user, event), is_participant=PARTICIPANT in g.roles,
        locked=checks.are_teams_locked(event), code_form=code_form or CodeForm(),
    ), status


def _panel_context(event, team) -> dict:
    is_member = team.has_member(current_user)
    is_captain = current_user.is_authenticated and team.captain_id == current_user.id
    can_ask = PARTICIPANT in g.roles and not is_member
    return dict(
        is_member=is_member, is_captain=is_captain, viewer_state="captain" if is_captain else (
            "member" if is_member else "outsider"),
        requests=queries.pending_requests(team) if is_captain else [],
        invitations=queries.pending_invitations(team) if is_captain else [],
        join_refusal=checks.why_not_join(current_user, team) if can_ask else None, can_ask=can_ask,
        my_ask=queries.pending_ask_between(team, current_user) if can_ask else None,
        meets_minimum=queries.team_meets_minimum(team), locked=checks.are_teams_locked(event),
    )


def _team_page(event, team, status=200, request_form=None):
    return render_template("teams/show.html", event=event, team=team, request_form=request_form or JoinRequestForm(),
                           **_panel_context(event, team)), status


def _join_page(event, team_id, code, status=None):
    team = services.team_for_invite(event, team_id, code)
    refusal = checks.why_not_join(current_user, team) if current_user.is_authenticated else None
    status = status or (refusal.status if refusal else 200)
    return render_template("teams/join.html", event=event, team=team, code=code, refusal=refusal,
                           join_event_first=isinstance(refusal, NotParticipant)), status


def _finder_page(event, status=200, looking_form=None):
    form = FinderForm(request.args)
    skills = form.skills.data if request.args.get("skills") and form.validate() else []
    my_team = queries.team_of(current_user, event)
    seeker = queries.seeker_of(current_user, event)
    return render_template(
        "teams/finder.html", event=event, form=form, teams=queries.open_teams(event, skills),
        seekers=queries.seekers(event, skills), my_team=my_team, seeker=seeker, skills=skills,
        can_invite=my_team is not None and my_team.captain_id == current_user.id and not my_team.is_full,
        looking_form=looking_form or LookingForm(note=seeker.note if seeker else ""),
        locked=checks.are_teams_locked(event),
    ), status if not form.errors else 422


def _move_form(event) -> MoveForm:
    form = MoveForm()
    people = queries.participants(event)
    form.user_id.choices = [SelectChoice("", "Choose a participant…")] + [
        SelectChoice(user.id, user.display_name) for user in people]
    form.team_id.choices = [SelectChoice("", "Choose…"), SelectChoice(0, "No team (take them out)")] + [
        SelectChoice(t.id, t.name) for t in queries.active_teams(event)]
    return form


def _manage_page(event, status=200, move_form=None):
    return render_template(
        "teams/manage.html", event=event, teams=queries.list_teams(event),
        without=queries.participants_without_team(event), move_form=move_form or _move_form(event),
    ), status
