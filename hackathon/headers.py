"""Security headers on every response, from one after-request hook.

HTML pages get a Content-Security-Policy without inline script or style (all JavaScript lives in
static/js/), may not be framed by any site (the big screen is opened full screen, not embedded),
and send no referrer to other sites (invite links and team codes live in URLs).
"""
from flask import Flask, Response, g

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def content_security_policy(event=None) -> str:
    """The page policy; an event's pages may also show https images from the hosts it allows."""
    policy = dict(POLICY)
    if event is not None and event.allowed_image_hosts:
        policy["img-src"] += "".join(f" https://{host}" for host in sorted(event.allowed_image_hosts))
    return "; ".join(f"{directive} {sources}" for directive, sources in policy.items())


def add_security_headers(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if response.mimetype == "text/html":
        # setdefault: a response that chose a stricter policy (served uploads) keeps it.
        response.headers.setdefault("Content-Security-Policy", content_security_policy(g.get("event")))
        response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def register(app: Flask) -> None:
    app.after_request(add_security_headers)
