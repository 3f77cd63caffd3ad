"""`flask hackathon export` / `import`, and the organizer console's download of the same file."""
import io
import zipfile

from hackathon.extensions import db
from tests.backups.helpers import SLUGS, build_demo_with_uploads, exported, find_event, other_deployment


def test_export_then_import_on_the_command_line(app, tmp_path):
    build_demo_with_uploads()
    file = tmp_path / "backup.zip"
    result = app.test_cli_runner().invoke(args=["hackathon", "export", SLUGS[1], str(file)])
    assert result.exit_code == 0, result.output
    assert f"Exported {SLUGS[1]}:" in result.output and "2 files" in result.output
    with other_deployment("sqlite", tmp_path / "other") as other:
        result = other.test_cli_runner().invoke(args=["hackathon", "import", str(file)])
        assert result.exit_code == 0, result.output
        assert f"Imported {SLUGS[1]}:" in result.output and "2 files" in result.output
        assert find_event(SLUGS[1]) is not None


def test_import_refuses_on_the_command_line_with_the_reason(app, tmp_path):
    file = tmp_path / "notes.txt"
    file.write_text("not a backup")
    result = app.test_cli_runner().invoke(args=["hackathon", "import", str(file)])
    assert result.exit_code == 1
    assert "Not imported: This file is not a complete event export" in result.output


def test_export_of_an_unknown_event_says_so(app, tmp_path):
    result = app.test_cli_runner().invoke(args=["hackathon", "export", "nope", str(tmp_path / "x.zip")])
    assert result.exit_code == 2 and "there is no event “nope”" in result.output
    assert not (tmp_path / "x.zip").exists()


def test_organizers_download_the_same_file_from_the_console(app, client, auth):
    build_demo_with_uploads()
    event = find_event(SLUGS[0])
    auth.login_as("organizer", event)
    db.session.commit()
    page = client.get(f"/e/{event.slug}/manage/")
    assert f'href="/e/{event.slug}/manage/export"' in page.get_data(as_text=True)
    response = client.get(f"/e/{event.slug}/manage/export")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"].startswith(f"attachment; filename={event.slug}-")
    downloaded = response.get_data()
    assert zipfile.ZipFile(io.BytesIO(downloaded)).testzip() is None
    assert downloaded == exported(SLUGS[0])
