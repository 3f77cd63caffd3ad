"""Write one event, its accounts and its uploads as one zip whose bytes depend only on the data."""
import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from typing import IO

from sqlalchemy import Table, select

from ..database import reads_only
from ..extensions import db
from ..models import Event, User
from ..uploads import upload_root
from .schema import (CRITERION_KEYED, DOCUMENT, FILES, FILE_COLUMN, FORMAT, QUESTION_KEYED, SNAPSHOTS, USER_COLUMNS,
                     VERSION, encode_value, event_tables, has_own_id, reference_of, remap_questions)

# Fixed entry dates: a zip entry otherwise carries the moment it was written.
ENTRY_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass
class ExportSummary:
    rows: int = 0
    users: int = 0
    files: int = 0
    missing_files: list[str] = field(default_factory=list)


def export_event(event: Event, target: str | IO[bytes]) -> ExportSummary:
    """Write `event` to `target` (a path or a binary file) in one consistent read."""
    with reads_only():
        db.session.commit()  # begin afresh, so the whole document comes from one snapshot
        if db.engine.dialect.name == "postgresql":  # SQLite's read transactions are snapshots already
            db.session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        document, summary = build_document(event)
        db.session.commit()  # end the read: what follows is file work
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        _add(archive, DOCUMENT, (json.dumps(document, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode())
        for name, digest in sorted(document["files"].items()):
            if digest is not None:
                _add(archive, FILES + name, (upload_root() / name).read_bytes())
    return summary


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    entry = zipfile.ZipInfo(name, date_time=ENTRY_DATE)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    archive.writestr(entry, data)


def build_document(event: Event) -> tuple[dict, ExportSummary]:
    """The event as plain data with the document's own ids (see the package's docstring)."""
    tables = event_tables()
    raw = _read_rows(event, tables)
    ids = {table.name: {row["id"]: number for number, row in enumerate(raw[table.name], 1)}
           for table in tables if has_own_id(table)}
    ids["user"] = {user_id: number for number, user_id in enumerate(sorted(_user_ids(tables, raw)), 1)}
    document = {
        "format": FORMAT, "version": VERSION,
        "event": {column.name: encode_value(column, getattr(event, column.name))
                  for column in Event.__table__.columns if column.name != "id"},
        "users": _users(ids["user"]),
        "tables": {table.name: _rows(table, raw[table.name], ids) for table in tables},
    }
    document["files"] = _files(tables, raw)
    summary = ExportSummary(rows=sum(len(rows) for rows in raw.values()), users=len(ids["user"]),
                            files=sum(digest is not None for digest in document["files"].values()),
                            missing_files=sorted(name for name, digest in document["files"].items() if digest is None))
    return document, summary


def _read_rows(event: Event, tables: list[Table]) -> dict[str, list[dict]]:
    conditions, raw = {}, {}
    for table in tables:
        conditions[table.name] = _belongs(table, event.id, conditions)
        key = [table.c[column.name] for column in table.primary_key.columns]
        raw[table.name] = [dict(row) for row in db.session.execute(
            select(table).where(conditions[table.name]).order_by(*key)).mappings()]
    return raw


def _belongs(table: Table, event_id: int, conditions: dict):
    """Rows of `table` that belong to the event: by its event column, else through its parent's."""
    parents = sorted(table.foreign_keys, key=lambda key: key.column.table.name != "event")
    for key in parents:
        parent = key.column.table
        if parent.name == "event":
            return key.parent == event_id
        if parent.name in conditions:
            return key.parent.in_(select(key.column).where(conditions[parent.name]))
    raise LookupError(f"{table.name} does not belong to an event")


def _user_ids(tables: list[Table], raw: dict) -> set[int]:
    found = set()
    for table in tables:
        columns = [column.name for column in table.columns if reference_of(table, column.name) == "user"]
        found.update(row[name] for row in raw[table.name] for name in columns if row[name] is not None)
    return found


def _users(user_ids: dict[int, int]) -> list[dict]:
    users = db.session.scalars(select(User).where(User.id.in_(list(user_ids))).order_by(User.id)).all()
    return [{"id": user_ids[user.id], **{name: encode_value(User.__table__.c[name], getattr(user, name))
                                         for name in USER_COLUMNS},
             "skills": [skill.name for skill in sorted(user.skills, key=lambda s: s.name)],
             "links": [link.url for link in sorted(user.links, key=lambda link: (link.position, link.id))]}
            for user in users]


def _rows(table: Table, rows: list[dict], ids: dict) -> list[dict]:
    encoded = [_row(table, row, ids) for row in rows]
    if not has_own_id(table):
        encoded.sort(key=lambda row: json.dumps(row, sort_keys=True))
    return encoded


def _row(table: Table, row: dict, ids: dict) -> dict:
    out = {}
    for column in table.columns:
        name, value = column.name, row[column.name]
        target = reference_of(table, name)
        if name == "id" and has_own_id(table):
            out[name] = ids[table.name][value]
        elif target == "event":
            continue  # implied: the document is one event
        elif target is not None:
            out[name] = None if value is None else ids[target].get(value)
        elif (table.name, name) in CRITERION_KEYED:
            out[name] = None if value is None else remap_criteria(value, ids.get("criterion", {}))
        elif (table.name, name) in SNAPSHOTS:
            out[name] = remap_snapshot(value, ids.get("challenge", {}), ids.get("submission_file", {}))
        elif (table.name, name) in QUESTION_KEYED:
            out[name] = None if value is None else remap_questions(value, ids.get("question", {}))
        else:
            out[name] = encode_value(column, value)
    return out


def remap_criteria(text: str, criteria: dict[int, int]) -> str:
    """{"<criterion id>": mark} with the ids translated (either way); a mark for a criterion no longer
    there is dropped."""
    return json.dumps({str(criteria[int(key)]): mark for key, mark in json.loads(text).items()
                       if int(key) in criteria})


def remap_snapshot(text: str, challenges: dict[int, int], files: dict[int, int]) -> str:
    """A version's snapshot with its challenge and file ids translated, either way (None: since deleted)."""
    snapshot = json.loads(text)
    if isinstance(snapshot.get("challenges"), list):
        snapshot["challenges"] = [challenges.get(item) for item in snapshot["challenges"]]
    if isinstance(snapshot.get("files"), list):
        snapshot["files"] = [{**item, "id": files.get(item.get("id"))} if isinstance(item, dict) else item
                             for item in snapshot["files"]]
    return json.dumps(snapshot)


def _files(tables: list[Table], raw: dict) -> dict[str, str | None]:
    """Each stored file's SHA-256 (None: missing from UPLOAD_FOLDER, so not in the archive)."""
    found = {}
    for table in tables:
        if FILE_COLUMN in table.c:
            for row in raw[table.name]:
                path = upload_root() / row[FILE_COLUMN]
                found[row[FILE_COLUMN]] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    return found

