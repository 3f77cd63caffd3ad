"""The live blueprint: organizers' announcements page and the big screen for projectors."""
from flask import Blueprint, flash, g, redirect, render_template, url_for
from flask_login import current_user

from ..access import event_view
from ..extensions import db
from ..models import Announcement
from ..models.membership import ORGANIZER
from . import services
from .forms import AnnouncementForm
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
                           announcement_limit=SCREEN_ANNOUNCEMENTS)


def _announcements_page(event, form=None, status=200):
    return render_template("live/announcements.html", event=event, form=form or AnnouncementForm(),
                           announcements=services.all_announcements(event)), status
