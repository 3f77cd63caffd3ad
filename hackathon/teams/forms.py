"""Forms of the teams area: shape only (lengths, required fields); the rules are in the services."""
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..forms import SiteForm, TagField
from .services import TeamDetails


class TeamForm(SiteForm):
    name = StringField("Team name", validators=[DataRequired(message="Give your team a name."), Length(max=60)])
    pitch = TextAreaField("Pitch", validators=[Optional(), Length(max=300)],
                          description="One or two sentences: what you want to build, who you are.")
    skills = TagField("Skills you're looking for", description="Separate with commas, e.g. python, ux design")
    is_open = BooleanField("Open to new members (others can find the team and ask to join)", default=True)

    def details(self) -> TeamDetails:
        return TeamDetails(name=self.name.data.strip(), pitch=self.pitch.data or "", skills=self.skills.data or [],
                           is_open=self.is_open.data)


class JoinRequestForm(SiteForm):
    message = TextAreaField("Message to the captain", validators=[Optional(), Length(max=500)],
                            description="Optional: what you'd bring to the team.")


class CodeForm(SiteForm):
    code = StringField("Team code", validators=[DataRequired(message="Type the team's code."), Length(max=40)],
                       render_kw={"placeholder": "K7QM3XPA", "autocapitalize": "characters",
                                  "autocomplete": "off", "spellcheck": "false"})


class LookingForm(SiteForm):
    note = TextAreaField("A short note for teams", validators=[Optional(), Length(max=280)],
                         description="What you'd like to work on; your skills come from your profile.")


class FinderForm(SiteForm):
    """The finder's filter: read from the query string, so no CSRF token."""

    class Meta:
        csrf = False

    skills = TagField("Skills", description="Show teams wanting, and people having, any of these.")


def optional_int(value):
    """'' (the "Choose…" option) becomes None, so an untouched form is refused, never acted on."""
    return None if value in ("", None) else int(value)


def chosen(message: str):
    def check(form, field):
        if field.data is None:
            raise ValidationError(message)
    return check


class MoveForm(SiteForm):
    """Choices are filled by the view; the service decides whether the move is allowed."""

    user_id = SelectField("Participant", coerce=optional_int, validate_choice=False,
                          validators=[chosen("Choose a participant.")])
    team_id = SelectField("Move to", coerce=optional_int, validate_choice=False,
                          validators=[chosen("Choose a team, or “No team” to take them out of theirs.")])
