"""URL helpers: ids in paths and safe redirect targets."""
from urllib.parse import urlsplit

from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1


class BoundedIntegerConverter(IntegerConverter):
    """`<int:…>` that only matches ids a database column can hold, so /teams/99999…9 is a 404, not a 500."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def is_safe_next(target: str | None) -> bool:
    """Only same-site paths may be redirect targets after log-in (no open redirects)."""
    if not target:
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//") and "\\" not in target


def id_arg(value: str | None) -> int | None:
    """An id from a query string, or None when it is missing or can't be one."""
    return int(value) if value and value.isdigit() and 0 < int(value) <= MAX_ID else None
