"""End to end: two participants form a team through its invite link, and the captain's page
follows every change live, without a reload."""
import re

from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_event, make_participant


def second_page(browser, live_server):
    page = browser.new_context().new_page()
    page.set_default_timeout(10_000)
    page.goto_path = lambda path: page.goto(live_server.url_for(path))
    return page


def test_create_invite_join_and_leave_with_the_captains_page_updating_live(page, browser, live_server, seed):
    def world():
        event = make_event("hacking", name="Owl Hack", team_size_min=2, team_size_max=4)
        ada = make_participant(event, display_name="Ada Captain", skills=["python"])
        ben = make_participant(event, display_name="Ben Joiner", skills=["rust"])
        return event.slug, ada.email, ben.email

    slug, ada_email, ben_email = seed(world)

    log_in(page, ada_email, PASSWORD)
    page.goto_path(f"/e/{slug}/")
    page.get_by_role("navigation", name="Owl Hack").get_by_role("link", name="Teams").click()
    page.get_by_role("link", name="Create a team").click()
    page.get_by_label("Team name").fill("Night Owls")
    page.get_by_label("Pitch").fill("Bike maps that know where the hills are.")
    page.get_by_label("Skills you're looking for").fill("Rust, UX design")
    page.get_by_role("button", name="Create team").click()
    expect(page.get_by_text("Night Owls is ready")).to_be_visible()
    expect(page.get_by_text("needs at least 2 members")).to_be_visible()
    invite_link = page.get_by_label("Invite link").input_value()
    members = page.locator("#members")
    page.evaluate("window.__notReloaded = true")

    ben = second_page(browser, live_server)
    log_in(ben, ben_email, PASSWORD)
    ben.goto(invite_link)
    expect(ben.get_by_role("heading", name="Join Night Owls")).to_be_visible()
    ben.get_by_role("button", name="Join Night Owls").click()
    expect(ben.get_by_text("Welcome to Night Owls!")).to_be_visible()

    expect(members).to_contain_text("Ben Joiner")  # pushed to Ada's open page
    expect(page.get_by_text("needs at least 2 members")).to_be_hidden()
    expect(page.locator("[data-member-count]")).to_have_text("2/4")

    ben.on("dialog", lambda dialog: dialog.accept())
    ben.get_by_role("button", name="Leave the team").click()
    expect(ben.get_by_text("You left Night Owls.")).to_be_visible()

    expect(members).not_to_contain_text("Ben Joiner")
    expect(page.locator("[data-member-count]")).to_have_text("1/4")
    assert page.evaluate("window.__notReloaded") is True  # every change arrived without a reload
    expect(page).to_have_url(re.compile(r"/teams/\d+$"))


def test_a_join_request_appears_live_for_the_captain_who_accepts_it(page, browser, live_server, seed):
    def world():
        event = make_event("hacking", name="Req Hack")
        ada = make_participant(event, display_name="Ada Captain")
        cy = make_participant(event, display_name="Cy Asker")
        from tests.factories import make_team

        team = make_team(event, [ada], name="Open Owls", skills=["go"])
        return event.slug, team.id, ada.email, cy.email

    slug, team_id, ada_email, cy_email = seed(world)
    log_in(page, ada_email, PASSWORD)
    page.goto_path(f"/e/{slug}/teams/{team_id}")
    expect(page.get_by_text("No requests waiting.")).to_be_visible()
    page.evaluate("window.__notReloaded = true")

    cy = second_page(browser, live_server)
    log_in(cy, cy_email, PASSWORD)
    cy.goto_path(f"/e/{slug}/teams/finder?skills=go")
    cy.get_by_placeholder("Message (optional)").fill("I know Go well")
    cy.get_by_role("button", name="Request to join").click()
    expect(cy.get_by_text("Request sent to Open Owls")).to_be_visible()

    requests = page.locator("#requests")
    expect(requests).to_contain_text("I know Go well")
    requests.get_by_role("button", name="Accept").click()
    expect(page.get_by_text("Accepted: Cy Asker is in Open Owls.")).to_be_visible()
    expect(page.locator("#members")).to_contain_text("Cy Asker")

    cy.goto_path(f"/e/{slug}/teams/")
    expect(cy.locator("#asks")).to_contain_text("accepted")
    expect(cy.locator("#your-team")).to_contain_text("Open Owls")
