"""Shapes of the judging forms."""
from wtforms import FloatField, IntegerField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from ..forms import ChoiceChips, SiteForm

from . import scoring

METHOD_LABELS = {
    "judge_effects": "Adjusted for each judge's leniency and spread (recommended)",
    "zscore": "Normalized per judge (z-scores)",
    "raw": "Raw weighted mean",
}


class CriterionForm(SiteForm):
    name = StringField("Criterion", validators=[DataRequired(), Length(max=80)])
    description = StringField("What it means", validators=[Optional(), Length(max=300)])
    weight = FloatField("Weight", default=1.0, validators=[InputRequired(), NumberRange(0.1, 100)])
    scale_min = IntegerField("Scale from", default=1, validators=[InputRequired(), NumberRange(0, 100)])
    scale_max = IntegerField("to", default=10, validators=[InputRequired(), NumberRange(1, 100)])
    challenge_id = SelectField("Applies to", coerce=int, default=0)


class AssignForm(SiteForm):
    judges_per_entry = IntegerField("Judges per entry", default=3, validators=[
        InputRequired(), NumberRange(1, 20, message="Choose 1 to 20 judges per entry.")])


class ManualAssignForm(SiteForm):
    judge_id = SelectField("Judge", coerce=int)
    submission_id = SelectField("Entry", coerce=int)


class JudgeChallengesForm(SiteForm):
    challenge_ids = ChoiceChips("Challenges", coerce=int)


class ConflictForm(SiteForm):
    team_id = SelectField("Team", coerce=int)
    reason = StringField("Reason", validators=[DataRequired("Say why, for the record."), Length(max=300)])


class ExcludeForm(SiteForm):
    reason = StringField("Reason", validators=[DataRequired("Say why, for the record."), Length(max=300)])


class MethodForm(SiteForm):
    method = SelectField("Ranking method", choices=[SelectChoice(m, METHOD_LABELS[m]) for m in scoring.METHODS])


def score_form(criteria, score=None):
    """A form with one field per criterion of this entry, filled from an earlier score."""

    class ScoreForm(SiteForm):
        comment = TextAreaField("Private comment (only judges and organizers see it)",
                                validators=[Optional(), Length(max=2000)])

    for criterion in criteria:
        setattr(ScoreForm, f"c{criterion.id}", IntegerField(
            f"{criterion.name} ({criterion.scale_min}–{criterion.scale_max})", description=criterion.description,
            validators=[InputRequired("Give a mark."), NumberRange(criterion.scale_min, criterion.scale_max)]))
    form = ScoreForm()
    if score is not None and not form.is_submitted():
        for criterion_id, value in score.values.items():
            if hasattr(form, f"c{criterion_id}"):
                getattr(form, f"c{criterion_id}").data = value
        form.comment.data = score.comment
    return form


def score_values(form, criteria) -> dict[int, int]:
    return {criterion.id: getattr(form, f"c{criterion.id}").data for criterion in criteria}
