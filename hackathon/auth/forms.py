"""Shapes of the account forms; rules live in services."""
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, ValidationError

from ..forms import SiteForm, TagField

MIN_PASSWORD = 10
MAX_PASSWORD = 128
MAX_LINKS = 5


def password_field(label: str) -> PasswordField:
    return PasswordField(label, validators=[
        DataRequired(),
        Length(min=MIN_PASSWORD, max=MAX_PASSWORD,
               message=f"Use {MIN_PASSWORD} to {MAX_PASSWORD} characters."),
    ], description=f"At least {MIN_PASSWORD} characters and hard to guess (common and leaked passwords are "
                   "refused); a few unrelated words are easy to remember.")


class RegisterForm(SiteForm):
    display_name = StringField("Display name", validators=[DataRequired(), Length(max=80)])
    email = EmailField("E-mail", validators=[DataRequired(), Length(max=254), Email()])
    password = password_field("Password")
    confirm = PasswordField("Repeat password", validators=[
        DataRequired(), EqualTo("password", message="The two passwords differ.")])


class LoginForm(SiteForm):
    email = EmailField("E-mail", validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=MAX_PASSWORD)])
    remember = BooleanField("Keep me logged in on this device")
    next = HiddenField()


class ChangePasswordForm(SiteForm):
    current = PasswordField("Current password", validators=[DataRequired(), Length(max=MAX_PASSWORD)])
    password = password_field("New password")
    confirm = PasswordField("Repeat new password", validators=[
        DataRequired(), EqualTo("password", message="The two passwords differ.")])


def valid_links(form, field):
    """One http(s) address per line, at most MAX_LINKS."""
    lines = [line.strip() for line in (field.data or "").splitlines() if line.strip()]
    if len(lines) > MAX_LINKS:
        raise ValidationError(f"List at most {MAX_LINKS} links.")
    for line in lines:
        if not line.lower().startswith(("https://", "http://")) or len(line) > 300:
            raise ValidationError(f"“{line[:60]}” is not a web address; start each with https://")
    field.data = lines


class ProfileForm(SiteForm):
    display_name = StringField("Display name", validators=[DataRequired(), Length(max=80)])
    organization = StringField("Organization", validators=[Optional(), Length(max=120)],
                               description="Your employer or school; judges use it to avoid conflicts.")
    bio = TextAreaField("Short bio", validators=[Optional(), Length(max=500)])
    skills = TagField("Skills")
    links = TextAreaField("Links", validators=[Optional(), Length(max=2000), valid_links],
                          description="One per line: GitHub, portfolio, LinkedIn…")


class ForgotPasswordForm(SiteForm):
    email = EmailField("E-mail", validators=[DataRequired(), Length(max=254), Email()])


class ResetPasswordForm(SiteForm):
    password = password_field("New password")
    confirm = PasswordField("Repeat new password", validators=[
        DataRequired(), EqualTo("password", message="The two passwords differ.")])
