"""The live blueprint: organizers' announcements page and the big screen for projectors."""
from flask import Blueprint, Response, abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user

from .. import leaderboard as boards
from ..access import event_view, load_event
from ..urls import id_arg
from ..challenges.services import visible_challenges
from ..extensions import db
from ..models import Announcement
from ..models.membership import ORGANIZER
from ..voting.results import public_winners, voting_state
from . import board, page_cache, services
from .forms import AnnouncementForm, DisplayForm, FreezeForm, RevealModeForm
from .qr import qr_svg

bp = Blueprint("live", __name__, url_prefix="/e/<slug>")
SCREEN_ANNOUNCEMENTS = 3  # what fits the big screen's ticker at a readable size


@bp.app_context_processor
def live_page_context():
    """Where an event page's live channel starts: its event and the last announcement it shows."""
    event = g.get("event")
    return {"live_last_announcement_id": services.latest_announcement_id(event) if event else 0}


@bp.route("/live/announcements")
@event_view(ORGANIZER)
def announcements(event):
    return _announcements_page(event)


@bp.route("/live/announcements", methods=["POST"])
@event_view(ORGANIZER)
def post_announcement(event):
    form = AnnouncementForm()
    if not form.validate_on_submit():
        return _announcements_page(event, form, 422)
    try:
        announcement = services.post_announcement(event, current_user, form.text.data, form.level.data,
                                                  form.publish_at_in(event))
    except services.AnnouncementError as error:
        form.attach(error.field, str(error))
        return _announcements_page(event, form, error.status)
    flash("Announcement published on every screen." if announcement.is_published
          else "Announcement scheduled.", "success")
    return redirect(url_for("live.announcements", slug=event.slug))


@bp.route("/live/announcements/<int:announcement_id>/retract", methods=["POST"])
@event_view(ORGANIZER)
def retract_announcement(event, announcement_id):
    announcement = db.first_or_404(db.select(Announcement).where(
        Announcement.id == announcement_id, Announcement.event_id == event.id))
    try:
        services.retract_announcement(announcement, current_user)
    except services.AnnouncementError as error:
        flash(str(error), "error")
        return _announcements_page(event, status=error.status)
    flash("Announcement taken down from every screen." if announcement.is_published
          else "Scheduled announcement cancelled.", "success")
    return redirect(url_for("live.announcements", slug=event.slug))


@bp.route("/screen")
@event_view()
def screen(event):
    event_url = url_for("events.show", slug=event.slug, _external=True)
    return render_template("live/screen.html", event=event, clock=event.clock(), event_url=event_url,
                           qr=qr_svg(event_url), announcements=services.published_announcements(event, SCREEN_ANNOUNCEMENTS),
                           announcement_limit=SCREEN_ANNOUNCEMENTS, board=boards.current(event).views[None],
                           peoples_choice=public_winners(event), voting_open=voting_state(event).is_open,
                           vote_url=url_for("voting.vote_page", slug=event.slug, _external=True))


def _announcements_page(event, form=None, status=200):
    return render_template("live/announcements.html", event=event, form=form or AnnouncementForm(),
                           announcements=services.all_announcements(event)), status


@bp.route("/leaderboard")
def leaderboard(slug):
    challenge_id = id_arg(request.args.get("challenge"))
    published = boards.public_by_slug(slug)
    anonymous = page_cache.serves_everyone()
    if published is not None and anonymous and (body := page_cache.cached(slug, challenge_id, published.seq)):
        return Response(body, mimetype="text/html")
    event = load_event(slug)
    published = boards.current(event)
    view = published.views.get(challenge_id)
    if view is None:
        abort(404, description="There is no such published challenge in this event.")
    body = _leaderboard_page(event, challenge_id, view).encode()
    if anonymous and published.is_public:
        page_cache.keep(slug, challenge_id, published.seq, body)
    return Response(body, mimetype="text/html")


def _leaderboard_page(event, challenge_id, view) -> str:
    return render_template("live/leaderboard.html", event=event, challenge_id=challenge_id, board=view,
                           challenges=visible_challenges(event, False), peoples_choice=public_winners(event))


@bp.route("/live/board")
@event_view(ORGANIZER)
def board_controls(event):
    return _board_page(event)


@bp.route("/live/board/display", methods=["POST"])
@event_view(ORGANIZER)
def board_display(event):
    form = DisplayForm()
    if not form.validate_on_submit():
        return _board_page(event, display_form=form, status=422)
    return _run_board(event, lambda: boards.update_display(event, form.shows_scores.data == "1",
                                                                form.top_n.data), "Board display saved.")


@bp.route("/live/board/freeze", methods=["POST"])
@event_view(ORGANIZER)
def board_freeze(event):
    form = FreezeForm()
    if not form.validate_on_submit():
        return _board_page(event, freeze_form=form, status=422)
    now = form.freeze_at.data is None
    if boards.state_of(event).reveal_mode == boards.CEREMONY:
        done = "The ceremony has begun: every public board is dark." if now else "Ceremony scheduled."
    else:
        done = "The public board is frozen." if now else "Freeze scheduled."
    return _run_board(event, lambda: board.freeze(event, form.freeze_at_in(event)), done)


@bp.route("/live/board/mode", methods=["POST"])
@event_view(ORGANIZER)
def board_mode(event):
    form = RevealModeForm()
    if not form.validate_on_submit():
        return _board_page(event, status=422)
    done = ("The results come out in a ceremony." if form.reveal_mode.data == boards.CEREMONY
            else "The results come out with a freeze and a reveal.")
    return _run_board(event, lambda: boards.choose_reveal_mode(event, form.reveal_mode.data), done)


@bp.route("/live/board/<any(unfreeze, next, back, finish):action>", methods=["POST"])
@event_view(ORGANIZER)
def board_action(event, action):
    change, done = {
        "unfreeze": (lambda: boards.unfreeze(event), "The public board is live again."),
        "next": (lambda: board.step_reveal(event, +1), "Next entry revealed."),
        "back": (lambda: board.step_reveal(event, -1), "Last reveal taken back."),
        "finish": (lambda: board.finish_reveal(event), "The final ranking is public."),
    }[action]
    return _run_board(event, change, done)


def _board_page(event, display_form=None, freeze_form=None, status=200):
    state, panel = boards.state_of(event), boards.board_panel(event)
    return render_template(
        "live/board_controls.html", event=event, state=state, panel=panel,
        public=boards.current(event).views[None], live_rows=boards.organizer_rows(event),
        display_form=display_form or DisplayForm(shows_scores="1" if state.shows_scores else "0", top_n=state.top_n),
        freeze_form=freeze_form or FreezeForm(), mode_form=RevealModeForm(reveal_mode=panel.mode)), status


def _run_board(event, change, done: str):
    try:
        change()
    except boards.LeaderboardError as error:
        db.session.rollback()
        flash(str(error), "error")
        return _board_page(event, status=error.status)
    flash(done, "success")
    return redirect(url_for("live.board_controls", slug=event.slug))
