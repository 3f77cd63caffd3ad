"""The JSON module of the live channel: ordinary values, plus documents encoded once and reused.

What thousands of sockets read (the leaderboard) is serialized once per change. Emitting it as a
`PreEncoded` splices those ready bytes into every Socket.IO packet (and the message queue's
messages) instead of encoding the same rows again for each connection. python-socketio calls
`dumps` once per broadcast and once per single-socket emit, so a snapshot on connect costs a copy.
"""
import json
import secrets

# A per-process marker: no value a user typed can collide with it.
_MARKER = f"pre-encoded-{secrets.token_hex(8)}:"


class PreEncoded:
    """A JSON document already encoded, sent as it is wherever it appears in an emitted value."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def __reduce__(self):  # kept picklable for message queues that pickle
        return PreEncoded, (self.text,)

    def __eq__(self, other):
        return isinstance(other, PreEncoded) and other.text == self.text

    def __repr__(self):
        return f"PreEncoded({len(self.text)} chars)"


def dumps(value, **kwargs) -> str:
    """`json.dumps`, splicing each `PreEncoded` in verbatim."""
    spliced: list[str] = []

    def placeholder(item):
        if isinstance(item, PreEncoded):
            spliced.append(item.text)
            return f"{_MARKER}{len(spliced) - 1}"
        raise TypeError(f"Object of type {type(item).__name__} is not JSON serializable")

    text = json.dumps(value, default=placeholder, **kwargs)
    for index, raw in enumerate(spliced):
        text = text.replace(json.dumps(f"{_MARKER}{index}"), raw, 1)
    return text


def loads(text, **kwargs):
    """Plain `json.loads`: what arrives is ordinary JSON."""
    return json.loads(text, **kwargs)
