"""End to end: sign up, log in, join an event, follow an invite link, watch the countdown."""
import re

from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_event, make_invite, make_member, make_user


def test_sign_up_creates_an_account_then_you_log_in(page):
    page.goto_path("/")
    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Display name").fill("Grace Hopper")
    page.get_by_label("E-mail").fill("grace@example.org")
    page.get_by_label("Password", exact=True).fill("a long enough password")
    page.get_by_label("Repeat password").fill("a long enough password")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Your account is ready: log in to continue.")).to_be_visible()
    page.get_by_label("E-mail").fill("grace@example.org")
    page.get_by_label("Password", exact=True).fill("a long enough password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Welcome back, Grace Hopper.")).to_be_visible()
    expect(page.get_by_role("link", name="Grace Hopper")).to_be_visible()


def test_sign_up_errors_appear_next_to_their_fields(page):
    page.goto_path("/account/register")
    page.get_by_label("Display name").fill("Grace")
    page.get_by_label("E-mail").fill("grace-at-example")
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Use 10 to 128 characters.")).to_be_visible()
    expect(page.get_by_label("Display name")).to_have_value("Grace")


def test_log_in_and_out(page, seed):
    email = seed(lambda: make_user(display_name="Linus").email)
    log_in(page, email, PASSWORD)
    expect(page.get_by_text("Welcome back, Linus.")).to_be_visible()
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_text("You are logged out.")).to_be_visible()


def test_wrong_password_is_explained(page, seed):
    email = seed(lambda: make_user().email)
    log_in(page, email, "not the password")
    expect(page.get_by_text(re.compile("match an account"))).to_be_visible()


def test_join_an_event_as_participant(page, seed):
    slug, email = seed(lambda: (make_event("registration", name="Night Hack").slug, make_user().email))
    log_in(page, email, PASSWORD)
    page.goto_path(f"/e/{slug}/")
    page.get_by_role("button", name="Join as a participant").click()
    expect(page.get_by_text("You're in! You are now a participant of Night Hack.")).to_be_visible()
    expect(page.locator(".event-nav .role-badge")).to_have_text("participant")


def test_follow_an_invite_link_as_a_newcomer(page, seed):
    token = seed(lambda: make_invite(make_event(name="Judge Hack"), "judge").token)
    page.goto_path(f"/invite/{token}")
    expect(page.get_by_text("Join Judge Hack as a judge.")).to_be_visible()
    page.get_by_role("link", name="Create an account").click()
    page.get_by_label("Display name").fill("Jules Judge")
    page.get_by_label("E-mail").fill("jules@example.org")
    page.get_by_label("Password", exact=True).fill("a long enough password")
    page.get_by_label("Repeat password").fill("a long enough password")
    page.get_by_role("button", name="Create account").click()
    page.get_by_label("E-mail").fill("jules@example.org")
    page.get_by_label("Password", exact=True).fill("a long enough password")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Accept the invitation").click()
    expect(page.get_by_text("you are now a judge of Judge Hack")).to_be_visible()


def test_countdown_ticks_in_the_browser(page, seed):
    slug = seed(lambda: make_event("hacking").slug)
    page.goto_path(f"/e/{slug}/")
    display = page.locator("[data-countdown-time]")
    first = display.inner_text()
    expect(display).not_to_have_text(first, timeout=3000)


def test_organizer_pauses_the_clock_from_the_console(page, seed):
    slug, email = seed(lambda: (lambda event: (event.slug, make_member(event, "organizer").email))(make_event()))
    log_in(page, email, PASSWORD)
    page.goto_path(f"/e/{slug}/manage/")
    page.get_by_role("button", name="Pause").click()
    expect(page.get_by_text("The clock is paused.")).to_be_visible()
    expect(page.locator(".countdown")).to_have_class(re.compile("is-paused"))
    expect(page.get_by_text("paused during hacking")).to_be_visible()
