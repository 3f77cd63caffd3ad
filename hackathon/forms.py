"""Form pieces shared by several blueprints."""
from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField, StringField
from wtforms.validators import Length, ValidationError

from .tags import MAX_TAGS, TagError, parse_tags


class ActionForm(FlaskForm):
    """A button that changes something: carries only the CSRF token."""


class TagField(StringField):
    """A comma-separated list of tags; `.data` is the parsed list."""

    def __init__(self, label=None, validators=None, **kwargs):
        validators = [Length(max=MAX_TAGS * 34), *(validators or [])]
        kwargs.setdefault("description", "Separate with commas, e.g. python, ux design, hardware")
        super().__init__(label, validators, **kwargs)

    def _value(self):
        if isinstance(self.data, list):
            return ", ".join(self.data)
        return super()._value()

    def post_validate(self, form, validation_stopped):
        if self.errors or validation_stopped:
            return
        try:
            self.data = parse_tags(self.data if isinstance(self.data, str) else ", ".join(self.data or []))
        except TagError as error:
            self.errors.append(str(error))


def https_url(form, field):
    """Accept only absolute http(s) URLs, so a link can never run script."""
    value = (field.data or "").strip()
    if value and not value.lower().startswith(("https://", "http://")):
        raise ValidationError("Enter a full web address starting with https://")
    field.data = value


# Shown with seconds; browsers send "…T10:00" when the seconds are zero and may add milliseconds.
LOCAL_TIME_FORMATS = ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S.%f"]


class LocalTimeField(DateTimeLocalField):
    """A wall-clock time in the event's zone, kept to the second through every round trip."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("render_kw", {}).setdefault("step", "1")
        super().__init__(label, validators, format=LOCAL_TIME_FORMATS, **kwargs)
