"""Configuration read from the environment; see the README for every variable."""
import os
import secrets
from pathlib import Path

INSTANCE_DIR = Path(__file__).resolve().parent.parent / "instance"


def load_or_create_secret_key(instance_dir: Path) -> str:
    """Return the secret key kept under instance/, generating it on first use."""
    key_file = instance_dir / "secret_key"
    if not key_file.exists():
        instance_dir.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def engine_options(database_url: str) -> dict:
    """Pool settings per backend.

    SQLite: readers each take a pooled connection and never wait for the writer (database.py
    queues the writers of a process on a cooperative lock instead of on the pool).
    """
    if database_url.startswith("sqlite"):
        return {"pool_size": 16, "max_overflow": 16, "pool_timeout": 30}
    return {"pool_pre_ping": True}


class Config:
    """Production-ready defaults; every value can come from the environment."""

    def __init__(self, instance_dir: Path = INSTANCE_DIR):
        env = os.environ
        self.SECRET_KEY = env.get("SECRET_KEY") or load_or_create_secret_key(instance_dir)
        self.SQLALCHEMY_DATABASE_URI = env.get(
            "DATABASE_URL", f"sqlite:///{instance_dir / 'hackathon.db'}"
        )
        self.SQLALCHEMY_ENGINE_OPTIONS = engine_options(self.SQLALCHEMY_DATABASE_URI)
        self.UPLOAD_FOLDER = env.get("UPLOAD_FOLDER") or str(instance_dir / "uploads")
        self.SOCKETIO_MESSAGE_QUEUE = env.get("SOCKETIO_MESSAGE_QUEUE") or None
        self.SOCKETIO_ASYNC_MODE = env.get("SOCKETIO_ASYNC_MODE") or None
        # Redis pub/sub channels ignore the database number: deployments sharing a Redis need their own.
        self.SOCKETIO_CHANNEL = env.get("SOCKETIO_CHANNEL") or "flask-socketio"
        # Origins whose pages may open the live channel; unset means this site's own origin only.
        self.SOCKETIO_ALLOWED_ORIGINS = env.get("SOCKETIO_ALLOWED_ORIGINS", "").replace(",", " ").split() or None
        self.RATELIMIT_STORAGE_URI = env.get("RATELIMIT_STORAGE_URI", "memory://")
        self.SESSION_COOKIE_SECURE = env.get("SESSION_COOKIE_SECURE") == "1"
        self.REMEMBER_COOKIE_SECURE = self.SESSION_COOKIE_SECURE
        # Reverse proxies in front whose X-Forwarded-* headers are believed (nginx alone: 1).
        self.PROXY_HOPS = int(env.get("PROXY_HOPS") or 0)
        # Unset: /metrics answers only scrapers on this host talking to the process directly.
        self.METRICS_TOKEN = env.get("METRICS_TOKEN") or None
        # Behind nginx: uploads are sent by nginx from this internal location (docs/DEPLOY.md).
        self.UPLOADS_ACCEL_REDIRECT = env.get("UPLOADS_ACCEL_REDIRECT") or None
        # Outgoing e-mail (password reset links); unset MAIL_SERVER writes messages to the log.
        self.MAIL_SERVER = env.get("MAIL_SERVER") or None
        self.MAIL_PORT = int(env.get("MAIL_PORT") or 587)
        self.MAIL_USERNAME = env.get("MAIL_USERNAME") or None
        self.MAIL_PASSWORD = env.get("MAIL_PASSWORD") or None
        self.MAIL_USE_TLS = env.get("MAIL_USE_TLS", "1") == "1"
        self.MAIL_USE_SSL = env.get("MAIL_USE_SSL") == "1"
        self.MAIL_FROM = env.get("MAIL_FROM") or "hackathon@localhost"

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    # A form stays valid as long as the session does, so a long edit never loses its text.
    WTF_CSRF_TIME_LIMIT = None
    # Per-file limits are checked by the forms (so typed text survives); this caps a whole request.
    MAX_CONTENT_LENGTH = 64 * 1024 * 1024
    PASSWORD_HASH_METHOD = "scrypt"
    # The live channel's background ticker (hackathon/live/ticker.py).
    LIVE_TICKER = True
    # At most one leaderboard_update per event per this many seconds (bursts are merged, never dropped).
    LEADERBOARD_COALESCE_SECONDS = 0.1
    # Waiting teams' places in the help queue are pushed at most this often per event (bursts merged).
    MENTOR_POSITIONS_COALESCE_SECONDS = 0.25
    LIVE_TICK_SECONDS = 1.0
    # The big screen turns its leaderboard's pages (when every entry can't fit at once) this often.
    SCREEN_PAGE_SECONDS = 8
    LIVE_RESYNC_SECONDS = 30.0
    RATELIMIT_HEADERS_ENABLED = True
    # Log-in attempts, counted before the password is checked; a right one gives its place back
    # (auth/throttle.py). Both are per address, so nobody can lock an owner out from elsewhere.
    LOGIN_LIMIT_PER_ADDRESS = "20 per minute;100 per hour"
    LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS = "5 per minute;30 per hour"
    # Wrong voting codes per address, counted before the check (throttling.py); right ones give their
    # place back, so a venue behind one NAT isn't locked out.
    VOTING_CODE_LIMIT_PER_IP = "10 per minute;60 per hour"
    # Password reset requests: per address (refused with 429) and per account (dropped quietly).
    PASSWORD_RESET_LIMIT_PER_ADDRESS = "5 per minute;20 per hour"
    PASSWORD_RESET_LIMIT_PER_ACCOUNT = "3 per hour"
    TESTING = False


class TestConfig(Config):
    """Settings for the test suite: a throwaway database and no real CSRF round-trips."""

    def __init__(self, database_url: str, instance_dir: Path):
        super().__init__(instance_dir)
        self.SECRET_KEY = "test-secret-key"
        self.SQLALCHEMY_DATABASE_URI = database_url
        self.SQLALCHEMY_ENGINE_OPTIONS = engine_options(database_url)
        self.SOCKETIO_MESSAGE_QUEUE = None
        self.RATELIMIT_STORAGE_URI = "memory://"
        self.SOCKETIO_ASYNC_MODE = "threading"
        self.MAIL_SERVER = None

    TESTING = True
    WTF_CSRF_ENABLED = False
    # Tests call the ticker's work directly; the few that need the loop turn it on.
    LIVE_TICKER = False
    LEADERBOARD_COALESCE_SECONDS = 0  # publish inline, so tests see updates deterministically
    MENTOR_POSITIONS_COALESCE_SECONDS = 0
    # Tests log in thousands of times; a cheap hash keeps the suite quick. Never in production.
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"
