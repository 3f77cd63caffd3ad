"""`make serve`: apply migrations, then run this process under gunicorn's gevent worker (production).

Settings come from the environment (README, *Configuration*; deploy/gunicorn.conf.py for BIND and
the rest). SECRET_KEY is required: every process of a deployment must sign sessions alike. The
launcher becomes gunicorn (exec), so SIGTERM reaches gunicorn itself and stops it gracefully.
"""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    if not os.environ.get("SECRET_KEY"):
        print("SECRET_KEY is not set. Every process of a deployment signs sessions with it: set the same long\n"
              "random value for all of them, e.g. SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')",
              file=sys.stderr)
        return 2
    env = {**os.environ, "FLASK_APP": "hackathon:create_app", "SOCKETIO_ASYNC_MODE": "gevent"}
    migrated = subprocess.run([sys.executable, "-m", "flask", "db", "upgrade"], cwd=ROOT, env=env)
    if migrated.returncode != 0:
        print("Migrations failed; not serving.", file=sys.stderr)
        return migrated.returncode
    os.chdir(ROOT)
    os.execve(sys.executable, [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
                               "wsgi:app"], env)


if __name__ == "__main__":
    sys.exit(main())
