"""The big screen at projector sizes: every entry of a long board becomes visible, in pages that
turn by themselves under the top rows, and a short board fills the panel without paging."""
import pytest
from playwright.sync_api import expect

from hackathon.judging import scores
from tests.factories import make_assignment, make_criterion, make_event, make_member, make_submission, make_team

SIZES = [(1280, 720), (1920, 1080), (3840, 2160)]
SHOTS = "/tmp/stage"

# Every row the audience can read right now: shown, inside the board's panel and the window.
VISIBLE_TEAMS = """() => {
  const panel = document.querySelector("[data-board-pager]").getBoundingClientRect();
  return [...document.querySelectorAll("[data-board-rows] .board-row")].filter((row) => {
    if (row.hidden) return false;
    const box = row.getBoundingClientRect();
    return box.height > 0 && box.top >= panel.top && box.bottom <= Math.min(panel.bottom, innerHeight) + 0.5;
  }).map((row) => row.querySelector(".board-team strong").textContent);
}"""


def build_board(count):
    def build():
        event = make_event("judging", ranking_method="raw", judges_per_entry=1)
        criterion = make_criterion(event, name="Impact", scale_max=100)
        judge = make_member(event, "judge")
        entries = []
        for index in range(count):
            entry = make_submission(event, make_team(event, name=f"Team {index + 1:02d}"), title=f"Entry {index + 1}")
            make_assignment(judge, entry)
            scores.record_score(event, judge, entry, {criterion.id: 99 - index}, "")
            entries.append(entry.id)
        return {"slug": event.slug, "event": event.id, "judge": judge.id, "criterion": criterion.id, "entries": entries}
    return build


def open_screen(browser, live_server, slug, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.goto(live_server.url_for(f"/e/{slug}/screen"))
    expect(page.locator("body")).to_have_attribute("data-live-state", "connected")
    return context, page


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_entry_of_a_long_board_appears_in_turning_pages(seed, browser, live_server, size):
    live_server.app.config["SCREEN_PAGE_SECONDS"] = 1
    count = 30
    slug = seed(build_board(count))["slug"]
    context, page = open_screen(browser, live_server, slug, size)
    region = page.locator("[data-board-pager]")
    expect(page.locator("[data-board-page]")).to_be_visible()
    pages = int(region.get_attribute("data-pages"))
    assert pages > 1
    expect(page.locator("[data-board-page]")).to_contain_text(f"of {pages}")
    page.screenshot(path=f"{SHOTS}/screen-{size[0]}x{size[1]}-page1.png")
    seen = set()
    for _ in range(pages):
        current = region.get_attribute("data-page")
        visible = page.evaluate(VISIBLE_TEAMS)
        assert visible[:3] == ["Team 01", "Team 02", "Team 03"]  # the top rows stay on every page
        seen.update(visible)
        expect(region).not_to_have_attribute("data-page", current, timeout=5_000)  # it turns by itself
    assert seen == {f"Team {index + 1:02d}" for index in range(count)}
    page.screenshot(path=f"{SHOTS}/screen-{size[0]}x{size[1]}-later.png")
    context.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_a_short_board_shows_every_entry_at_once(seed, browser, live_server, size):
    slug = seed(build_board(5))["slug"]
    context, page = open_screen(browser, live_server, slug, size)
    expect(page.locator("[data-board-pager]")).to_have_attribute("data-pages", "1")
    expect(page.locator("[data-board-page]")).to_be_hidden()
    assert len(page.evaluate(VISIBLE_TEAMS)) == 5
    page.screenshot(path=f"{SHOTS}/screen-{size[0]}x{size[1]}-short.png")
    context.close()


def test_a_rank_change_on_a_paged_board_still_slides(seed, browser, live_server):
    board = seed(build_board(30))
    context, page = open_screen(browser, live_server, board["slug"], (1280, 720))
    seed(lambda: _give(board, entry_index=1, mark=100))
    top = page.locator("[data-board-rows] .board-row").first
    expect(top).to_contain_text("Team 02")
    assert page.evaluate("() => document.querySelector('[data-board-rows] .board-row').getAnimations().length") > 0
    context.close()


def _give(board, entry_index, mark):
    from hackathon.extensions import db
    from hackathon.models import Event, Submission, User
    scores.record_score(db.session.get(Event, board["event"]), db.session.get(User, board["judge"]),
                        db.session.get(Submission, board["entries"][entry_index]), {board["criterion"]: mark}, "")
