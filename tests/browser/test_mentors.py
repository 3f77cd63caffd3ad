"""End to end: a team asks for help and a mentor claims it; both pages follow every step live,
without a reload. Then the mentor's availability moves the team's mentor directory live."""
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_event


def second_page(browser, live_server):
    page = browser.new_context().new_page()
    page.set_default_timeout(10_000)
    page.goto_path = lambda path: page.goto(live_server.url_for(path))
    return page


def world():
    from tests.mentors.helpers import make_asking_team, make_mentor

    event = make_event("hacking", name="Help Hack")
    team, [ada] = make_asking_team(event, name="Night Owls")
    ada.display_name = "Ada Asker"
    mira = make_mentor(event, ["python", "flask"], display_name="Mira Holm")
    return event.slug, ada.email, mira.email


def test_a_team_asks_a_mentor_claims_and_resolves_and_both_pages_follow_live(page, browser, live_server, seed):
    slug, ada_email, mira_email = seed(world)

    mira = second_page(browser, live_server)
    log_in(mira, mira_email, PASSWORD)
    mira.goto_path(f"/e/{slug}/mentors/queue")
    expect(mira.get_by_text("Nobody is waiting for you right now.")).to_be_visible()
    expect(mira.locator("body")).to_have_attribute("data-live-state", "connected")
    mira.evaluate("window.__notReloaded = true")

    log_in(page, ada_email, PASSWORD)
    page.goto_path(f"/e/{slug}/")
    page.get_by_role("link", name="Get help").click()
    page.get_by_label("What do you need help with?").fill("Flask can't reach PostgreSQL")
    page.get_by_label("Details").fill("Connection refused on **port 5432**.")
    page.get_by_label("Tags").fill("Python, PostgreSQL")
    page.get_by_label("Where are you?").fill("Table 7")
    page.get_by_role("button", name="Ask a mentor").click()
    expect(page.get_by_text("Waiting for a mentor")).to_be_visible()
    expect(page.locator("[data-help-position]")).to_have_text("1")
    expect(page.locator("body")).to_have_attribute("data-live-state", "connected")
    page.evaluate("window.__notReloaded = true")

    request = mira.locator("#for-you .help-item", has_text="Flask can't reach PostgreSQL")
    expect(request).to_be_visible()  # pushed to the mentor's open queue
    expect(request.get_by_text("matches you")).to_be_visible()
    request.get_by_role("button", name="Claim").click()
    expect(mira.get_by_text("You're helping Night Owls.")).to_be_visible()

    expect(page.get_by_text("Mira Holm is on the way")).to_be_visible()  # pushed to the team's open page
    expect(page.get_by_text("Table M")).to_be_visible()

    mira.locator("#your-claim").get_by_role("button", name="Resolved").click()
    expect(mira.get_by_text("Marked resolved. Thank you!")).to_be_visible()

    expect(page.get_by_text("How helpful was it?")).to_be_visible()
    assert page.evaluate("window.__notReloaded") is True
    page.get_by_label("5").check()
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_text("Thanks for the feedback")).to_be_visible()


def test_a_mentors_availability_moves_the_directory_live(page, browser, live_server, seed):
    slug, ada_email, mira_email = seed(world)
    log_in(page, ada_email, PASSWORD)
    page.goto_path(f"/e/{slug}/mentors/")
    card = page.locator("[data-mentor-card]", has_text="Mira Holm")
    expect(card.locator("[data-mentor-status]")).to_have_text("Available")
    expect(page.locator("body")).to_have_attribute("data-live-state", "connected")
    page.evaluate("window.__notReloaded = true")

    mira = second_page(browser, live_server)
    log_in(mira, mira_email, PASSWORD)
    mira.goto_path(f"/e/{slug}/teams/")  # the toggle is on every page of the event
    toggle = mira.get_by_role("form", name="Your availability as a mentor")
    expect(mira.locator("body")).to_have_attribute("data-live-state", "connected")
    toggle.get_by_role("button", name="Away").click()
    expect(toggle.get_by_role("button", name="Away")).to_have_attribute("aria-pressed", "true")

    expect(card.locator("[data-mentor-status]")).to_have_text("Away")
    assert page.evaluate("window.__notReloaded") is True
    assert mira.url.endswith(f"/e/{slug}/teams/")
