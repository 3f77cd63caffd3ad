"""Forgot password: a one-time, expiring link by e-mail (the log in development) that never tells
whether an address has an account, throttled; using it ends every log-in."""
import logging
import re
from datetime import timedelta

from hackathon.auth import recovery
from hackathon.extensions import db
from hackathon.models import PasswordReset
from hackathon.models.types import utcnow
from tests.factories import PASSWORD, make_user

NEW_PASSWORD = "violet tram umbrella 42"


def ask(client, email):
    return client.post("/account/forgot", data={"email": email})


def mailed_link(caplog) -> str:
    messages = [record.getMessage() for record in caplog.records if "E-mail not sent" in record.getMessage()]
    assert messages, "no e-mail was written to the log"
    return re.search(r"http://localhost(/account/reset/\S+)", messages[-1]).group(1)


def test_the_answer_is_the_same_for_known_and_unknown_addresses(app, client, caplog):
    caplog.set_level(logging.INFO, logger="hackathon.auth.mail")
    user = make_user()
    known, unknown = ask(client, user.email), ask(client, "nobody@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]
    known_page = client.get(known.headers["Location"]).get_data(as_text=True)
    assert "If an account uses that address" in known_page
    assert db.session.scalar(db.select(db.func.count(PasswordReset.id))) == 1
    assert len([r for r in caplog.records if "E-mail not sent" in r.getMessage()]) == 1


def test_a_link_sets_the_password_once_and_ends_every_log_in(app, client, caplog):
    caplog.set_level(logging.INFO, logger="hackathon.auth.mail")
    user = make_user()
    other_device = app.test_client()
    other_device.post("/account/login", data={"email": user.email, "password": PASSWORD})
    assert other_device.get("/account/profile").status_code == 200
    ask(client, user.email)
    link = mailed_link(caplog)
    assert client.get(link).status_code == 200
    response = client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.status_code == 302
    assert other_device.get("/account/profile").status_code == 302  # logged out everywhere
    assert client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 410
    assert client.post("/account/login", data={"email": user.email, "password": NEW_PASSWORD}).status_code == 302


def test_a_weak_password_is_refused_and_the_link_still_works(app, client):
    user = make_user()
    token = recovery.new_token()
    recovery._store(user, token, recovery.RESET_LIFETIME)
    response = client.post(f"/account/reset/{token}", data={"password": "password123", "confirm": "password123"})
    assert response.status_code == 422 and "harder password" in response.get_data(as_text=True)
    assert client.get(f"/account/reset/{token}").status_code == 200


def test_an_expired_link_is_refused(app, client):
    user = make_user()
    token = recovery.new_token()
    recovery._store(user, token, timedelta(seconds=-1))
    assert client.get(f"/account/reset/{token}").status_code == 410


def test_only_a_hash_of_the_token_is_stored(app):
    user = make_user()
    token = recovery.new_token()
    recovery._store(user, token, recovery.RESET_LIFETIME)
    assert db.session.scalar(db.select(PasswordReset.token_hash)) != token


def test_requests_are_throttled_per_address(app, client):
    statuses = [ask(client, f"someone{n}@example.org").status_code for n in range(6)]
    assert statuses == [302] * 5 + [429]


def test_one_account_gets_at_most_three_mails_an_hour_quietly(app, client, caplog):
    caplog.set_level(logging.INFO, logger="hackathon.auth.mail")
    user = make_user()
    answers = [ask(client, user.email).status_code for _ in range(4)]
    assert answers == [302] * 4
    assert len([r for r in caplog.records if "E-mail not sent" in r.getMessage()]) == 3


def test_two_uses_of_one_link_at_once_set_one_password(app):
    from hackathon.models import User
    from tests.concurrency import run_at_once

    user = make_user()
    token = recovery.new_token()
    recovery._store(user, token, recovery.RESET_LIFETIME)
    user_id = user.id

    def use(password):
        try:
            recovery.reset_password(token, password)
            return password
        except recovery.ResetLinkInvalid:
            return None

    results = run_at_once(app, use, [NEW_PASSWORD, NEW_PASSWORD + " b"])
    assert len([r for r in results if r]) == 1
    db.session.expire_all()
    assert db.session.get(User, user_id).check_password(next(r for r in results if r))


def test_a_deactivated_account_gets_no_link(app, client, caplog):
    caplog.set_level(logging.INFO, logger="hackathon.auth.mail")
    user = make_user(deactivated_at=utcnow())
    assert ask(client, user.email).status_code == 302
    assert not [r for r in caplog.records if "E-mail not sent" in r.getMessage()]
