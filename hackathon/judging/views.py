"""Judges' queues and score sheets; the organizer's rubric, assignment and results pages."""
from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms import SelectChoice

from ..access import event_view
from ..errors import DomainError
from ..extensions import db
from ..teams import queries as team_services
from ..models import Assignment, Conflict, Criterion, Score, Submission, User
from ..models.membership import JUDGE, ORGANIZER
from . import assignments, conflicts, exports, pages, rubric, scores
from .forms import AssignForm, ConflictForm, ExcludeForm, MethodForm, score_form, score_values

bp = Blueprint("judging", __name__, url_prefix="/e/<slug>/judging")


@bp.route("/")
@event_view(JUDGE)
def queue(event):
    return _queue_page(event)


@bp.route("/entries/<int:submission_id>", methods=["GET", "POST"])
@event_view(JUDGE)
def score(event, submission_id):
    submission, existing = _assigned_entry_or_403(event, submission_id)
    criteria = rubric.criteria_for(submission)
    form = score_form(criteria, existing)
    if form.validate_on_submit():
        try:
            scores.record_score(event, current_user, submission, score_values(form, criteria), form.comment.data or "")
        except DomainError as error:
            flash(str(error), "error")
            return _score_page(event, submission, criteria, form), error.status
        flash(f"Score for “{submission.title}” saved.", "success")
        return redirect(url_for("judging.queue", slug=event.slug))
    return _score_page(event, submission, criteria, form), 422 if form.is_submitted() else 200


@bp.route("/conflicts", methods=["POST"])
@event_view(JUDGE)
def declare_conflict(event):
    form = _conflict_form(event)
    if not form.validate_on_submit():
        return _queue_page(event, form), 422
    team = _team_or_404(event, form.team_id.data)
    conflicts.record_conflict(event, current_user, team, conflicts.DECLARED, form.reason.data, current_user)
    assignments.drop_unscored(event, current_user, team)
    flash(f"Thanks: you won't be assigned {team.name}.", "success")
    return redirect(url_for("judging.queue", slug=event.slug))


def _assigned_entry_or_403(event, submission_id):
    """The entry this judge is assigned to, with their score so far."""
    if assignments.find_assignment(event, current_user, submission_id) is None:
        abort(403, description="You are not assigned to this entry. Your queue lists the ones you are.")
    existing = db.session.scalar(db.select(Score).where(Score.judge_id == current_user.id,
                                                        Score.submission_id == submission_id))
    return db.session.get(Submission, submission_id), existing


def _queue_page(event, conflict_form=None):
    items = assignments.judge_queue(event, current_user)
    return render_template("judging/queue.html", event=event, items=items, is_open=scores.judging_is_open(event),
                           scored=sum(1 for _, score in items if score),
                           conflict_form=conflict_form or _conflict_form(event))


def _score_page(event, submission, criteria, form):
    return render_template("judging/score.html", event=event, submission=submission, criteria=criteria, form=form,
                           is_open=scores.judging_is_open(event))


def _conflict_form(event):
    form = ConflictForm()
    form.team_id.choices = [SelectChoice(t.id, t.name) for t in team_services.list_teams(event)]
    return form


def _team_or_404(event, team_id):
    team = team_services.find_team(event, team_id)
    if team is None:
        abort(404, description="There is no such team in this event.")
    return team


# ---- organizers ------------------------------------------------------------------------------

@bp.route("/manage")
@event_view(ORGANIZER)
def manage(event):
    return _manage_page(event)


@bp.route("/manage/criteria", methods=["POST"])
@bp.route("/manage/criteria/<int:criterion_id>", methods=["POST"])
@event_view(ORGANIZER)
def save_criterion(event, criterion_id=None):
    criterion = _criterion_or_404(event, criterion_id) if criterion_id else None
    form = pages.build_criterion_form(event)
    if not form.validate_on_submit():
        return _manage_page(event, criterion_form=form), 422
    return _run(event, lambda: rubric.save_criterion(
        event, criterion, name=form.name.data, description=form.description.data or "", weight=form.weight.data,
        scale_min=form.scale_min.data, scale_max=form.scale_max.data, challenge_id=form.challenge_id.data or None),
        "Rubric saved.")


@bp.route("/manage/criteria/<int:criterion_id>/delete", methods=["POST"])
@event_view(ORGANIZER)
def delete_criterion(event, criterion_id):
    criterion = _criterion_or_404(event, criterion_id)
    return _run(event, lambda: rubric.delete_criterion(event, criterion), "Criterion removed.")


@bp.route("/manage/assign", methods=["POST"])
@event_view(ORGANIZER)
def assign(event):
    form = AssignForm()
    if not form.validate_on_submit():
        return _manage_page(event, assign_form=form), 422
    plan = assignments.run_assignment(event, form.judges_per_entry.data)
    short = f" {len(plan.shortfalls)} entries lack judges: invite more or relax conflicts." if plan.shortfalls else ""
    flash(f"Assignments updated: {len(plan.add)} added, {len(plan.remove)} removed.{short}",
          "warning" if short else "success")
    return redirect(url_for("judging.manage", slug=event.slug))


