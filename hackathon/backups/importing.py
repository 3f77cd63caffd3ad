"""Restore an exported event into this deployment: everything is checked before anything is written.

Accounts are matched by e-mail: one that exists here is used as it is (its profile untouched); a new
one is created with its public profile and no usable password (an export never carries passwords).
"""
import hashlib
import json
import re
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import Table
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Event, User, UserLink, UserSkill
from ..models.event import SLUG_PATTERN
from ..models.user import find_user_by_email
from ..uploads import upload_root
from .exporting import remap_criteria, remap_snapshot
from .schema import (CRITERION_KEYED, DOCUMENT, FILES, FILE_COLUMN, FORMAT, QUESTION_KEYED, SNAPSHOTS, STORED_NAME,
                     USER_COLUMNS, VERSION, decode_value, event_tables, has_own_id, json_columns, reference_of,
                     remap_questions)

# Never matches a password: werkzeug refuses a hash without its "method$salt$hash" parts.
NO_PASSWORD = "!imported"


class ImportRefused(ValueError):
    """The file can't be imported; the message says why. Nothing was written."""


@dataclass
class ImportSummary:
    event: Event
    rows: int
    users_created: int
    users_matched: int
    files: int


def import_event(source: str | Path | IO[bytes]) -> ImportSummary:
    """Check the whole export, then write it in one transaction (and its files); refuse with a reason."""
    document, archive = _open(source)
    with archive:
        plan = Plan(document, archive)
        plan.check()
        return plan.write()


