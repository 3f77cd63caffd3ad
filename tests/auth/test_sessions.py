"""Logging out ends the session for good: copies of its cookies (session and remember-me) stop
working, while the account's other devices stay logged in."""
from hackathon.auth import services
from hackathon.extensions import db
from hackathon.models import LoginSession
from tests.factories import PASSWORD, make_user


def log_in(client, user, remember=False):
    response = client.post("/account/login", data={"email": user.email, "password": PASSWORD,
                                                   "remember": "y" if remember else ""})
    assert response.status_code == 302
    return response


def is_logged_in(client) -> bool:
    return client.get("/account/profile").status_code == 200


def copy_cookie(source, target, name):
    cookie = source.get_cookie(name)
    assert cookie is not None, name
    target.set_cookie(name, cookie.value)


def test_a_copied_session_cookie_stops_working_at_log_out(app, client):
    user = make_user()
    log_in(client, user)
    thief = app.test_client()
    copy_cookie(client, thief, "session")
    assert is_logged_in(thief)
    client.post("/account/logout")
    assert not is_logged_in(thief) and not is_logged_in(client)


def test_a_copied_remember_cookie_stops_working_at_log_out(app, client):
    user = make_user()
    log_in(client, user, remember=True)
    thief = app.test_client()
    copy_cookie(client, thief, "remember_token")  # only the long-lived cookie: a fresh browser session
    assert is_logged_in(thief)
    client.post("/account/logout")
    late_thief = app.test_client()
    copy_cookie(thief, late_thief, "remember_token")
    assert not is_logged_in(late_thief) and not is_logged_in(thief)


def test_logging_out_on_one_device_keeps_the_others(app, client):
    user = make_user()
    phone, laptop = app.test_client(), client
    log_in(phone, user, remember=True)
    log_in(laptop, user)
    laptop.post("/account/logout")
    assert is_logged_in(phone) and not is_logged_in(laptop)


def test_changing_the_password_ends_every_other_session(app, client):
    user = make_user()
    phone = app.test_client()
    log_in(phone, user, remember=True)
    log_in(client, user)
    client.post("/account/password", data={"current": PASSWORD, "password": "a brand new password",
                                           "confirm": "a brand new password"})
    assert is_logged_in(client) and not is_logged_in(phone)
    assert db.session.scalar(db.select(db.func.count()).select_from(LoginSession)) == 1


def test_each_log_in_is_its_own_server_side_session(app):
    user = make_user()
    first, second = services.start_session(user), services.start_session(user)
    assert first.token != second.token and len(first.token) >= 32
    services.end_session(first)
    assert [s.token for s in db.session.scalars(db.select(LoginSession))] == [second.token]
