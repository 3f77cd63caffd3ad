"""Account rules: sign-up, sign-in, passwords and profiles."""
from datetime import timedelta

from flask import current_app
from sqlalchemy.exc import IntegrityError
from werkzeug.security import generate_password_hash
from zxcvbn import zxcvbn

from ..extensions import db
from ..models import LoginSession, User, UserLink, UserSkill
from ..models.types import utcnow
from ..models.user import find_user_by_email
from ..realtime import rooms
from . import throttle

# Checked when no account matches, so a failed log-in takes as long either way.
_DUMMY_HASH = generate_password_hash("not-a-real-password")
# zxcvbn's score: 0 is a top-100 password, 4 very hard to guess. 3 keeps out every password in its
# lists of leaked passwords, words and names, and their easy variations ("Password1!").
MIN_PASSWORD_SCORE = 3
# zxcvbn's own limit; a password's first 72 characters decide whether it is guessable.
STRENGTH_CHECKED_LENGTH = 72


class AccountError(Exception):
    """An account rule was broken; the message is safe to show."""


class EmailTaken(AccountError):
    def __init__(self):
        super().__init__("An account with this e-mail already exists. Log in, or use another address.")


class InvalidCredentials(AccountError):
    def __init__(self):
        super().__init__("That e-mail and password don't match an account.")


class WrongPassword(AccountError):
    def __init__(self):
        super().__init__("Your current password is not right.")


class AccountDeactivated(AccountError):
    def __init__(self):
        super().__init__("This account has been deactivated. Ask the site's admins if this is a mistake.")


class WeakPassword(AccountError):
    """The password is common (leaked, a word, a name) or built from the person's own details."""


def check_password_strength(password: str, *personal: str) -> None:
    """Refuse a password that is common or easy to guess (zxcvbn's lists of leaked passwords, words
    and names, keyboard patterns, dates), or made of the person's own name or e-mail."""
    result = zxcvbn(password[:STRENGTH_CHECKED_LENGTH], user_inputs=[value for value in personal if value])
    if result["score"] < MIN_PASSWORD_SCORE:
        feedback = result["feedback"]
        why = feedback["warning"] or "It would be easy to guess."
        tips = " ".join(feedback["suggestions"]) or "Add a few more words."
        raise WeakPassword(f"Choose a harder password. {why} {tips}".strip())


def register_user(display_name: str, email: str, password: str, is_site_admin: bool = False) -> User:
    """Create an account with a strong password; e-mails are unique regardless of case."""
    email = email.strip().lower()
    check_password_strength(password, email, display_name)
    if find_user_by_email(email) is not None:
        raise EmailTaken()
    user = User(display_name=display_name.strip(), email=email, is_site_admin=is_site_admin)
    user.set_password(password)
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError:  # a concurrent sign-up with the same address won the race
        db.session.rollback()
        raise EmailTaken() from None
    return user


def sign_up(display_name: str, email: str, password: str) -> None:
    """Create an account from the sign-up form without telling whether the address had one already.

    A taken address creates nothing, after the same work as a new account, and the caller answers
    the same way, so the form can't be used to find out who has an account.
    """
    try:
        register_user(display_name, email, password)
    except EmailTaken:
        generate_password_hash(password, current_app.config["PASSWORD_HASH_METHOD"])


def log_in(email: str, password: str, address: str) -> User:
    """Check credentials after counting the attempt (throttle.py) and start a log-in session;
    raises TooManyAttempts or InvalidCredentials."""
    throttle.reserve_attempt(email, address)
    user = authenticate(email, password)
    throttle.attempt_succeeded(email, address)
    start_session(user)
    return user


def start_session(user: User) -> LoginSession:
    """Record a new log-in on the server; its token goes into this browser's cookies (User.get_id)."""
    _forget_stale_sessions(user)
    login = LoginSession(user=user)
    db.session.add(login)
    db.session.commit()
    user.current_login = login
    return login


def end_session(login: LoginSession) -> None:
    """End one log-in: every copy of its session and remember-me cookies stops working at once."""
    db.session.delete(login)
    db.session.commit()


def log_out(user: User) -> None:
    """End the log-in this request was made under; its open sockets lose their private rooms."""
    if user.current_login is not None:
        end_session(user.current_login)
        rooms.signed_out(user)


def _forget_stale_sessions(user: User) -> None:
    # Older than the longest a remember-me cookie lives: no cookie can name them any more.
    lifetime = current_app.config.get("REMEMBER_COOKIE_DURATION", timedelta(days=365))
    lifetime = lifetime if isinstance(lifetime, timedelta) else timedelta(seconds=lifetime)
    db.session.execute(db.delete(LoginSession).where(LoginSession.user_id == user.id,
                                                     LoginSession.created_at < utcnow() - lifetime))


def authenticate(email: str, password: str) -> User:
    """Return the account for these credentials or raise InvalidCredentials."""
    user = find_user_by_email(email)
    if user is None:
        User(password_hash=_DUMMY_HASH).check_password(password)
        raise InvalidCredentials()
    if not user.check_password(password):
        raise InvalidCredentials()
    if not user.is_active:
        raise AccountDeactivated()
    return user


def change_password(user: User, current: str, new: str, address: str) -> None:
    """Replace the password after checking the current one (throttled like log-in) and the new one's
    strength; every other log-in of the account ends (this one goes on)."""
    throttle.reserve_attempt(user.email, address)
    if not user.check_password(current):
        raise WrongPassword()
    throttle.attempt_succeeded(user.email, address)
    check_password_strength(new, user.email, user.display_name)
    user.set_password(new)
    keep = user.current_login.id if user.current_login is not None else None
    db.session.execute(db.delete(LoginSession).where(LoginSession.user_id == user.id, LoginSession.id != keep))
    db.session.commit()
    rooms.signed_out(user)


def update_profile(user: User, *, display_name: str, bio: str, organization: str,
                   skills: list[str], links: list[str]) -> None:
    """Save the public profile; skills and links replace the previous ones."""
    user.display_name = display_name.strip()
    user.bio = bio.strip()
    user.organization = organization.strip()
    # Keep rows that stay, so the (user, name) unique key never sees a delete-then-insert.
    user.skills = [skill for skill in user.skills if skill.name in skills] + [
        UserSkill(name=name) for name in skills if name not in user.skill_names]
    user.links = [UserLink(url=url, position=i) for i, url in enumerate(links)]
    db.session.commit()


def make_site_admin(email: str, display_name: str, password: str) -> User:
    """Create a site admin, or promote the existing account with that e-mail."""
    user = find_user_by_email(email)
    if user is None:
        return register_user(display_name, email, password, is_site_admin=True)
    user.is_site_admin = True
    db.session.commit()
    return user
