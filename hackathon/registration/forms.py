"""Shapes of the registration forms; the rules (answers, seats) live in the services.

The application form itself is built from the event's questions, so its answers are read from the
request's text parts by the view and checked by answers.py; `ApplyForm` carries its CSRF token.
"""
from wtforms import BooleanField, IntegerField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..forms import SiteForm
from ..models.registration import MODES, QUESTION_KINDS
from .answers import KIND_LABELS
from .services import DECISIONS

MAX_CAPACITY = 100_000
MAX_CONFIRM_HOURS = 24 * 30


class ApplyForm(SiteForm):
    """The application's CSRF token; the answers are the event's own questions."""


class SettingsForm(SiteForm):
    mode = SelectField("Admission", choices=[
        SelectChoice("open", "Open: first come, first served up to capacity, then a waitlist"),
        SelectChoice("reviewed", "Reviewed: organizers accept, waitlist or decline each application")],
        validators=[DataRequired()])
    capacity = IntegerField("Seats", validators=[
        Optional(), NumberRange(0, MAX_CAPACITY, message=f"Choose 0 to {MAX_CAPACITY} seats, or leave empty.")],
        description="Leave empty for no limit.")
    confirm_hours = IntegerField("Hours to confirm", default=72, validators=[
        DataRequired(message="Say how many hours people have to confirm."),
        NumberRange(1, MAX_CONFIRM_HOURS, message=f"Choose 1 to {MAX_CONFIRM_HOURS} hours.")],
        description="An accepted applicant confirms or declines within this time; then the seat passes on.")
    hands_out_voting_codes = BooleanField("Hand out a people's choice voting code at check-in")

    def validate_mode(self, field):
        if field.data not in MODES:
            field.errors.append("Choose open or reviewed.")


class QuestionForm(SiteForm):
    kind = SelectField("Kind", choices=[SelectChoice(kind, KIND_LABELS[kind]) for kind in QUESTION_KINDS],
                       default="short_text")
    label = StringField("Question", validators=[DataRequired(message="Write the question."), Length(max=300)])
    help_text = StringField("Help text", validators=[Optional(), Length(max=500)])
    is_required = BooleanField("Required")
    choices = TextAreaField("Options", validators=[Optional(), Length(max=3000)],
                            description="For one or several choices: one option per line.")


class DecideForm(SiteForm):
    decision = SelectField("Decision", choices=[SelectChoice(d, d.capitalize()) for d in DECISIONS],
                           validators=[DataRequired()])


class CheckinCodeForm(SiteForm):
    code = StringField("Check-in code", validators=[DataRequired(message="Type or scan a code."), Length(max=40)])
