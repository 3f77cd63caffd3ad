"""The ceremony: the public board goes dark, entries appear one at a time from the bottom with
their final score, the winner last; nothing unrevealed reaches a page, the API, a socket's
snapshot or a push."""
import pytest

from hackathon import leaderboard
from hackathon.live import board
from hackathon.voting import services as voting
from hackathon.judging import scores
from tests.factories import (make_assignment, make_challenge, make_criterion, make_event, make_member,
                             make_submission, make_team)

MARKS = {"Owls": 9, "Bees": 7, "Cats": 3, "Dogs": 5}  # final order: Owls, Bees, Dogs, Cats


@pytest.fixture
def contest(app):
    """A judged event of four entries (Owls and Cats in a challenge), with a ceremony chosen."""
    event = make_event("judging", judges_per_entry=1, ranking_method="raw")
    grid = make_challenge(event, title="Grid", is_draft=False)
    criterion = make_criterion(event, name="Impact")
    judge = make_member(event, "judge")
    entries = {}
    for name, mark in MARKS.items():
        entry = make_submission(event, make_team(event, name=name), title=f"{name} App",
                                challenges=[grid] if name in ("Owls", "Cats") else [])
        make_assignment(judge, entry)
        scores.record_score(event, judge, entry, {criterion.id: mark}, "")
        entries[name] = entry
    leaderboard.choose_reveal_mode(event, leaderboard.CEREMONY)
    return type("Contest", (), {"event": event, "grid": grid, "criterion": criterion, "judge": judge,
                                "entries": entries})


def teams(payload):
    return [row["team"] for row in payload["rows"]]


def words(payload) -> str:
    return repr(payload)


def api(client, event, challenge=None):
    query = f"?challenge={challenge}" if challenge else ""
    return client.get(f"/api/v1/events/{event.slug}/leaderboard{query}").get_json()


def assert_only(text: str, revealed: set):
    """No team outside `revealed` is named in `text`."""
    hidden = set(MARKS) - revealed
    assert not [name for name in hidden if name in text], text


def test_at_the_start_every_public_board_is_dark(contest, client, live_socket):
    event = contest.event
    watching = live_socket(event)
    watching.received()
    board.freeze(event)
    [pushed] = [m["args"][0] for m in watching.received("leaderboard")]
    assert pushed["rows"] == [] and pushed["ceremony"] == {"step": 0, "total": 4, "spotlight": None}
    body = api(client, event)
    assert body["rows"] == [] and body["frozen"] is True and body["ceremony"]["step"] == 0
    assert api(client, event, contest.grid.id)["rows"] == []
    [snapshot] = [m["args"][0] for m in live_socket(event).received("leaderboard")]
    assert snapshot["rows"] == []
    for path in ("/leaderboard", f"/leaderboard?challenge={contest.grid.id}", "/screen"):
        page = client.get(f"/e/{event.slug}{path}").get_data(as_text=True)
        assert_only(page, set())
        assert "about to be revealed" in page


def test_each_step_reveals_the_next_entry_from_the_bottom_with_its_final_score(contest, client, live_socket):
    event = contest.event
    board.freeze(event)
    socket = live_socket(event)
    socket.received()
    board.step_reveal(event, +1)
    [pushed] = [m["args"][0] for m in socket.received("leaderboard")]
    cats = contest.entries["Cats"].team_id
    assert pushed["rows"] == [{"rank": 4, "team_id": cats, "team": "Cats", "entry": "Cats App", "score": 22.2,
                               "challenges": ["Grid"], "revealed": True}]
    assert pushed["ceremony"] == {"step": 1, "total": 4, "spotlight": cats}
    board.step_reveal(event, +1)
    body = api(client, event)
    assert teams(body) == ["Dogs", "Cats"] and [row["rank"] for row in body["rows"]] == [3, 4]
    assert body["ceremony"]["spotlight"] == contest.entries["Dogs"].team_id
    assert teams(api(client, event, contest.grid.id)) == ["Cats"]  # Owls, in the same challenge, stays hidden
    assert api(client, event, contest.grid.id)["rows"][0]["rank"] == 2
    board.step_reveal(event, +1)
    board.step_reveal(event, +1)  # the winner, last: the ceremony ends
    body = api(client, event)
    assert teams(body) == ["Owls", "Bees", "Dogs", "Cats"] and body["final"] is True and "ceremony" not in body
    assert body["frozen"] is False and body["spotlight"] == contest.entries["Owls"].team_id  # the winner stays lit
    assert "Final results." in client.get(f"/e/{event.slug}/leaderboard").get_data(as_text=True)


