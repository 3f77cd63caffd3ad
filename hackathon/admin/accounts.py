"""Site admins' care of accounts: finding them, deactivating (every log-in ends at once) and
reactivating them."""
from ..errors import DomainError
from ..extensions import db
from ..models import LoginSession, User
from ..models.types import utcnow
from ..models.user import name_or_email_contains
from ..realtime import rooms

PAGE_SIZE = 50


class AccountCareError(DomainError):
    """An admin action on an account was refused."""


def find_accounts(text: str) -> list[User]:
    """Accounts whose name or e-mail contains `text` (all when empty), newest first, one page."""
    query = db.select(User).order_by(User.created_at.desc(), User.id.desc()).limit(PAGE_SIZE)
    text = (text or "").strip().lower()[:100]
    if text:
        query = query.where(name_or_email_contains(text))
    return list(db.session.scalars(query))


def deactivate(user: User, by: User) -> None:
    """Stop an account: it can't log in, and every session and remember-me cookie of it stops working now."""
    if user.id == by.id:
        raise AccountCareError("You can't deactivate your own account.")
    if user.deactivated_at is None:
        user.deactivated_at = utcnow()
    db.session.execute(db.delete(LoginSession).where(LoginSession.user_id == user.id))
    db.session.commit()
    rooms.signed_out(user)


def reactivate(user: User) -> None:
    """Let a deactivated account log in again (with its password, or a reset link)."""
    user.deactivated_at = None
    db.session.commit()
