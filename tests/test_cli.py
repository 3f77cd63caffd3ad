"""`flask hackathon create-admin` and `seed-demo`."""
from hackathon.demo import DEMO_PASSWORD, DEMO_SLUG
from hackathon.extensions import db
from hackathon.models import Event, Membership, User
from hackathon.models.user import find_user_by_email


def test_create_admin_makes_a_site_admin_who_can_log_in(app, client):
    result = app.test_cli_runner().invoke(args=[
        "hackathon", "create-admin", "--email", "Boss@Example.org", "--name", "Boss",
        "--password", "a long password"])
    assert result.exit_code == 0, result.output
    assert find_user_by_email("boss@example.org").is_site_admin
    response = client.post("/account/login", data={"email": "boss@example.org", "password": "a long password"})
    assert response.status_code == 302


def test_create_admin_refuses_a_short_password(app):
    result = app.test_cli_runner().invoke(args=[
        "hackathon", "create-admin", "--email", "x@example.org", "--name", "X", "--password", "short"])
    assert result.exit_code != 0 and "at least" in result.output
    assert find_user_by_email("x@example.org") is None


def test_seed_demo_builds_a_live_event_with_every_role(app, client):
    result = app.test_cli_runner().invoke(args=["hackathon", "seed-demo"])
    assert result.exit_code == 0, result.output
    event = db.session.scalar(db.select(Event).where(Event.slug == DEMO_SLUG))
    assert event.phase == "hacking"
    counts = dict(db.session.execute(db.select(Membership.role, db.func.count()).where(
        Membership.event_id == event.id).group_by(Membership.role)).all())
    assert counts["participant"] >= 20 and counts["mentor"] >= 6 and counts["judge"] >= 4
    for line in result.output.splitlines()[2:]:
        email = line.split()[-1]
        assert client.post("/account/login", data={"email": email, "password": DEMO_PASSWORD}).status_code == 302
        client.post("/account/logout")


def test_seed_demo_if_empty_leaves_existing_data_alone(app):
    db.session.add(User(email="someone@example.org", display_name="Someone", password_hash="x"))
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["hackathon", "seed-demo", "--if-empty"])
    assert result.exit_code == 0 and "not seeded" in result.output
    assert db.session.scalar(db.select(db.func.count()).select_from(Event)) == 0


def test_announce_publishes_and_pushes_to_screens(app, live_socket):
    from tests.factories import make_event

    event = make_event()
    socket = live_socket(event)
    socket.received()
    result = app.test_cli_runner().invoke(args=["hackathon", "announce", event.slug, "Doors close at 22:00",
                                                "--level", "warning"])
    assert result.exit_code == 0, result.output
    assert "published" in result.output
    [message] = socket.received("announcement")
    assert message["args"][0]["text"] == "Doors close at 22:00" and message["args"][0]["level"] == "warning"


def test_announce_can_schedule_and_explains_refusals(app):
    from tests.factories import make_event

    event = make_event()
    runner = app.test_cli_runner()
    later = runner.invoke(args=["hackathon", "announce", event.slug, "Later", "--at", "2999-01-01T10:00"])
    assert later.exit_code == 0 and "scheduled" in later.output, later.output
    past = runner.invoke(args=["hackathon", "announce", event.slug, "Past", "--at", "2001-01-01T10:00"])
    assert past.exit_code != 0 and "That time has passed" in past.output
    unknown = runner.invoke(args=["hackathon", "announce", "no-such-event", "Hi"])
    assert unknown.exit_code != 0 and "there is no event" in unknown.output


def test_seed_demo_builds_an_event_being_judged_with_a_live_board(app, client):
    from hackathon.demo import JUDGING_SLUG

    assert app.test_cli_runner().invoke(args=["hackathon", "seed-demo"]).exit_code == 0
    event = db.session.scalar(db.select(Event).where(Event.slug == JUDGING_SLUG))
    assert event.phase == "judging"
    board = client.get(f"/api/v1/events/{JUDGING_SLUG}/leaderboard").get_json()
    assert len(board["rows"]) >= 4 and board["seq"] >= 1
