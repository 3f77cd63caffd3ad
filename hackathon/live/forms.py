"""The organizers' announcement form (shape only; the rules live in services)."""
from datetime import datetime

from wtforms import IntegerField, RadioField, SelectChoice, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..forms import LocalTimeField, SiteForm
from ..models.announcement import LEVELS, MAX_TEXT_LENGTH

LEVEL_LABELS = {"info": "Info", "warning": "Warning", "urgent": "Urgent"}


class AnnouncementForm(SiteForm):
    text = TextAreaField("Announcement", validators=[
        DataRequired(message="Write the announcement: it can't be empty."),
        Length(max=4 * MAX_TEXT_LENGTH, message=f"Keep it to {MAX_TEXT_LENGTH} characters.")],
        description=f"Plain text, up to {MAX_TEXT_LENGTH} characters. It appears on every screen of the event.",
        render_kw={"maxlength": MAX_TEXT_LENGTH, "rows": 3})
    # The service names the allowed levels when a request sends another one.
    level = SelectField("Level", choices=[SelectChoice(level, LEVEL_LABELS[level]) for level in LEVELS],
                        default="info", validate_choice=False)
    publish_at = LocalTimeField("Publish at (optional)", validators=[Optional()],
                                description="Leave empty to publish now. In the event's time zone.")

    def publish_at_in(self, event) -> datetime | None:
        """The chosen time as an aware datetime in the event's time zone (None: publish now)."""
        return None if self.publish_at.data is None else self.publish_at.data.replace(tzinfo=event.zone)

    def attach(self, field: str, message: str) -> None:
        getattr(self, field).errors = [*getattr(self, field).errors, message]


class DisplayForm(SiteForm):
    shows_scores = SelectField("The public sees", choices=[SelectChoice("1", "Ranks and scores"),
                                                           SelectChoice("0", "Ranks only")], default="1")
    top_n = IntegerField("Rows shown", validators=[Optional(), NumberRange(1, 500, message="Show 1 to 500 rows.")],
                         description="Empty shows every ranked entry.")


class FreezeForm(SiteForm):
    freeze_at = LocalTimeField("Freeze at (optional)", validators=[Optional()],
                               description="Empty freezes now. In the event's time zone.")

    def freeze_at_in(self, event) -> datetime | None:
        return None if self.freeze_at.data is None else self.freeze_at.data.replace(tzinfo=event.zone)


class RevealModeForm(SiteForm):
    # The service names the allowed modes when a request sends another one.
    reveal_mode = RadioField("How the results come out", choices=[
        SelectChoice("freeze", "Freeze: the board stays up, scores after the freeze stay hidden, then the reveal re-orders it"),
        SelectChoice("ceremony", "Ceremony: the board goes dark, entries appear one at a time from the bottom, the winner last"),
    ], default="freeze", validate_choice=False)
