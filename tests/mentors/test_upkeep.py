"""The queue's timed rules (run by the live ticker): open to everyone, flag stale requests, return
over-long claims, expire after hacking."""
from datetime import timedelta

from hackathon.extensions import db
from hackathon.live import ticker
from hackathon.mentors import claims, queries, upkeep
from hackathon.models import HelpRequest
from hackathon.models.types import utcnow
from tests.mentors.helpers import ask, make_asking_team, make_mentor, reload, set_mode


def backdate(request, **moments):
    for name, minutes in moments.items():
        setattr(request, name, utcnow() - timedelta(minutes=minutes))
    db.session.commit()


def test_a_request_offered_to_matching_mentors_opens_to_everyone_after_the_window(event):
    set_mode(event, "suggest", match_minutes=2)
    make_mentor(event, ["python"])
    request = ask(make_asking_team(event)[1][0], event, tags=["python"])
    assert request.matching_until is not None
    upkeep.tick(utcnow())
    assert reload(request).matching_until is not None
    upkeep.tick(utcnow() + timedelta(minutes=3))
    assert reload(request).matching_until is None


def test_a_request_nobody_matches_is_offered_to_everyone_at_once(event):
    make_mentor(event, ["react"])
    assert ask(make_asking_team(event)[1][0], event, tags=["cobol"]).matching_until is None


def test_a_stale_request_is_flagged_to_organizers_once(event, app):
    set_mode(event, "suggest", stale_minutes=10)
    request = ask(make_asking_team(event)[1][0], event)
    assert upkeep.flag_stale_requests(utcnow()) == []
    backdate(request, queued_at=11)
    assert [r.id for r in upkeep.flag_stale_requests(utcnow())] == [request.id]
    assert reload(request).flagged_at is not None
    assert upkeep.flag_stale_requests(utcnow()) == []


def test_a_claim_held_too_long_goes_back_to_the_queue_in_its_place(event):
    set_mode(event, "suggest", claim_timeout_minutes=30)
    mira = make_mentor(event)
    first = claims.claim_request(ask(make_asking_team(event)[1][0], event), mira)
    second = ask(make_asking_team(event)[1][0], event)
    backdate(first, claimed_at=29)
    assert upkeep.return_overdue_claims(utcnow()) == []
    backdate(first, claimed_at=31)
    assert [r.id for r in upkeep.return_overdue_claims(utcnow())] == [first.id]
    first = reload(first)
    assert (first.status, first.active_mentor_id, first.last_released_by_id) == ("open", None, mira.id)
    assert [r.id for r in queries.open_queue(event)] == [first.id, second.id]


def test_open_requests_expire_when_hacking_is_over_but_claims_can_still_be_resolved(event):
    mira = make_mentor(event)
    waiting = ask(make_asking_team(event)[1][0], event)
    helped = claims.claim_request(ask(make_asking_team(event)[1][0], event), mira)
    event.submissions_due_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert [r.id for r in upkeep.expire_after_hacking(utcnow())] == [waiting.id]
    assert reload(waiting).status == "expired" and reload(waiting).active_team_id is None
    assert claims.resolve_request(reload(helped), mira).status == "resolved"


def test_the_live_ticker_runs_the_queue_rules(event):
    set_mode(event, "suggest", stale_minutes=1)
    request = ask(make_asking_team(event)[1][0], event)
    backdate(request, queued_at=5)
    ticker.tick(utcnow() - timedelta(seconds=1), utcnow())
    assert reload(request).flagged_at is not None


def test_two_processes_ticking_at_once_return_a_claim_once(app, event):
    from tests.concurrency import run_at_once

    set_mode(event, "suggest", claim_timeout_minutes=5)
    request = claims.claim_request(ask(make_asking_team(event)[1][0], event), make_mentor(event))
    backdate(request, claimed_at=6)
    results = run_at_once(app, lambda _: len(upkeep.return_overdue_claims(utcnow())), [1, 2, 3])
    assert sorted(results) == [0, 0, 1], results
    assert db.session.scalar(db.select(HelpRequest.release_count).where(HelpRequest.id == request.id)) == 1
