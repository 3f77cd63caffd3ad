"""The event settings form, shared by site admins (create) and organizers (edit)."""
import re
from datetime import datetime
from zoneinfo import ZoneInfo, available_timezones

from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp, ValidationError

from ..forms import LocalTimeField, SiteForm, https_url
from ..models.event import MILESTONE_COLUMNS, SLUG_PATTERN
from .services import EventDetails

TIMEZONES = sorted(available_timezones() - {"localtime", "Factory"})
HOST_PATTERN = re.compile(r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$")
MAX_IMAGE_HOSTS = 10


def image_host_list(form, field):
    """Host names, one per line (lower-cased), at most MAX_IMAGE_HOSTS."""
    hosts = list(dict.fromkeys(line.strip().lower() for line in (field.data or "").splitlines() if line.strip()))
    wrong = [host for host in hosts if not HOST_PATTERN.match(host)]
    if wrong:
        raise ValidationError(f"“{wrong[0][:60]}” is not a host name; write just the host, e.g. i.imgur.com")
    if len(hosts) > MAX_IMAGE_HOSTS:
        raise ValidationError(f"List at most {MAX_IMAGE_HOSTS} hosts.")
    field.data = "\n".join(hosts)


def milestone_field(label: str) -> LocalTimeField:
    return LocalTimeField(label, validators=[DataRequired(message="Pick a date and time.")])


class EventForm(SiteForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=120)], render_kw={"data-slug-source": ""})
    tagline = StringField("Tagline", validators=[Optional(), Length(max=200)])
    description = TextAreaField("Description and rules (Markdown)", validators=[Optional(), Length(max=20000)])
    venue = StringField("Venue", validators=[Optional(), Length(max=200)])
    online_url = StringField("Online link", validators=[Optional(), Length(max=300), https_url])
    timezone = SelectField("Time zone", choices=TIMEZONES, default="UTC",
                           description="Times below are in this zone.")
    team_size_min = IntegerField("Smallest team", default=1, validators=[DataRequired(), NumberRange(1, 50)])
    team_size_max = IntegerField("Largest team", default=4, validators=[DataRequired(), NumberRange(1, 50)])
    is_published = BooleanField("Published (listed on the hub and open to visitors)")
    image_hosts = TextAreaField("Image hosts", validators=[Optional(), Length(max=1000), image_host_list],
                                description="Pictures in Markdown load only from this site (attach them). "
                                            "To allow another site's https images, list its host, one per line, "
                                            "e.g. i.imgur.com.", render_kw={"rows": 2})
    registration_opens_at = milestone_field("Registration opens")
    registration_closes_at = milestone_field("Registration closes")
    hacking_starts_at = milestone_field("Hacking starts")
    submissions_due_at = milestone_field("Submissions due")
    judging_ends_at = milestone_field("Judging ends")
    results_at = milestone_field("Results published")

    def fill_from(self, event) -> None:
        """Show an event's milestones in its own time zone."""
        for column in MILESTONE_COLUMNS:
            getattr(self, column).data = event.local(getattr(event, column)).replace(tzinfo=None)

    def details(self) -> EventDetails:
        """The submitted values, with local times converted to aware datetimes."""
        zone = ZoneInfo(self.timezone.data)
        values = {name: getattr(self, name).data for name in (
            "name", "tagline", "description", "venue", "online_url", "timezone",
            "team_size_min", "team_size_max", "is_published", "image_hosts")}
        values.update({c: _aware(getattr(self, c).data, zone) for c in MILESTONE_COLUMNS})
        values.update({k: (v or "").strip() for k, v in values.items() if isinstance(v, str) or v is None})
        return EventDetails(**values)


class NewEventForm(EventForm):
    slug = StringField("Address (slug)", validators=[DataRequired(), Length(max=64), Regexp(
        SLUG_PATTERN, message="Use lower-case letters, digits and dashes, e.g. spring-hack-2027.")],
        description="The event lives at /e/<slug>/; it can't change later. It follows the name until you edit it.",
        render_kw={"data-slug-target": ""})


def _aware(local: datetime, zone: ZoneInfo) -> datetime:
    return local.replace(tzinfo=zone)
