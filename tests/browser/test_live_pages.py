"""Everything on a page follows the clock without a reload: the event page's schedule after an
extension, and the console's buttons once the event is closed."""
from datetime import timedelta

from playwright.sync_api import expect

from hackathon.extensions import db
from hackathon.manage import services as clock
from hackathon.models import Event
from hackathon.templating import format_local
from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_event, make_member


def build():
    event = make_event("hacking", name="Aurora")
    organizer = make_member(event, "organizer")
    return {"slug": event.slug, "id": event.id, "email": organizer.email,
            "later_due": format_local(event.submissions_due_at + timedelta(minutes=30), event)}


def test_the_schedule_follows_an_extension_without_a_reload(page, seed, browser, live_server):
    world = seed(build)
    audience = browser.new_page()
    audience.goto(live_server.url_for(f"/e/{world['slug']}/"))
    expect(audience.locator("body")).to_have_attribute("data-live-state", "connected")
    due = audience.locator("[data-schedule] li", has_text="Submissions due")
    expect(due).not_to_contain_text(world["later_due"])
    log_in(page, world["email"], PASSWORD)
    page.goto_path(f"/e/{world['slug']}/manage/")
    page.get_by_label("Minutes").fill("30")
    page.get_by_role("button", name="Extend the deadline").click()
    expect(due).to_contain_text(world["later_due"])
    audience.close()


def test_a_closed_events_console_offers_only_what_is_still_possible(page, seed):
    world = seed(build)
    log_in(page, world["email"], PASSWORD)
    page.goto_path(f"/e/{world['slug']}/manage/")
    expect(page.locator("body")).to_have_attribute("data-live-state", "connected")
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    seed(lambda: clock.close_event(db.session.get(Event, world["id"]), None))
    expect(page.get_by_text("The event is closed: its clock has stopped for good.")).to_be_visible()
    for name in ("Pause", "Resume", "Start hacking now", "Extend the deadline"):
        expect(page.get_by_role("button", name=name)).to_be_hidden()
    expect(page.get_by_text("Close the event")).to_be_hidden()
    page.reload()  # and the page as the server renders it agrees
    expect(page.get_by_text("The event is closed: its clock has stopped for good.")).to_be_visible()
    expect(page.locator('[data-clock-action="pause"]')).to_be_hidden()
