"""Export → import → export gives the same file, from either database into either database."""
import io
import json
import zipfile

import pytest

from hackathon.backups import import_event
from hackathon.extensions import db
from hackathon.models import ScoreChange, SubmissionVersion, User
from hackathon.uploads import upload_root
from tests.backups.helpers import SLUGS, build_demo_with_uploads, exported, find_event, other_deployment


@pytest.mark.parametrize("target", ["sqlite", "postgresql"])
@pytest.mark.parametrize("slug", SLUGS)
def test_export_import_export_gives_the_same_file(app, tmp_path, slug, target):
    build_demo_with_uploads()
    first = exported(slug)
    with other_deployment(target, tmp_path / "other"):
        summary = import_event(io.BytesIO(first))
        assert summary.event.slug == slug and summary.files == 2 and summary.users_matched == 0
        second = exported(slug)
        stored = sorted(path.relative_to(upload_root()).as_posix() for path in upload_root().rglob("*") if path.is_file())
    assert second == first
    names = zipfile.ZipFile(io.BytesIO(first)).namelist()
    assert stored == sorted(name.removeprefix("files/") for name in names if name.startswith("files/"))


def test_the_document_holds_the_event_with_its_own_ids(app):
    build_demo_with_uploads()
    document = json.loads(zipfile.ZipFile(io.BytesIO(exported(SLUGS[1]))).read("event.json"))
    event = find_event(SLUGS[1])
    tables = document["tables"]
    assert document["event"]["slug"] == event.slug and "id" not in document["event"]
    assert len(tables["score_change"]) == db.session.scalar(
        db.select(db.func.count()).select_from(ScoreChange).where(ScoreChange.event_id == event.id))
    assert [row["id"] for row in tables["score"]] == list(range(1, len(tables["score"]) + 1))
    assert all("event_id" not in row for rows in tables.values() for row in rows)
    assert tables["vote"] and tables["announcement"] and tables["membership"]
    # Every mark is keyed by the document's own criterion ids.
    criteria = {str(row["id"]) for row in tables["criterion"]}
    assert all(set(json.loads(row["values_json"])) <= criteria for row in tables["score"])
    # Accounts: public profile only.
    assert {"email", "display_name", "skills", "links"} <= set(document["users"][0])
    assert not any("password" in key for user in document["users"] for key in user)


def test_an_imported_account_has_no_password_and_an_existing_one_is_kept(app, client, tmp_path):
    build_demo_with_uploads()
    data = exported(SLUGS[0])
    with other_deployment("sqlite", tmp_path / "other") as other:
        from tests.factories import make_user

        organizer = make_user(email="Organizer@Example.org", display_name="Our own organizer")
        summary = import_event(io.BytesIO(data))
        assert summary.users_matched == 1
        assert db.session.get(User, organizer.id).display_name == "Our own organizer"
        created = db.session.scalars(db.select(User).where(User.id != organizer.id)).first()
        assert not created.check_password("hackathon-demo")
        response = other.test_client().post("/account/login", data={"email": created.email,
                                                                    "password": "hackathon-demo"})
        assert response.status_code != 302


def test_versions_keep_naming_their_files_after_the_move(app, tmp_path):
    build_demo_with_uploads()
    data = exported(SLUGS[0])
    with other_deployment("sqlite", tmp_path / "other"):
        import_event(io.BytesIO(data))
        version = db.session.scalars(db.select(SubmissionVersion).order_by(SubmissionVersion.id.desc())).first()
        [file_entry] = version.snapshot["files"]
        assert file_entry["id"] == version.submission.files[0].id
        assert (upload_root() / version.submission.files[0].stored_name).read_bytes().startswith(b"\x89PNG")
