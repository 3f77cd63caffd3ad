"""Simultaneous votes by one attendee leave exactly one vote (unique constraint, the loser becomes
a change), and no vote slips in after voting closes."""
from hackathon.extensions import db
from hackathon.models import Event, Submission, User, Vote, VotingCode
from hackathon.voting import results, services
from tests.concurrency import run_at_once
from tests.factories import make_member


def votes_of(event_id):
    return db.session.scalars(db.select(Vote).where(Vote.event_id == event_id)).all()


def test_one_code_voting_from_many_devices_at_once_keeps_one_vote(app, voting):
    event_id, code_id = voting.event.id, voting.codes[0].id
    picks = [entry.id for entry in (voting.owls, voting.bees, voting.cats)] * 4

    def vote(submission_id):
        return services.cast_vote(db.session.get(Event, event_id), db.session.get(Submission, submission_id),
                                  code=db.session.get(VotingCode, code_id)).submission_id

    outcomes = run_at_once(app, vote, picks)
    assert all(isinstance(outcome, int) for outcome in outcomes), outcomes
    [vote_row] = votes_of(event_id)
    assert vote_row.code_id == code_id and vote_row.submission_id in picks
    assert db.session.get(VotingCode, code_id).first_used_at is not None


def test_one_account_voting_twice_at_once_keeps_one_vote(app, voting):
    event_id, user_id = voting.event.id, make_member(voting.event, "mentor").id
    picks = [voting.bees.id, voting.cats.id] * 5

    def vote(submission_id):
        return services.cast_vote(db.session.get(Event, event_id), db.session.get(Submission, submission_id),
                                  user=db.session.get(User, user_id)).submission_id

    outcomes = run_at_once(app, vote, picks)
    assert all(isinstance(outcome, int) for outcome in outcomes), outcomes
    assert len(votes_of(event_id)) == 1


def test_many_attendees_at_once_each_get_their_vote(app, voting):
    from hackathon.voting import codes

    event_id, bees_id = voting.event.id, voting.bees.id
    code_ids = [code.id for code in codes.generate_codes(voting.event, 20)]

    def vote(code_id):
        return services.cast_vote(db.session.get(Event, event_id), db.session.get(Submission, bees_id),
                                  code=db.session.get(VotingCode, code_id)).id

    outcomes = run_at_once(app, vote, code_ids)
    assert all(isinstance(outcome, int) for outcome in outcomes), outcomes
    assert len(votes_of(event_id)) == 20


def test_a_vote_racing_the_close_is_either_in_before_it_or_refused(app, voting):
    from hackathon.voting.errors import VotingNotOpen

    event_id, bees_id = voting.event.id, voting.bees.id
    code_ids = [code.id for code in voting.codes]

    def act(code_id):
        event = db.session.get(Event, event_id)
        if code_id is None:
            return services.close_voting(event).closed_at
        return services.cast_vote(event, db.session.get(Submission, bees_id),
                                  code=db.session.get(VotingCode, code_id)).updated_at

    outcomes = run_at_once(app, act, [None, *code_ids])
    closed_at = outcomes[0]
    assert all(isinstance(o, VotingNotOpen) or o <= closed_at for o in outcomes[1:]), outcomes
    assert len(votes_of(event_id)) == sum(1 for o in outcomes[1:] if not isinstance(o, Exception))
    assert results.voting_state(db.session.get(Event, event_id)).is_closed
