"""The hacking demo event has a living help queue: mentors with tags, requests waiting, one being
helped, others resolved and rated."""
from hackathon.demo import DEMO_PASSWORD, DEMO_SLUG
from hackathon.extensions import db
from hackathon.mentors import queries, roster
from hackathon.models import Challenge, Event, HelpRequest, MentorProfile
from hackathon.models.user import find_user_by_email


def test_the_demo_mentor_finds_a_living_queue(app, client, auth):
    assert app.test_cli_runner().invoke(args=["hackathon", "seed-demo"]).exit_code == 0
    event = db.session.scalar(db.select(Event).where(Event.slug == DEMO_SLUG))
    statuses = [r.status for r in queries.all_requests(event)]
    assert {"open", "claimed", "resolved", "cancelled"} <= set(statuses)
    assert db.session.scalar(db.select(db.func.count()).select_from(MentorProfile)) == 6
    auth.login(find_user_by_email("mira.mentor@example.org"), DEMO_PASSWORD)
    queue = client.get(f"/e/{DEMO_SLUG}/mentors/queue").get_data(as_text=True)
    assert "pandas groupby is too slow" in queue and "matches you" in queue and "Claim" in queue
    auth.logout()
    auth.login(find_user_by_email("organizer@example.org"), DEMO_PASSWORD)
    manage = client.get(f"/e/{DEMO_SLUG}/mentors/manage").get_data(as_text=True)
    assert "waiting too long" in manage and "Mira spotted the missing bound" in manage
    assert db.session.scalar(db.select(db.func.count()).select_from(HelpRequest).where(
        HelpRequest.rating.is_not(None))) >= 4
    assert "Every team has a mentor." in client.get(f"/e/{DEMO_SLUG}/mentors/assign").get_data(as_text=True)


def test_every_demo_team_has_a_standing_mentor_and_sponsors_mentor_their_challenges(app, client, auth):
    assert app.test_cli_runner().invoke(args=["hackathon", "seed-demo"]).exit_code == 0
    event = db.session.scalar(db.select(Event).where(Event.slug == DEMO_SLUG))
    pairs = roster.event_pairs(event)
    assert {p.team_id for p in pairs} == {t.id for t in roster.active_teams(event)}
    assert any(p.is_pinned and p.team.name == "Night Owls" for p in pairs)
    grid = db.session.scalar(db.select(Challenge).where(Challenge.event_id == event.id,
                                                        Challenge.sponsor == "Nordlicht Energy"))
    assert [m.email for m in roster.mentors_of_challenge(grid)] == ["mira.mentor@example.org"]
    auth.login(find_user_by_email("ada.okafor@example.org"), DEMO_PASSWORD)
    assert "Your mentor" in client.get(f"/e/{DEMO_SLUG}/mentors/help").get_data(as_text=True)