def test_nothing_unrevealed_leaks_through_pages_api_snapshots_or_pushes(contest, client, auth, live_socket):
    event = contest.event
    audience = live_socket(event)
    grid_audience = live_socket(event, auth={"event": event.slug, "board": contest.grid.id})
    participant = make_member(event, "participant")
    auth.login(participant)
    audience.received(), grid_audience.received()  # the live board, before the ceremony
    board.freeze(event)
    revealed = set()
    for name in ("Cats", "Dogs", "Bees"):
        pushes = audience.received() + grid_audience.received()
        assert_only(words([m for m in pushes if m["name"].startswith("leaderboard")]), revealed)
        assert_only(words(api(client, event)) + words(api(client, event, contest.grid.id)), revealed)
        for path in ("/leaderboard", f"/leaderboard?challenge={contest.grid.id}", "/screen"):
            page = client.get(f"/e/{event.slug}{path}").get_data(as_text=True)
            assert_only(page[page.index("data-leaderboard"):], revealed)
        assert_only(words(live_socket(event).received("leaderboard")), revealed)
        # A judge's late score mid-ceremony moves nothing the public can see.
        scores.record_score(event, contest.judge, contest.entries["Owls"], {contest.criterion.id: 10}, "")
        board.step_reveal(event, +1)
        revealed.add(name)
    pushes = audience.received() + grid_audience.received()
    assert_only(words([m for m in pushes if m["name"].startswith("leaderboard")]), revealed)
    assert all(m["args"][0].get("results") is None for m in pushes if m["name"] == "peoples_choice")


def test_a_step_back_undoes_one_step_even_the_winners(contest, client, live_socket):
    event = contest.event
    voting.open_voting(event)
    voting.cast_vote(event, contest.entries["Cats"], user=contest.judge)
    voting.close_voting(event)
    board.freeze(event)
    for _ in range(4):
        board.step_reveal(event, +1)
    assert api(client, event)["final"] is True
    watching = live_socket(event)
    watching.received()
    board.step_reveal(event, -1)
    body = api(client, event)
    assert teams(body) == ["Bees", "Dogs", "Cats"] and body["ceremony"]["step"] == 3 and "final" not in body
    [withdrawn] = [m["args"][0] for m in watching.received("peoples_choice")]
    assert withdrawn["results"] is None
    board.step_reveal(event, -1)
    assert teams(api(client, event)) == ["Dogs", "Cats"]
    board.step_reveal(event, +1)
    board.step_reveal(event, +1)
    [announced] = [m["args"][0] for m in watching.received("peoples_choice")]
    assert announced["results"]


def test_the_ceremony_steps_through_the_rows_shown_only(contest, client):
    event = contest.event
    leaderboard.update_display(event, True, 2)
    board.freeze(event)
    assert api(client, event)["ceremony"]["total"] == 2
    board.step_reveal(event, +1)
    assert teams(api(client, event)) == ["Bees"]
    board.step_reveal(event, +1)
    assert teams(api(client, event)) == ["Owls", "Bees"]
    with pytest.raises(leaderboard.LeaderboardError, match="every entry is revealed"):
        board.step_reveal(event, +1)


def test_ranks_only_reveals_no_scores(contest, client):
    event = contest.event
    leaderboard.update_display(event, False, None)
    board.freeze(event)
    board.step_reveal(event, +1)
    assert [row["score"] for row in api(client, event)["rows"]] == [None]


def test_reveal_everything_now_ends_the_ceremony(contest, client):
    event = contest.event
    board.freeze(event)
    board.step_reveal(event, +1)
    board.finish_reveal(event)
    body = api(client, event)
    assert teams(body) == ["Owls", "Bees", "Dogs", "Cats"] and body["final"] is True


def test_the_mode_is_chosen_while_the_board_is_live(contest):
    event = contest.event
    board.freeze(event)
    with pytest.raises(leaderboard.LeaderboardError, match="frozen"):
        leaderboard.choose_reveal_mode(event, leaderboard.FREEZE)
    leaderboard.unfreeze(event)
    with pytest.raises(leaderboard.LeaderboardError, match="freeze or a ceremony"):
        leaderboard.choose_reveal_mode(event, "fireworks")
    leaderboard.choose_reveal_mode(event, leaderboard.FREEZE)
    assert leaderboard.board_panel(event).mode == leaderboard.FREEZE


def test_the_organizers_panel_names_the_next_entry(contest):
    event = contest.event
    panel = leaderboard.board_panel(event)
    assert panel.is_ceremony and not panel.is_frozen and panel.next_up is None
    board.freeze(event)
    panel = leaderboard.board_panel(event)
    assert (panel.step, panel.total, panel.next_up.entry.team) == (0, 4, "Cats")
    assert panel.can_step_forward and not panel.can_step_back and panel.can_unfreeze
    for _ in range(4):
        board.step_reveal(event, +1)
    panel = leaderboard.board_panel(event)
    assert panel.is_over and panel.can_step_back and not panel.can_step_forward and panel.freeze_scheduled_at is None
