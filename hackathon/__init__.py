"""The hackathon platform: `create_app` builds the Flask app and wires every part."""
from pathlib import Path

from flask import Flask

from .config import INSTANCE_DIR, Config
from .extensions import csrf, db, limiter, login_manager, migrate, socketio

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: object | None = None) -> Flask:
    """Build the app; tests pass a TestConfig, everything else reads the environment."""
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(INSTANCE_DIR),
    )
    app.config.from_object(config or Config())
    register_url_converters(app)
    register_extensions(app)
    register_request_hooks(app)
    register_blueprints(app)
    register_socket_handlers(app)
    register_errorhandlers(app)
    register_template_helpers(app)
    register_commands(app)
    register_deployment(app)
    return app


def register_url_converters(app: Flask) -> None:
    from .urls import BoundedIntegerConverter

    app.url_map.converters["int"] = BoundedIntegerConverter


def register_extensions(app: Flask) -> None:
    from . import models  # noqa: F401  (so Flask-Migrate sees every table)
    from .auth.session import configure_login
    from .database import configure_sqlite
    from .realtime import wire
    from .realtime.packets import LivePacket

    db.init_app(app)
    with app.app_context():
        configure_sqlite(db.engine)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    configure_login(app, login_manager)
    socketio.init_app(
        app,
        message_queue=app.config["SOCKETIO_MESSAGE_QUEUE"],
        channel=app.config["SOCKETIO_CHANNEL"],
        async_mode=app.config["SOCKETIO_ASYNC_MODE"],
        # None: only pages of the origin the request came to (engineio compares Origin with Host).
        cors_allowed_origins=app.config["SOCKETIO_ALLOWED_ORIGINS"],
        serializer=LivePacket,
        json=wire,  # the board is encoded once per change, not once per socket
    )


def register_request_hooks(app: Flask) -> None:
    from . import headers, request_guards, turns

    request_guards.register(app)
    headers.register(app)
    turns.register(app)


def register_blueprints(app: Flask) -> None:
    from .admin.views import bp as admin_bp
    from .api.views import bp as api_bp
    from .auth.views import bp as auth_bp
    from .challenges.views import bp as challenges_bp
    from .checkin.views import bp as checkin_bp
    from .events.views import bp as events_bp
    from .health import bp as health_bp
    from .invites.views import bp as invites_bp
    from .judging.views import bp as judging_bp
    from .live.views import bp as live_bp
    from .manage.views import bp as manage_bp
    from .mentors.views import bp as mentors_bp
    from .registration.views import bp as registration_bp
    from .submissions.views import bp as submissions_bp
    from .teams.views import bp as teams_bp
    from .voting.views import bp as voting_bp

    for blueprint in (auth_bp, events_bp, invites_bp, teams_bp, challenges_bp, submissions_bp, judging_bp, manage_bp,
                      live_bp, voting_bp, mentors_bp, admin_bp, api_bp, health_bp, registration_bp, checkin_bp):
        app.register_blueprint(blueprint)
    csrf.exempt(api_bp)


def register_socket_handlers(app: Flask) -> None:
    from .realtime.handlers import LiveNamespace

    socketio.on_namespace(LiveNamespace("/live"))


def register_errorhandlers(app: Flask) -> None:
    from .errors import register

    register(app)


def register_template_helpers(app: Flask) -> None:
    from .templating import register

    register(app)


def register_commands(app: Flask) -> None:
    from .cli import hackathon_cli

    app.cli.add_command(hackathon_cli)


def register_deployment(app: Flask) -> None:
    from . import metrics
    from .deployment import trust_proxies

    metrics.register(app)
    trust_proxies(app)  # last: it wraps everything, Socket.IO included
