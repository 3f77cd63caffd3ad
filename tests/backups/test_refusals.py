"""A truncated, malformed or foreign file is refused with a clear message, and nothing is written."""
import io
import json
import zipfile

import pytest

from hackathon.backups import ImportRefused, import_event
from hackathon.extensions import db
from hackathon.models import Event, User
from hackathon.uploads import upload_root
from tests.backups.helpers import SLUGS, build_demo_with_uploads, exported, other_deployment


def rewritten(data: bytes, change) -> bytes:
    """The export with its event.json changed by `change(document)`, files kept."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "event.json":
                document = json.loads(content)
                change(document)
                content = json.dumps(document).encode()
            target.writestr(name, content)
    return out.getvalue()


def nothing_written() -> bool:
    return (db.session.scalar(db.select(db.func.count()).select_from(Event)) == 0
            and db.session.scalar(db.select(db.func.count()).select_from(User)) == 0
            and not any(path.is_file() for path in upload_root().rglob("*")))


def drop_first_submission(document):
    document["tables"]["submission"].pop(0)


def break_a_late_row(document):
    document["tables"]["vote"][-1]["created_at"] = "yesterday"


def corrupt_a_mark(document):
    document["tables"]["score"][0]["values_json"] = json.dumps({"999": 5})


def foreign_format(document):
    document["format"] = "somebody-elses-backup"


def newer_version(document):
    document["version"] = 2


def unknown_table(document):
    document["tables"]["spaceship"] = []


def wrong_checksum(document):
    name = next(iter(document["files"]))
    document["files"][name] = "0" * 64


def escaping_file_name(document):
    row = document["tables"]["challenge_attachment"][0]
    document["files"]["../../etc/evil.md"] = document["files"].pop(row["stored_name"])
    row["stored_name"] = "../../etc/evil.md"


@pytest.mark.parametrize("change, message", [
    (drop_first_submission, "which the export does not hold"),
    (break_a_late_row, "tables.vote["),
    (corrupt_a_mark, "marks a criterion the export does not hold"),
    (foreign_format, "not an event export of this platform"),
    (newer_version, "format version 2"),
    (unknown_table, "spaceship"),
    (wrong_checksum, "does not match its checksum"),
    (escaping_file_name, "is not a file this export describes"),
])
def test_a_malformed_export_is_refused_and_nothing_is_written(app, tmp_path, change, message):
    build_demo_with_uploads()
    data = rewritten(exported(SLUGS[1]), change)
    with other_deployment("sqlite", tmp_path / "other"):
        with pytest.raises(ImportRefused, match=message.replace("[", r"\[").replace(".", r"\.")):
            import_event(io.BytesIO(data))
        assert nothing_written()


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],            # truncated
    lambda data: data[:-30],                         # the end of the archive missing
    lambda data: b"slug,name\nx,y\n",                # a CSV
    lambda data: b"",                                # empty
])
def test_a_truncated_or_foreign_file_is_refused_and_nothing_is_written(app, tmp_path, damage):
    build_demo_with_uploads()
    data = damage(exported(SLUGS[0]))
    with other_deployment("sqlite", tmp_path / "other"):
        with pytest.raises(ImportRefused, match="not a complete event export"):
            import_event(io.BytesIO(data))
        assert nothing_written()


def test_a_zip_of_something_else_is_refused(app, tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.png", b"\x89PNG")
    with pytest.raises(ImportRefused, match="it has no event.json"):
        import_event(io.BytesIO(buffer.getvalue()))


def test_importing_an_event_that_exists_here_is_refused(app, tmp_path):
    build_demo_with_uploads()
    data = exported(SLUGS[0])
    with pytest.raises(ImportRefused, match="exists here already"):
        import_event(io.BytesIO(data))


def test_a_clash_found_only_by_the_database_is_refused_and_its_files_removed(app, tmp_path):
    build_demo_with_uploads()
    data = exported(SLUGS[0])
    code = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("event.json"))["tables"]["team"][0]["invite_code"]
    with other_deployment("sqlite", tmp_path / "other"):
        from tests.factories import make_event, make_team

        make_team(make_event(), invite_code=code)  # invite codes are unique across the deployment
        events_before = db.session.scalar(db.select(db.func.count()).select_from(Event))
        with pytest.raises(ImportRefused, match="clashes with data already in this deployment"):
            import_event(io.BytesIO(data))
        assert db.session.scalar(db.select(db.func.count()).select_from(Event)) == events_before
        assert not any(path.is_file() for path in upload_root().rglob("*"))
