"""The harness for real server processes (tests/processes.py) waits until the app answers."""
import requests

from hackathon.extensions import db
from tests.processes import ServerProcess


def test_a_server_process_is_ready_only_once_healthz_answers(app, database_url):
    db.session.commit()
    server = ServerProcess({"DATABASE_URL": database_url, "SECRET_KEY": "processes"}, app="tests.slow_start_wsgi:app")
    try:
        url = server.wait_ready()
        # gunicorn logs "Booting worker" seconds before this worker has built the app.
        assert requests.get(f"{url}/healthz", timeout=0.5).status_code == 200
    finally:
        server.stop()
