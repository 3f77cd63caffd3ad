"""Teams asking for help: during hacking only, one open request per team, any member edits or cancels."""
import pytest

from hackathon.extensions import db
from hackathon.mentors import claims, errors, services
from hackathon.mentors.services import HelpDetails
from hackathon.models import HelpRequest
from hackathon.teams import membership as team_membership
from tests.factories import make_event, make_member, make_participant
from tests.mentors.helpers import ask, make_asking_team, make_mentor, reload


def test_a_team_member_asks_and_the_request_waits_in_the_queue(event):
    team, [ada] = make_asking_team(event)
    request = ask(ada, event, "Flask can't reach PostgreSQL", tags=["python", "postgresql"], location="Table 7",
                  description="We tried **everything**.")
    assert request.status == "open" and request.team_id == team.id and request.created_by_id == ada.id
    assert request.tag_names == ["postgresql", "python"] and request.location == "Table 7"
    assert request.active_team_id == team.id


@pytest.mark.parametrize("phase", ["registration", "judging", "results"])
def test_asking_is_refused_outside_hacking(app, phase):
    event = make_event(phase)
    _, [ada] = make_asking_team(event)
    with pytest.raises(errors.HelpClosed):
        ask(ada, event)


def test_asking_needs_a_team(event):
    with pytest.raises(errors.NoTeam):
        ask(make_participant(event), event)


def test_a_team_has_one_open_request_at_most(event):
    _, [ada, ben] = make_asking_team(event, size=2)
    first = ask(ada, event, "First")
    with pytest.raises(errors.AlreadyAsked) as refused:
        ask(ben, event, "Second")
    assert refused.value.request.id == first.id


def test_a_claimed_request_still_counts_as_the_teams_open_one(event):
    _, [ada] = make_asking_team(event)
    request = ask(ada, event)
    claims.claim_request(request, make_mentor(event))
    with pytest.raises(errors.AlreadyAsked):
        ask(ada, event, "Another")


def test_after_resolution_the_team_can_ask_again(event):
    _, [ada] = make_asking_team(event)
    mentor = make_mentor(event)
    claims.resolve_request(claims.claim_request(ask(ada, event), mentor), mentor)
    assert ask(ada, event, "Next problem").status == "open"


def test_two_members_asking_at_once_make_one_request(app, event):
    from hackathon.models import Event, User
    from tests.concurrency import run_at_once

    _, members = make_asking_team(event, size=4)
    event_id = event.id

    def asking(user_id):
        return services.ask_for_help(db.session.get(User, user_id), db.session.get(Event, event_id),
                                     HelpDetails(topic=f"from {user_id}")).id

    results = run_at_once(app, asking, [m.id for m in members])
    assert len([r for r in results if isinstance(r, int)]) == 1, results
    assert all(isinstance(r, errors.AlreadyAsked) for r in results if not isinstance(r, int)), results
    assert db.session.scalar(db.select(db.func.count()).select_from(HelpRequest)) == 1


def test_the_asked_for_mentor_must_mentor_this_event(event):
    _, [ada] = make_asking_team(event)
    outsider = make_member(make_event(), "mentor")
    with pytest.raises(errors.UnknownMentor):
        ask(ada, event, asked_mentor_id=outsider.id)
    mira = make_mentor(event)
    assert ask(ada, event, asked_mentor_id=mira.id).asked_mentor_id == mira.id


def test_any_member_edits_the_waiting_request_and_it_keeps_its_place(event):
    _, [ada, ben] = make_asking_team(event, size=2)
    request = ask(ada, event, "Old", tags=["go"])
    queued = request.queued_at
    services.edit_help_request(request, ben, HelpDetails(topic="New  topic", tags=["rust"], location="Room B"))
    request = reload(request)
    assert (request.topic, request.tag_names, request.location) == ("New topic", ["rust"], "Room B")
    assert request.queued_at == queued


def test_outsiders_cant_edit_or_cancel(event):
    _, [ada] = make_asking_team(event)
    _, [cy] = make_asking_team(event)
    request = ask(ada, event)
    with pytest.raises(errors.NotYourTeam):
        services.edit_help_request(request, cy, HelpDetails(topic="Mine now"))
    with pytest.raises(errors.NotYourTeam):
        services.cancel_help_request(request, cy)


def test_a_claimed_request_cant_be_edited(event):
    _, [ada] = make_asking_team(event)
    request = claims.claim_request(ask(ada, event), make_mentor(event))
    with pytest.raises(errors.NotActive):
        services.edit_help_request(request, ada, HelpDetails(topic="Changed"))


def test_cancelling_frees_the_team_and_a_mentor_helping_it(event):
    _, [ada, ben] = make_asking_team(event, size=2)
    mentor = make_mentor(event)
    request = claims.claim_request(ask(ada, event), mentor)
    services.cancel_help_request(request, ben)
    request = reload(request)
    assert request.status == "cancelled" and request.active_team_id is None and request.active_mentor_id is None
    assert request.closed_at is not None
    with pytest.raises(errors.NotActive):
        services.cancel_help_request(request, ada)
    assert ask(ada, event, "Again").status == "open"
    other = ask(make_asking_team(event)[1][0], event)
    assert claims.claim_request(other, mentor).status == "claimed"  # the mentor is free again


def test_a_dissolved_teams_request_is_withdrawn_and_its_mentor_freed(event):
    team, [ada] = make_asking_team(event)
    mentor = make_mentor(event)
    claims.claim_request(ask(ada, event), mentor)
    other_team, [ben, cy] = make_asking_team(event, size=2)
    waiting = ask(ben, event, "Still here?")

    team_membership.leave_team(ada, team)  # the last member leaves: the team dissolves
    assert [r.status for r in db.session.scalars(db.select(HelpRequest).where(HelpRequest.team_id == team.id))] \
        == ["cancelled"]
    assert claims.claim_request(waiting, mentor).status == "claimed"  # the mentor is free for the next team

    team_membership.leave_team(ben, other_team)  # someone remains: the request stays
    assert reload(waiting).status == "claimed"
    team_membership.disband_team(other_team)
    assert reload(waiting).status == "cancelled"


def test_the_team_rates_resolved_help_once(event):
    _, [ada, ben] = make_asking_team(event, size=2)
    mentor = make_mentor(event)
    request = ask(ada, event)
    with pytest.raises(errors.NotResolved):
        services.rate_help(request, ada, 5)
    claims.resolve_request(claims.claim_request(request, mentor), mentor)
    services.rate_help(request, ben, 4, "  Clear and quick  ")
    request = reload(request)
    assert (request.rating, request.feedback) == (4, "Clear and quick")
    with pytest.raises(errors.AlreadyRated):
        services.rate_help(request, ada, 1)
    with pytest.raises(errors.NotYourTeam):
        services.rate_help(request, make_participant(event), 1)
