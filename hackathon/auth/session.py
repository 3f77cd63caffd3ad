"""How Flask-Login finds the signed-in user."""
from flask import Flask
from flask_login import LoginManager

from ..extensions import db
from ..models import LoginSession, User


def load_user(session_id: str) -> User | None:
    """Resolve the 'id:token' that the session and remember cookies carry; a log-in that ended on
    the server (log-out, password change) resolves to nobody, whoever holds a copy of the cookie."""
    user_id, _, token = session_id.partition(":")
    if not user_id.isdigit() or not token:
        return None
    login = db.session.scalar(db.select(LoginSession).where(LoginSession.token == token))
    if login is None or login.user_id != int(user_id) or not login.user.is_active:
        return None
    login.user.current_login = login
    return login.user


def configure_login(app: Flask, manager: LoginManager) -> None:
    manager.init_app(app)
    manager.login_view = "auth.login"
    manager.login_message = "Please log in to continue."
    manager.login_message_category = "info"
    manager.session_protection = "basic"
    manager.user_loader(load_user)
