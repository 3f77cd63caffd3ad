"""Read a page's form the way a browser submits it unchanged (for round-trip tests)."""
from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, action: str | None):
        super().__init__()
        self.action, self.values, self._in_form, self._select, self._textarea = action, {}, False, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_form = self.action is None or attrs.get("action", "") == self.action
        elif not self._in_form or "name" not in attrs and tag not in ("option",):
            return
        elif tag == "input" and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.values[attrs["name"]] = attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select] = attrs.get("value", "")
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.values[self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data.removeprefix("\n") if not self.values[self._textarea] else data


def form_values(html: str, action: str | None = None) -> dict[str, str]:
    """The name → value pairs a browser would send for the page's form (the one posting to `action`)."""
    reader = _FormReader(action)
    reader.feed(html)
    return reader.values
