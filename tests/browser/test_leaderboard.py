"""The leaderboard in real browsers: a judge's score in one page moves the board in another,
and a page that was offline catches up when it comes back."""
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import (PASSWORD, make_assignment, make_criterion, make_event, make_member, make_submission,
                             make_team)


def build_contest():
    event = make_event("judging", ranking_method="raw", judges_per_entry=1)
    make_criterion(event, name="Impact")
    judge = make_member(event, "judge")
    for name in ("Owls", "Bees"):
        make_assignment(judge, make_submission(event, make_team(event, name=name), title=f"{name} App"))
    return event.slug, judge.email


def score_entry(page, slug, title, mark):
    page.goto_path(f"/e/{slug}/judging/")
    page.get_by_role("row", name=title).get_by_role("link").click()
    page.get_by_label("Impact (1–10)").fill(mark)
    page.get_by_role("button", name="Save score").click()
    expect(page.get_by_text(f"Score for “{title}” saved.")).to_be_visible()


def audience_page(browser, live_server, slug):
    context = browser.new_context()
    page = context.new_page()
    page.goto(live_server.url_for(f"/e/{slug}/leaderboard"))
    expect(page.locator("body")).to_have_attribute("data-live-state", "connected")
    return context, page


def test_a_score_in_one_page_moves_the_board_in_the_other(page, seed, browser, live_server):
    slug, judge_email = seed(build_contest)
    context, audience = audience_page(browser, live_server, slug)
    rows = audience.locator("[data-board-rows] .board-row")
    log_in(page, judge_email, PASSWORD)
    score_entry(page, slug, "Owls App", "6")
    expect(rows).to_have_count(1)
    expect(rows.nth(0)).to_contain_text("Owls")
    score_entry(page, slug, "Bees App", "9")
    expect(rows.nth(0)).to_contain_text("Bees")
    expect(rows.nth(1)).to_contain_text("Owls")
    context.close()


def test_a_page_that_was_offline_shows_the_same_board_when_it_returns(page, seed, browser, live_server):
    slug, judge_email = seed(build_contest)
    context, audience = audience_page(browser, live_server, slug)
    log_in(page, judge_email, PASSWORD)
    score_entry(page, slug, "Owls App", "6")
    expect(audience.locator("[data-board-rows] .board-row")).to_have_count(1)
    context.set_offline(True)
    expect(audience.locator("body")).not_to_have_attribute("data-live-state", "connected", timeout=30_000)
    score_entry(page, slug, "Bees App", "9")
    context.set_offline(False)
    expect(audience.locator("body")).to_have_attribute("data-live-state", "connected", timeout=30_000)
    rows = audience.locator("[data-board-rows] .board-row")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Bees")
    context.close()
