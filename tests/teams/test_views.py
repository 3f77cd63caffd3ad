"""Team pages: wiring, status codes, forms re-rendered filled, the CSV export and the live pushes."""
import csv
import io
from urllib.parse import unquote

from hackathon.extensions import db
from hackathon.models import TeamMember
from hackathon.teams import asks, membership, queries, services
from hackathon.spreadsheets import safe_cell
from tests.factories import make_event, make_member, make_participant, make_team


def test_the_event_nav_links_to_teams_for_every_visitor(client, app):
    event = make_event()
    assert f'href="/e/{event.slug}/teams/"' in client.get(f"/e/{event.slug}/").get_data(as_text=True)


def test_creating_a_team_redirects_to_its_page_with_the_invite_link(client, auth, app):
    event = make_event()
    auth.login_as("participant", event)
    response = client.post(f"/e/{event.slug}/teams/new", data={"name": "Night Owls", "skills": "Rust, UX design",
                                                               "is_open": "y"})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Night Owls" in page and "you are its captain" in page and "/join/" in page and "ux design" in page


def test_an_invalid_team_form_is_re_rendered_filled_with_422(client, auth, app):
    event = make_event()
    auth.login_as("participant", event)
    response = client.post(f"/e/{event.slug}/teams/new", data={"name": "", "pitch": "Bikes", "skills": "x" * 40})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Give your team a name." in page and "Bikes" in page
    assert "under 32 characters" in page


def test_a_taken_name_is_shown_on_the_name_field_with_409(client, auth, app):
    event = make_event()
    make_team(event, [make_participant(event)], name="Night Owls")
    auth.login_as("participant", event)
    response = client.post(f"/e/{event.slug}/teams/new", data={"name": "NIGHT OWLS", "pitch": "Kept"})
    page = response.get_data(as_text=True)
    assert response.status_code == 409 and "already called" in page and "Kept" in page


def test_the_invite_link_page_explains_why_not_before_trying(client, auth, app):
    event = make_event(team_size_max=1)
    team = make_team(event, [make_participant(event)], name="Tiny")
    auth.login_as("participant", event)
    response = client.get(f"/e/{event.slug}/teams/{team.id}/join/{team.invite_code}")
    assert response.status_code == 409 and "Tiny is full" in response.get_data(as_text=True)
    assert 'Join Tiny"' not in response.get_data(as_text=True)


def test_a_rotated_link_answers_410_with_the_reason(client, auth, app):
    event = make_event()
    captain = make_participant(event)
    team = make_team(event, [captain])
    old = team.invite_code
    services.rotate_invite_code(team, captain)
    auth.login_as("participant", event)
    response = client.get(f"/e/{event.slug}/teams/{team.id}/join/{old}")
    assert response.status_code == 410 and "replaced by a new one" in response.get_data(as_text=True)


def test_anonymous_visitors_of_an_invite_link_are_offered_to_log_in_and_come_back(client, app):
    event = make_event()
    team = make_team(event, [make_participant(event)])
    path = f"/e/{event.slug}/teams/{team.id}/join/{team.invite_code}"
    page = client.get(path).get_data(as_text=True)
    assert "Log in" in page and f"next={path}" in unquote(page)


def test_joining_by_link_and_by_typed_code(client, auth, app):
    event = make_event()
    team = make_team(event, [make_participant(event)], name="Owls")
    auth.login_as("participant", event)
    response = client.post(f"/e/{event.slug}/teams/code", data={"code": team.invite_code.lower()})
    assert response.headers["Location"].endswith(f"/teams/{team.id}/join/{team.invite_code}")
    response = client.post(response.headers["Location"])
    assert response.status_code == 302
    assert "Welcome to Owls!" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_an_unknown_typed_code_is_explained_on_the_field_with_404(client, auth, app):
    event = make_event()
    auth.login_as("participant", event)
    response = client.post(f"/e/{event.slug}/teams/code", data={"code": "ZZZZ9999"})
    page = response.get_data(as_text=True)
    assert response.status_code == 404 and "No team uses the code" in page and "ZZZZ9999" in page


def test_refused_joins_answer_409_with_the_reason(client, auth, app):
    event = make_event("judging")
    team = make_team(event, [make_participant(event)])
    auth.login_as("participant", event)
    response = client.post(f"/e/{event.slug}/teams/{team.id}/join/{team.invite_code}")
    assert response.status_code == 409 and "locked" in response.get_data(as_text=True)


