"""Site admins find accounts, deactivate them (every log-in ends at once) and make reset links."""
from tests.factories import PASSWORD, make_user


def test_admins_search_accounts_by_name_or_email(app, client, auth):
    make_user(display_name="Grace Hopper", email="grace@navy.example")
    make_user(display_name="Alan Turing")
    auth.login(make_user(is_site_admin=True))
    page = client.get("/admin/users?q=navy").get_data(as_text=True)
    assert "Grace Hopper" in page and "Alan Turing" not in page


def test_deactivating_ends_every_session_and_refuses_log_in(app, client, auth):
    user = make_user()
    device = app.test_client()
    device.post("/account/login", data={"email": user.email, "password": PASSWORD, "remember": "y"})
    assert device.get("/account/profile").status_code == 200
    auth.login(make_user(is_site_admin=True))
    assert client.post(f"/admin/users/{user.id}/deactivate").status_code == 302
    assert device.get("/account/profile").status_code == 302
    response = device.post("/account/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 401 and "deactivated" in response.get_data(as_text=True)
    client.post(f"/admin/users/{user.id}/reactivate")
    assert device.post("/account/login", data={"email": user.email, "password": PASSWORD}).status_code == 302


def test_admins_cannot_deactivate_themselves(app, client, auth):
    admin = make_user(is_site_admin=True)
    auth.login(admin)
    assert client.post(f"/admin/users/{admin.id}/deactivate").status_code == 409


def test_a_hand_made_reset_link_works_once(app, client, auth):
    user = make_user()
    auth.login(make_user(is_site_admin=True))
    page = client.post(f"/admin/users/{user.id}/reset-link").get_data(as_text=True)
    link = page.split('value="http://localhost', 1)[1].split('"', 1)[0]
    other = app.test_client()
    new = "violet tram umbrella 42"
    assert other.post(link, data={"password": new, "confirm": new}).status_code == 302
    assert other.get(link).status_code == 410
