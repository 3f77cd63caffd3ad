"""What the live channel carries for mentoring, and that it is sent only after the commit."""
from datetime import timedelta

from sqlalchemy import create_engine, text

from hackathon.extensions import db, socketio
from hackathon.mentors import claims, profiles, upkeep
from hackathon.models.types import utcnow
from tests.mentors.helpers import ask, make_asking_team, make_mentor, set_mode


def payloads(socket, name):
    return [m["args"][0] for m in socket.received(name)]




def test_the_team_hears_who_is_coming_only_once_the_claim_is_committed(app, event, monkeypatch):
    request = ask(make_asking_team(event)[1][0], event)
    mira = make_mentor(event, display_name="Mira Holm")
    outside = create_engine(app.config["SQLALCHEMY_DATABASE_URI"])
    seen = []
    real_emit = socketio.emit

    def emit(name, payload, **kwargs):
        if name == "help_request_changed":
            with outside.connect() as connection:
                seen.append(connection.execute(text("SELECT status FROM help_request WHERE id = :id"),
                                               {"id": payload["request_id"]}).scalar())
        return real_emit(name, payload, **kwargs)

    monkeypatch.setattr(socketio, "emit", emit)
    claims.claim_request(request, mira)
    outside.dispose()
    assert seen == ["claimed"]


def test_the_team_page_gets_the_claim_and_the_queue_moves_up(event, member_socket):
    (_, [ada]), (_, [ben]) = make_asking_team(event), make_asking_team(event)
    first, second = ask(ada, event, "first"), ask(ben, event, "second")
    ada_socket, ben_socket = member_socket(event, ada), member_socket(event, ben)
    claims.claim_request(first, make_mentor(event, display_name="Mira Holm"))
    [change] = payloads(ada_socket, "help_request_changed")
    assert change == {"event": event.slug, "team_id": first.team_id, "request_id": first.id, "status": "claimed",
                      "what": "claimed", "mentor": "Mira Holm"}
    [position] = payloads(ben_socket, "help_position")
    assert (position["request_id"], position["position"]) == (second.id, 1)
    assert position["eta"] == "no estimate yet"  # nobody free, nothing resolved recently
    assert payloads(ben_socket, "help_request_changed") == []


def test_mentor_queues_and_the_organizers_view_hear_every_change(event, member_socket):
    from tests.factories import make_member

    mira = make_mentor(event)
    mentor_socket, organizer_socket = member_socket(event, mira), member_socket(event, make_member(event, "organizer"))
    request = ask(make_asking_team(event)[1][0], event)
    claims.claim_request(request, mira)
    assert [(p["what"], p["open"], p["claimed"]) for p in payloads(mentor_socket, "help_queue_changed")] == [
        ("opened", 1, 0), ("claimed", 0, 1)]
    assert len(payloads(organizer_socket, "help_queue_changed")) == 2


def test_an_assigned_mentor_is_told_privately(event, member_socket):
    set_mode(event, "auto")
    mira, noah = make_mentor(event, ["python"]), make_mentor(event, ["react"], availability="away")
    mira_socket, noah_socket = member_socket(event, mira), member_socket(event, noah)
    request = ask(make_asking_team(event)[1][0], event, "Pandas is slow", tags=["python"])
    [notice] = payloads(mira_socket, "mentor_notice")
    assert notice == {"event": event.slug, "request_id": request.id, "what": "assigned", "team": request.team.name,
                      "topic": "Pandas is slow"}
    assert payloads(noah_socket, "mentor_notice") == []


def test_a_mentor_whose_claim_ran_out_is_told(event, member_socket):
    set_mode(event, "suggest", claim_timeout_minutes=10)
    mira = make_mentor(event)
    request = claims.claim_request(ask(make_asking_team(event)[1][0], event), mira)
    socket = member_socket(event, mira)
    request.claimed_at = utcnow() - timedelta(minutes=11)
    db.session.commit()
    upkeep.return_overdue_claims(utcnow())
    assert [p["what"] for p in payloads(socket, "mentor_notice")] == ["returned"]


def test_the_directory_hears_availability_with_the_whole_card(event, member_socket):
    participant_socket = member_socket(event, make_asking_team(event)[1][0])
    participant_socket.emit("watch_mentor_directory")
    bystander = member_socket(event, make_asking_team(event)[1][0])  # on another page: not watching
    mira = make_mentor(event, ["python"], availability="away", display_name="Mira Holm")
    profiles.set_availability(event, mira, "available")
    [card] = payloads(participant_socket, "mentor_changed")
    assert card == {"event": event.slug, "mentor_id": mira.id, "name": "Mira Holm", "tags": ["python"], "bio": "",
                    "location": "Table M", "availability": "available", "status": "available",
                    "status_label": "Available"}
    claims.claim_request(ask(make_asking_team(event)[1][0], event), mira)
    assert [c["status"] for c in payloads(participant_socket, "mentor_changed")] == ["helping"]
    assert payloads(bystander, "mentor_changed") == []


def test_organizers_are_told_of_a_request_waiting_too_long(event, member_socket):
    from tests.factories import make_member

    set_mode(event, "suggest", stale_minutes=5)
    socket = member_socket(event, make_member(event, "organizer"))
    request = ask(make_asking_team(event)[1][0], event, "Nobody came")
    request.queued_at = utcnow() - timedelta(minutes=7)
    db.session.commit()
    upkeep.flag_stale_requests(utcnow())
    [flag] = payloads(socket, "help_request_flagged")
    assert (flag["request_id"], flag["topic"], flag["waited_minutes"]) == (request.id, "Nobody came", 7)


def test_a_mentor_whose_claim_an_organizer_took_back_is_told(event, member_socket):
    from tests.factories import make_member

    mira = make_mentor(event)
    request = claims.claim_request(ask(make_asking_team(event)[1][0], event), mira)
    socket = member_socket(event, mira)
    claims.release_request(request, make_member(event, "organizer"))
    assert [p["what"] for p in payloads(socket, "mentor_notice")] == ["returned"]
    claims.release_request(claims.claim_request(request, mira), mira)
    assert payloads(socket, "mentor_notice") == []  # releasing it yourself needs no telling


def test_the_queue_push_carries_the_request_with_its_markdown_sanitized(event, member_socket):
    socket = member_socket(event, make_mentor(event))
    request = ask(make_asking_team(event)[1][0], event, "XSS?", description="**bold** <script>alert(1)</script>",
                  tags=["python"], location="Table 1")
    [change] = payloads(socket, "help_queue_changed")
    entry = change["request"]
    assert (entry["id"], entry["status"], entry["topic"], entry["tags"]) == (request.id, "open", "XSS?", ["python"])
    assert "<strong>bold</strong>" in entry["description_html"] and "<script" not in entry["description_html"]
    assert entry["queued_at_ms"] > 0 and entry["mentor"] is None
