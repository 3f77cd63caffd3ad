"""The leaderboard page as an anonymous visitor gets it: rendered once per board version, briefly.

Thousands of phones open the same page at a venue. For a visitor without an account (no log-in in
the session, no remember cookie, no message waiting to be flashed) the page is the same for
everyone, so it is rendered once per event, view and board `seq`, and served as those bytes for
at most `PAGE_SECONDS`. The board in it is exact (a new `seq` is a new page); the countdown, phase
and announcements may be that much older, and the live channel brings them up to date the moment
the page connects.
"""
import time

from flask import current_app, request, session

PAGE_SECONDS = 1.0


def serves_everyone() -> bool:
    """Whether this visitor would get the same page as any other anonymous visitor."""
    remember = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token")
    return "_user_id" not in session and "_flashes" not in session and remember not in request.cookies


def cached(slug: str, view, seq: int) -> bytes | None:
    """The page rendered for this board version less than `PAGE_SECONDS` ago, if any."""
    held = _pages().get((slug, view))
    if held is None or held[0] != seq or time.monotonic() - held[1] > PAGE_SECONDS:
        return None
    return held[2]


def keep(slug: str, view, seq: int, body: bytes) -> None:
    """Keep a freshly rendered anonymous page for the next visitors."""
    _pages()[(slug, view)] = (seq, time.monotonic(), body)


def _pages() -> dict:
    return current_app.extensions.setdefault("leaderboard_pages", {})
