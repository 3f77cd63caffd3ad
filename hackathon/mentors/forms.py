"""Forms of the mentors area: shape only (lengths, required fields, choices); the rules are in the services."""
from wtforms import HiddenField, IntegerField, RadioField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from ..forms import SiteForm, TagField
from ..models.mentor import AUTO_ASSIGN, AVAILABILITIES, SUGGEST
from .profiles import MAX_TEAMS, ProfileDetails
from .services import HelpDetails
from .settings import MAX_MINUTES
from .standing import MAX_MENTORS_PER_TEAM


def optional_id(value):
    """'' (“Anyone”) becomes None."""
    return None if value in ("", None) else int(value)


class HelpRequestForm(SiteForm):
    """Choices of `mentor_id` are filled by the view: the event's mentors."""

    topic = StringField("What do you need help with?", validators=[
        DataRequired(message="Say in a few words what you need help with."), Length(max=120)],
        render_kw={"placeholder": "e.g. Our Flask app can't reach PostgreSQL"})
    description = TextAreaField("Details", validators=[Optional(), Length(max=2000)],
                                description="Optional. Markdown works: what you tried, error messages, links.")
    tags = TagField("Tags", description="Separate with commas, e.g. python, postgresql. Mentors whose expertise "
                                        "matches see your request first.")
    location = StringField("Where are you?", validators=[Optional(), Length(max=200)],
                           description="Your table or room, or a video call link.")
    mentor_id = SelectField("Ask for a mentor", coerce=optional_id, validate_choice=False,
                            description="Optional: for a follow-up with someone who helped you before.")

    def details(self) -> HelpDetails:
        return HelpDetails(topic=self.topic.data, description=self.description.data or "", tags=self.tags.data or [],
                           location=self.location.data or "", asked_mentor_id=self.mentor_id.data)


class ProfileForm(SiteForm):
    tags = TagField("Expertise", description="Separate with commas, the way participants list skills: "
                                             "python, react, hardware, pitching")
    bio = TextAreaField("Short bio", validators=[Optional(), Length(max=500)])
    location = StringField("Where to find you", validators=[Optional(), Length(max=200)],
                           description="A table or room, or a video call link.")

    def details(self) -> ProfileDetails:
        return ProfileDetails(tags=self.tags.data or [], bio=self.bio.data or "", location=self.location.data or "")


class AvailabilityForm(SiteForm):
    availability = RadioField("Availability", choices=[SelectChoice(a, a.capitalize()) for a in AVAILABILITIES],
                              validators=[InputRequired(message="Choose available, busy or away.")])
    next = HiddenField()


class FeedbackForm(SiteForm):
    rating = RadioField("How helpful was it?", coerce=int, choices=[SelectChoice(n, str(n)) for n in range(1, 6)],
                        validators=[InputRequired(message="Pick 1 (not at all) to 5 (very).")])
    comment = TextAreaField("Comment", validators=[Optional(), Length(max=500)],
                            description="Optional. Only the organizers read it.")


class SettingsForm(SiteForm):
    mode = RadioField("How requests reach mentors", choices=[
        SelectChoice(SUGGEST, "Suggest: mentors pick requests from the queue"),
        SelectChoice(AUTO_ASSIGN, "Auto-assign: each request goes to the best available mentor at once")],
        validators=[InputRequired()])
    match_minutes = IntegerField("Offer to matching mentors first for (minutes)", validators=[
        InputRequired(), NumberRange(min=0, max=MAX_MINUTES)],
        description="Then every mentor sees it as theirs to take. 0: everyone at once.")
    stale_minutes = IntegerField("Flag requests waiting longer than (minutes)", validators=[
        InputRequired(), NumberRange(min=1, max=MAX_MINUTES)])
    claim_timeout_minutes = IntegerField("Return claims held longer than (minutes) to the queue", validators=[
        InputRequired(), NumberRange(min=1, max=MAX_MINUTES)])


class PlanForm(SiteForm):
    mentors_per_team = IntegerField("Mentors per team", validators=[
        InputRequired(message="Say how many mentors each team gets."), NumberRange(min=1, max=MAX_MENTORS_PER_TEAM)])


class PairForm(SiteForm):
    """Choices of both are filled by the view: the event's live teams and its mentors."""

    team_id = SelectField("Team", coerce=int)
    mentor_id = SelectField("Mentor", coerce=int)


class ChallengeMentorForm(SiteForm):
    """Choices are filled by the view: the event's mentors."""

    mentor_id = SelectField("Mentor", coerce=int)


class TeamLimitForm(SiteForm):
    max_teams = IntegerField("Teams at most", validators=[Optional(), NumberRange(min=0, max=MAX_TEAMS)],
                             description="Empty: no limit.")
