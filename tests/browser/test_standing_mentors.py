"""End to end: an organizer assigns a standing mentor by hand; the team's open page and the mentor's
open teams page both show the new pair at once, without a reload."""
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.browser.test_mentors import second_page
from tests.factories import PASSWORD, make_event, make_member


def world():
    from tests.mentors.helpers import make_asking_team, make_mentor

    event = make_event("hacking", name="Standing Hack")
    team, [ada] = make_asking_team(event, name="Night Owls")
    mira = make_mentor(event, ["python"], display_name="Mira Holm")
    organizer = make_member(event, "organizer")
    return event.slug, team.id, ada.email, mira.email, organizer.email


def test_a_team_sees_its_newly_assigned_mentor_without_reload(page, browser, live_server, seed):
    slug, team_id, ada_email, mira_email, organizer_email = seed(world)

    log_in(page, ada_email, PASSWORD)
    page.goto_path(f"/e/{slug}/teams/{team_id}")
    mentors = page.locator("[data-team-mentors]")
    expect(mentors.get_by_text("No mentor assigned to your team yet.")).to_be_visible()
    expect(page.locator("body")).to_have_attribute("data-live-state", "connected")
    page.evaluate("window.__notReloaded = true")

    mira = second_page(browser, live_server)
    log_in(mira, mira_email, PASSWORD)
    mira.goto_path(f"/e/{slug}/mentors/teams")
    expect(mira.get_by_text("No teams yet.")).to_be_visible()
    expect(mira.locator("body")).to_have_attribute("data-live-state", "connected")
    mira.evaluate("window.__notReloaded = true")

    organizer = second_page(browser, live_server)
    log_in(organizer, organizer_email, PASSWORD)
    organizer.goto_path(f"/e/{slug}/mentors/assign")
    expect(organizer.locator("[data-unassigned]")).to_contain_text("Night Owls")
    organizer.get_by_label("Team", exact=True).select_option(label="Night Owls")
    organizer.get_by_label("Mentor", exact=True).select_option(label="Mira Holm")
    organizer.get_by_role("button", name="Assign by hand").click()
    expect(organizer.get_by_text("Mira Holm now mentors Night Owls (pinned).")).to_be_visible()

    expect(mentors.get_by_text("Mira Holm")).to_be_visible()  # pushed to the team's open page
    expect(mentors.get_by_text("Table M")).to_be_visible()
    assert page.evaluate("window.__notReloaded") is True

    expect(mira.locator("[data-mentored-team]", has_text="Night Owls")).to_be_visible()
    assert mira.evaluate("window.__notReloaded") is True
