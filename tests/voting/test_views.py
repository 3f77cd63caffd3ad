"""The vote page, the code form with its rate limit, the organizers' page and the API."""
import pytest

from hackathon.extensions import db
from hackathon.models import Vote
from hackathon.voting import codes, services
from tests.factories import make_event, make_member, make_submission_file
from tests.voting.conftest import reveal


def page(client, event):
    return client.get(f"/e/{event.slug}/vote").get_data(as_text=True)


def test_before_voting_opens_the_page_explains_and_lists_nothing(client, contest):
    body = page(client, contest.event)
    assert "The audience vote opens during the event" in body and "Bee App" not in body


def test_an_anonymous_attendee_enters_a_code_once_then_votes_and_changes_the_vote(client, voting):
    event, code = voting.event, voting.codes[0]
    assert "Enter your voting code" in page(client, event)
    response = client.post(f"/e/{event.slug}/vote/code", data={"code": code.display.lower()})
    assert response.status_code == 302
    assert "Voting with code" in page(client, event)
    assert client.post(f"/e/{event.slug}/vote", data={"submission_id": voting.bees.id}).status_code == 302
    assert "Your vote: <strong data-your-vote>Bee App</strong>" in page(client, event)
    client.post(f"/e/{event.slug}/vote", data={"submission_id": voting.cats.id})
    assert "Your vote: <strong data-your-vote>Cat App</strong>" in page(client, event)
    [vote] = db.session.scalars(db.select(Vote)).all()
    assert vote.code_id == code.id and vote.submission_id == voting.cats.id


def test_forgetting_the_code_keeps_the_vote(client, voting):
    event = voting.event
    client.post(f"/e/{event.slug}/vote/code", data={"code": voting.codes[0].code})
    client.post(f"/e/{event.slug}/vote", data={"submission_id": voting.bees.id})
    assert client.post(f"/e/{event.slug}/vote/code/forget").status_code == 302
    assert "Enter your voting code" in page(client, event)
    assert db.session.scalar(db.select(db.func.count(Vote.id))) == 1


def test_a_logged_in_participant_votes_with_one_click_but_not_for_their_team(client, auth, voting):
    event = voting.event
    auth.login(voting.participant)
    body = page(client, event)
    assert "Enter your voting code" not in body and "Your team's entry" in body
    response = client.post(f"/e/{event.slug}/vote", data={"submission_id": voting.owls.id})
    assert response.status_code == 409 and "your own team" in response.get_data(as_text=True)
    assert client.post(f"/e/{event.slug}/vote", data={"submission_id": voting.bees.id}).status_code == 302
    assert "Your vote: <strong data-your-vote>Bee App</strong>" in page(client, event)


@pytest.mark.parametrize("typed, message", [
    ("ABCD", "isn&#39;t a voting code"), ("ZZZZ-ZZZZ", "know that code"), ("", "Type the code")])
def test_bad_codes_get_a_clear_422(client, voting, typed, message):
    response = client.post(f"/e/{voting.event.slug}/vote/code", data={"code": typed})
    assert response.status_code == 422 and message in response.get_data(as_text=True)


def test_a_code_from_another_event_is_refused(client, voting):
    foreign = codes.generate_codes(make_event("judging"), 1)[0]
    response = client.post(f"/e/{voting.event.slug}/vote/code", data={"code": foreign.code})
    assert response.status_code == 422 and "another event" in response.get_data(as_text=True)


def test_wrong_codes_are_throttled_per_address_with_a_clear_429(client, voting):
    url = f"/e/{voting.event.slug}/vote/code"
    for _ in range(10):
        assert client.post(url, data={"code": "ZZZZ-ZZZZ"}).status_code == 422
    response = client.post(url, data={"code": voting.codes[0].code})
    assert response.status_code == 429 and "Too many codes tried" in response.get_data(as_text=True)


def test_right_codes_do_not_use_up_the_limit(client, voting):
    many = codes.generate_codes(voting.event, 12)
    for code in many:
        assert client.post(f"/e/{voting.event.slug}/vote/code", data={"code": code.code}).status_code == 302


def test_voting_without_a_code_or_after_close_is_refused_with_a_message(client, voting):
    event = voting.event
    response = client.post(f"/e/{event.slug}/vote", data={"submission_id": voting.bees.id})
    assert response.status_code == 409 and "Enter your voting code first" in response.get_data(as_text=True)
    client.post(f"/e/{event.slug}/vote/code", data={"code": voting.codes[0].code})
    services.close_voting(event)
    response = client.post(f"/e/{event.slug}/vote", data={"submission_id": voting.bees.id})
    assert response.status_code == 409 and "Voting is closed" in response.get_data(as_text=True)
    assert client.post(f"/e/{event.slug}/vote/code", data={"code": voting.codes[1].code}).status_code == 409


