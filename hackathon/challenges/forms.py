"""Shapes of the challenge forms."""
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..forms import SiteForm

from .services import ChallengeDetails


class ChallengeForm(SiteForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=120)])
    sponsor = StringField("Sponsor", validators=[Optional(), Length(max=120)])
    summary = StringField("One-line summary", validators=[Optional(), Length(max=300)])
    brief = TextAreaField("Brief (Markdown)", validators=[Optional(), Length(max=30000)])
    prizes = TextAreaField("Prizes (Markdown)", validators=[Optional(), Length(max=5000)])
    judging_notes = TextAreaField("Judging notes (Markdown)", validators=[Optional(), Length(max=5000)],
                                  description="What judges look for in this challenge; everyone can read it.")
    position = IntegerField("Display order", default=0, validators=[Optional(), NumberRange(0, 999)],
                            description="Lower numbers come first.")
    is_draft = BooleanField("Draft (hidden from everyone but organizers)", default=True)

    def details(self) -> ChallengeDetails:
        return ChallengeDetails(
            title=self.title.data, sponsor=self.sponsor.data or "", summary=self.summary.data or "",
            brief=self.brief.data or "", prizes=self.prizes.data or "",
            judging_notes=self.judging_notes.data or "", position=self.position.data or 0,
            is_draft=self.is_draft.data)


class AttachmentForm(SiteForm):
    file = FileField("Attachment", validators=[FileRequired("Choose a file to upload.")],
                     description="PDF, images, ZIP or text; up to 10 MB.")