def _open(source) -> tuple[dict, zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(source)
        names = set(archive.namelist())
        if DOCUMENT not in names:
            raise ImportRefused(f"This zip is not an event export of this platform: it has no {DOCUMENT}.")
        document = json.loads(archive.read(DOCUMENT).decode("utf-8"))
    except (zipfile.BadZipFile, EOFError, OSError) as error:
        raise ImportRefused("This file is not a complete event export (not a zip archive, or truncated or "
                            f"damaged): {error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportRefused(f"{DOCUMENT} in this file is not valid JSON: {error}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused(f"This file is not an event export of this platform (its {DOCUMENT} is something else).")
    if document.get("version") != VERSION:
        raise ImportRefused(f"This export has format version {document.get('version')!r}; this deployment reads "
                            f"version {VERSION}. Import it with the version that wrote it.")
    return document, archive


class Plan:
    """The document, checked and decoded: rows per table with document ids, in insertion order."""

    def __init__(self, document: dict, archive: zipfile.ZipFile):
        self.document, self.archive = document, archive
        self.tables = {table.name: table for table in event_tables()}
        self.rows: dict[str, list[dict]] = {}
        self.doc_ids: dict[str, set] = {}
        self.event: dict = {}
        self.users: list[dict] = []
        self.files: dict[str, bytes] = {}

    # ---- checking ------------------------------------------------------------------------------

    def check(self) -> None:
        self.event = self._decode_columns(Event.__table__, self._mapping(self.document.get("event"), "event"),
                                          "event", skip={"id"})
        if not re.match(SLUG_PATTERN, self.event["slug"]):
            raise ImportRefused(f"event.slug “{self.event['slug']}” is not an event address; the export is malformed.")
        if db.session.scalar(db.select(Event.id).where(Event.slug == self.event.get("slug"))) is not None:
            raise ImportRefused(f"An event with the address “{self.event['slug']}” exists here already; "
                                "nothing was imported.")
        self._check_users()
        tables = self._mapping(self.document.get("tables"), "tables")
        unknown = sorted(set(tables) - set(self.tables))
        if unknown:
            raise ImportRefused(f"This export holds tables this deployment does not know ({', '.join(unknown)}): "
                                "it comes from another version.")
        for name, table in self.tables.items():
            self.rows[name] = self._check_rows(table, tables.get(name, []))
        for name, table in self.tables.items():
            for index, row in enumerate(self.rows[name]):
                self._check_references(table, row, f"tables.{name}[{index}]")
        self._check_files()

    def _mapping(self, value, where: str) -> dict:
        if not isinstance(value, dict):
            raise ImportRefused(f"{where}: expected an object; the export is malformed.")
        return value

    def _decode_columns(self, table: Table, values: dict, where: str, skip=frozenset()) -> dict:
        unknown = sorted(set(values) - set(table.c.keys()))
        if unknown:
            raise ImportRefused(f"{where}: unknown fields {', '.join(unknown)}; the export comes from another version.")
        decoded = {}
        for name, value in values.items():
            if name in skip:
                continue
            try:
                decoded[name] = decode_value(table.c[name], value)
            except ValueError as error:
                raise ImportRefused(f"{where}.{name} {error}; the export is malformed.") from None
        missing = [name for name in _required(table) if name not in values and name not in skip]
        if missing:
            raise ImportRefused(f"{where}: {', '.join(missing)} missing; the export is malformed.")
        return decoded

    def _check_users(self) -> None:
        users = self.document.get("users")
        if not isinstance(users, list):
            raise ImportRefused("users: expected a list; the export is malformed.")
        seen = set()
        for index, user in enumerate(users):
            where = f"users[{index}]"
            user = self._mapping(user, where)
            if not isinstance(user.get("id"), int) or user["id"] in seen:
                raise ImportRefused(f"{where}.id is missing or repeated; the export is malformed.")
            seen.add(user["id"])
            profile = {name: user.get(name) for name in USER_COLUMNS}
            decoded = self._decode_columns(User.__table__, profile, where, skip={"password_hash"})
            skills, links = user.get("skills", []), user.get("links", [])
            if not (isinstance(skills, list) and isinstance(links, list)
                    and all(isinstance(item, str) for item in skills + links)):
                raise ImportRefused(f"{where}: skills and links must be lists of text; the export is malformed.")
            self.users.append({"id": user["id"], "profile": decoded, "skills": skills, "links": links})
        self.doc_ids["user"] = seen

    def _check_rows(self, table: Table, rows) -> list[dict]:
        if not isinstance(rows, list):
            raise ImportRefused(f"tables.{table.name}: expected a list; the export is malformed.")
        decoded, ids = [], set()
        for index, row in enumerate(rows):
            where = f"tables.{table.name}[{index}]"
            row = self._mapping(row, where)
            implied = {name for name in table.c.keys() if reference_of(table, name) == "event"}
            if implied & set(row):
                raise ImportRefused(f"{where}: names its event itself; the export is malformed.")
            values = self._decode_columns(table, row, where)
            if has_own_id(table):
                if not isinstance(values.get("id"), int) or values["id"] in ids:
                    raise ImportRefused(f"{where}.id is missing or repeated; the export is malformed.")
                ids.add(values["id"])
            for name in json_columns(table):
                self._check_json(values.get(name), f"{where}.{name}")
            decoded.append(values)
        self.doc_ids[table.name] = ids
        return decoded

    def _check_json(self, text, where: str) -> None:
        if text is None:
            return
        try:
            value = text if isinstance(text, dict) else json.loads(text)  # a JSON column is decoded already
            if not isinstance(value, dict):
                raise ValueError("not an object")
        except ValueError:
            raise ImportRefused(f"{where} is not a JSON object; the export is malformed.") from None

    def _check_references(self, table: Table, row: dict, where: str) -> None:
        for name, value in row.items():
            target = reference_of(table, name)
            if name == "id" or target in (None, "event") or value is None:
                continue
            if value not in self.doc_ids.get(target, ()):
                raise ImportRefused(f"{where}.{name} points at {target} {value}, which the export does not hold; "
                                    "the export is malformed.")
        for name in json_columns(table):
            if (table.name, name) in CRITERION_KEYED and row.get(name) is not None:
                keys = json.loads(row[name])
                if not all(key.isdigit() and int(key) in self.doc_ids.get("criterion", ()) for key in keys):
                    raise ImportRefused(f"{where}.{name} marks a criterion the export does not hold; "
                                        "the export is malformed.")
            if (table.name, name) in QUESTION_KEYED and row.get(name) is not None:
                if not all(key.isdigit() and int(key) in self.doc_ids.get("question", ()) for key in row[name]):
                    raise ImportRefused(f"{where}.{name} answers a question the export does not hold; "
                                        "the export is malformed.")

    def _check_files(self) -> None:
        digests = self._mapping(self.document.get("files", {}), "files")
        for table in self.tables.values():
            if FILE_COLUMN not in table.c:
                continue
            for row in self.rows[table.name]:
                name = row.get(FILE_COLUMN)
                if not isinstance(name, str) or not STORED_NAME.fullmatch(name) or name not in digests:
                    raise ImportRefused(f"The file “{name}” of {table.name} is not a file this export describes.")
                if digests[name] is None:
                    continue  # it was already missing where the export was made
                try:
                    data = self.archive.read(FILES + name)
                except KeyError:
                    raise ImportRefused(f"The file “{name}” is missing from the export (truncated?).") from None
                except (zipfile.BadZipFile, EOFError, OSError) as error:
                    raise ImportRefused(f"The file “{name}” in the export is damaged (truncated?): {error}") from None
                if hashlib.sha256(data).hexdigest() != digests[name]:
                    raise ImportRefused(f"The file “{name}” in the export does not match its checksum.")
                if (upload_root() / name).exists():
                    raise ImportRefused(f"A file named “{name}” exists here already; nothing was imported.")
                self.files[name] = data

    # ---- writing -------------------------------------------------------------------------------

    def write(self) -> ImportSummary:
        written: list[Path] = []
        try:
            event = Event(**self.event)
            db.session.add(event)
            db.session.flush()
            ids = {"user": {}}
            created = self._write_users(ids["user"])
            for table in self._insertion_order():
                ids[table.name] = {}
                for row in self.rows[table.name]:
                    self._insert(table, row, event.id, ids)
            for name, data in self.files.items():
                path = upload_root() / name
                path.parent.mkdir(parents=True, exist_ok=True)
                with open(path, "xb") as file:  # never over a file already there
                    written.append(path)
                    file.write(data)
            db.session.commit()
        except IntegrityError as error:
            self._undo(written)
            raise ImportRefused("This export clashes with data already in this deployment "
                                f"({str(error.orig).splitlines()[0]}); nothing was imported.") from None
        except BaseException:
            self._undo(written)
            raise
        return ImportSummary(event=event, rows=sum(map(len, self.rows.values())), users_created=created,
                             users_matched=len(self.users) - created, files=len(self.files))

    def _undo(self, written: list[Path]) -> None:
        db.session.rollback()
        for path in written:
            path.unlink(missing_ok=True)

    def _write_users(self, ids: dict) -> int:
        created = 0
        for user in self.users:
            existing = find_user_by_email(user["profile"]["email"])
            if existing is None:
                existing = User(**user["profile"], password_hash=NO_PASSWORD + secrets.token_hex(8),
                                skills=[UserSkill(name=name) for name in user["skills"]],
                                links=[UserLink(position=index, url=url) for index, url in enumerate(user["links"])])
                db.session.add(existing)
                db.session.flush()
                created += 1
            ids[user["id"]] = existing.id
        return created

    def _insertion_order(self) -> list[Table]:
        """Parents first; tables whose JSON names other rows last (nothing points at them)."""
        tables = list(self.tables.values())
        return [t for t in tables if not json_columns(t)] + [t for t in tables if json_columns(t)]

    def _insert(self, table: Table, row: dict, event_id: int, ids: dict) -> None:
        values = {}
        for name, value in row.items():
            target = reference_of(table, name)
            if name == "id" and has_own_id(table):
                continue
            if target is not None:
                values[name] = None if value is None else ids[target][value]
            elif (table.name, name) in CRITERION_KEYED and value is not None:
                values[name] = remap_criteria(value, ids["criterion"])
            elif (table.name, name) in SNAPSHOTS and value is not None:
                values[name] = remap_snapshot(value, ids.get("challenge", {}), ids.get("submission_file", {}))
            elif (table.name, name) in QUESTION_KEYED and value is not None:
                values[name] = remap_questions(value, ids.get("question", {}))
            else:
                values[name] = value
        for name in table.c.keys():
            if reference_of(table, name) == "event":
                values[name] = event_id
        result = db.session.execute(table.insert().values(**values))
        if has_own_id(table):
            ids[table.name][row["id"]] = result.inserted_primary_key[0]


def _required(table: Table) -> list[str]:
    """Columns a row must give: no default, not its own id, not the event it belongs to."""
    return [column.name for column in table.columns
            if not column.nullable and column.default is None and column.server_default is None
            and not (column.primary_key and column.name == "id") and reference_of(table, column.name) != "event"]
