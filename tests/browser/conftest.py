"""Browser tests: real Chromium against the live server. Failing pages are screenshotted under
test-results/ (git-ignored) by pytest-playwright's --screenshot=only-on-failure."""
import pytest

from hackathon.extensions import db


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def seed(live_server):
    """Run a setup function in the live app and hand back plain values, releasing the database
    so that the server (one SQLite connection per process) can use it while the browser clicks."""

    def run(function):
        values = function()
        db.session.commit()
        db.session.remove()
        return values

    return run


@pytest.fixture
def page(page, live_server):
    """Chromium's page; whatever a test does in it must not break the Content-Security-Policy."""
    page.set_default_timeout(10_000)
    page.goto_path = lambda path: page.goto(live_server.url_for(path))
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    yield page
    assert violations == []


def log_in(page, email, password):
    page.goto_path("/account/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()
