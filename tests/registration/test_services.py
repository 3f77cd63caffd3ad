"""Registration rules: applying, capacity and waitlist edges, decisions, confirmation and expiry."""
from datetime import timedelta

import pytest

from hackathon.events.services import RoleConflict
from hackathon.extensions import db
from hackathon.models import Application, Membership
from hackathon.models.types import utcnow
from hackathon.registration import services
from hackathon.registration.errors import (AlreadyApplied, AnswersInvalid, ApplicationsClosed, LeaveTeamFirst,
                                           NoSeatOffered, OfferExpired)
from hackathon.registration.seats import waitlist_position
from tests.factories import (make_application, make_event, make_member, make_question, make_registration,
                             make_team, make_user)


def roles(user, event):
    return set(db.session.scalars(db.select(Membership.role).where(Membership.user_id == user.id,
                                                                    Membership.event_id == event.id)))


def status(user, event):
    db.session.expire_all()
    return services.application_of(user, event).status


def test_an_open_event_without_limit_seats_everyone_at_once(app):
    event, user = make_event("registration"), make_user()
    application = services.apply(user, event, {})
    assert application.status == "confirmed" and application.checkin_code and roles(user, event) == {"participant"}


def test_applying_twice_is_refused(app):
    event, user = make_event("registration"), make_user()
    services.apply(user, event, {})
    with pytest.raises(AlreadyApplied):
        services.apply(user, event, {})


@pytest.mark.parametrize("phase", ["upcoming", "judging"])
def test_applications_close_at_the_cut_off(app, phase):
    with pytest.raises(ApplicationsClosed, match="Registration for"):
        services.apply(make_user(), make_event(phase), {})


def test_the_cut_off_is_on_the_event_clock_to_the_second(app):
    event = make_event("registration", registration_closes_at=utcnow() - timedelta(seconds=1))
    with pytest.raises(ApplicationsClosed):
        services.apply(make_user(), event, {})


def test_a_closed_event_takes_no_applications(app):
    with pytest.raises(ApplicationsClosed):
        services.apply(make_user(), make_event("registration", closed_at=utcnow()), {})


@pytest.mark.parametrize("staff_role", ["judge", "mentor", "organizer", "volunteer"])
def test_staff_cannot_apply_to_their_event(app, staff_role):
    event = make_event("registration")
    with pytest.raises(RoleConflict, match=f"You are a {staff_role}"):
        services.apply(make_member(event, staff_role), event, {})


def test_required_answers_and_eligibility_statements_are_checked(app):
    event = make_event("registration")
    school = make_question(event, "short_text", "School", is_required=True)
    statement = make_question(event, "statement", "I am a student")
    with pytest.raises(AnswersInvalid) as raised:
        services.apply(make_user(), event, {school.field_name: ["TU Berlin"]})
    assert list(raised.value.problems) == [statement.field_name]
    assert db.session.scalar(db.select(db.func.count(Application.id))) == 0


def test_the_last_seat_goes_to_the_next_applicant_and_then_the_waitlist_starts(app):
    event = make_event("registration")
    make_registration(event, capacity=2)
    first, second, third, fourth = (make_user() for _ in range(4))
    make_application(event, first, "confirmed")
    assert services.apply(second, event, {}).status == "confirmed"
    assert services.apply(third, event, {}).status == "waitlisted"
    assert services.apply(fourth, event, {}).status == "waitlisted"
    assert waitlist_position(services.application_of(fourth, event)) == 2
    assert roles(third, event) == set()


def test_a_reviewed_event_keeps_applications_for_the_organizers(app):
    event = make_event("registration")
    make_registration(event, mode="reviewed", capacity=5)
    application = services.apply(make_user(), event, {})
    assert application.status == "submitted" and application.checkin_code is None


def test_decisions_in_bulk_stop_accepting_when_seats_run_out(app):
    event = make_event("registration")
    make_registration(event, mode="reviewed", capacity=2)
    organizer = make_member(event, "organizer")
    applications = [make_application(event) for _ in range(3)]
    result = services.decide(event, [a.id for a in applications], "accept", organizer)
    assert (result.changed, result.no_seat) == (2, 1)
    db.session.expire_all()
    assert [a.status for a in applications] == ["accepted", "accepted", "submitted"]
    assert applications[0].offer_expires_at > utcnow() + timedelta(hours=71)


def test_accepting_only_applications_of_this_event(app):
    event, other = make_event("registration"), make_event("registration")
    make_registration(event, mode="reviewed")
    theirs = make_application(other)
    result = services.decide(event, [theirs.id], "accept", make_member(event, "organizer"))
    assert result.changed == 0 and status(theirs.user, other) == "submitted"


def test_confirming_makes_a_participant(app):
    event = make_event("registration")
    make_registration(event, mode="reviewed", capacity=1)
    application = make_application(event, status="accepted")
    services.confirm(application.user, event)
    assert status(application.user, event) == "confirmed" and roles(application.user, event) == {"participant"}


