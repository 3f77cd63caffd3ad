"""Checks every request passes before any view runs."""
from flask import Flask, abort, request

NUL_REFUSED = "That request contains a NUL character, which no text here can hold. Remove it and try again."


def refuse_nul_characters() -> None:
    """No text the app stores may hold NUL (PostgreSQL refuses it), so a request carrying one in its
    path, query or form is refused here with a 400 rather than failing in a query."""
    pairs = list(request.args.items(multi=True))
    if request.method in ("POST", "PUT", "PATCH") and request.mimetype in (
            "application/x-www-form-urlencoded", "multipart/form-data"):
        pairs += request.form.items(multi=True)
    if "\x00" in request.path or any("\x00" in key or "\x00" in value for key, value in pairs):
        abort(400, description=NUL_REFUSED)


def register(app: Flask) -> None:
    app.before_request(refuse_nul_characters)
