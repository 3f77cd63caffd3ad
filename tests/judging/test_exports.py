"""The tidy score export: one row per entry, judge and criterion, exactly the scores the board counts."""
import csv
import io

import pytest

from hackathon.extensions import db
from hackathon.judging import exports, scores
from hackathon.leaderboard.inputs import counted_scores
from hackathon.models.types import utcnow
from tests.factories import make_assignment, make_criterion, make_event, make_member, make_submission, make_team


@pytest.fixture
def scored(app):
    """Two criteria, three judges who scored three entries each; then one entry is disqualified,
    one withdrawn to a draft, and one judge excluded."""
    event = make_event("judging")
    impact, design = make_criterion(event, name="Impact", weight=2), make_criterion(event, name="Design")
    judges = [make_member(event, "judge", display_name=f"Judge {n}") for n in range(3)]
    entries = [make_submission(event, make_team(event, name=f"Team {n}"), title=f"Entry {n}") for n in range(4)]
    entries[0].team.name = '=HYPERLINK("http://evil.example")'
    for n, judge in enumerate(judges):
        for entry in entries[:3]:
            make_assignment(judge, entry)
            scores.record_score(event, judge, entry, {impact.id: 1 + n, design.id: 5 + n}, "")
    make_assignment(judges[0], entries[3])
    scores.record_score(event, judges[0], entries[3], {impact.id: 9, design.id: 9}, "")
    entries[1].disqualified_at, entries[2].status = utcnow(), "draft"
    db.session.commit()
    scores.exclude_judge(event, judges[2], "coached a team", judges[0])
    return event, (impact, design), judges, entries


def rows_of(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_tidy_export_has_one_row_per_entry_judge_and_criterion(scored):
    event, (impact, design), judges, entries = scored
    rows = rows_of(exports.tidy_scores_csv(event))
    assert list(rows[0]) == list(exports.TIDY_COLUMNS)
    assert [(int(r["entry_id"]), int(r["judge_id"]), r["criterion"]) for r in rows] == [
        (entries[0].id, judges[0].id, "Impact"), (entries[0].id, judges[0].id, "Design"),
        (entries[0].id, judges[1].id, "Impact"), (entries[0].id, judges[1].id, "Design"),
        (entries[3].id, judges[0].id, "Impact"), (entries[3].id, judges[0].id, "Design"),
    ]
    assert rows[2] == {"entry_id": str(entries[0].id), "entry": "Entry 0", "team": rows[2]["team"],
                       "judge_id": str(judges[1].id), "judge": "Judge 1", "criterion": "Impact",
                       "weight": "2.0", "score": "2"}


def test_tidy_export_counts_exactly_what_the_board_counts(scored):
    event, *_ = scored
    counted = {(r["judge_id"], r["entry_id"]) for r in rows_of(exports.tidy_scores_csv(event))}
    assert counted == {(str(r.judge_id), str(r.entry_id)) for r in counted_scores(event)}


def test_tidy_export_keeps_formulas_out_of_the_organizers_sheet(scored):
    event, *_ = scored
    text = exports.tidy_scores_csv(event)
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


def test_organizer_downloads_the_tidy_export_linked_from_results(client, auth, scored):
    event, *_ = scored
    auth.login(make_member(event, "organizer"))
    results = client.get(f"/e/{event.slug}/judging/results").get_data(as_text=True)
    assert f"/e/{event.slug}/judging/manage/tidy-scores.csv" in results
    response = client.get(f"/e/{event.slug}/judging/manage/tidy-scores.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.get_data(as_text=True).startswith(",".join(exports.TIDY_COLUMNS))
