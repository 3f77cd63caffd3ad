"""Judging rules against the database: rubric lock, assignment, conflicts, scoring, audit, exclusion."""
import pytest

from hackathon.errors import DomainError
from hackathon.extensions import db
from hackathon import leaderboard
from hackathon.judging import assignments, conflicts, rubric, scores
from hackathon.leaderboard.inputs import scores_from_log
from hackathon.models import Assignment, Score, ScoreChange
from tests.factories import make_challenge, make_criterion, make_event, make_member, make_submission, make_team


@pytest.fixture
def judging(app):
    """An event in judging with two criteria, three judges and four submitted entries."""
    event = make_event("judging")
    challenge = make_challenge(event)
    criteria = [make_criterion(event, name="Impact", weight=2), make_criterion(event, name="Design")]
    judges = [make_member(event, "judge", organization=f"Org {n}") for n in range(3)]
    entries = [make_submission(event, make_team(event, [make_member(event, "participant")]), [challenge])
               for _ in range(4)]
    return event, criteria, judges, entries


def marks(criteria, *values):
    return {criterion.id: value for criterion, value in zip(criteria, values)}


def assign_all(event, judge, entries):
    for entry in entries:
        db.session.add(Assignment(event_id=event.id, judge_id=judge.id, submission_id=entry.id))
    db.session.commit()


def test_run_assignment_gives_every_entry_k_judges(judging):
    event, _, judges, entries = judging
    plan = assignments.run_assignment(event, 2)
    assert len(plan.add) == 8 and not plan.shortfalls
    counts = [db.session.scalar(db.select(db.func.count()).select_from(Assignment).where(
        Assignment.submission_id == e.id)) for e in entries]
    assert counts == [2, 2, 2, 2]


def test_shared_organization_is_a_conflict_never_assigned(judging):
    event, _, judges, entries = judging
    member = entries[0].team.members[0].user
    member.organization = judges[0].organization
    db.session.commit()
    assignments.run_assignment(event, 3)
    assert db.session.scalar(db.select(Assignment).where(
        Assignment.judge_id == judges[0].id, Assignment.submission_id == entries[0].id)) is None


def test_manual_assignment_is_refused_for_a_declared_conflict(judging):
    event, _, judges, entries = judging
    conflicts.record_conflict(event, judges[1], entries[1].team, conflicts.DECLARED, "my cousin", judges[1])
    with pytest.raises(assignments.AssignmentError, match="my cousin"):
        assignments.assign_by_hand(event, judges[1], entries[1])


def test_rerunning_keeps_scores_already_given(judging):
    event, criteria, judges, entries = judging
    assignments.run_assignment(event, 1)
    scored = db.session.scalar(db.select(Assignment))
    judge = db.session.get(type(judges[0]), scored.judge_id)
    scores.record_score(event, judge, scored.submission, marks(criteria, 7, 8), "good")
    conflicts.record_conflict(event, judge, scored.submission.team, conflicts.ORGANIZER, "found later", judge)
    assignments.run_assignment(event, 1)
    assert db.session.get(Assignment, scored.id) is not None


def test_only_assigned_judges_score_and_only_during_judging(judging, app):
    event, criteria, judges, entries = judging
    with pytest.raises(scores.ScoringError, match="not assigned"):
        scores.record_score(event, judges[0], entries[0], marks(criteria, 5, 5), "")
    assign_all(event, judges[0], entries)
    other_phase = make_event("hacking")
    with pytest.raises(scores.ScoringError, match="only while judging"):
        scores.record_score(other_phase, judges[0], entries[0], marks(criteria, 5, 5), "")


@pytest.mark.parametrize("found_by", ["organizer", "shared organization"])
def test_a_conflict_found_after_scoring_stops_new_scores(judging, found_by):
    event, criteria, judges, entries = judging
    assign_all(event, judges[0], entries)
    scores.record_score(event, judges[0], entries[0], marks(criteria, 5, 6), "")
    team = entries[0].team
    if found_by == "organizer":
        organizer = make_member(event, "organizer")
        conflicts.record_conflict(event, judges[0], team, conflicts.ORGANIZER, "sponsor's employee", organizer)
    else:
        team.members[0].user.organization = judges[0].organization
        db.session.commit()
    with pytest.raises(scores.ScoringError, match="conflict"):
        scores.record_score(event, judges[0], entries[0], marks(criteria, 10, 10), "")
    assert db.session.scalar(db.select(db.func.count()).select_from(ScoreChange)) == 1
    scores.record_score(event, judges[0], entries[1], marks(criteria, 7, 7), "")  # other teams are fine


