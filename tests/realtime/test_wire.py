"""The live channel's JSON: documents encoded once are spliced in as they are, nothing else changes."""
import json

from hackathon.realtime import wire
from hackathon.realtime.wire import PreEncoded


def test_a_pre_encoded_document_is_spliced_in_verbatim():
    text = '{"rows":[{"team":"Owls","score":71.5}],"seq":3}'
    assert wire.dumps(["leaderboard", PreEncoded(text)], separators=(",", ":")) == f'["leaderboard",{text}]'
    nested = json.loads(wire.dumps({"method": "emit", "data": [PreEncoded(text), PreEncoded("[1,2]")]}))
    assert nested == {"method": "emit", "data": [json.loads(text), [1, 2]]}


def test_ordinary_values_and_lookalike_text_are_left_alone():
    value = {"team": "pre-encoded-0:0", "note": '"quoted"', "n": [1, 2.5, None]}
    assert wire.dumps(value) == json.dumps(value)
    assert wire.loads(wire.dumps(["x", PreEncoded('{"a":1}'), value])) == ["x", {"a": 1}, value]


def test_the_snapshot_on_connect_is_the_apis_bytes(app, client, live_socket):
    from tests.factories import make_event

    event = make_event("judging")
    socket = live_socket(event)
    [snapshot] = [m["args"][0] for m in socket.received("leaderboard")]
    assert client.get(f"/api/v1/events/{event.slug}/leaderboard").get_json() == snapshot
