"""Claims: a mentor takes a waiting request, resolves it or releases it back to its place; one claim
per mentor; of mentors claiming at once exactly one wins."""
import pytest

from hackathon.extensions import db
from hackathon.mentors import claims, errors, queries
from hackathon.models import HelpRequest
from tests.factories import make_event, make_member, make_participant
from tests.mentors.helpers import ask, make_asking_team, make_mentor, reload


@pytest.fixture
def waiting(event):
    """Three teams asking, oldest first."""
    return [ask(make_asking_team(event)[1][0], event, f"Problem {n}") for n in range(3)]


def test_a_mentor_claims_a_waiting_request(event, waiting):
    mira = make_mentor(event)
    request = claims.claim_request(waiting[0], mira)
    assert (request.status, request.claimed_by_id, request.active_mentor_id) == ("claimed", mira.id, mira.id)
    assert request.claimed_at is not None and request.first_claimed_at == request.claimed_at
    assert not request.is_auto_assigned
    assert [r.id for r in queries.open_queue(event)] == [waiting[1].id, waiting[2].id]


def test_participants_and_mentors_of_other_events_cannot_claim(event, waiting):
    with pytest.raises(errors.NotMentor):
        claims.claim_request(waiting[0], make_participant(event))
    with pytest.raises(errors.NotMentor):
        claims.claim_request(waiting[0], make_member(make_event(), "mentor"))
    assert reload(waiting[0]).status == "open"


def test_a_mentor_holds_one_claim_at_a_time(event, waiting):
    mira = make_mentor(event)
    claims.claim_request(waiting[0], mira)
    with pytest.raises(errors.AlreadyHelping) as refused:
        claims.claim_request(waiting[1], mira)
    assert "Resolve or release" in str(refused.value)
    assert reload(waiting[1]).status == "open"


def test_a_request_already_claimed_names_who_took_it(event, waiting):
    mira, noah = make_mentor(event, display_name="Mira Holm"), make_mentor(event)
    claims.claim_request(waiting[0], mira)
    with pytest.raises(errors.AlreadyClaimed) as refused:
        claims.claim_request(reload(waiting[0]), noah)
    assert "Mira Holm has just taken" in str(refused.value)


def test_resolving_frees_the_mentor_and_the_team(event, waiting):
    mira = make_mentor(event)
    request = claims.resolve_request(claims.claim_request(waiting[0], mira), mira)
    assert (request.status, request.resolved_by_id, request.active_mentor_id, request.active_team_id) == (
        "resolved", mira.id, None, None)
    assert request.resolved_at >= request.claimed_at
    assert claims.claim_request(waiting[1], mira).status == "claimed"


def test_only_the_helping_mentor_resolves(event, waiting):
    mira, noah = make_mentor(event), make_mentor(event)
    claims.claim_request(waiting[0], mira)
    with pytest.raises(errors.NotYourClaim):
        claims.resolve_request(waiting[0], noah)
    with pytest.raises(errors.NotActive):
        claims.resolve_request(waiting[1], mira)


def test_a_released_request_goes_back_to_its_place_in_the_queue(event, waiting):
    mira = make_mentor(event)
    claims.claim_request(waiting[0], mira)
    claims.release_request(waiting[0], mira)
    request = reload(waiting[0])
    assert (request.status, request.claimed_by_id, request.active_mentor_id) == ("open", None, None)
    assert request.release_count == 1 and request.last_released_by_id == mira.id
    assert request.first_claimed_at is not None  # the wait it already had still counts as served
    assert [r.id for r in queries.open_queue(event)] == [r.id for r in waiting]
    assert queries.position_of(request) == 1


def test_a_second_claim_keeps_the_first_claim_time(event, waiting):
    mira, noah = make_mentor(event), make_mentor(event)
    first = claims.claim_request(waiting[0], mira).first_claimed_at
    claims.release_request(waiting[0], mira)
    assert claims.claim_request(reload(waiting[0]), noah).first_claimed_at == first


def test_organizers_can_release_a_claim_for_its_mentor_but_other_mentors_cannot(event, waiting):
    mira, noah = make_mentor(event), make_mentor(event)
    claims.claim_request(waiting[0], mira)
    with pytest.raises(errors.NotYourClaim):
        claims.release_request(waiting[0], noah)
    claims.release_request(waiting[0], make_member(event, "organizer"))
    assert reload(waiting[0]).status == "open"
    with pytest.raises(errors.NotActive):
        claims.release_request(reload(waiting[0]), mira)


def test_a_cancelled_request_cannot_be_claimed(event, waiting):
    from hackathon.mentors import services

    services.cancel_help_request(waiting[0], waiting[0].team.members[0].user)
    with pytest.raises(errors.AlreadyClaimed) as refused:
        claims.claim_request(reload(waiting[0]), make_mentor(event))
    assert "cancelled" in str(refused.value)


# ---- real concurrency: threads released together through a barrier (tests/concurrency.py) ----------

def test_mentors_claiming_one_request_at_once_exactly_one_wins(app, event):
    from hackathon.models import User
    from tests.concurrency import run_at_once

    request_id = ask(make_asking_team(event)[1][0], event).id
    mentor_ids = [make_mentor(event).id for _ in range(8)]

    def claim(mentor_id):
        request = db.session.get(HelpRequest, request_id)
        return claims.claim_request(request, db.session.get(User, mentor_id)).claimed_by_id

    results = run_at_once(app, claim, mentor_ids)
    winners = [r for r in results if isinstance(r, int)]
    assert len(winners) == 1, results
    assert all(isinstance(r, errors.AlreadyClaimed) for r in results if not isinstance(r, int)), results
    request = reload(db.session.get(HelpRequest, request_id))
    assert request.claimed_by_id == winners[0] and request.active_mentor_id == winners[0]


def test_one_mentor_claiming_many_requests_at_once_holds_one(app, event):
    from hackathon.models import User
    from tests.concurrency import run_at_once

    request_ids = [ask(make_asking_team(event)[1][0], event).id for _ in range(6)]
    mentor_id = make_mentor(event).id

    def claim(request_id):
        return claims.claim_request(db.session.get(HelpRequest, request_id), db.session.get(User, mentor_id)).id

    results = run_at_once(app, claim, request_ids)
    assert len([r for r in results if isinstance(r, int)]) == 1, results
    assert all(isinstance(r, errors.AlreadyHelping) for r in results if not isinstance(r, int)), results
    assert db.session.scalar(db.select(db.func.count()).select_from(HelpRequest).where(
        HelpRequest.status == "claimed")) == 1


def test_a_claim_racing_a_cancel_ends_in_one_consistent_state(app, event):
    from hackathon.mentors import services
    from hackathon.models import User
    from tests.concurrency import run_at_once

    _, [ada] = make_asking_team(event)
    request_id, ada_id, mentor_id = ask(ada, event).id, ada.id, make_mentor(event).id

    def act(who):
        request = db.session.get(HelpRequest, request_id)
        if who == "team":
            return services.cancel_help_request(request, db.session.get(User, ada_id)).status
        return claims.claim_request(request, db.session.get(User, mentor_id)).status

    results = run_at_once(app, act, ["team", "mentor"])
    request = reload(db.session.get(HelpRequest, request_id))
    assert request.status == "cancelled", results
    assert request.active_mentor_id is None and request.active_team_id is None
