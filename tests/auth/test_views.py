"""Sign-up, log-in (throttled), passwords and profiles through HTTP."""
import pytest

from hackathon.extensions import db
from hackathon.models.user import find_user_by_email
from tests.conftest import build_app
from tests.factories import PASSWORD, make_user


def sign_up(client, email="ada@example.org", password="a long password", name="Ada", path="/account/register"):
    return client.post(path, data={"display_name": name, "email": email, "password": password, "confirm": password})


def test_register_creates_the_account_and_sends_you_to_log_in(client, app):
    response = sign_up(client, path="/account/register?next=/e/x/")
    assert response.status_code == 302 and response.headers["Location"] == "/account/login?next=/e/x/"
    assert find_user_by_email("ada@example.org").check_password("a long password")
    assert client.post("/account/login", data={"email": "ada@example.org", "password": "a long password"}
                       ).status_code == 302


def test_register_shows_field_errors_and_keeps_what_was_typed(client):
    response = client.post("/account/register", data={
        "display_name": "Ada Lovelace", "email": "not-an-email", "password": "short", "confirm": "other"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Use 10 to 128 characters." in page and "The two passwords differ." in page
    assert 'value="Ada Lovelace"' in page and 'value="not-an-email"' in page


def test_registering_a_known_email_answers_exactly_like_a_new_one(client, app):
    owner = make_user(email="ada@example.org", display_name="The Real Ada")
    answers = []
    for email in ("ADA@example.org", "newcomer@example.org"):
        response = sign_up(client, email=email)
        page = client.get(response.headers["Location"]).get_data(as_text=True)
        answers.append((response.status_code, response.headers["Location"], set(response.headers.keys()), page))
    assert answers[0] == answers[1] and "already exists" not in answers[0][3]
    db.session.expire_all()
    assert find_user_by_email("ada@example.org").display_name == "The Real Ada"  # untouched
    assert find_user_by_email("ada@example.org").check_password(PASSWORD) and owner.id


@pytest.mark.parametrize("password, name, email", [
    ("1234567890", "Ada", "ada@example.org"),
    ("password123", "Ada", "ada@example.org"),
    ("qwertyuiop[]", "Ada", "ada@example.org"),
    ("ada.lovelace@example.org", "Ada Lovelace", "ada.lovelace@example.org"),  # one's own e-mail
    ("Ada Lovelace", "Ada Lovelace", "ada.lovelace@example.org"),  # one's own name
])
def test_common_or_personal_passwords_are_refused(client, app, password, name, email):
    response = sign_up(client, email=email, name=name, password=password)
    assert response.status_code == 422 and "Choose a harder password" in response.get_data(as_text=True)
    assert find_user_by_email(email) is None


def test_a_weak_password_is_refused_the_same_for_a_known_email(client, app):
    make_user(email="ada@example.org")
    known, new = sign_up(client, password="1234567890"), sign_up(client, email="x@example.org", password="1234567890")
    assert known.status_code == new.status_code == 422


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


def log_in_from(client, address, email, password):
    return client.post("/account/login", data={"email": email, "password": password},
                       environ_base={"REMOTE_ADDR": address})


def test_login_is_throttled_per_account_from_an_address_with_a_clear_message(client, app):
    user = make_user()
    for _ in range(5):
        assert log_in_from(client, "203.0.113.9", user.email, "bad").status_code == 401
    response = log_in_from(client, "203.0.113.9", user.email, PASSWORD)
    assert response.status_code == 429 and int(response.headers["Retry-After"]) > 0
    assert "Too many log-in attempts" in response.get_data(as_text=True)
    other = make_user()
    assert log_in_from(client, "203.0.113.9", other.email, PASSWORD).status_code == 302


def test_guesses_from_elsewhere_never_lock_the_owner_out(client, app):
    """Anyone can fail at an account from their own address; the owner's right password from
    another address still gets in."""
    user = make_user()
    for n in range(40):
        log_in_from(client, f"198.51.100.{n % 4}", user.email, "guess")
    assert log_in_from(client, "198.51.100.1", user.email, PASSWORD).status_code == 429
    assert log_in_from(client, "192.0.2.77", user.email, PASSWORD).status_code == 302


def test_login_is_throttled_per_address_across_accounts(client, app):
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "3 per minute"
    for n in range(3):
        assert log_in_from(client, "203.0.113.5", f"nobody{n}@example.org", "bad").status_code == 401
    assert log_in_from(client, "203.0.113.5", "fresh@example.org", "bad").status_code == 429
    assert log_in_from(client, "203.0.113.6", "fresh@example.org", "bad").status_code == 401


def test_a_right_password_gives_back_its_place_and_forgets_earlier_misses(client, app):
    user = make_user()
    for _ in range(4):
        log_in_from(client, "203.0.113.7", user.email, "typo")
    assert log_in_from(client, "203.0.113.7", user.email, PASSWORD).status_code == 302
    client.post("/account/logout")
    for _ in range(5):
        assert log_in_from(client, "203.0.113.7", user.email, "typo").status_code == 401


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


def test_change_password_refuses_a_weak_new_one(auth, client, app):
    auth.login(make_user())
    response = client.post("/account/password", data={
        "current": PASSWORD, "password": "password1234", "confirm": "password1234"})
    assert response.status_code == 422 and "Choose a harder password" in response.get_data(as_text=True)


def test_guessing_the_current_password_is_throttled_like_log_in(auth, client, app):
    auth.login(make_user())
    for _ in range(5):
        client.post("/account/password", data={"current": "guess", "password": "a brand new password",
                                               "confirm": "a brand new password"})
    response = client.post("/account/password", data={
        "current": PASSWORD, "password": "a brand new password", "confirm": "a brand new password"})
    assert response.status_code == 422 and "Too many" in response.get_data(as_text=True)


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
