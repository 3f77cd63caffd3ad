"""Markdown written by users, rendered with markdown-it and sanitized with nh3."""
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table").enable("strikethrough")

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "li", "ol", "p", "pre", "s", "strong", "table", "tbody", "td", "th", "thead",
    "tr", "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "td": {"align"}, "th": {"align"}}


def render_markdown(text: str | None, image_hosts: frozenset[str] | set[str] = frozenset()) -> Markup:
    """Markdown to HTML that can never carry script, event handlers or javascript: links.

    Images load only from this site (its uploads) or, over https, from the `image_hosts` an
    organizer listed, so no outside server learns who read the page.
    """
    html = _markdown.render(text or "")

    def keep_allowed_images(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src" and not is_allowed_image(value, image_hosts):
            return None
        return value

    clean = nh3.clean(
        html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, attribute_filter=keep_allowed_images,
        url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer nofollow",
    )
    return Markup(clean)


def is_allowed_image(src: str, image_hosts=frozenset()) -> bool:
    """A path on this site, or an https address on one of `image_hosts` (no user, no port)."""
    if src.startswith("/") and not src.startswith("//") and "\\" not in src:
        return True
    parts = urlsplit(src)
    return parts.scheme == "https" and parts.netloc.lower() in image_hosts