def test_confirming_without_an_offer_is_refused(app):
    event = make_event("registration")
    application = make_application(event, status="waitlisted")
    with pytest.raises(NoSeatOffered):
        services.confirm(application.user, event)


def test_an_expired_offer_cannot_be_confirmed_and_passes_to_the_waitlist(app):
    event = make_event("registration")
    make_registration(event, mode="reviewed", capacity=1)
    late = make_application(event, status="accepted", offer_expires_at=utcnow() - timedelta(seconds=1))
    waiting = make_application(event, status="waitlisted")
    with pytest.raises(OfferExpired):
        services.confirm(late.user, event)
    assert status(late.user, event) == "expired" and status(waiting.user, event) == "accepted"
    assert roles(late.user, event) == set()


def test_the_ticker_expires_offers_and_passes_the_seats_in_order(app):
    event = make_event("registration")
    make_registration(event, mode="reviewed", capacity=2)
    late = [make_application(event, status="accepted", offer_expires_at=utcnow() - timedelta(minutes=1))
            for _ in range(2)]
    first, second, third = (make_application(event, status="waitlisted") for _ in range(3))
    assert services.expire_offers() == 1
    assert [status(a.user, event) for a in late] == ["expired", "expired"]
    assert [status(a.user, event) for a in (first, second, third)] == ["accepted", "accepted", "waitlisted"]
    assert waitlist_position(services.application_of(third.user, event)) == 1


def test_declining_a_seat_passes_it_to_the_first_on_the_waitlist(app):
    event = make_event("registration")
    make_registration(event, capacity=1)
    holder = make_application(event, status="accepted")
    first, second = make_application(event, status="waitlisted"), make_application(event, status="waitlisted")
    services.withdraw(holder.user, event)
    assert [status(a.user, event) for a in (holder, first, second)] == ["withdrawn", "accepted", "waitlisted"]


def test_giving_up_a_confirmed_seat_ends_the_participant_role(app):
    event = make_event("registration")
    make_registration(event, capacity=1)
    holder = make_application(event, status="confirmed")
    waiting = make_application(event, status="waitlisted")
    services.withdraw(holder.user, event)
    assert roles(holder.user, event) == set() and status(waiting.user, event) == "accepted"


def test_a_team_member_must_leave_the_team_before_giving_up_the_seat(app):
    event = make_event("registration")
    holder = make_application(event, status="confirmed")
    make_team(event, [holder.user])
    with pytest.raises(LeaveTeamFirst):
        services.withdraw(holder.user, event)
    assert status(holder.user, event) == "confirmed"


def test_a_larger_capacity_offers_the_new_seats_down_the_waitlist(app):
    event = make_event("registration")
    make_registration(event, capacity=0)
    waiting = [make_application(event, status="waitlisted") for _ in range(3)]
    services.update_settings(event, "open", 2, 48, False)
    assert [status(a.user, event) for a in waiting] == ["accepted", "accepted", "waitlisted"]


def test_an_organizer_who_declines_an_offer_frees_its_seat(app):
    event = make_event("registration")
    make_registration(event, mode="reviewed", capacity=1)
    offered, waiting = make_application(event, status="accepted"), make_application(event, status="waitlisted")
    services.decide(event, [offered.id], "decline", make_member(event, "organizer"))
    assert status(offered.user, event) == "declined" and status(waiting.user, event) == "accepted"


def test_confirmed_people_are_left_alone_by_bulk_decisions(app):
    event = make_event("registration")
    confirmed = make_application(event, status="confirmed")
    result = services.decide(event, [confirmed.id], "decline", make_member(event, "organizer"))
    assert result.skipped == 1 and status(confirmed.user, event) == "confirmed"


def test_an_invite_link_gives_a_confirmed_seat_with_a_check_in_code(app):
    from hackathon.invites.services import accept_invite
    from tests.factories import make_invite

    event, user = make_event("registration"), make_user()
    accept_invite(user, make_invite(event, "participant").token)
    application = services.application_of(user, event)
    assert application.status == "confirmed" and application.source == "invite" and application.checkin_code


def test_answers_can_change_until_a_decision(app):
    event = make_event("registration")
    make_registration(event, mode="reviewed")
    school = make_question(event, "short_text", "School")
    user = make_user()
    services.apply(user, event, {school.field_name: ["TU"]})
    services.update_answers(user, event, {school.field_name: ["KTH"]})
    assert services.application_of(user, event).answers == {str(school.id): "KTH"}


def test_someone_who_withdrew_may_apply_again_at_the_end_of_the_line(app):
    event = make_event("registration")
    make_registration(event, capacity=0)
    user = make_user()
    services.apply(user, event, {})
    services.withdraw(user, event)
    assert services.apply(user, event, {}).status == "waitlisted"
