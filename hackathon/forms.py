"""Form pieces shared by several blueprints."""
from flask import request
from flask_wtf import FlaskForm
from werkzeug.datastructures import ImmutableMultiDict
from wtforms import DateTimeLocalField, FileField, SelectMultipleField, StringField, widgets
from wtforms.validators import Length, ValidationError

from .tags import MAX_TAGS, TagError, parse_tags

_FROM_REQUEST = object()


class SiteForm(FlaskForm):
    """The base of every form here: a text field reads only text parts, a file field only file parts.

    Flask-WTF hands fields the request's files and JSON alongside its form, so a crafted request
    could put a file where a validator expects text (a 500); browsers never send such a thing.
    """

    def __init__(self, formdata=_FROM_REQUEST, **kwargs):
        if formdata is _FROM_REQUEST:
            formdata = posted_fields(self._unbound_fields) if self.is_submitted() else None
        super().__init__(formdata=formdata, **kwargs)


def posted_fields(unbound_fields) -> ImmutableMultiDict | None:
    """The request's text parts for text fields and file parts for file fields (None: nothing posted)."""
    file_names = {name for name, field in unbound_fields if issubclass(field.field_class, FileField)}
    pairs = [(name, value) for name, value in request.form.items(multi=True) if name not in file_names]
    pairs += [(name, file) for name, file in request.files.items(multi=True) if name in file_names]
    return ImmutableMultiDict(pairs) if pairs else None


class ActionForm(SiteForm):
    """A button that changes something: carries only the CSRF token."""


class ChoiceChips(SelectMultipleField):
    """Several choices as a row of checkboxes (chips): a native multi-select needs Ctrl on a desktop
    and is unusable on a phone. It posts exactly what a multi-select would."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class TagField(StringField):
    """A comma-separated list of tags; `.data` is the parsed list."""

    def __init__(self, label=None, validators=None, **kwargs):
        validators = [Length(max=MAX_TAGS * 34), *(validators or [])]
        kwargs.setdefault("description", "Separate with commas, e.g. python, ux design, hardware")
        super().__init__(label, validators, **kwargs)

    def process_data(self, value):
        # From an object: its tag rows (UserSkill, SubmissionTechnology), shown by name.
        self.data = [getattr(tag, "name", tag) for tag in value] if isinstance(value, list) else value

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
