"""Account rules."""
import pytest

from hackathon.auth import services
from hackathon.extensions import db
from hackathon.models import LoginSession
from tests.factories import PASSWORD, make_user


def test_register_user_normalises_email_and_hashes_password(app):
    user = services.register_user(" Ada ", "Ada@Example.ORG", "a long password")
    assert (user.display_name, user.email) == ("Ada", "ada@example.org")
    assert "a long password" not in user.password_hash and user.check_password("a long password")


def test_register_user_rejects_an_email_taken_in_any_case(app):
    make_user(email="ada@example.org")
    with pytest.raises(services.EmailTaken):
        services.register_user("Ada", "ADA@example.org", "a long password")


def test_authenticate_accepts_the_right_password_only(app):
    user = make_user()
    assert services.authenticate(user.email.upper(), PASSWORD) == user
    with pytest.raises(services.InvalidCredentials):
        services.authenticate(user.email, "wrong password")
    with pytest.raises(services.InvalidCredentials):
        services.authenticate("nobody@example.org", PASSWORD)


def test_change_password_checks_the_current_one_and_ends_the_other_sessions(app):
    user = make_user()
    services.start_session(user)  # another device
    here = services.start_session(user).id
    with pytest.raises(services.WrongPassword):
        services.change_password(user, "not it", "a new long password", "127.0.0.1")
    services.change_password(user, PASSWORD, "a new long password", "127.0.0.1")
    assert user.check_password("a new long password")
    assert [s.id for s in db.session.scalars(db.select(LoginSession))] == [here]


def test_update_profile_replaces_skills_and_links(app):
    user = make_user()
    services.update_profile(user, display_name="Ada", bio="Hi", organization="ACME",
                            skills=["python", "rust"], links=["https://a.example"])
    services.update_profile(user, display_name="Ada", bio="Hi", organization="ACME",
                            skills=["rust", "ux"], links=["https://b.example", "https://c.example"])
    db.session.expire_all()
    assert user.skill_names == ["rust", "ux"]
    assert [link.url for link in user.links] == ["https://b.example", "https://c.example"]


def test_make_site_admin_promotes_an_existing_account(app):
    user = make_user()
    assert services.make_site_admin(user.email, "ignored", "ignored password").is_site_admin
