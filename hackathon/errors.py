"""Domain errors and the HTTP error pages: HTML for people, JSON under /api/."""
import logging

from flask import Flask, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DataError
from werkzeug.exceptions import HTTPException, InternalServerError

from .extensions import db

log = logging.getLogger(__name__)


class DomainError(Exception):
    """A rule of the product refused an action; the message says what to do instead."""

    status = 409


TITLES = {
    400: "That request didn't make sense",
    401: "Please log in",
    403: "Not allowed",
    404: "Not found",
    405: "Not allowed",
    409: "That can't be done right now",
    413: "That upload is too large",
    422: "Please check the form",
    429: "Slow down",
    500: "Something went wrong on our side",
}

DEFAULT_MESSAGES = {
    403: "Your account can't open this page.",
    404: "There is nothing at this address. Check the link, or start from the events list.",
    413: "The upload is larger than we accept. Choose a smaller file and try again.",
    429: "Too many requests. Wait a minute, then try again.",
    500: "We have been told about it. Please try again in a moment.",
}


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def error_response(status: int, message: str, code: str | None = None):
    """One error in the shape the client expects."""
    if wants_json():
        code = code or TITLES.get(status, "error").lower().replace(" ", "_").replace("'", "")
        return jsonify(error={"code": code, "message": message}), status
    title = TITLES.get(status, "Error")
    return render_template("errors/error.html", status=status, title=title, message=message), status


def _message_for(error: HTTPException) -> str:
    described = error.description if error.description != type(error).description else None
    return described or DEFAULT_MESSAGES.get(error.code) or error.description


def register(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_failed(error):
        return error_response(400, "This form has expired or was sent from another site. "
                                   "Go back, reload the page and send it again.", "csrf_failed")

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code == 429:
            return error_response(429, str(error.description) or DEFAULT_MESSAGES[429], "rate_limited")
        return error_response(error.code or 500, _message_for(error))

    @app.errorhandler(OverflowError)
    @app.errorhandler(DataError)
    def out_of_range(error):
        # A number typed into a URL or form that no column can hold (SQLite raises OverflowError,
        # PostgreSQL a DataError): the visitor's mistake, not ours.
        db.session.rollback()
        return error_response(400, "A number in that request is out of range. Check it and try again.",
                              "out_of_range")

    @app.errorhandler(DomainError)
    def domain_error(error: DomainError):
        return error_response(error.status, str(error), type(error).__name__)

    @app.errorhandler(InternalServerError)
    @app.errorhandler(Exception)
    def server_error(error):
        db.session.rollback()
        if not isinstance(error, InternalServerError) or error.original_exception:
            log.exception("unhandled error on %s %s", request.method, request.path)
        return error_response(500, DEFAULT_MESSAGES[500], "server_error")
