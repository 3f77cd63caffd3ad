"""Accounts and their public profile."""
import secrets
from datetime import datetime

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from .types import UTCDateTime, utcnow


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    password_hash: Mapped[str] = mapped_column(String(255))
    is_site_admin: Mapped[bool] = mapped_column(default=False)
    bio: Mapped[str] = mapped_column(Text, default="")
    organization: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set by a site admin: the account can't log in and its log-ins have ended.
    deactivated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    skills: Mapped[list["UserSkill"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", order_by="UserSkill.name"
    )
    links: Mapped[list["UserLink"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", order_by="UserLink.position"
    )
    memberships: Mapped[list["Membership"]] = relationship(  # noqa: F821
        back_populates="user", cascade="all, delete-orphan",
        foreign_keys="Membership.user_id",
    )
    login_sessions: Mapped[list["LoginSession"]] = relationship(back_populates="user", cascade="all, delete-orphan")

    # The log-in this request is made under (set by auth.session's loader or at log-in); not a column.
    current_login = None

    # UserMixin compares get_id(), which names a log-in; two objects of one account are equal.
    __hash__ = object.__hash__

    def __eq__(self, other) -> bool:
        return self is other or (isinstance(other, User) and self.id is not None and self.id == other.id)

    def __ne__(self, other) -> bool:
        return not self == other

    @property
    def is_active(self) -> bool:
        """Flask-Login refuses to log in an inactive account."""
        return self.deactivated_at is None

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, current_app.config["PASSWORD_HASH_METHOD"])

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str:
        """What the session and remember-me cookies carry: the account and its log-in's token, so
        ending that log-in on the server ends every copy of those cookies."""
        if self.current_login is None:
            raise RuntimeError("log in through auth.services.start_session first")
        return f"{self.id}:{self.current_login.token}"

    @property
    def skill_names(self) -> list[str]:
        return [skill.name for skill in self.skills]

    def __repr__(self) -> str:
        return f"<User {self.email}>"


class LoginSession(db.Model):
    """One log-in on one device, until it logs out (or the password changes elsewhere)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship(back_populates="login_sessions")


class UserSkill(db.Model):
    __table_args__ = (UniqueConstraint("user_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(32), index=True)

    user: Mapped[User] = relationship(back_populates="skills")


class UserLink(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    url: Mapped[str] = mapped_column(String(300))

    user: Mapped[User] = relationship(back_populates="links")


def find_user_by_email(email: str) -> User | None:
    """Look an account up by e-mail, ignoring case."""
    return db.session.scalar(db.select(User).where(func.lower(User.email) == email.strip().lower()))


def name_or_email_contains(text: str):
    """A condition on User: the display name or e-mail contains `text`, ignoring case (searches)."""
    pattern = f"%{text.strip().lower()}%"
    return db.or_(func.lower(User.display_name).like(pattern), func.lower(User.email).like(pattern))
