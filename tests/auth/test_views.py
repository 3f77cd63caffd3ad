"""Sign-up, log-in (throttled), passwords and profiles through HTTP."""
import pytest

from hackathon.extensions import db
from hackathon.models.user import find_user_by_email
from tests.conftest import build_app
from tests.factories import PASSWORD, make_user


def test_register_logs_the_new_account_in(client):
    response = client.post("/account/register", data={
        "display_name": "Ada", "email": "ada@example.org", "password": "a long password",
        "confirm": "a long password"})
    assert response.status_code == 302
    assert "Ada" in client.get("/").get_data(as_text=True)


def test_register_shows_field_errors_and_keeps_what_was_typed(client):
    response = client.post("/account/register", data={
        "display_name": "Ada Lovelace", "email": "not-an-email", "password": "short", "confirm": "other"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Use 10 to 128 characters." in page and "The two passwords differ." in page
    assert 'value="Ada Lovelace"' in page and 'value="not-an-email"' in page


def test_register_with_a_taken_email_says_so(client, app):
    make_user(email="ada@example.org")
    response = client.post("/account/register", data={
        "display_name": "Ada", "email": "ADA@example.org", "password": "a long password",
        "confirm": "a long password"})
    assert response.status_code == 422 and "already exists" in response.get_data(as_text=True)


def test_login_with_wrong_password_is_refused_with_a_message(client, app):
    user = make_user()
    response = client.post("/account/login", data={"email": user.email, "password": "nope"})
    assert response.status_code == 401
    assert "match an account" in response.get_data(as_text=True)


def test_login_follows_a_safe_next_and_ignores_an_offsite_one(client, auth, app):
    user = make_user()
    response = client.post("/account/login?next=/account/profile", data={"email": user.email, "password": PASSWORD})
    assert response.headers["Location"] == "/account/profile"
    auth.logout()
    for evil in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = client.post("/account/login", data={"email": user.email, "password": PASSWORD, "next": evil})
        assert response.headers["Location"] == "/"
        auth.logout()


def test_remember_me_sets_a_lasting_cookie(client, auth, app):
    auth.login(make_user(), remember=True)
    assert client.get_cookie("remember_token") is not None


def test_login_is_throttled_per_account_with_a_clear_message(client, app):
    user = make_user()
    for _ in range(5):
        assert client.post("/account/login", data={"email": user.email, "password": "bad"}).status_code == 401
    response = client.post("/account/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many log-in attempts" in response.get_data(as_text=True)
    other = make_user()
    assert client.post("/account/login", data={"email": other.email, "password": PASSWORD}).status_code == 302


def test_login_is_throttled_per_ip_across_accounts(client, app):
    app.config["LOGIN_LIMIT_PER_IP"] = "3 per minute"
    for n in range(3):
        client.post("/account/login", data={"email": f"nobody{n}@example.org", "password": "bad"})
    response = client.post("/account/login", data={"email": "fresh@example.org", "password": "bad"})
    assert response.status_code == 429


def test_successful_logins_do_not_count_towards_the_throttle(client, auth, app):
    user = make_user()
    for _ in range(8):
        assert auth.login(user).status_code == 302
        auth.logout()


def test_change_password_signs_out_other_sessions(app, auth, client):
    user = make_user()
    other_device = app.test_client()
    assert other_device.post("/account/login", data={"email": user.email, "password": PASSWORD}).status_code == 302
    auth.login(user)
    response = client.post("/account/password", data={
        "current": PASSWORD, "password": "a brand new password", "confirm": "a brand new password"})
    assert response.status_code == 302
    assert client.get("/account/profile").status_code == 200  # this browser stays logged in
    assert other_device.get("/account/profile").status_code == 302  # the other one is logged out


def test_change_password_with_wrong_current_password_is_422(auth, client, app):
    auth.login(make_user())
    response = client.post("/account/password", data={
        "current": "wrong", "password": "a brand new password", "confirm": "a brand new password"})
    assert response.status_code == 422 and "current password is not right" in response.get_data(as_text=True)


def test_profile_saves_skills_and_links(auth, client, app):
    user = make_user()
    auth.login(user)
    response = client.post("/account/profile", data={
        "display_name": "Ada", "organization": "ACME", "bio": "Builder", "skills": "Python, UX design; python",
        "links": "https://github.com/ada\nhttps://ada.example"})
    assert response.status_code == 302
    db.session.expire_all()
    assert user.skill_names == ["python", "ux design"] and len(user.links) == 2


@pytest.mark.parametrize("field, value, message", [
    ("links", "javascript:alert(1)", "is not a web address"),
    ("skills", ", ".join(f"skill{n}" for n in range(25)), "at most 20 tags"),
    ("skills", "x" * 40, "under 32 characters"),
    ("bio", "b" * 501, "Field cannot be longer than 500 characters."),
])
def test_profile_rejects_bad_input_with_a_message_and_keeps_the_rest(auth, client, app, field, value, message):
    auth.login(make_user())
    data = {"display_name": "Ada Keeps This", "skills": "python", "links": "", "bio": "", **{field: value}}
    response = client.post("/account/profile", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and message in page and "Ada Keeps This" in page


def test_forms_refuse_a_missing_csrf_token_with_a_friendly_page(_schema, tmp_path):
    app = build_app(_schema, tmp_path, WTF_CSRF_ENABLED=True)
    response = app.test_client().post("/account/login", data={"email": "a@example.org", "password": "x"})
    assert response.status_code == 400 and "This form has expired" in response.get_data(as_text=True)
