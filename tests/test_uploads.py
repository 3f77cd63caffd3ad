"""Uploads: names people give their files are kept (safely), whatever their script."""
import io

import pytest
from werkzeug.datastructures import FileStorage

from hackathon.uploads import UploadRejected, store_upload


def upload(name: str, data: bytes = b"hello") -> FileStorage:
    return FileStorage(io.BytesIO(data), name)


@pytest.mark.parametrize("name, kept", [
    ("日本語.txt", "日本語.txt"),
    ("Übersicht Straße.md", "Übersicht Straße.md"),
    ("данные.CSV", "данные.CSV"),
    ("../../etc/passwd.txt", "passwd.txt"),
    ("C:\\Users\\me\\notes.txt", "notes.txt"),
    ("bad\x00name\x1f.txt", "badname.txt"),
    (".hidden.txt", "hidden.txt"),
    ("😀" * 300 + ".txt", "😀" * 150 + ".txt"),
])
def test_a_file_keeps_its_own_name_whatever_the_script(app, name, kept):
    stored = store_upload(upload(name), "tests", {"txt", "md", "csv"}, 1024)
    assert stored.original_name == kept
    assert stored.stored_name.startswith("tests/") and stored.stored_name.isascii()


@pytest.mark.parametrize("name", ["日本語", "日本語.exe", "", "..", "notes.txt.exe"])
def test_a_name_without_an_accepted_extension_is_still_refused(app, name):
    with pytest.raises(UploadRejected, match="not an accepted type"):
        store_upload(upload(name), "tests", {"txt"}, 1024)
