"""Forms of the organizer console."""
from wtforms import IntegerField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..forms import SiteForm

from ..invites.services import MAX_INVITE_USES
from ..models.membership import ROLES
from .services import MAX_EXTENSION_MINUTES


ROLE_LABELS = {"volunteer": "Volunteer (check-in only)"}


class ExtendForm(SiteForm):
    minutes = IntegerField("Minutes", default=15, validators=[
        DataRequired(message="Say how many minutes to add."),
        NumberRange(1, MAX_EXTENSION_MINUTES, message=f"Extend by 1 to {MAX_EXTENSION_MINUTES} minutes.")])


class InviteForm(SiteForm):
    role = SelectField("Role", choices=[SelectChoice(role, ROLE_LABELS.get(role, role.capitalize())) for role in ROLES],
                       default="judge")
    label = StringField("Label", validators=[Optional(), Length(max=100)],
                        description="Who it is for, e.g. “Acme sponsor judges”.")
    max_uses = IntegerField("Uses", default=1, validators=[
        DataRequired(), NumberRange(1, MAX_INVITE_USES, message=f"Allow 1 to {MAX_INVITE_USES} uses.")])
    expires_in_days = IntegerField("Expires after (days)", default=14, validators=[
        Optional(), NumberRange(1, 365, message="Choose 1 to 365 days, or leave empty for no expiry.")])
