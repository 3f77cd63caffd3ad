"""People's choice rules: opening and closing, who may vote for what, one vote per attendee,
changing it, and a count nobody outside the organizers sees before the reveal."""
import pytest

from hackathon.extensions import db
from hackathon.models import Vote, VotingCode
from hackathon.models.types import utcnow
from hackathon.voting import codes, results, services
from hackathon.voting.errors import (CodeFromAnotherEvent, MayNotVote, NotInGallery, OwnEntry, UnknownCode,
                                     VotingError, VotingNotOpen)
from tests.factories import make_event, make_member, make_submission, make_team
from hackathon.throttling import TooManyAttempts
from tests.voting.conftest import reveal

ADDRESS = "203.0.113.7"


def votes_of(event):
    return db.session.scalars(db.select(Vote).where(Vote.event_id == event.id)).all()


# ---- opening and closing ---------------------------------------------------------------------

def test_open_and_close_voting(contest):
    assert results.status_of(results.voting_state(contest.event)) == "not_open"
    services.open_voting(contest.event)
    assert results.voting_state(contest.event).is_open
    services.close_voting(contest.event)
    assert results.status_of(results.voting_state(contest.event)) == "closed"


def test_voting_opens_with_the_gallery_not_before(app):
    with pytest.raises(VotingError, match="when judging starts"):
        services.open_voting(make_event("hacking"))


def test_opening_twice_and_closing_unopened_voting_are_refused(contest):
    with pytest.raises(VotingError, match="isn't open"):
        services.close_voting(contest.event)
    services.open_voting(contest.event)
    with pytest.raises(VotingError, match="already open"):
        services.open_voting(contest.event)


def test_closed_voting_can_reopen_until_the_results_are_public(voting):
    services.close_voting(voting.event)
    services.open_voting(voting.event)
    services.close_voting(voting.event)
    reveal(voting.event)
    with pytest.raises(VotingError, match="already public"):
        services.open_voting(voting.event)


# ---- voting ------------------------------------------------------------------------------------

def test_a_member_votes_with_their_account_and_changes_the_vote(voting):
    judge = make_member(voting.event, "judge")
    services.cast_vote(voting.event, voting.owls, user=judge)
    services.cast_vote(voting.event, voting.bees, user=judge)
    [vote] = votes_of(voting.event)
    assert vote.user_id == judge.id and vote.submission_id == voting.bees.id
    assert vote.updated_at >= vote.created_at


def test_a_code_holds_one_vote_that_can_be_changed(voting):
    code = voting.codes[0]
    services.cast_vote(voting.event, voting.owls, code=code)
    first_used = db.session.get(VotingCode, code.id).first_used_at
    services.cast_vote(voting.event, voting.cats, code=code)
    [vote] = votes_of(voting.event)
    assert vote.code_id == code.id and vote.submission_id == voting.cats.id
    assert db.session.get(VotingCode, code.id).first_used_at == first_used


def test_each_code_and_each_account_is_one_vote(voting):
    for code in voting.codes[:3]:
        services.cast_vote(voting.event, voting.owls, code=code)
    services.cast_vote(voting.event, voting.owls, user=make_member(voting.event, "mentor"))
    assert [row.votes for row in results.tally(voting.event) if row.submission.id == voting.owls.id] == [4]


def test_participants_may_not_vote_for_their_own_team(voting):
    with pytest.raises(OwnEntry):
        services.cast_vote(voting.event, voting.owls, user=voting.participant)
    services.cast_vote(voting.event, voting.bees, user=voting.participant)


def test_organizers_and_strangers_do_not_vote_with_an_account(voting):
    with pytest.raises(MayNotVote, match="Organizers"):
        services.cast_vote(voting.event, voting.bees, user=make_member(voting.event, "organizer"))
    stranger = make_member(make_event(), "participant")
    with pytest.raises(MayNotVote, match="registered for this event"):
        services.cast_vote(voting.event, voting.bees, user=stranger)


def test_no_vote_before_voting_opens_or_after_it_closes(contest):
    code = codes.generate_codes(contest.event, 1)[0]
    with pytest.raises(VotingNotOpen, match="hasn't opened"):
        services.cast_vote(contest.event, contest.bees, code=code)
    services.open_voting(contest.event)
    services.cast_vote(contest.event, contest.bees, code=code)
    services.close_voting(contest.event)
    with pytest.raises(VotingNotOpen, match="closed"):
        services.cast_vote(contest.event, contest.cats, code=code)
    assert votes_of(contest.event)[0].submission_id == contest.bees.id


@pytest.mark.parametrize("change", [{"status": "draft"}, {"disqualified_at": utcnow()}])
def test_only_gallery_entries_take_votes(voting, change):
    entry = make_submission(voting.event, make_team(voting.event), **change)
    with pytest.raises(NotInGallery):
        services.cast_vote(voting.event, entry, code=voting.codes[0])


