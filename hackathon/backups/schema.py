"""Which tables hold an event's data, and the references the database itself does not name."""
import re
from datetime import datetime

from sqlalchemy import JSON, Boolean, Column, Float, Integer, String, Table

from ..extensions import db
from ..models.types import UTCDateTime

FORMAT = "hackathon-event-export"
VERSION = 1
DOCUMENT = "event.json"
FILES = "files/"
# An account's public profile and the rows hanging off it (never its password or log-ins).
USER_COLUMNS = ("email", "display_name", "bio", "organization", "created_at")
USER_PARTS = {"user_skill": ("name",), "user_link": ("position", "url")}
# Id columns without a foreign key: they mirror another column while a request is active.
HIDDEN_REFERENCES = {("help_request", "active_team_id"): "team", ("help_request", "active_mentor_id"): "user"}
# JSON held in text columns whose keys are criterion ids ({"12": 7}).
CRITERION_KEYED = {("score", "values_json"), ("score_change", "old_values_json"), ("score_change", "new_values_json")}
# A submission version's snapshot names challenges and files by id.
SNAPSHOTS = {("submission_version", "snapshot_json")}
# JSON columns (not text) whose keys are question ids ({"4": "Yes"}): an application's answers.
QUESTION_KEYED = {("application", "answers")}
# Columns naming a file under UPLOAD_FOLDER, kept under the same name on import.
FILE_COLUMN = "stored_name"
STORED_NAME = re.compile(r"(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+(?:\.[A-Za-z0-9]+)?")


def event_tables() -> list[Table]:
    """Every table whose rows belong to one event (directly or through a parent), parents first."""
    owned: list[Table] = []
    for table in db.metadata.sorted_tables:
        parents = {key.column.table.name for key in table.foreign_keys}
        if table.name != "event" and ("event" in parents or parents & {t.name for t in owned}):
            owned.append(table)
    return owned


def has_own_id(table: Table) -> bool:
    """Tables keyed by an `id` of their own get document ids; the others are keyed by their references."""
    return [column.name for column in table.primary_key.columns] == ["id"]


def reference_of(table: Table, column_name: str) -> str | None:
    """The table a column's value points into ('event', 'user', or an event table), if any."""
    for key in table.c[column_name].foreign_keys:
        return key.column.table.name
    return HIDDEN_REFERENCES.get((table.name, column_name))


def json_columns(table: Table) -> list[str]:
    """Columns holding JSON that names other rows by id (their tables are written last)."""
    return [name for (owner, name) in CRITERION_KEYED | SNAPSHOTS | QUESTION_KEYED if owner == table.name]


def remap_questions(answers: dict, questions: dict[int, int]) -> dict:
    """{"<question id>": answer} with the ids translated (either way); an answer to a question no
    longer there is dropped."""
    return {str(questions[int(key)]): value for key, value in answers.items()
            if key.isdigit() and int(key) in questions}


def encode_value(column: Column, value):
    """A column's value as JSON: timestamps as ISO 8601 in UTC, everything else as it is."""
    if value is not None and isinstance(column.type, UTCDateTime):
        return value.isoformat()
    return value


def decode_value(column: Column, value):
    """The value the document gives a column, checked against the column's type; ValueError says why not."""
    if value is None:
        if not column.nullable:
            raise ValueError("may not be empty")
        return None
    kind = column.type
    if isinstance(kind, UTCDateTime):
        try:
            moment = datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise ValueError("must be a date and time (ISO 8601)") from None
        if moment.tzinfo is None:
            raise ValueError("must carry its time zone")
        return moment
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise ValueError("must be true or false")
        return value
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("must be a whole number")
        return value
    if isinstance(kind, Float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError("must be a number")
        return float(value)
    if isinstance(kind, JSON):
        if not isinstance(value, dict):
            raise ValueError("must be an object")
        return value
    if isinstance(kind, String):
        if not isinstance(value, str) or "\x00" in value:
            raise ValueError("must be text")
        if kind.length is not None and len(value) > kind.length:
            raise ValueError(f"is longer than {kind.length} characters")
        return value
    raise ValueError(f"has a type this import does not know ({kind})")
