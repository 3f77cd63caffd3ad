"""Invite rules: organizers hand out links that grant a role; each use is counted race-free."""
from datetime import datetime

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError

from ..errors import DomainError
from ..events.services import add_role, check_role_allowed
from ..extensions import db
from ..models import Event, Invite, Membership, User
from ..realtime import rooms
from ..models.membership import PARTICIPANT
from ..models.types import utcnow
from ..registration.services import seat_invited

MAX_INVITE_USES = 1000


class InviteError(DomainError):
    """The invite can't be used; the message says why and what to do."""


class InviteNotFound(InviteError):
    status = 404

    def __init__(self):
        super().__init__("This invite link is not valid. Check that you copied all of it, "
                         "or ask the organizers for a new one.")


class InviteUnusable(InviteError):
    status = 410
    REASONS = {
        "revoked": "This invite link has been revoked by the organizers.",
        "expired": "This invite link has expired.",
        "used up": "This invite link has been used as many times as allowed.",
    }

    def __init__(self, status: str):
        super().__init__(f"{self.REASONS[status]} Ask the organizers for a new one.")


def find_invite(token: str) -> Invite:
    """The invite behind a link, or InviteNotFound."""
    invite = db.session.scalar(db.select(Invite).where(Invite.token == token))
    if invite is None:
        raise InviteNotFound()
    return invite


def create_invite(event: Event, created_by: User, role: str, max_uses: int,
                  expires_at: datetime | None, label: str = "") -> Invite:
    """Make a new invite link for `role`."""
    invite = Invite(event=event, created_by=created_by, role=role, max_uses=max_uses,
                    expires_at=expires_at, label=label.strip())
    db.session.add(invite)
    db.session.commit()
    return invite


def revoke_invite(invite: Invite) -> None:
    """Stop an invite from being used again; memberships it granted stay."""
    if invite.revoked_at is None:
        invite.revoked_at = utcnow()
        db.session.commit()


def accept_invite(user: User, token: str) -> Membership:
    """Grant the invite's role to `user`, counting one use atomically."""
    invite = find_invite(token)
    held = db.session.scalar(db.select(Membership).where(
        Membership.user_id == user.id, Membership.event_id == invite.event_id,
        Membership.role == invite.role))
    if held is not None:
        return held  # following the link twice must not burn a second use
    if invite.status() != "active":
        raise InviteUnusable(invite.status())
    check_role_allowed(user, invite.event, invite.role)
    if not _take_one_use(invite):
        db.session.rollback()
        raise InviteUnusable(find_invite(token).status())
    membership = add_role(user, invite.event, invite.role, invite_id=invite.id)
    if invite.role == PARTICIPANT:
        seat_invited(user, invite.event)  # a confirmed seat with a check-in code, outside the capacity
    try:
        db.session.commit()
    except IntegrityError:  # the same user accepted in another tab at the same instant
        db.session.rollback()
        return accept_invite(user, token)
    rooms.access_gained(user.id)
    return membership


def _take_one_use(invite: Invite) -> bool:
    """Increment the use count only if the invite is still active, in one statement."""
    now = utcnow()
    result = db.session.execute(
        update(Invite)
        .where(Invite.id == invite.id, Invite.uses < Invite.max_uses, Invite.revoked_at.is_(None),
               or_(Invite.expires_at.is_(None), Invite.expires_at > now))
        .values(uses=Invite.uses + 1)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1
