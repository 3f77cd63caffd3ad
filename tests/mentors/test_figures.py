"""Organizers' figures, the CSV export, and judging's conflict for a judge who helped a team."""
import csv
import io
from datetime import timedelta

from hackathon.extensions import db
from hackathon.judging.conflicts import MENTORED, conflict_pairs
from hackathon.mentors import claims, figures, services
from hackathon.mentors.export import requests_csv
from tests.factories import make_membership
from tests.mentors.helpers import ask, make_asking_team, make_mentor


def served(event, mentor, minutes_waited, tags=(), rating=None, topic="Help"):
    """A request that waited `minutes_waited` before `mentor` took it, then was resolved (and rated)."""
    _, [member] = make_asking_team(event)
    request = ask(member, event, topic, tags=tags)
    request.created_at = request.created_at - timedelta(minutes=minutes_waited)
    db.session.commit()
    claims.resolve_request(claims.claim_request(request, mentor), mentor)
    if rating is not None:
        services.rate_help(request, member, rating, "thanks")
    return request


def test_waits_per_tag_per_mentor_and_ratings(event):
    mira, noah = make_mentor(event, display_name="Mira"), make_mentor(event, display_name="Noah")
    for minutes, tags, rating in ((2, ["python"], 5), (4, ["python", "sql"], 4), (6, ["sql"], None)):
        served(event, mira, minutes, tags, rating)
    served(event, noah, 10, ["react"], 3)
    ask(make_asking_team(event)[1][0], event, "still waiting", tags=["python"])
    result = figures.event_figures(event)
    assert result.total == 5 and result.by_status["resolved"] == 4 and result.by_status["open"] == 1
    assert round(result.median_wait) == 5 and round(result.p90_wait, 1) == 8.8
    assert [(t.tag, t.requests, round(t.median_wait)) for t in result.per_tag] == [
        ("python", 3, 3), ("sql", 2, 5), ("react", 1, 10)]
    assert [(m.name, m.resolved, m.mean_rating) for m in result.per_mentor] == [("Mira", 3, 4.5), ("Noah", 1, 3)]
    assert result.mean_rating == 4 and len(result.feedback) == 3


def test_no_requests_no_figures(event):
    result = figures.event_figures(event)
    assert (result.total, result.median_wait, result.p90_wait, result.mean_rating) == (0, None, None, None)


def test_the_export_is_formula_safe(event):
    mira = make_mentor(event)
    request = served(event, mira, 3, ["python"], 5, topic="=HYPERLINK(\"http://evil\")")
    rows = list(csv.reader(io.StringIO(requests_csv(event))))
    assert rows[0][:5] == ["id", "team", "topic", "tags", "status"]
    assert rows[1][0] == str(request.id) and rows[1][2].startswith("'=HYPERLINK")
    assert rows[1][4] == "resolved" and rows[1][14] == "5"


def test_a_judge_who_resolved_a_teams_request_is_conflicted_for_that_team(event):
    both = make_mentor(event)
    make_membership(both, event, "judge")
    just_mentor = make_mentor(event)
    helped = served(event, both, 1).team
    other = served(event, just_mentor, 1).team
    pairs = conflict_pairs(event, [helped, other])
    assert pairs[(both.id, helped.id)] == MENTORED
    assert (both.id, other.id) not in pairs and (just_mentor.id, other.id) not in pairs


def test_a_claim_never_resolved_makes_no_conflict(event):
    both = make_mentor(event)
    make_membership(both, event, "judge")
    request = claims.claim_request(ask(make_asking_team(event)[1][0], event), both)
    claims.release_request(request, both)
    assert (both.id, request.team_id) not in conflict_pairs(event, [request.team])


def test_judging_refuses_to_assign_a_judge_the_entry_of_a_team_they_helped(event):
    import pytest

    from hackathon.judging.assignments import AssignmentError, assign_by_hand
    from tests.factories import make_submission

    both = make_mentor(event, display_name="Mira Holm")
    make_membership(both, event, "judge")
    team = served(event, both, 1).team
    with pytest.raises(AssignmentError, match="helped the team as a mentor"):
        assign_by_hand(event, both, make_submission(event, team))
