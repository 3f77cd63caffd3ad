"""A finished event's page shows its results to everyone: the final board, each challenge's
winner, the people's choice and the gallery; never before the public board shows them."""
from datetime import timedelta

from hackathon.extensions import db
from hackathon.judging import scores
from hackathon.live import board
from hackathon.models.types import utcnow
from hackathon.voting import services as voting
from tests.factories import (make_assignment, make_challenge, make_criterion, make_event, make_member,
                             make_submission, make_team)


def finished_contest():
    """Judged, voted and then moved past its results time."""
    event = make_event("judging", ranking_method="raw", judges_per_entry=1)
    grid = make_challenge(event, title="Grid flexibility", is_draft=False)
    criterion = make_criterion(event, name="Impact")
    judge = make_member(event, "judge")
    entries = {}
    for name, mark, challenges in (("Owls", 9, [grid]), ("Bees", 6, [grid]), ("Cats", 3, [])):
        entry = make_submission(event, make_team(event, name=name), challenges=challenges, title=f"{name} App")
        make_assignment(judge, entry)
        scores.record_score(event, judge, entry, {criterion.id: mark}, "")
        entries[name] = entry
    voting.open_voting(event)
    voting.cast_vote(event, entries["Cats"], user=judge)
    voting.close_voting(event)
    return event


def move_past_results(event):
    now = utcnow()
    event.judging_ends_at, event.results_at = now - timedelta(hours=2), now - timedelta(hours=1)
    db.session.commit()


def test_a_past_events_page_shows_its_winners_board_and_peoples_choice(app, client):
    event = finished_contest()
    board.freeze(event)
    board.finish_reveal(event)
    move_past_results(event)
    page = client.get(f"/e/{event.slug}/").get_data(as_text=True)
    results = page[page.index('id="results"'):]
    assert "Challenge winners" in results and "Grid flexibility" in results
    winners = results[results.index("Challenge winners"):results.index("Final ranking")]
    assert "Owls" in winners and "Bees" not in winners  # the grid's winner only
    ranking = results[results.index("Final ranking"):]
    assert ranking.index("Owls") < ranking.index("Bees") < ranking.index("Cats")
    assert "People's choice" in results and "Cats" in results[:results.index("Challenge winners")]
    assert "All 3 projects" in results


def test_results_wait_for_the_reveal(app, client):
    event = finished_contest()
    board.freeze(event)
    move_past_results(event)
    page = client.get(f"/e/{event.slug}/").get_data(as_text=True)
    results = page[page.index('id="results"'):page.index('id="announcements"')]
    assert "once the organizers have revealed it" in results
    assert "Owls" not in results and "People's choice" not in results


def test_a_running_event_has_no_results_section(app, client):
    event = make_event("hacking")
    assert 'id="results"' not in client.get(f"/e/{event.slug}/").get_data(as_text=True)
