"""Judging pages through HTTP."""
import csv
import io

from hackathon.extensions import db
from hackathon.models import Assignment, Score
from tests.factories import (make_assignment, make_criterion, make_event, make_member, make_submission,
                             make_team)


def test_judge_scores_an_assigned_entry_and_sees_progress(client, auth, app):
    event = make_event("judging")
    criterion = make_criterion(event, name="Impact")
    judge = make_member(event, "judge")
    submission = make_submission(event, make_team(event), title="Owl App")
    make_assignment(judge, submission)
    auth.login(judge)
    assert "0 of 1 scored" in client.get(f"/e/{event.slug}/judging/").get_data(as_text=True)
    response = client.post(f"/e/{event.slug}/judging/entries/{submission.id}",
                           data={f"c{criterion.id}": "8", "comment": "Neat"})
    assert response.status_code == 302
    assert db.session.scalar(db.select(Score)).values == {criterion.id: 8}
    assert "1 of 1 scored" in client.get(f"/e/{event.slug}/judging/").get_data(as_text=True)


def test_a_mark_out_of_scale_is_422_and_keeps_the_comment(client, auth, app):
    event = make_event("judging")
    criterion = make_criterion(event)
    judge = make_member(event, "judge")
    submission = make_submission(event, make_team(event))
    make_assignment(judge, submission)
    auth.login(judge)
    response = client.post(f"/e/{event.slug}/judging/entries/{submission.id}",
                           data={f"c{criterion.id}": "11", "comment": "Keep this thought"})
    assert response.status_code == 422 and "Keep this thought" in response.get_data(as_text=True)


def test_an_unassigned_judge_is_refused(client, auth, app):
    event = make_event("judging")
    submission = make_submission(event, make_team(event))
    auth.login(make_member(event, "judge"))
    response = client.get(f"/e/{event.slug}/judging/entries/{submission.id}")
    assert response.status_code == 403 and "not assigned" in response.get_data(as_text=True)


def test_scoring_before_judging_is_refused_with_409(client, auth, app):
    event = make_event("hacking")
    criterion = make_criterion(event)
    judge = make_member(event, "judge")
    submission = make_submission(event, make_team(event))
    make_assignment(judge, submission)
    auth.login(judge)
    response = client.post(f"/e/{event.slug}/judging/entries/{submission.id}", data={f"c{criterion.id}": "5"})
    assert response.status_code == 409 and "only while judging" in response.get_data(as_text=True)


def test_organizer_builds_the_rubric_assigns_and_reads_results(client, auth, app):
    event = make_event("judging")
    for _ in range(2):
        make_member(event, "judge")
    for _ in range(3):
        make_submission(event, make_team(event))
    auth.login(make_member(event, "organizer"))
    response = client.post(f"/e/{event.slug}/judging/manage/criteria", data={
        "name": "Impact", "weight": "2", "scale_min": "1", "scale_max": "5", "challenge_id": "0"})
    assert response.status_code == 302
    bad = client.post(f"/e/{event.slug}/judging/manage/criteria", data={
        "name": "Odd", "weight": "1", "scale_min": "5", "scale_max": "5", "challenge_id": "0"})
    assert bad.status_code == 409 and "top of the scale" in bad.get_data(as_text=True)
    assert client.post(f"/e/{event.slug}/judging/manage/assign", data={"judges_per_entry": "2"}).status_code == 302
    assert db.session.scalar(db.select(db.func.count()).select_from(Assignment)) == 6
    assert "Impact" in client.get(f"/e/{event.slug}/judging/manage").get_data(as_text=True)
    assert client.get(f"/e/{event.slug}/judging/results").status_code == 200
    assert client.post(f"/e/{event.slug}/judging/results/method", data={"method": "bogus"}).status_code == 422


def test_score_log_exports_as_csv(client, auth, app):
    event = make_event("judging")
    auth.login(make_member(event, "organizer"))
    response = client.get(f"/e/{event.slug}/judging/manage/scores.csv")
    assert response.status_code == 200 and response.get_data(as_text=True).startswith("at,judge")


def test_score_log_cannot_smuggle_a_formula_into_the_organizers_sheet(client, auth, app):
    event = make_event("judging")
    criterion = make_criterion(event)
    judge = make_member(event, "judge")
    submission = make_submission(event, make_team(event, name='=HYPERLINK("http://evil.example")'),
                                 title="@SUM(A1)")
    make_assignment(judge, submission)
    auth.login(judge)
    client.post(f"/e/{event.slug}/judging/entries/{submission.id}", data={f"c{criterion.id}": "8"})
    auth.login(make_member(event, "organizer"))
    text = client.get(f"/e/{event.slug}/judging/manage/scores.csv").get_data(as_text=True)
    assert "'@SUM(A1)" in text and "'=HYPERLINK" in text and ",=HYPERLINK" not in text


def test_score_log_names_criteria_judges_and_entries_in_words(client, auth, app):
    from hackathon.judging import scores

    event = make_event("judging")
    impact, design = make_criterion(event, name="Impact"), make_criterion(event, name="Design")
    judge = make_member(event, "judge", display_name="Greta Judge")
    entry = make_submission(event, make_team(event, name="Owls"), title="Owl App")
    make_assignment(judge, entry)
    scores.record_score(event, judge, entry, {impact.id: 6, design.id: 4}, "")
    scores.record_score(event, judge, entry, {impact.id: 8, design.id: 4}, "")
    auth.login(make_member(event, "organizer"))
    text = client.get(f"/e/{event.slug}/judging/manage/scores.csv").get_data(as_text=True)
    first, second = csv.DictReader(io.StringIO(text))
    assert (second["judge"], second["judge_id"], second["entry"], second["entry_id"]) == (
        "Greta Judge", str(judge.id), "Owl App", str(entry.id))
    assert first["old"] == "" and first["new"] == "Impact: 6; Design: 4"
    assert second["old"] == "Impact: 6; Design: 4" and second["new"] == "Impact: 8; Design: 4"


def test_score_log_marks_what_the_board_leaves_out(client, auth, app):
    from hackathon.judging import scores
    from hackathon.submissions import services as submissions

    event = make_event("judging")
    criterion = make_criterion(event)
    judges = [make_member(event, "judge") for _ in range(2)]
    kept, dropped = (make_submission(event, make_team(event), title=t) for t in ("Kept", "Dropped"))
    for judge in judges:
        for entry in (kept, dropped):
            make_assignment(judge, entry)
            scores.record_score(event, judge, entry, {criterion.id: 7}, "")
    organizer = make_member(event, "organizer")
    scores.exclude_judge(event, judges[1], "conflict found late", organizer)
    submissions.disqualify(dropped, "plagiarism")
    auth.login(organizer)
    text = client.get(f"/e/{event.slug}/judging/manage/scores.csv").get_data(as_text=True)
    counts = sorted((row["entry"], row["counts"]) for row in csv.DictReader(io.StringIO(text)))
    assert counts == [("Dropped", "no: entry disqualified"), ("Dropped", "no: judge excluded"),
                      ("Kept", "no: judge excluded"), ("Kept", "yes")]