@pytest.mark.parametrize("submission_id", ["", "abc", "999999"])
def test_a_vote_for_nothing_is_a_4xx(client, auth, voting, submission_id):
    auth.login(voting.participant)
    response = client.post(f"/e/{voting.event.slug}/vote", data={"submission_id": submission_id})
    assert 400 <= response.status_code < 500


def test_the_vote_page_shows_screenshots(client, voting):
    make_submission_file(voting.bees)
    assert f"/projects/{voting.bees.id}/files/" in page(client, voting.event)


def test_organizers_open_and_close_voting_and_see_totals_then_the_tally(client, auth, contest):
    event = contest.event
    auth.login(make_member(event, "organizer"))
    assert "Organizers run the vote" in page(client, event)
    assert client.post(f"/e/{event.slug}/live/voting/open").status_code == 302
    services.cast_vote(event, contest.bees, user=contest.participant)
    body = client.get(f"/e/{event.slug}/live/voting").get_data(as_text=True)
    assert 'data-vote-total="votes">1<' in body and "Bee App" not in body  # totals only while open
    assert client.post(f"/e/{event.slug}/live/voting/close").status_code == 302
    body = client.get(f"/e/{event.slug}/live/voting").get_data(as_text=True)
    assert "Tally" in body and "Bee App" in body and "Only organizers see this" in body
    response = client.post(f"/e/{event.slug}/live/voting/close")
    assert response.status_code == 409 and "isn&#39;t open" in response.get_data(as_text=True)


def test_opening_before_judging_is_a_409_with_the_reason(client, auth):
    event = make_event("hacking")
    auth.login(make_member(event, "organizer"))
    response = client.post(f"/e/{event.slug}/live/voting/open")
    assert response.status_code == 409 and "when judging starts" in response.get_data(as_text=True)


def test_organizers_generate_codes_and_download_them(client, auth, contest):
    event = contest.event
    auth.login(make_member(event, "organizer"))
    assert client.post(f"/e/{event.slug}/live/voting/codes", data={"count": "3", "label": "@Desk"}).status_code == 302
    assert "@Desk" in client.get(f"/e/{event.slug}/live/voting").get_data(as_text=True)
    response = client.get(f"/e/{event.slug}/live/voting/codes.csv?batch=@Desk")
    assert response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    lines = response.get_data(as_text=True).splitlines()
    assert len(lines) == 4 and all(line.split(",")[1] == "'@Desk" for line in lines[1:])


@pytest.mark.parametrize("count", ["0", "1001", "many"])
def test_a_bad_code_count_is_a_422(client, auth, contest, count):
    auth.login(make_member(contest.event, "organizer"))
    response = client.post(f"/e/{contest.event.slug}/live/voting/codes", data={"count": count})
    assert response.status_code == 422


def test_the_api_hides_results_until_the_reveal(client, voting):
    url = f"/api/v1/events/{voting.event.slug}/peoples-choice"
    services.cast_vote(voting.event, voting.bees, code=voting.codes[0])
    assert client.get(url).get_json() == {"event": voting.event.slug, "open": True, "results": None}
    services.close_voting(voting.event)
    assert client.get(url).get_json()["results"] is None
    reveal(voting.event)
    body = client.get(url).get_json()
    assert body["open"] is False and body["results"][0] == {"rank": 1, "team": "Bees", "entry": "Bee App", "votes": 1}


def test_the_winner_shows_on_the_leaderboard_and_the_big_screen_only_after_the_reveal(client, voting):
    event = voting.event
    services.cast_vote(event, voting.cats, code=voting.codes[0])
    services.close_voting(event)
    for path in ("leaderboard", "screen", "vote"):
        assert "1 vote<" not in client.get(f"/e/{event.slug}/{path}").get_data(as_text=True)
    reveal(event)
    for path in ("leaderboard", "screen", "vote"):
        body = client.get(f"/e/{event.slug}/{path}").get_data(as_text=True)
        assert "People's choice" in body and "Cat App" in body and "1 vote<" in body


def test_the_event_nav_links_to_the_vote_once_voting_opened(client, contest):
    link, slug = f'href="/e/{contest.event.slug}/vote"', contest.event.slug
    assert link not in client.get(f"/e/{slug}/leaderboard").get_data(as_text=True)
    services.open_voting(contest.event)
    assert link in client.get(f"/e/{slug}/leaderboard").get_data(as_text=True)