def test_a_request_flows_to_the_captain_and_the_answer_back_to_the_requester(client, auth, app):
    event = make_event()
    captain, ben = make_participant(event), make_participant(event, display_name="Ben")
    team = make_team(event, [captain], name="Owls")
    auth.login(ben)
    client.post(f"/e/{event.slug}/teams/{team.id}/requests", data={"message": "I write Rust"})
    auth.logout()
    auth.login(captain)
    page = client.get(f"/e/{event.slug}/teams/{team.id}").get_data(as_text=True)
    assert "I write Rust" in page and "Ben" in page
    [ask_id] = [a.id for a in queries.pending_requests(team)]
    client.post(f"/e/{event.slug}/teams/asks/{ask_id}/decline")
    auth.logout()
    auth.login(ben)
    page = client.get(f"/e/{event.slug}/teams/").get_data(as_text=True)
    assert "ask-declined" in page and "Owls" in page


def test_a_request_with_a_too_long_message_is_re_rendered_with_422(client, auth, app):
    event = make_event()
    team = make_team(event, [make_participant(event)])
    auth.login_as("participant", event)
    response = client.post(f"/e/{event.slug}/teams/{team.id}/requests", data={"message": "x" * 501})
    assert response.status_code == 422 and "x" * 501 in response.get_data(as_text=True)


def test_leaving_the_last_seat_dissolves_the_team(client, auth, app):
    event = make_event()
    user = auth.login_as("participant", event)
    team = make_team(event, [user], name="Solo")
    response = client.post(f"/e/{event.slug}/teams/{team.id}/leave")
    assert response.status_code == 302
    assert "it is dissolved" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_the_team_page_warns_until_the_minimum_size_is_met(client, app):
    event = make_event(team_size_min=3)
    team = make_team(event, [make_participant(event)])
    assert "needs at least 3 members" in client.get(f"/e/{event.slug}/teams/{team.id}").get_data(as_text=True)


def test_only_the_captain_sees_requests_and_member_controls(client, auth, app):
    event = make_event()
    captain = make_participant(event)
    member = make_participant(event)
    team = make_team(event, [captain, member])
    auth.login(member)
    page = client.get(f"/e/{event.slug}/teams/{team.id}/panel").get_data(as_text=True)
    assert 'data-viewer-state="member"' in page and "Requests to join" not in page and "Make captain" not in page
    assert team.invite_code in page  # members may share the link


def test_outsiders_never_see_the_invite_code(client, auth, app):
    event = make_event()
    team = make_team(event, [make_participant(event)])
    auth.login_as("participant", event)
    assert team.invite_code not in client.get(f"/e/{event.slug}/teams/{team.id}").get_data(as_text=True)
    auth.logout()
    assert team.invite_code not in client.get(f"/e/{event.slug}/teams/{team.id}").get_data(as_text=True)


def test_the_team_page_loads_the_live_script_only_for_members(client, auth, app):
    event = make_event()
    user = make_participant(event)
    team = make_team(event, [user])
    assert "js/team.js" not in client.get(f"/e/{event.slug}/teams/{team.id}").get_data(as_text=True)
    auth.login(user)
    page = client.get(f"/e/{event.slug}/teams/{team.id}").get_data(as_text=True)
    assert "vendor/socket.io.min.js" in page and "js/team.js" in page


def test_the_finder_filters_by_skill_and_offers_one_click_actions(client, auth, app):
    event = make_event()
    captain = make_participant(event)
    make_team(event, [captain], name="Rusty", skills=["rust"])
    make_team(event, [make_participant(event)], name="Gophers", skills=["go"])
    seeker = make_participant(event, display_name="Sam Seeker", skills=["rust"])
    asks.start_looking(seeker, event, "embedded please")
    auth.login(captain)
    page = client.get(f"/e/{event.slug}/teams/finder?skills=Rust").get_data(as_text=True)
    assert "Rusty" in page and "Gophers" not in page and "Sam Seeker" in page and "embedded please" in page
    assert f"/invitations/{seeker.id}" in page
    auth.logout()
    auth.login_as("participant", event)
    page = client.get(f"/e/{event.slug}/teams/finder").get_data(as_text=True)
    assert "Request to join" in page and "/invitations/" not in page


def test_a_bad_finder_filter_says_why_with_422(client, auth, app):
    event = make_event()
    auth.login_as("participant", event)
    response = client.get(f"/e/{event.slug}/teams/finder?skills=" + "x" * 40)
    assert response.status_code == 422 and "under 32 characters" in response.get_data(as_text=True)


