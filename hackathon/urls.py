"""Helpers for redirect targets."""
from urllib.parse import urlsplit


def is_safe_next(target: str | None) -> bool:
    """Only same-site paths may be redirect targets after log-in (no open redirects)."""
    if not target:
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//") and "\\" not in target
