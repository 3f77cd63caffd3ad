"""Challenge rules: hidden until hacking starts, drafts hidden always, attachments bounded."""
import io

import pytest
from werkzeug.datastructures import FileStorage

from hackathon.challenges import services
from hackathon.manage.services import start_now
from tests.factories import make_challenge, make_event, make_member

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def upload(name, data):
    return FileStorage(stream=io.BytesIO(data), filename=name)


def test_briefs_are_hidden_before_hacking_and_visible_after(app):
    event = make_event("registration")
    make_challenge(event)
    assert services.visible_challenges(event, can_manage=False) == []
    assert len(services.visible_challenges(event, can_manage=True)) == 1
    start_now(event, make_member(event, "organizer"))
    assert len(services.visible_challenges(event, can_manage=False)) == 1


def test_drafts_stay_hidden_from_non_organizers_during_hacking(app):
    event = make_event("hacking")
    make_challenge(event, is_draft=True, title="Secret")
    shown = make_challenge(event, title="Shown")
    assert services.visible_challenges(event, can_manage=False) == [shown]


def test_pausing_before_the_start_does_not_reveal_briefs(app):
    event = make_event("registration")
    make_challenge(event)
    assert not services.briefs_are_revealed(event)


def test_challenges_are_ordered_by_position_then_creation(app):
    event = make_event()
    second, first = make_challenge(event, position=2), make_challenge(event, position=1)
    assert services.visible_challenges(event, can_manage=False) == [first, second]


def test_publishing_during_hacking_is_pushed_to_the_event_room(app, live_socket):
    event = make_event("hacking")
    socket = live_socket(event)
    socket.received()
    services.create_challenge(event, services.ChallengeDetails(
        title="New", sponsor="", summary="", brief="", prizes="", judging_notes="", position=0, is_draft=False))
    assert [m["args"][0] for m in socket.received("challenges_changed")] == [{"event": event.slug}]


def test_drafting_before_hacking_is_not_pushed(app, live_socket):
    event = make_event("registration")
    socket = live_socket(event)
    socket.received()
    services.create_challenge(event, services.ChallengeDetails(
        title="Early", sponsor="", summary="", brief="", prizes="", judging_notes="", position=0, is_draft=False))
    assert socket.received("challenges_changed") == []


def test_attachments_are_stored_under_generated_names(app):
    challenge = make_challenge(make_event())
    attachment = services.add_attachment(challenge, upload("../../etc/Data Sheet.png", PNG))
    assert attachment.original_name == "Data Sheet.png"  # the name given, without its path
    assert "Data" not in attachment.stored_name and attachment.content_type == "image/png"


@pytest.mark.parametrize("name, data, message", [
    ("virus.exe", b"MZ", "not an accepted type"),
    ("fake.png", b"GIF89a....", "not really a .png"),
    ("empty.pdf", b"", "is empty"),
    ("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "larger than 10 MB"),
])
def test_bad_attachments_are_refused_with_a_reason(app, name, data, message):
    challenge = make_challenge(make_event())
    with pytest.raises(services.ChallengeError, match=message):
        services.add_attachment(challenge, upload(name, data))


def test_attachment_count_is_bounded(app):
    challenge = make_challenge(make_event())
    for n in range(services.MAX_ATTACHMENTS):
        services.add_attachment(challenge, upload(f"{n}.txt", b"notes"))
    with pytest.raises(services.ChallengeError, match="at most 10"):
        services.add_attachment(challenge, upload("one-more.txt", b"notes"))
