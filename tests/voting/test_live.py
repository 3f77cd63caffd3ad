"""People's choice on the live channel: opened/closed reaches every screen, totals reach only
organizers, and no count travels to the public before the results are public."""
from hackathon.voting import services
from tests.factories import make_member
from tests.voting.conftest import reveal


def payloads(socket, name):
    return [message["args"][0] for message in socket.received(name)]


def carries_a_count(value) -> bool:
    if isinstance(value, dict):
        return any(key in ("votes", "codes_used") or carries_a_count(item) for key, item in value.items()
                   if not (key == "results" and item is None))
    if isinstance(value, list):
        return any(carries_a_count(item) for item in value)
    return False


def test_opening_and_closing_reach_every_screen(contest, live_socket):
    socket = live_socket(contest.event)
    socket.received()
    services.open_voting(contest.event)
    services.close_voting(contest.event)
    slug = contest.event.slug
    assert payloads(socket, "voting_changed") == [{"event": slug, "status": "open", "open": True},
                                                  {"event": slug, "status": "closed", "open": False}]


def test_no_count_reaches_the_public_before_the_reveal(voting, live_socket, client, auth):
    audience = live_socket(voting.event)
    auth.login(voting.participant)
    participant = live_socket(voting.event)
    audience.received(), participant.received()
    for code, entry in zip(voting.codes, (voting.bees, voting.bees, voting.cats)):
        services.cast_vote(voting.event, entry, code=code)
    services.cast_vote(voting.event, voting.cats, user=voting.participant)
    services.close_voting(voting.event)
    from hackathon.live import board as leaderboard
    leaderboard.freeze(voting.event)
    for socket in (audience, participant):
        received = socket.received()
        assert received and not any(carries_a_count(message["args"]) for message in received), received
        assert not any(message["name"] in ("votes_counted", "peoples_choice") for message in received)


def test_the_winner_is_pushed_when_the_reveal_finishes(voting, live_socket):
    socket = live_socket(voting.event)
    services.cast_vote(voting.event, voting.cats, code=voting.codes[0])
    services.close_voting(voting.event)
    socket.received()
    reveal(voting.event)
    [pushed] = payloads(socket, "peoples_choice")
    assert pushed["open"] is False
    assert pushed["results"][0] == {"rank": 1, "team": "Cats", "entry": "Cat App", "votes": 1}


def test_closing_after_the_reveal_pushes_the_winner_at_once(voting, live_socket):
    socket = live_socket(voting.event)
    services.cast_vote(voting.event, voting.bees, code=voting.codes[0])
    reveal(voting.event)
    assert payloads(socket, "peoples_choice") == []  # voting is still open: nothing to show yet
    services.close_voting(voting.event)
    [pushed] = payloads(socket, "peoples_choice")
    assert pushed["results"][0]["entry"] == "Bee App"


def test_a_new_freeze_hides_the_winner_again(voting, live_socket):
    from hackathon.live import board as leaderboard

    services.close_voting(voting.event)
    reveal(voting.event)
    socket = live_socket(voting.event)
    socket.received()
    leaderboard.freeze(voting.event)
    assert payloads(socket, "peoples_choice") == [{"event": voting.event.slug, "open": False, "results": None}]


def test_running_totals_reach_only_organizers(voting, live_socket, client, auth):
    audience = live_socket(voting.event)
    auth.login(make_member(voting.event, "organizer"))
    organizer = live_socket(voting.event)
    audience.received(), organizer.received()
    services.cast_vote(voting.event, voting.bees, code=voting.codes[0])
    services.cast_vote(voting.event, voting.cats, code=voting.codes[0])
    assert payloads(organizer, "votes_counted") == [{"event": voting.event.slug, "votes": 1, "codes_used": 1}] * 2
    assert payloads(audience, "votes_counted") == []
