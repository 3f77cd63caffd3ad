"""Invite rules: roles granted, uses counted race-free, refusals explained."""
from datetime import timedelta

import pytest

from hackathon.events.services import RoleConflict
from hackathon.extensions import db
from hackathon.invites import services
from hackathon.models import Invite, Membership, User
from hackathon.models.types import utcnow
from tests.concurrency import run_at_once
from tests.factories import make_event, make_invite, make_member, make_user


def test_accepting_an_invite_grants_its_role_and_counts_a_use(app):
    event, user = make_event(), make_user()
    invite = make_invite(event, "mentor", max_uses=2)
    membership = services.accept_invite(user, invite.token)
    db.session.refresh(invite)
    assert (membership.role, membership.invite_id, invite.uses) == ("mentor", invite.id, 1)


def test_following_the_same_invite_twice_uses_it_once(app):
    event, user = make_event(), make_user()
    invite = make_invite(event, "judge", max_uses=2)
    services.accept_invite(user, invite.token)
    services.accept_invite(user, invite.token)
    db.session.refresh(invite)
    assert invite.uses == 1


@pytest.mark.parametrize("fields, reason", [
    ({"revoked_at": utcnow()}, "revoked"),
    ({"expires_at": utcnow() - timedelta(seconds=1)}, "expired"),
    ({"uses": 1, "max_uses": 1}, "used as many times"),
])
def test_unusable_invites_say_why(app, fields, reason):
    invite = make_invite(make_event(), "judge", **fields)
    with pytest.raises(services.InviteUnusable, match=reason):
        services.accept_invite(make_user(), invite.token)


def test_unknown_token_is_not_found(app):
    with pytest.raises(services.InviteNotFound):
        services.accept_invite(make_user(), "nope")


def test_a_participant_cannot_accept_a_judge_invite_of_the_same_event(app):
    event = make_event()
    participant = make_member(event, "participant")
    invite = make_invite(event, "judge")
    with pytest.raises(RoleConflict):
        services.accept_invite(participant, invite.token)
    db.session.refresh(invite)
    assert invite.uses == 0  # a refused attempt doesn't burn a use


def test_participant_invites_admit_people_after_registration_closed(app):
    event = make_event("judging")
    membership = services.accept_invite(make_user(), make_invite(event, "participant").token)
    assert membership.role == "participant"


def test_revoke_keeps_the_roles_already_granted(app):
    event, user = make_event(), make_user()
    invite = make_invite(event, "mentor", max_uses=5)
    services.accept_invite(user, invite.token)
    services.revoke_invite(invite)
    assert invite.status() == "revoked"
    assert db.session.scalar(db.select(db.func.count()).select_from(Membership)) == 1


def test_simultaneous_acceptances_never_exceed_max_uses(app):
    event = make_event()
    invite = make_invite(event, "mentor", max_uses=3)
    token, user_ids = invite.token, [make_user().id for _ in range(12)]
    results = run_at_once(app, lambda user_id: services.accept_invite(
        db.session.get(User, user_id), token).role, user_ids)
    assert results.count("mentor") == 3
    assert all(isinstance(r, services.InviteUnusable) for r in results if r != "mentor"), results
    assert db.session.scalar(db.select(Invite.uses).where(Invite.id == invite.id)) == 3
    assert db.session.scalar(db.select(db.func.count()).select_from(Membership)) == 3
