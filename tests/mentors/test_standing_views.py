"""Standing mentors on the pages: the organizers' assignment page and its forms, a mentor's teams,
a team's mentors (team page, help page), a brief's mentors, the CSV export, and the live pushes."""
import csv
import io

import pytest

from hackathon.extensions import db, socketio
from hackathon.mentors import claims, roster, standing
from hackathon.models import TeamMentor
from tests.factories import make_challenge, make_member, make_participant, make_submission
from tests.mentors.helpers import ask, make_asking_team, make_mentor


@pytest.fixture
def organizer(event):
    return make_member(event, "organizer")


def test_organizers_see_unassigned_teams_at_a_glance_and_run_the_planner(event, client, auth, organizer):
    make_asking_team(event, name="Night Owls"), make_asking_team(event, name="Bus Stop")
    make_mentor(event, display_name="Mira Holm")
    auth.login(organizer)
    page = client.get(f"/e/{event.slug}/mentors/assign").get_data(as_text=True)
    assert "Without a mentor: " in page and "Night Owls" in page and "no mentor" in page
    response = client.post(f"/e/{event.slug}/mentors/assign/run", data={"mentors_per_team": "1"})
    assert response.status_code == 302
    page = client.get(f"/e/{event.slug}/mentors/assign").get_data(as_text=True)
    assert "Done: 2 new pair(s), 0 removed, 0 kept." in page and "Every team has a mentor." in page
    assert client.post(f"/e/{event.slug}/mentors/assign/run", data={"mentors_per_team": "9"}).status_code == 422


def test_assign_by_hand_pin_unpin_and_remove_through_the_page(event, client, auth, organizer):
    team, _ = make_asking_team(event, name="Night Owls")
    mira = make_mentor(event, display_name="Mira Holm")
    auth.login(organizer)
    response = client.post(f"/e/{event.slug}/mentors/assign/pairs", data={"team_id": team.id, "mentor_id": mira.id})
    assert response.status_code == 302
    pair = db.session.scalar(db.select(TeamMentor))
    assert pair.is_pinned
    assert client.post(f"/e/{event.slug}/mentors/assign/pairs/{pair.id}/unpin").status_code == 302
    db.session.refresh(pair)
    assert not pair.is_pinned
    assert client.post(f"/e/{event.slug}/mentors/assign/pairs/{pair.id}/remove").status_code == 302
    assert db.session.scalar(db.select(TeamMentor)) is None
    bad = client.post(f"/e/{event.slug}/mentors/assign/pairs", data={"team_id": "999999", "mentor_id": mira.id})
    assert bad.status_code == 422


def test_a_full_mentor_is_refused_with_a_message(event, client, auth, organizer):
    (owls, _), (bus, _) = make_asking_team(event), make_asking_team(event)
    mira = make_mentor(event, display_name="Mira Holm")
    auth.login(organizer)
    assert client.post(f"/e/{event.slug}/mentors/assign/mentors/{mira.id}/limit",
                       data={"max_teams": "1"}).status_code == 302
    client.post(f"/e/{event.slug}/mentors/assign/pairs", data={"team_id": owls.id, "mentor_id": mira.id})
    refused = client.post(f"/e/{event.slug}/mentors/assign/pairs", data={"team_id": bus.id, "mentor_id": mira.id})
    assert refused.status_code == 409 and "Mira Holm already mentors 1 team" in refused.get_data(as_text=True)
    assert client.post(f"/e/{event.slug}/mentors/assign/mentors/{mira.id}/limit",
                       data={"max_teams": "-3"}).status_code == 422
    assert client.post(f"/e/{event.slug}/mentors/assign/mentors/{mira.id}/limit",
                       data={"max_teams": ""}).status_code == 302  # no limit


def test_a_brief_lists_its_mentors_with_cards_for_participants_and_names_for_the_public(event, client, auth,
                                                                                        organizer):
    grid = make_challenge(event, title="Grid")
    mira = make_mentor(event, ["python"], display_name="Mira Holm")
    auth.login(organizer)
    assert client.post(f"/e/{event.slug}/mentors/assign/challenges/{grid.id}/mentors",
                       data={"mentor_id": mira.id}).status_code == 302
    auth.logout()
    public = client.get(f"/e/{event.slug}/challenges/{grid.id}").get_data(as_text=True)
    assert "Mentors of this challenge" in public and "Mira Holm" in public and "Table M" not in public
    auth.login(make_asking_team(event)[1][0])
    page = client.get(f"/e/{event.slug}/challenges/{grid.id}").get_data(as_text=True)
    assert "data-mentor-card" in page and "Table M" in page and "Available" in page
    auth.logout()
    auth.login(organizer)
    assert client.post(f"/e/{event.slug}/mentors/assign/challenges/{grid.id}/mentors/{mira.id}/remove"
                       ).status_code == 302
    assert roster.mentors_of_challenge(grid) == []


