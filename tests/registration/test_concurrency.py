"""Seats under real concurrency (threads released together; run on SQLite and on PostgreSQL):
capacity is never exceeded and two freed seats never go to the same person."""
from datetime import timedelta

from hackathon.extensions import db
from hackathon.models import Application, Event, Membership, User
from hackathon.models.types import utcnow
from hackathon.registration import services
from hackathon.registration.errors import NoSeatOffered, OfferExpired
from tests.concurrency import run_at_once
from tests.factories import make_application, make_event, make_registration, make_user


def _as(user_id, event_id, service):
    return service(db.session.get(User, user_id), db.session.get(Event, event_id))


def _statuses(event) -> dict[int, str]:
    db.session.expire_all()
    return dict(db.session.execute(db.select(Application.user_id, Application.status)
                                   .where(Application.event_id == event.id)).all())


def _participants(event) -> set[int]:
    return set(db.session.scalars(db.select(Membership.user_id).where(
        Membership.event_id == event.id, Membership.role == "participant")))


def test_fifty_simultaneous_applications_for_ten_seats(app):
    event = make_event("registration")
    make_registration(event, capacity=10)
    users, event_id = [make_user().id for _ in range(50)], event.id
    results = run_at_once(app, lambda user_id: _as(user_id, event_id, lambda u, e: services.apply(u, e, {})).status,
                          users)
    assert results.count("confirmed") == 10 and results.count("waitlisted") == 40, results
    statuses = _statuses(event)
    confirmed = {user for user, status in statuses.items() if status == "confirmed"}
    assert len(confirmed) == 10 and _participants(event) == confirmed
    waiting = db.session.scalars(db.select(Application).where(
        Application.event_id == event.id, Application.status == "waitlisted")).all()
    from hackathon.registration.seats import waitlist_positions
    assert sorted(waitlist_positions(event).values()) == list(range(1, 41)) and len(waiting) == 40


def test_fifty_simultaneous_confirmations_for_ten_seats(app):
    """Ten offers (five of them past their deadline) and forty people waiting all press *Confirm* at
    once: the five valid offers confirm, the five late ones pass their seats to the first five in line,
    and nobody else gets a seat."""
    event = make_event("registration")
    make_registration(event, mode="reviewed", capacity=10)
    valid = [make_application(event, status="accepted") for _ in range(5)]
    late = [make_application(event, status="accepted", offer_expires_at=utcnow() - timedelta(seconds=1))
            for _ in range(5)]
    waiting = [make_application(event, status="waitlisted") for _ in range(40)]
    everyone, event_id = [a.user_id for a in valid + late + waiting], event.id
    results = run_at_once(app, lambda user_id: _as(user_id, event_id, services.confirm), everyone)
    assert all(isinstance(r, Application) for r in results[:5]), results[:5]
    assert all(isinstance(r, OfferExpired) for r in results[5:10]), results[5:10]
    assert all(isinstance(r, (NoSeatOffered, Application)) for r in results[10:]), results[10:]
    statuses = _statuses(event)
    holding = [user for user, status in statuses.items() if status in ("accepted", "confirmed")]
    assert len(holding) == 10
    assert {a.user_id for a in valid} | {a.user_id for a in waiting[:5]} == set(holding)
    assert all(statuses[a.user_id] == "expired" for a in late)
    assert all(statuses[a.user_id] == "waitlisted" for a in waiting[5:])
    assert _participants(event) == {user for user, status in statuses.items() if status == "confirmed"}


def test_ten_seats_declined_at_once_go_to_ten_different_people_in_order(app):
    event = make_event("registration")
    make_registration(event, capacity=10)
    holders = [make_application(event, status="accepted") for _ in range(10)]
    waiting = [make_application(event, status="waitlisted") for _ in range(25)]
    holder_ids, event_id = [a.user_id for a in holders], event.id
    results = run_at_once(app, lambda user_id: _as(user_id, event_id, services.withdraw).status, holder_ids)
    assert results == ["withdrawn"] * 10
    statuses = _statuses(event)
    assert [statuses[a.user_id] for a in waiting] == ["accepted"] * 10 + ["waitlisted"] * 15