def test_an_entry_of_another_event_takes_no_vote(voting):
    other = make_event("judging")
    with pytest.raises(NotInGallery):
        services.cast_vote(voting.event, make_submission(other, make_team(other)), code=voting.codes[0])
    with pytest.raises(NotInGallery):
        services.vote_for(voting.event, 999_999, voting.participant, None)


def test_a_code_of_another_event_is_refused(voting):
    other = make_event("judging")
    foreign = codes.generate_codes(other, 1)[0]
    with pytest.raises(MayNotVote, match="another event"):
        services.cast_vote(voting.event, voting.bees, code=foreign)
    with pytest.raises(CodeFromAnotherEvent):
        codes.find_code(voting.event, foreign.code)


def test_a_vote_comes_from_an_account_or_a_code_never_both(voting):
    with pytest.raises(ValueError):
        services.cast_vote(voting.event, voting.bees, user=voting.participant, code=voting.codes[0])
    with pytest.raises(ValueError):
        services.cast_vote(voting.event, voting.bees)


def test_the_database_refuses_a_vote_with_two_voters_or_none(voting):
    db.session.add(Vote(event_id=voting.event.id, submission_id=voting.bees.id))
    with pytest.raises(Exception):
        db.session.commit()
    db.session.rollback()


# ---- codes -------------------------------------------------------------------------------------

def test_codes_are_unique_unambiguous_and_labelled(contest):
    made = codes.generate_codes(contest.event, 300, "  Desk   B ")
    assert len({code.code for code in made}) == 300
    assert all(len(code.code) == 8 and set(code.code) <= set(codes.CODE_ALPHABET) for code in made)
    assert not set("01OIL") & set(codes.CODE_ALPHABET)
    assert {code.label for code in made} == {"Desk B"}


@pytest.mark.parametrize("count", [0, -1, codes.MAX_CODES_PER_BATCH + 1])
def test_a_batch_is_bounded(contest, count):
    with pytest.raises(VotingError, match="1 to 1000"):
        codes.generate_codes(contest.event, count)


def test_typed_codes_are_forgiving_about_case_spaces_and_dashes(voting):
    code = voting.codes[0]
    typed = f" {code.code[:4].lower()} - {code.code[4:]} "
    assert codes.find_code(voting.event, typed).id == code.id


@pytest.mark.parametrize("typed", ["", "ABC", "ABCD-EFG0", "not a code at all!"])
def test_malformed_codes_are_refused(voting, typed):
    with pytest.raises(UnknownCode, match="isn't a voting code"):
        codes.find_code(voting.event, typed)


def test_an_unknown_code_is_refused(voting):
    with pytest.raises(UnknownCode, match="don't know"):
        codes.find_code(voting.event, "ZZZZ-ZZZZ" if voting.codes[0].code != "ZZZZZZZZ" else "YYYY-YYYY")


def test_redeeming_a_code(voting):
    from flask_login import AnonymousUserMixin

    anonymous = AnonymousUserMixin()
    assert services.redeem_code(voting.event, anonymous, voting.codes[0].display, ADDRESS).id == voting.codes[0].id
    with pytest.raises(VotingError, match="with your account"):
        services.redeem_code(voting.event, voting.participant, voting.codes[0].code, ADDRESS)
    with pytest.raises(MayNotVote):
        services.redeem_code(voting.event, make_member(voting.event, "organizer"), voting.codes[0].code, ADDRESS)
    services.close_voting(voting.event)
    with pytest.raises(VotingNotOpen):
        services.redeem_code(voting.event, anonymous, voting.codes[0].code, ADDRESS)


def test_parallel_wrong_codes_from_one_address_stop_exactly_at_the_limit(app, voting):
    from flask_login import AnonymousUserMixin

    from hackathon.models import Event
    from tests.concurrency import run_at_once

    app.config["VOTING_CODE_LIMIT_PER_IP"] = "10 per minute"
    event_id = voting.event.id

    def guess(_):
        services.redeem_code(db.session.get(Event, event_id), AnonymousUserMixin(), "ZZZZ-ZZZZ", ADDRESS)

    results = run_at_once(app, guess, range(30))
    refusals = [type(result).__name__ for result in results]
    assert refusals.count("UnknownCode") == 10 and refusals.count("TooManyAttempts") == 20, refusals
    right = voting.codes[0].code
    with pytest.raises(TooManyAttempts):  # the limit holds for right codes too, until the window ends
        services.redeem_code(db.session.get(Event, event_id), AnonymousUserMixin(), right, ADDRESS)
    assert services.redeem_code(voting.event, AnonymousUserMixin(), right, "198.51.100.9").id == voting.codes[0].id


