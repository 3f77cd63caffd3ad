"""The log-in throttle counts each attempt before its password is checked, so parallel guesses
can't slip past it: in threads here, and against a real gevent server (as in production)."""
import http.client
import re
import urllib.parse

import pytest
import requests

from hackathon.auth import throttle
from hackathon.extensions import db
from tests.concurrency import all_at_once, run_at_once
from tests.factories import PASSWORD, make_user
from tests.processes import ServerProcess


def test_parallel_reservations_admit_exactly_the_limit(app):
    def attempt(_):
        try:
            throttle.reserve_attempt("ada@example.org", "203.0.113.1")
            return "counted"
        except throttle.TooManyAttempts:
            return "refused"

    results = run_at_once(app, attempt, list(range(50)))
    assert results.count("counted") == 5 and results.count("refused") == 45


def test_a_refused_attempt_takes_no_place(app):
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "6 per minute"
    for _ in range(5):
        throttle.reserve_attempt("ada@example.org", "203.0.113.2")
    for _ in range(10):  # refused by the account's counter: the address's budget is untouched
        with pytest.raises(throttle.TooManyAttempts):
            throttle.reserve_attempt("ada@example.org", "203.0.113.2")
    throttle.reserve_attempt("bob@example.org", "203.0.113.2")
    with pytest.raises(throttle.TooManyAttempts):
        throttle.reserve_attempt("eve@example.org", "203.0.113.2")


# ---- against `gunicorn -k gevent`, as the README's production command runs it ------------------

@pytest.fixture
def server(app, database_url, tmp_path):
    db.session.commit()
    process = ServerProcess({"DATABASE_URL": database_url, "SECRET_KEY": "throttle-test",
                             "UPLOAD_FOLDER": str(tmp_path)})
    try:
        yield process.wait_ready()
    finally:
        process.stop()


def form_ticket(url: str) -> tuple[str, str]:
    """A session cookie and the CSRF token that goes with it, as a browser has after opening the page."""
    page = requests.get(f"{url}/account/login", timeout=10)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.text).group(1)
    return page.headers["Set-Cookie"].split(";", 1)[0], token


def post_login(url: str, ticket, email: str, password: str, source: str = "127.0.0.1") -> int:
    cookie, token = ticket
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60, source_address=(source, 0))
    body = urllib.parse.urlencode({"email": email, "password": password, "csrf_token": token})
    connection.request("POST", "/account/login", body=body, headers={
        "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    status = connection.getresponse().status
    connection.close()
    return status


def test_simultaneous_guesses_on_a_gevent_server_stop_at_the_limit(app, server):
    victim, emails = make_user().email, [make_user().email for _ in range(30)]
    db.session.commit()
    ticket = form_ticket(server)

    guesses = all_at_once([lambda n=n: post_login(server, ticket, victim, f"guess {n}") for n in range(60)])
    assert sorted(set(guesses)) == [401, 429] and guesses.count(401) == 5  # 5 per account from one address

    sprayed = all_at_once([lambda e=e: post_login(server, ticket, e, "guess") for e in emails])
    assert sprayed.count(401) == 15 and sprayed.count(429) == 15  # 20 per address, 5 already used

    assert post_login(server, ticket, victim, PASSWORD) == 429
    assert post_login(server, ticket, victim, PASSWORD, source="127.0.0.2") == 302  # the owner, elsewhere
