"""Account recovery: one-time, expiring links to set a new password, by e-mail or made by a site admin.

Asking for a link never tells whether an address has an account: the answer, and the work done in
the request, are the same; the message itself is sent from a background task. Only a SHA-256 of
each token is stored, so a copy of the database opens no account. Using a link is one conditional
UPDATE (`used_at IS NULL`), so two tabs racing with one link set one password.
"""
import hashlib
import secrets
from datetime import timedelta

from flask import current_app, url_for
from limits import parse_many
from limits.strategies import FixedWindowRateLimiter

from ..extensions import db, limiter
from ..models import LoginSession, PasswordReset, User
from ..models.types import utcnow
from ..models.user import find_user_by_email
from ..realtime import rooms
from . import mail
from .services import AccountError, check_password_strength

RESET_LIFETIME = timedelta(hours=1)
ADMIN_RESET_LIFETIME = timedelta(days=3)


class ResetLinkInvalid(AccountError):
    def __init__(self):
        super().__init__("This link to reset your password is not valid any more: it was used, it expired, "
                         "or a newer one replaced it. Ask for a new one.")


class TooManyResets(AccountError):
    def __init__(self):
        super().__init__("Too many reset requests from your address. Wait a few minutes, then try again.")


def request_reset(email: str, address: str) -> None:
    """E-mail a reset link if an active account has this address; say nothing either way.

    Throttled per address (TooManyResets, which reveals nothing about the account) and quietly per
    account, so nobody can fill someone's inbox.
    """
    if not _hit("PASSWORD_RESET_LIMIT_PER_ADDRESS", "reset-address", address):
        raise TooManyResets()
    token = new_token()  # made either way, so both paths do the same work
    user = find_user_by_email(email or "")
    if user is None or not user.is_active or not _hit("PASSWORD_RESET_LIMIT_PER_ACCOUNT", "reset-account",
                                                      str(user.id)):
        return
    _store(user, token, RESET_LIFETIME)
    link = url_for("auth.reset_password", token=token, _external=True)
    mail.send_later(user.email, "Reset your password", RESET_MAIL.format(name=user.display_name, link=link,
                                                                          minutes=int(RESET_LIFETIME.seconds / 60)))


def admin_reset_link(user: User, by: User) -> str:
    """A site admin makes a reset link by hand (to pass on by other means); valid for three days."""
    token = new_token()
    _store(user, token, ADMIN_RESET_LIFETIME, made_by=by)
    return url_for("auth.reset_password", token=token, _external=True)


def find_reset(token: str) -> PasswordReset:
    """The unused, unexpired reset behind a link, or ResetLinkInvalid."""
    reset = db.session.scalar(db.select(PasswordReset).where(PasswordReset.token_hash == token_hash(token or "")))
    if reset is None or reset.used_at is not None or reset.expires_at <= utcnow() or not reset.user.is_active:
        raise ResetLinkInvalid()
    return reset


def reset_password(token: str, password: str) -> User:
    """Set a new password through a link, once; every log-in of the account ends, as do its other links."""
    reset = find_reset(token)
    user = reset.user
    check_password_strength(password, user.email, user.display_name)
    now = utcnow()
    used = db.session.execute(db.update(PasswordReset).where(
        PasswordReset.id == reset.id, PasswordReset.used_at.is_(None)).values(used_at=now)
        .execution_options(synchronize_session=False)).rowcount
    if used != 1:
        db.session.rollback()
        raise ResetLinkInvalid()
    user.set_password(password)
    db.session.execute(db.update(PasswordReset).where(PasswordReset.user_id == user.id, PasswordReset.used_at.is_(None))
                       .values(used_at=now).execution_options(synchronize_session=False))
    db.session.execute(db.delete(LoginSession).where(LoginSession.user_id == user.id))
    db.session.commit()
    rooms.signed_out(user)
    return user


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def _store(user: User, token: str, lifetime: timedelta, made_by: User | None = None) -> None:
    db.session.add(PasswordReset(user_id=user.id, token_hash=token_hash(token), expires_at=utcnow() + lifetime,
                                 made_by_id=made_by.id if made_by else None))
    db.session.commit()


def _hit(setting: str, *key: str) -> bool:
    strategy = FixedWindowRateLimiter(limiter.storage)
    return all(strategy.hit(item, *key) for item in parse_many(current_app.config[setting]))


RESET_MAIL = """Hello {name},

someone (we hope you) asked to reset the password of your hackathon account.
Open this link within {minutes} minutes to choose a new one; it works once:

{link}

If you didn't ask, ignore this message: your password stays as it is.
"""
