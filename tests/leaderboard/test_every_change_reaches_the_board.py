"""Every change that moves the board reaches it: what a watching browser ends up showing, the API and
the page after a reload all equal a ranking recomputed from the database, with ranks 1..n."""
import pytest

from hackathon import leaderboard
from hackathon.extensions import db
from hackathon.judging import scores
from hackathon.models import Criterion, Submission
from hackathon.submissions import services as submissions
from tests.factories import make_assignment, make_criterion, make_event, make_member, make_submission, make_team
from tests.leaderboard.replay import ReplayedBoard


@pytest.fixture
def scored(app):
    """A judging event (default ranking) with five entries, each scored by the same three judges."""
    event = make_event("judging", judges_per_entry=2)
    criteria = [make_criterion(event, name="Impact", weight=2), make_criterion(event, name="Design")]
    judges = [make_member(event, "judge") for _ in range(3)]
    entries = [make_submission(event, make_team(event, name=f"Team {n}"), title=f"Entry {n}") for n in range(5)]
    for j, judge in enumerate(judges):
        for e, entry in enumerate(entries):
            make_assignment(judge, entry)
            marks = {criteria[0].id: 1 + (3 * e + j) % 10, criteria[1].id: 1 + (5 * e + 2 * j) % 10}
            scores.record_score(event, judge, entry, marks, "")
    return event, criteria, judges, entries


@pytest.fixture
def watcher(scored, live_socket):
    socket = live_socket(scored[0])
    board = ReplayedBoard(next(m["args"][0] for m in socket.received("leaderboard")))
    return lambda: board.apply(socket.received())


def recomputed(event) -> list[tuple]:
    """(rank, team id, shown score) from a ranking computed afresh from the database."""
    teams = {s.id: s.team_id for s in db.session.scalars(db.select(Submission).where(
        Submission.event_id == event.id, Submission.is_judged))}
    return [(row.rank, teams[row.entry_id], round(row.adjusted, 1)) for row in leaderboard.ranking(event).rows]


def shown(rows) -> list[tuple]:
    return [(row["rank"], row["team_id"], row["score"]) for row in rows]


def assert_everyone_agrees(event, watch, client):
    expected = recomputed(event)
    assert [rank for rank, _, _ in expected] == list(range(1, len(expected) + 1))
    assert shown(watch().ordered()) == expected
    assert shown(client.get(f"/api/v1/events/{event.slug}/leaderboard").get_json()["rows"]) == expected
    page = client.get(f"/e/{event.slug}/leaderboard").get_data(as_text=True)
    positions = [page.index(f'data-team-id="{team_id}"') for _, team_id, _ in expected]
    assert positions == sorted(positions)


def test_a_disqualified_entry_leaves_the_board_and_ranks_close_up(scored, watcher, client):
    event, _, _, entries = scored
    leader = leaderboard.current_ranking(event).rows[0].entry_id
    submissions.disqualify(db.session.get(Submission, leader), "plagiarism")
    assert_everyone_agrees(event, watcher, client)
    assert leader not in {row.entry_id for row in leaderboard.current_ranking(event).rows}


def test_a_reinstated_entry_comes_back(scored, watcher, client):
    event, _, _, entries = scored
    submissions.disqualify(entries[2], "checking")
    submissions.reinstate(entries[2])
    assert_everyone_agrees(event, watcher, client)
    assert len(watcher().rows) == 5


def test_excluding_and_including_a_judge(scored, watcher, client):
    event, _, judges, _ = scored
    organizer = make_member(event, "organizer")
    scores.exclude_judge(event, judges[0], "coached a team", organizer)
    assert_everyone_agrees(event, watcher, client)
    scores.include_judge(event, judges[0])
    assert_everyone_agrees(event, watcher, client)


def test_a_changed_rubric_weight_re_ranks(scored, watcher, client):
    event, criteria, _, _ = scored
    # The rubric locks once scored; an organizer's correction straight in the database must still count.
    db.session.get(Criterion, criteria[1].id).weight = 9
    db.session.commit()
    leaderboard.inputs_changed(event)
    assert_everyone_agrees(event, watcher, client)


def test_an_edited_score_moves_the_board(scored, watcher, client):
    event, criteria, judges, entries = scored
    last = leaderboard.current_ranking(event).rows[-1].entry_id
    entry = next(e for e in entries if e.id == last)
    for judge in judges:
        scores.record_score(event, judge, entry, {criteria[0].id: 10, criteria[1].id: 10}, "")
    assert_everyone_agrees(event, watcher, client)
    assert recomputed(event)[0][1] == entry.team_id


def test_the_ranking_method_changing_re_ranks(scored, watcher, client):
    event = scored[0]
    scores.choose_method(event, "raw")
    assert_everyone_agrees(event, watcher, client)
