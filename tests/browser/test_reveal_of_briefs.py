"""Briefs appear on every open challenges page the moment the organizer starts hacking."""
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_challenge, make_event, make_member


def test_briefs_appear_without_reload_when_hacking_starts(page, seed, browser, live_server):
    def setup():
        event = make_event("registration")
        make_challenge(event, title="Grid flexibility")
        return event.slug, make_member(event, "organizer").email

    slug, organizer_email = seed(setup)
    context = browser.new_context()
    audience = context.new_page()
    audience.goto(live_server.url_for(f"/e/{slug}/challenges/"))
    expect(audience.locator("body")).to_have_attribute("data-live-state", "connected")
    expect(audience.get_by_text("Grid flexibility")).to_have_count(0)
    log_in(page, organizer_email, PASSWORD)
    page.goto_path(f"/e/{slug}/manage/")
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Start hacking now").click()
    expect(audience.get_by_role("link", name="Grid flexibility")).to_be_visible()
    context.close()