def test_batches_and_the_csv_for_printing(voting):
    codes.generate_codes(voting.event, 2, "=HYPERLINK(\"http://evil\")")
    services.cast_vote(voting.event, voting.bees, code=voting.codes[0])
    listed = {batch.label: (batch.count, batch.used) for batch in codes.batches(voting.event)}
    assert listed == {"Desk A": (5, 1), '=HYPERLINK("http://evil")': (2, 0)}
    csv = codes.codes_csv(voting.event)
    assert csv.splitlines()[0] == "code,batch,created_at,used"
    assert voting.codes[0].display in csv and "'=HYPERLINK" in csv and "\n=" not in csv
    assert len(codes.codes_csv(voting.event, "Desk A").splitlines()) == 6


# ---- results -----------------------------------------------------------------------------------

def cast_many(contest, picks):
    for code, entry in zip(contest.codes, picks):
        services.cast_vote(contest.event, entry, code=code)


def test_the_tally_counts_gallery_entries_and_shares_ranks_on_a_tie(voting):
    cast_many(voting, [voting.bees, voting.bees, voting.cats, voting.owls, voting.cats])
    rows = results.tally(voting.event)
    assert [(row.rank, row.submission.title, row.votes) for row in rows] == [
        (1, "Bee App", 2), (1, "Cat App", 2), (3, "Owl App", 1)]
    assert [row.submission.title for row in results.winners(rows)] == ["Bee App", "Cat App"]


def test_votes_for_a_disqualified_entry_stop_counting(voting):
    cast_many(voting, [voting.bees, voting.cats])
    voting.bees.disqualified_at = utcnow()
    db.session.commit()
    tally = [(row.submission.title, row.votes) for row in results.tally(voting.event)]
    assert tally == [("Cat App", 1), ("Owl App", 0)]


def test_results_stay_hidden_until_voting_closed_and_the_reveal_finished(voting):
    cast_many(voting, [voting.bees])
    assert results.results_payload(voting.event) == {"event": voting.event.slug, "open": True, "results": None}
    assert results.organizer_tally(voting.event) is None
    reveal(voting.event)
    assert results.results_payload(voting.event)["results"] is None  # voting still open
    services.close_voting(voting.event)
    assert results.organizer_tally(voting.event) is not None
    assert results.results_payload(voting.event)["results"][0] == {"rank": 1, "team": "Bees", "entry": "Bee App",
                                                                   "votes": 1}
    assert [row.submission.title for row in results.public_winners(voting.event)] == ["Bee App"]


def test_closing_before_the_reveal_keeps_results_private_until_it_ends(voting):
    cast_many(voting, [voting.cats])
    services.close_voting(voting.event)
    assert not results.results_are_public(voting.event) and results.public_winners(voting.event) == []
    reveal(voting.event)
    assert results.results_are_public(voting.event)


def test_nobody_wins_when_nobody_voted(voting):
    services.close_voting(voting.event)
    reveal(voting.event)
    assert results.public_winners(voting.event) == []
    assert [row["votes"] for row in results.results_payload(voting.event)["results"]] == [0, 0, 0]


# ---- the ballot a page shows -------------------------------------------------------------------

def test_the_ballot_of_a_participant_marks_the_choice_and_their_own_entry(voting):
    services.cast_vote(voting.event, voting.cats, user=voting.participant)
    ballot = services.ballot(voting.event, voting.participant, None)
    assert ballot.how == "account" and ballot.can_vote and ballot.choice.id == voting.cats.id
    marks = {item.submission.title: (item.is_choice, item.is_own) for item in ballot.entries}
    assert marks == {"Bee App": (False, False), "Cat App": (True, False), "Owl App": (False, True)}


def test_the_ballot_of_an_organizer_refuses_and_an_anonymous_one_asks_for_a_code(voting):
    from flask_login import AnonymousUserMixin

    organizer = services.ballot(voting.event, make_member(voting.event, "organizer"), voting.codes[0])
    assert organizer.how == "refused" and not organizer.can_vote and organizer.refusal.startswith("Organizers")
    assert services.ballot(voting.event, AnonymousUserMixin(), None).how == "needs_code"
    with_code = services.ballot(voting.event, AnonymousUserMixin(), voting.codes[0])
    assert with_code.how == "code" and with_code.can_vote


def test_the_ballot_says_when_the_chosen_entry_left_the_gallery(voting):
    services.cast_vote(voting.event, voting.bees, code=voting.codes[0])
    voting.bees.disqualified_at = utcnow()
    db.session.commit()
    from flask_login import AnonymousUserMixin

    assert services.ballot(voting.event, AnonymousUserMixin(), voting.codes[0]).choice_withdrawn