def test_organizers_move_a_participant_and_disband_a_team(client, auth, app):
    event = make_event("judging")
    ada, ben = make_participant(event), make_participant(event)
    source, target = make_team(event, [ada]), make_team(event, [ben], name="Target")
    auth.login_as("organizer", event)
    response = client.post(f"/e/{event.slug}/teams/manage/move", data={"user_id": ada.id, "team_id": target.id})
    assert response.status_code == 302
    assert db.session.scalar(db.select(TeamMember.team_id).where(TeamMember.user_id == ada.id)) == target.id
    assert client.post(f"/e/{event.slug}/teams/manage/{target.id}/disband").status_code == 302
    page = client.get(f"/e/{event.slug}/teams/manage").get_data(as_text=True)
    assert "dissolved" in page and source.name in page


def test_a_refused_move_re_renders_the_tools_with_409(client, auth, app):
    event = make_event(team_size_max=1)
    ada = make_participant(event)
    full = make_team(event, [make_participant(event)])
    auth.login_as("organizer", event)
    response = client.post(f"/e/{event.slug}/teams/manage/move", data={"user_id": ada.id, "team_id": full.id})
    assert response.status_code == 409 and "is full" in response.get_data(as_text=True)


def test_the_csv_export_lists_every_member_and_neutralises_formulas(client, auth, app):
    event = make_event()
    ada = make_participant(event, display_name="=HYPERLINK(\"http://evil\")")
    make_team(event, [ada, make_participant(event, display_name="Ben")], name="+Owls", skills=["rust"])
    auth.login_as("organizer", event)
    response = client.get(f"/e/{event.slug}/teams/manage/export.csv")
    assert response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0][:4] == ["team", "status", "captain", "member"]
    assert [row[3] for row in rows[1:]] == ["'=HYPERLINK(\"http://evil\")", "Ben"]
    assert all(row[0] == "'+Owls" and row[1] == "complete" for row in rows[1:])


def test_safe_cell_leaves_ordinary_text_alone():
    assert [safe_cell(v) for v in ("Owls", "-1", "@me", None, 3)] == ["Owls", "'-1", "'@me", "", "3"]


def test_members_hear_about_joins_on_the_team_room_and_outsiders_do_not(client, auth, app, live_socket):
    event = make_event()
    captain = make_participant(event)
    team = make_team(event, [captain])
    auth.login(captain)
    member_socket = live_socket(event)
    outsider_client = app.test_client()
    outsider = make_participant(event)
    assert outsider_client.post("/account/login", data={"email": outsider.email,
                                                        "password": "correct horse battery"}).status_code == 302
    outsider_socket = live_socket(event, flask_client=outsider_client)
    member_socket.received(), outsider_socket.received()
    services.join_team_by_code(make_participant(event, display_name="Newbie"), event, team.id, team.invite_code)
    [push] = [m["args"][0] for m in member_socket.received("team_changed")]
    assert push == {"event": event.slug, "team_id": team.id, "what": "joined", "who": "Newbie"}
    assert outsider_socket.received("team_changed") == []


def test_requests_leaving_and_removals_are_pushed_too(client, auth, app, live_socket):
    event = make_event()
    captain, ben, cy = make_participant(event), make_participant(event), make_participant(event)
    team = make_team(event, [captain, ben])
    auth.login(captain)
    socket = live_socket(event)
    socket.received()
    asks.request_to_join(cy, team)
    membership.leave_team(ben, team)
    assert [m["args"][0]["what"] for m in socket.received("team_changed")] == ["requested", "left"]


def test_a_staff_member_is_never_put_in_a_team_room(client, auth, app, live_socket):
    event = make_event()
    team = make_team(event, [make_participant(event)])
    auth.login(make_member(event, "organizer"))
    socket = live_socket(event)
    socket.received()
    membership.leave_team(team.members[0].user, team)
    assert socket.received("team_changed") == []


def test_a_pending_request_replaces_the_ask_form_with_its_status(client, auth, app):
    event = make_event()
    team = make_team(event, [make_participant(event)])
    user = auth.login_as("participant", event)
    asks.request_to_join(user, team, "hello")
    page = client.get(f"/e/{event.slug}/teams/{team.id}").get_data(as_text=True)
    assert "hasn't answered yet" in page and "Withdraw my request" in page and "Ask to join" not in page


def test_an_invited_participant_can_answer_from_the_team_page(client, auth, app):
    event = make_event()
    captain = make_participant(event)
    team = make_team(event, [captain], name="Owls")
    user = auth.login_as("participant", event)
    asks.invite_participant(team, captain, user)
    page = client.get(f"/e/{event.slug}/teams/{team.id}").get_data(as_text=True)
    assert "Owls invited you to join." in page and "/accept" in page
