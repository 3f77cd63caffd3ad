"""Files people upload: checked for size and real type, stored under generated names, served safely."""
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from flask import Response, abort, current_app, send_file
from werkzeug.datastructures import FileStorage

# What each allowed extension must look like inside: a renamed .exe is not a .png.
SIGNATURES = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
    "pdf": (b"%PDF-",),
    "zip": (b"PK\x03\x04", b"PK\x05\x06"),
}
TEXT_TYPES = {"txt", "md", "csv"}
CONTENT_TYPES = {
    "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
    "webp": "image/webp", "pdf": "application/pdf", "zip": "application/zip",
    "txt": "text/plain", "md": "text/plain", "csv": "text/plain",
}
IMAGE_TYPES = {"png", "jpg", "jpeg", "gif", "webp"}
MAX_STEM_LENGTH = 150


class UploadRejected(ValueError):
    """The file can't be accepted; the message says why and what to do."""


@dataclass(frozen=True)
class StoredFile:
    original_name: str
    stored_name: str
    content_type: str
    size: int


def upload_root() -> Path:
    return Path(current_app.config["UPLOAD_FOLDER"])


def store_upload(file: FileStorage, folder: str, allowed: set[str], max_bytes: int) -> StoredFile:
    """Check a file's extension, size and contents, then save it under a generated name."""
    original = display_name(file.filename)
    extension = original.rsplit(".", 1)[-1].lower() if "." in original else ""
    if extension not in allowed:
        raise UploadRejected(f"“{original}” is not an accepted type. Use {', '.join(sorted(allowed))}.")
    data = file.stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UploadRejected(f"“{original}” is larger than {max_bytes // (1024 * 1024)} MB. Choose a smaller file.")
    if not data:
        raise UploadRejected(f"“{original}” is empty.")
    _check_contents(original, extension, data)
    stored_name = f"{secrets.token_hex(16)}.{extension}"
    target = upload_root() / folder
    target.mkdir(parents=True, exist_ok=True)
    (target / stored_name).write_bytes(data)
    return StoredFile(original, f"{folder}/{stored_name}", CONTENT_TYPES[extension], len(data))


def display_name(filename: str | None) -> str:
    """The name a person gave their file, in any script, made safe to show and to send back.

    Only the last path part is kept, without control characters or leading dots; the file itself
    is stored under a generated ASCII name, so this name never touches the file system.
    """
    name = unicodedata.normalize("NFC", filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip().lstrip(". ")
    stem, dot, extension = name.rpartition(".") if "." in name else (name, "", "")
    return (stem[:MAX_STEM_LENGTH] + dot + extension[:16]) or "file"


def _check_contents(original: str, extension: str, data: bytes) -> None:
    if extension in TEXT_TYPES:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise UploadRejected(f"“{original}” is not a UTF-8 text file.") from None
        return
    if not data.startswith(SIGNATURES[extension]) or (extension == "webp" and data[8:12] != b"WEBP"):
        raise UploadRejected(f"“{original}” is not really a .{extension} file.")


def serve_upload(stored_name: str, download_name: str, content_type: str):
    """Send a stored file with headers that stop browsers from running or sniffing it."""
    path = (upload_root() / stored_name).resolve()
    if upload_root().resolve() not in path.parents or not path.is_file():
        abort(404, description="That file is no longer available.")
    is_image = content_type.startswith("image/")
    if current_app.config.get("UPLOADS_ACCEL_REDIRECT"):
        return _handed_to_proxy(stored_name, download_name, content_type, as_attachment=not is_image)
    response = send_file(path, mimetype=content_type, download_name=download_name,
                         as_attachment=not is_image, max_age=3600)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _handed_to_proxy(stored_name: str, download_name: str, content_type: str, as_attachment: bool) -> Response:
    """Let nginx send the file (X-Accel-Redirect to its internal location, which adds the same
    sandboxing headers); the app has already decided who may have it."""
    response = Response(mimetype=content_type)
    response.headers["X-Accel-Redirect"] = current_app.config["UPLOADS_ACCEL_REDIRECT"].rstrip("/") + "/" + stored_name
    try:
        download_name.encode("ascii")
        names = {"filename": download_name}
    except UnicodeEncodeError:
        simple = unicodedata.normalize("NFKD", download_name).encode("ascii", "ignore").decode("ascii")
        names = {"filename": simple, "filename*": f"UTF-8''{quote(download_name, safe='')}"}
    response.headers.set("Content-Disposition", "attachment" if as_attachment else "inline", **names)
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response


def delete_upload(stored_name: str) -> None:
    (upload_root() / stored_name).unlink(missing_ok=True)
