"""How Flask-Login finds the signed-in user."""
from flask import Flask
from flask_login import LoginManager

from ..extensions import db
from ..models import User


def load_user(session_id: str) -> User | None:
    """Resolve the 'id:token' cookie value; a rotated token signs the session out."""
    user_id, _, token = session_id.partition(":")
    if not user_id.isdigit() or not token:
        return None
    user = db.session.get(User, int(user_id))
    return user if user is not None and user.session_token == token else None


def configure_login(app: Flask, manager: LoginManager) -> None:
    manager.init_app(app)
    manager.login_view = "auth.login"
    manager.login_message = "Please log in to continue."
    manager.login_message_category = "info"
    manager.session_protection = "basic"
    manager.user_loader(load_user)