@pytest.mark.parametrize("values, message", [((11, 5), "marked 1 to 10"), ((5,), "every criterion")])
def test_marks_out_of_scale_or_missing_are_refused(judging, values, message):
    event, criteria, judges, entries = judging
    assign_all(event, judges[0], entries)
    with pytest.raises(scores.ScoringError, match=message):
        scores.record_score(event, judges[0], entries[0], marks(criteria, *values), "")


def test_every_change_is_appended_and_the_log_rebuilds_the_scores(judging):
    event, criteria, judges, entries = judging
    assign_all(event, judges[0], entries)
    scores.record_score(event, judges[0], entries[0], marks(criteria, 5, 6), "")
    scores.record_score(event, judges[0], entries[0], marks(criteria, 9, 6), "better on reflection")
    scores.record_score(event, judges[0], entries[0], marks(criteria, 9, 6), "better on reflection")  # no-op
    changes = db.session.scalars(db.select(ScoreChange).order_by(ScoreChange.id)).all()
    assert len(changes) == 2 and changes[1].old_values == marks(criteria, 5, 6)
    assert changes[1].new_values == marks(criteria, 9, 6)
    current = {(s.judge_id, s.submission_id): s.values for s in db.session.scalars(db.select(Score))}
    assert scores_from_log(event) == current


def test_the_rubric_freezes_with_the_first_score(judging):
    event, criteria, judges, entries = judging
    assign_all(event, judges[0], entries)
    rubric.save_criterion(event, criteria[1], name="Design", description="", weight=3, scale_min=1,
                          scale_max=10, challenge_id=None)
    scores.record_score(event, judges[0], entries[0], marks(criteria, 5, 6), "")
    with pytest.raises(rubric.RubricLocked):
        rubric.delete_criterion(event, criteria[0])


def test_excluding_a_judge_recomputes_the_ranking(judging):
    event, criteria, judges, entries = judging
    for judge in judges[:2]:
        assign_all(event, judge, entries[:2])
    scores.record_score(event, judges[0], entries[0], marks(criteria, 9, 9), "")
    scores.record_score(event, judges[0], entries[1], marks(criteria, 2, 2), "")
    scores.record_score(event, judges[1], entries[0], marks(criteria, 1, 1), "")
    scores.record_score(event, judges[1], entries[1], marks(criteria, 10, 10), "")
    event.ranking_method = "raw"
    db.session.commit()
    scores.exclude_judge(event, judges[1], "coached team two", judges[0])
    assert [row.entry_id for row in leaderboard.ranking(event).rows] == [entries[0].id, entries[1].id]
    assert db.session.scalar(db.select(db.func.count()).select_from(ScoreChange)) == 4  # nothing deleted
    with pytest.raises(DomainError):
        scores.exclude_judge(event, judges[1], "again", judges[0])


def test_live_board_matches_a_full_recompute_after_each_score(judging):
    event, criteria, judges, entries = judging
    for judge in judges:
        assign_all(event, judge, entries)
    for n, (judge, entry) in enumerate([(j, e) for j in judges for e in entries]):
        scores.record_score(event, judge, entry, marks(criteria, 1 + n % 10, 1 + (3 * n) % 10), "")
        live = {row.entry_id: row.rank for row in leaderboard.current_ranking(event).rows}
        assert live == {row.entry_id: row.rank for row in leaderboard.ranking(event).rows}


def test_each_score_pushes_progress_and_ranking_to_organizers(judging, live_socket, auth):
    event, criteria, judges, entries = judging
    assign_all(event, judges[0], entries)
    auth.login(make_member(event, "organizer"))
    socket = live_socket(event)
    socket.received()
    scores.record_score(event, judges[0], entries[0], marks(criteria, 5, 6), "")
    [progress] = [m["args"][0] for m in socket.received("judge_progress")] or [None]
    assert progress == {"event": event.slug, "judge_id": judges[0].id, "scored": 1, "assigned": 4}
