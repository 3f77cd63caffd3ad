"""Account rules: sign-up, sign-in, passwords and profiles."""
from sqlalchemy.exc import IntegrityError
from werkzeug.security import generate_password_hash

from ..extensions import db
from ..models import User, UserLink, UserSkill
from ..models.user import find_user_by_email

# Checked when no account matches, so a failed log-in takes as long either way.
_DUMMY_HASH = generate_password_hash("not-a-real-password")


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


def register_user(display_name: str, email: str, password: str, is_site_admin: bool = False) -> User:
    """Create an account; e-mails are unique regardless of case."""
    email = email.strip().lower()
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


def authenticate(email: str, password: str) -> User:
    """Return the account for these credentials or raise InvalidCredentials."""
    user = find_user_by_email(email)
    if user is None:
        User(password_hash=_DUMMY_HASH).check_password(password)
        raise InvalidCredentials()
    if not user.check_password(password):
        raise InvalidCredentials()
    return user


def change_password(user: User, current: str, new: str) -> None:
    """Replace the password after checking the current one; signs out other sessions."""
    if not user.check_password(current):
        raise WrongPassword()
    user.set_password(new)
    db.session.commit()


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