@bp.route("/manage/assignments", methods=["POST"])
@event_view(ORGANIZER)
def assign_by_hand(event):
    form = pages.build_manual_assign_form(event)
    if not form.validate_on_submit():
        return _manage_page(event), 422
    judge, submission = db.session.get(User, form.judge_id.data), db.session.get(Submission, form.submission_id.data)
    return _run(event, lambda: assignments.assign_by_hand(event, judge, submission), "Judge assigned.")


@bp.route("/manage/assignments/<int:assignment_id>/delete", methods=["POST"])
@event_view(ORGANIZER)
def unassign(event, assignment_id):
    assignment = db.first_or_404(db.select(Assignment).where(Assignment.id == assignment_id,
                                                             Assignment.event_id == event.id))
    return _run(event, lambda: assignments.unassign(event, assignment), "Assignment removed.")


@bp.route("/manage/judges/<int:judge_id>/challenges", methods=["POST"])
@event_view(ORGANIZER)
def judge_challenges(event, judge_id):
    judge = _judge_or_404(event, judge_id)
    form = pages.build_judge_challenges_form(event)
    if not form.validate_on_submit():
        return _manage_page(event), 422
    assignments.set_judge_challenges(event, judge, form.challenge_ids.data or [])
    flash(f"{judge.display_name}'s challenges saved. Re-run the assignment to apply them.", "success")
    return redirect(url_for("judging.manage", slug=event.slug))


@bp.route("/manage/conflicts", methods=["POST"])
@event_view(ORGANIZER)
def mark_conflict(event):
    form = pages.build_conflict_form(event)
    if not form.validate_on_submit():
        return _manage_page(event, conflict_form=form), 422
    judge, team = _judge_or_404(event, form.judge_id.data), _team_or_404(event, form.team_id.data)
    conflicts.record_conflict(event, judge, team, conflicts.ORGANIZER, form.reason.data, current_user)
    assignments.drop_unscored(event, judge, team)
    flash(f"{judge.display_name} won't be assigned {team.name}.", "success")
    return redirect(url_for("judging.manage", slug=event.slug))


@bp.route("/manage/conflicts/<int:conflict_id>/delete", methods=["POST"])
@event_view(ORGANIZER)
def lift_conflict(event, conflict_id):
    conflict = db.first_or_404(db.select(Conflict).where(Conflict.id == conflict_id, Conflict.event_id == event.id))
    conflicts.remove_conflict(conflict)
    flash("Conflict lifted.", "success")
    return redirect(url_for("judging.manage", slug=event.slug))


@bp.route("/results")
@event_view(ORGANIZER)
def results(event):
    return render_template("judging/results.html", event=event, **pages.results_context(event))


@bp.route("/results/method", methods=["POST"])
@event_view(ORGANIZER)
def choose_method(event):
    form = MethodForm()
    if not form.validate_on_submit():
        abort(422, description="Choose one of the listed ranking methods.")
    scores.choose_method(event, form.method.data)
    flash("Ranking method saved; the board uses it from now on.", "success")
    return redirect(url_for("judging.results", slug=event.slug))


@bp.route("/manage/judges/<int:judge_id>/exclude", methods=["POST"])
@event_view(ORGANIZER)
def exclude(event, judge_id):
    judge, form = _judge_or_404(event, judge_id), ExcludeForm()
    if not form.validate_on_submit():
        flash("Say why the judge's scores are excluded.", "error")
        return render_template("judging/results.html", event=event, **pages.results_context(event)), 422
    return _run(event, lambda: scores.exclude_judge(event, judge, form.reason.data, current_user),
                f"{judge.display_name}'s scores are excluded; the ranking was recomputed.", "judging.results")


@bp.route("/manage/judges/<int:judge_id>/include", methods=["POST"])
@event_view(ORGANIZER)
def include(event, judge_id):
    scores.include_judge(event, _judge_or_404(event, judge_id))
    flash("The judge's scores count again.", "success")
    return redirect(url_for("judging.results", slug=event.slug))


@bp.route("/manage/scores.csv")
@event_view(ORGANIZER)
def export_scores(event):
    return Response(scores.scores_csv(event), mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename={event.slug}-score-log.csv"})


@bp.route("/manage/tidy-scores.csv")
@event_view(ORGANIZER)
def export_tidy_scores(event):
    return Response(exports.tidy_scores_csv(event), mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename={event.slug}-scores.csv"})


def _manage_page(event, **forms):
    return render_template("judging/manage.html", event=event, **pages.manage_context(event, **forms))


def _run(event, change, done: str, page: str = "judging.manage"):
    try:
        change()
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
        return (_manage_page(event) if page == "judging.manage" else redirect(url_for(page, slug=event.slug))), \
            error.status
    flash(done, "success")
    return redirect(url_for(page, slug=event.slug))


def _criterion_or_404(event, criterion_id):
    return db.first_or_404(db.select(Criterion).where(Criterion.id == criterion_id, Criterion.event_id == event.id))


def _judge_or_404(event, judge_id):
    judge = next((j for j in conflicts.event_judges(event) if j.id == judge_id), None)
    if judge is None:
        abort(404, description="There is no such judge in this event.")
    return judge
