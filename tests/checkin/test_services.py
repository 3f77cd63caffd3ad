"""Check-in: by code or by name, once; a second scan says when; voting codes handed out once each."""
import pytest

from hackathon.checkin import services
from hackathon.extensions import db
from hackathon.models import Application
from hackathon.voting.codes import generate_codes
from tests.concurrency import run_at_once
from tests.factories import make_application, make_event, make_member, make_registration, make_user


def test_a_code_checks_in_once_and_a_second_scan_says_when(app):
    event = make_event("hacking")
    application = make_application(event, status="confirmed")
    desk = make_member(event, "volunteer", display_name="Vic")
    code = application.checkin_display.lower().replace("-", " ")
    first = services.check_in(event, services.find_by_code(event, code), desk)
    again = services.check_in(event, services.find_by_code(event, application.checkin_code), desk)
    assert first.is_new and not again.is_new
    assert again.checked_in_at == first.checked_in_at and again.checked_in_by == "Vic"


@pytest.mark.parametrize("code", ["", "ABCD", "0000-0000", "ABCD-EFGH"])
def test_unknown_codes_are_refused(app, code):
    with pytest.raises(services.UnknownCheckinCode):
        services.find_by_code(make_event(), code)


def test_a_code_of_another_event_is_unknown_here(app):
    application = make_application(make_event(), status="confirmed")
    with pytest.raises(services.UnknownCheckinCode):
        services.find_by_code(make_event(), application.checkin_code)


def test_only_confirmed_people_are_checked_in(app):
    event = make_event()
    withdrawn = make_application(event, status="withdrawn", checkin_code="ABCDEFGH")
    with pytest.raises(services.NotConfirmed):
        services.check_in(event, withdrawn, make_member(event, "volunteer"))


def test_search_finds_confirmed_people_by_name_or_email(app):
    event = make_event()
    ada = make_application(event, make_user(display_name="Ada Okafor"), status="confirmed")
    make_application(event, make_user(display_name="Ada Waiting"), status="waitlisted")
    assert [application.id for application, _ in services.search(event, "ada")] == [ada.id]
    assert services.search(event, "a") == []


def test_check_in_hands_out_each_voting_code_once(app):
    event = make_event()
    make_registration(event, hands_out_voting_codes=True)
    codes = generate_codes(event, 2)
    desk = make_member(event, "volunteer")
    people = [make_application(event, status="confirmed") for _ in range(3)]
    handed = [services.check_in(event, person, desk).voting_code for person in people]
    assert sorted(handed[:2]) == sorted(code.display for code in codes) and handed[2] == ""


def test_two_desks_scanning_at_once_record_one_arrival(app):
    event = make_event()
    make_registration(event, hands_out_voting_codes=True)
    generate_codes(event, 5)
    application = make_application(event, status="confirmed")
    desks = [make_member(event, "volunteer").id for _ in range(6)]
    event_id, code, application_id = event.id, application.checkin_code, application.id

    def scan(desk_id):
        from hackathon.models import Event, User
        here = db.session.get(Event, event_id)
        return services.check_in(here, services.find_by_code(here, code), db.session.get(User, desk_id)).is_new

    assert sorted(run_at_once(app, scan, desks)) == [False] * 5 + [True]
    db.session.expire_all()
    assert db.session.get(Application, application_id).voting_code_id is not None