def test_a_mentor_sees_their_teams_with_members_entry_links_and_open_request(event, client, auth, organizer):
    team, [ada] = make_asking_team(event, name="Night Owls")
    ada.display_name = "Ada Okafor"
    make_submission(event, team, status="draft", title="WindWatt", repo_url="https://example.org/windwatt")
    mira = make_mentor(event, display_name="Mira Holm")
    standing.assign_by_hand(event, team, mira, organizer)
    ask(ada, event, "Relay resets the board")
    auth.login(mira)
    page = client.get(f"/e/{event.slug}/mentors/teams").get_data(as_text=True)
    assert "Night Owls" in page and "Ada Okafor" in page and "WindWatt" in page
    assert 'href="https://example.org/windwatt"' in page and "Relay resets the board" in page
    assert "asking for help" in page and "Last contact: not yet" in page
    assert f'data-team-ids="{team.id}"' in page


def test_a_team_sees_its_mentor_on_its_team_page_and_help_page_only_as_members(event, client, auth, organizer):
    team, [ada] = make_asking_team(event, name="Night Owls")
    mira = make_mentor(event, ["python"], display_name="Mira Holm")
    standing.assign_by_hand(event, team, mira, organizer)
    auth.login(ada)
    for path in (f"/e/{event.slug}/teams/{team.id}", f"/e/{event.slug}/mentors/help"):
        page = client.get(path).get_data(as_text=True)
        assert "Your mentor" in page and "Mira Holm" in page and "Table M" in page, path
    auth.logout()
    auth.login(make_participant(event))
    assert "Mira Holm" not in client.get(f"/e/{event.slug}/teams/{team.id}").get_data(as_text=True)


def test_the_export_lists_every_pair_and_every_team_without_one_formula_safe(event, client, auth, organizer):
    team, _ = make_asking_team(event, name="=HYPERLINK(\"https://evil.example\")")
    make_asking_team(event, name="Lonely")
    mira = make_mentor(event, display_name="@Mira")
    standing.assign_by_hand(event, team, mira, organizer)
    auth.login(organizer)
    response = client.get(f"/e/{event.slug}/mentors/assign/export.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0][:5] == ["team", "members", "challenges", "wanted skills", "mentor"]
    by_team = {row[0]: row for row in rows[1:]}
    assert by_team["'=HYPERLINK(\"https://evil.example\")"][4] == "'@Mira"
    assert by_team["'=HYPERLINK(\"https://evil.example\")"][6] == "yes"
    assert by_team["Lonely"][4] == ""


# ---- live ----------------------------------------------------------------------------------------



def payloads(socket, name):
    return [m["args"][0] for m in socket.received(name)]


def test_the_team_and_the_mentor_hear_a_new_pair_only_after_it_is_committed(app, event, member_socket, organizer,
                                                                              monkeypatch):
    from sqlalchemy import create_engine, text

    team, [ada] = make_asking_team(event, name="Night Owls")
    mira = make_mentor(event, display_name="Mira Holm")
    team_socket, mentor_socket = member_socket(event, ada), member_socket(event, mira)
    other_socket = member_socket(event, make_asking_team(event)[1][0])
    outside, seen = create_engine(app.config["SQLALCHEMY_DATABASE_URI"]), []
    real_emit = socketio.emit

    def emit(name, payload, **kwargs):
        if name == "team_mentors_changed":
            with outside.connect() as connection:
                seen.append(connection.execute(text("SELECT count(*) FROM team_mentor")).scalar())
        return real_emit(name, payload, **kwargs)

    monkeypatch.setattr(socketio, "emit", emit)
    standing.assign_by_hand(event, team, mira, organizer)
    outside.dispose()
    assert seen == [1]
    assert payloads(team_socket, "team_mentors_changed") == [
        {"event": event.slug, "team_id": team.id, "mentors": ["Mira Holm"]}]
    assert payloads(mentor_socket, "mentor_teams_changed") == [
        {"event": event.slug, "mentor_id": mira.id, "teams": ["Night Owls"]}]
    assert payloads(other_socket, "team_mentors_changed") == []


def test_a_teams_own_mentor_is_told_privately_when_it_asks(event, member_socket, organizer):
    team, [ada] = make_asking_team(event, name="Night Owls")
    mira, noah = make_mentor(event), make_mentor(event)
    standing.assign_by_hand(event, team, mira, organizer)
    mira_socket, noah_socket = member_socket(event, mira), member_socket(event, noah)
    request = ask(ada, event, "Relay resets the board")
    got = mira_socket.received()
    assert [(m["args"][0]["what"], m["args"][0]["team"]) for m in got if m["name"] == "mentor_notice"] == [
        ("own_team_asked", "Night Owls")]
    assert payloads(noah_socket, "mentor_notice") == []
    [change] = [m["args"][0] for m in got if m["name"] == "help_queue_changed" and m["args"][0]["what"] == "opened"]
    assert change["request"]["own_mentor_ids"] == [mira.id] and change["request"]["own_round"] is True
    assert change["request"]["team_id"] == team.id
    claims.claim_request(request, mira)
