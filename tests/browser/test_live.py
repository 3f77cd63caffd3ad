"""The live channel in real browsers: two pages open, one acting, the other watching."""
import re
import time

import pytest
from playwright.sync_api import expect

from hackathon.models import Event
from hackathon.models.types import utcnow
from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_announcement, make_event, make_member

SKEW_MS = 7 * 60 * 1000
# Shift the browser's wall clock by minutes, as on a laptop whose clock is wrong.
SKEWED_CLOCK = """(() => {
  const RealDate = Date, skew = %d;
  class SkewedDate extends RealDate {
    constructor(...args) { if (args.length) super(...args); else super(RealDate.now() + skew); }
    static now() { return RealDate.now() + skew; }
  }
  window.Date = SkewedDate;
})();""" % SKEW_MS


def seconds(display: str) -> int:
    days, _, clock = display.rpartition("d ")
    hours, minutes, secs = (int(part) for part in clock.split(":"))
    return int(days or 0) * 86400 + hours * 3600 + minutes * 60 + secs


@pytest.fixture
def world(seed):
    """A hacking event whose next milestone is the deadline, with an organizer."""
    def build():
        event = make_event("hacking", name="Aurora")
        event.registration_closes_at = event.hacking_starts_at
        organizer = make_member(event, "organizer")
        return event.slug, organizer.email, event.submissions_due_at
    slug, email, due = seed(build)
    return type("World", (), {"slug": slug, "email": email, "due": due})


@pytest.fixture
def audience(browser, live_server):
    """A second, anonymous browser (own context, own cookies) watching the event page."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto_path = lambda path: page.goto(live_server.url_for(path))
    yield page
    context.close()


def connected(page):
    expect(page.locator("body")).to_have_attribute("data-live-state", "connected")


def test_countdown_is_right_with_a_browser_clock_minutes_off(audience, world):
    audience.add_init_script(SKEWED_CLOCK)
    audience.goto_path(f"/e/{world.slug}/")
    connected(audience)
    skew = audience.evaluate("Date.now()") - time.time() * 1000
    assert abs(skew - SKEW_MS) < 2000  # the browser's clock really is 7 minutes fast
    for _ in range(3):
        shown = seconds(audience.locator("[data-countdown-time]").inner_text())
        expected = (world.due - utcnow()).total_seconds()
        # Within a second either way (the spec): the display floors to the second, repaints every
        # 250 ms and starts from a reading that was in flight for a few milliseconds.
        assert -1.0 <= expected - shown <= 1.2, (shown, expected)
        time.sleep(0.7)


def test_pause_and_extend_reach_the_other_page_within_a_second(page, audience, world):
    log_in(page, world.email, PASSWORD)
    page.goto_path(f"/e/{world.slug}/manage/")
    audience.goto_path(f"/e/{world.slug}/")
    connected(audience)
    countdown = audience.locator(".countdown")

    page.get_by_role("button", name="Pause").click()
    expect(countdown).to_have_class(re.compile("is-paused"), timeout=1000)
    expect(audience.locator("[data-countdown-paused]")).to_be_visible()
    expect(audience.locator("[data-phase-badge]")).to_have_class("phase-badge phase-hacking")
    frozen = audience.locator("[data-countdown-time]").inner_text()
    time.sleep(1.2)
    assert audience.locator("[data-countdown-time]").inner_text() == frozen  # stands still

    page.get_by_role("button", name="Resume").click()
    expect(countdown).not_to_have_class(re.compile("is-paused"), timeout=1000)
    before = seconds(audience.locator("[data-countdown-time]").inner_text())
    page.get_by_label("Minutes").fill("30")
    page.get_by_role("button", name="Extend the deadline").click()
    deadline = time.monotonic() + 1
    while time.monotonic() < deadline:
        after = seconds(audience.locator("[data-countdown-time]").inner_text())
        if after - before > 29 * 60:
            break
        time.sleep(0.05)
    assert 29 * 60 < after - before <= 30 * 60 + 2


def test_an_announcement_posted_in_one_page_appears_on_the_other(page, audience, world):
    log_in(page, world.email, PASSWORD)
    page.goto_path(f"/e/{world.slug}/live/announcements")
    audience.goto_path(f"/e/{world.slug}/")
    connected(audience)

    page.get_by_label("Announcement").fill("Pizza is <b>here</b>")
    page.get_by_label("Level").select_option("urgent")
    page.get_by_role("button", name="Publish").click()
    toast = audience.locator(".toast")
    expect(toast).to_contain_text("Pizza is <b>here</b>", timeout=1000)  # shown as text, not HTML
    expect(toast).to_have_attribute("role", "alert")
    expect(audience.locator("#announcements .announcement")).to_contain_text("Pizza is <b>here</b>")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Take down").click()
    expect(audience.locator("#announcements .announcement")).to_have_count(0, timeout=3000)
    expect(toast).to_have_count(0)


def test_a_page_that_was_offline_catches_up_on_reconnect(page, audience, world, live_server, seed):
    log_in(page, world.email, PASSWORD)
    audience.goto_path(f"/e/{world.slug}/")
    connected(audience)
    audience.context.set_offline(True)
    expect(audience.locator("body")).to_have_attribute("data-live-state", "disconnected", timeout=15_000)

    page.goto_path(f"/e/{world.slug}/manage/")
    page.get_by_role("button", name="Pause").click()
    expect(page.get_by_text("The clock is paused.")).to_be_visible()
    page.goto_path(f"/e/{world.slug}/live/announcements")
    page.get_by_label("Announcement").fill("Missed while offline")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Announcement published on every screen.")).to_be_visible()

    audience.context.set_offline(False)
    connected(audience)
    expect(audience.locator("#announcements .announcement")).to_contain_text("Missed while offline")
    expect(audience.locator(".countdown")).to_have_class(re.compile("is-paused"))


def test_big_screen_follows_announcements_and_shows_the_board_placeholder(audience, world, seed):
    audience.goto_path(f"/e/{world.slug}/screen")
    connected(audience)
    expect(audience.get_by_text("The leaderboard appears when judges start scoring.")).to_be_visible()
    expect(audience.locator(".qr-code")).to_be_visible()
    seed(lambda: make_announcement(Event.query.filter_by(slug=world.slug).one(),
                                   "Demos start in 10 minutes", "warning").id)
    expect(audience.locator(".screen-news .announcement")).to_contain_text("Demos start in 10 minutes",
                                                                         timeout=1000)
