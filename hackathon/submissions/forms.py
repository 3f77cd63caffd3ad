"""Shapes of the submission forms."""
from flask_wtf.file import MultipleFileField
from wtforms import IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..forms import ChoiceChips, SiteForm, TagField, https_url
from .services import SubmissionDraft


class SubmissionForm(SiteForm):
    title = StringField("Project title", validators=[Optional(), Length(max=120)])
    tagline = StringField("Tagline", validators=[Optional(), Length(max=200)],
                          description="One sentence: what it does and for whom.")
    description = TextAreaField("Description (Markdown)", validators=[Optional(), Length(max=20000)])
    repo_url = StringField("Repository", validators=[Optional(), Length(max=300), https_url])
    demo_url = StringField("Live demo", validators=[Optional(), Length(max=300), https_url])
    video_url = StringField("Video", validators=[Optional(), Length(max=300), https_url])
    technologies = TagField("Technologies")
    challenge_ids = ChoiceChips("Challenges entered", coerce=int, description="Enter at least one.")
    new_screenshots = MultipleFileField("Add screenshots", description="PNG, JPEG, GIF or WebP; up to 5 MB each, 6 in all.")
    new_files = MultipleFileField("Add files", description="PDF, ZIP, TXT or MD; up to 20 MB each, 4 in all.")

    def draft(self) -> SubmissionDraft:
        return SubmissionDraft(
            title=self.title.data or "", tagline=self.tagline.data or "", description=self.description.data or "",
            repo_url=self.repo_url.data or "", demo_url=self.demo_url.data or "",
            video_url=self.video_url.data or "", technologies=self.technologies.data or [],
            challenge_ids=self.challenge_ids.data or [])

    def uploads(self) -> dict:
        return {"screenshot": self.new_screenshots.data or [], "file": self.new_files.data or []}


class DisqualifyForm(SiteForm):
    reason = StringField("Reason", validators=[DataRequired("Say why, for the record."), Length(max=500)])


class ExtensionForm(SiteForm):
    team_id = IntegerField("Team", validators=[DataRequired()])
    minutes = IntegerField("Extra minutes after the deadline", default=15, validators=[
        DataRequired(), NumberRange(1, 24 * 60, message="Grant 1 to 1440 minutes.")])
    reason = StringField("Reason", validators=[DataRequired("Say why, for the record."), Length(max=300)])
