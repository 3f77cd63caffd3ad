"""People's choice forms (shape only; the rules live in services)."""
from wtforms import IntegerField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..forms import SiteForm

from .codes import MAX_CODES_PER_BATCH, MAX_LABEL_LENGTH


class VoteForm(SiteForm):
    submission_id = IntegerField(validators=[DataRequired(message="Pick an entry to vote for.")])


class CodeForm(SiteForm):
    code = StringField("Voting code", validators=[DataRequired(message="Type the code from your card."),
                                                  Length(max=32, message="Codes look like ABCD-EFGH.")],
                       description="The code on the card you got at check-in, like ABCD-EFGH.",
                       render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false",
                                  "maxlength": 32})


class CodesForm(SiteForm):
    count = IntegerField("How many codes", default=50, validators=[
        DataRequired(message="Say how many codes to generate."),
        NumberRange(1, MAX_CODES_PER_BATCH, message=f"Generate 1 to {MAX_CODES_PER_BATCH} codes at a time.")],
        render_kw={"min": 1, "max": MAX_CODES_PER_BATCH})
    label = StringField("Batch label (optional)", validators=[Optional(), Length(max=MAX_LABEL_LENGTH)],
                        description="Where these codes go, e.g. “Check-in desk A”. Printed next to each code.",
                        render_kw={"maxlength": MAX_LABEL_LENGTH})
