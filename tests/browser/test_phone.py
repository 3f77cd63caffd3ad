"""Every role's main pages on a 360 px phone: nothing is wider than the screen (no sideways
scroll), the judge's Score button is on screen, multi-choice inputs are checkboxes, and
announcements stack at the bottom without covering the navigation."""
import pytest
from playwright.sync_api import expect

from hackathon.demo import DEMO_PASSWORD, DEMO_SLUG, JUDGING_SLUG, build_demo
from hackathon.extensions import db
from hackathon.live.services import post_announcement
from hackathon.models import Event, Submission, Team, TeamMember, User
from tests.browser.conftest import log_in

PHONE = {"width": 360, "height": 740}
SHOTS = "/tmp/stage"
LIVE, JUDGED = f"/e/{DEMO_SLUG}", f"/e/{JUDGING_SLUG}"

# The widest thing on the page, and whether the page scrolls sideways.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("body *")].filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1 && getComputedStyle(el).position !== "fixed"
      && !el.closest(".table-scroll, .table");
  }).slice(0, 3).map((el) => el.tagName + "." + el.className + " " + Math.round(el.getBoundingClientRect().right));
  return { scroll: document.documentElement.scrollWidth, width, wide };
}"""

PAGES = {
    "anonymous": (None, ["/", f"{LIVE}/", f"{LIVE}/teams/", f"{LIVE}/challenges/", f"{JUDGED}/projects/",
                         f"{JUDGED}/leaderboard", f"{JUDGED}/vote", f"{JUDGED}/screen", "/account/login",
                         "/account/register", "/e/autumn-jam-2026/"]),
    "participant": ("ada.okafor@example.org", [f"{LIVE}/", f"{LIVE}/teams/", "{team}", f"{LIVE}/teams/finder",
                                               f"{LIVE}/submission", f"{LIVE}/mentors/help", f"{LIVE}/mentors/",
                                               f"{JUDGED}/vote", "/account/profile"]),
    "judge": ("greta.judge@example.org", [f"{JUDGED}/judging/", "{score}", f"{JUDGED}/leaderboard"]),
    "mentor": ("mira.mentor@example.org", [f"{LIVE}/mentors/queue", f"{LIVE}/mentors/profile", f"{LIVE}/mentors/"]),
    "organizer": ("organizer@example.org", [
        f"{LIVE}/manage/", f"{LIVE}/manage/people", f"{LIVE}/manage/settings", f"{LIVE}/teams/manage",
        f"{LIVE}/submissions/", f"{LIVE}/live/announcements", f"{LIVE}/mentors/manage", f"{LIVE}/challenges/new",
        f"{JUDGED}/judging/manage", f"{JUDGED}/judging/results", f"{JUDGED}/live/board", f"{JUDGED}/live/voting",
        f"{JUDGED}/submissions/"]),
    "site admin": ("admin@example.org", ["/admin/", "/admin/events/new"]),
}


def demo():
    build_demo()
    ada = db.session.scalar(db.select(User).where(User.email == "ada.okafor@example.org"))
    team = db.session.scalar(db.select(Team).join(TeamMember).join(Event, Event.id == Team.event_id)
                             .where(TeamMember.user_id == ada.id, Event.slug == DEMO_SLUG))
    judged = db.session.scalar(db.select(Event).where(Event.slug == JUDGING_SLUG))
    entry = db.session.scalar(db.select(Submission).join(Team).where(Submission.event_id == judged.id).limit(1))
    return {"team": f"{LIVE}/teams/{team.id}", "score": f"{JUDGED}/judging/entries/{entry.id}"}


@pytest.mark.parametrize("role", list(PAGES))
def test_no_page_is_wider_than_a_360_px_phone(seed, page, role):
    paths = seed(demo)
    email, pages = PAGES[role]
    page.set_viewport_size(PHONE)
    if email:
        log_in(page, email, DEMO_PASSWORD)
        expect(page.get_by_role("button", name="Log out")).to_be_attached()
    failures = []
    for path in pages:
        path = path.format(**paths)
        response = page.goto_path(path)
        assert response.status == 200, path
        measured = page.evaluate(OVERFLOW)
        name = role.replace(" ", "-") + path.replace("/", "_")
        page.screenshot(path=f"{SHOTS}/phone-{name}.png", full_page=True)
        if measured["scroll"] > measured["width"] or measured["wide"]:
            failures.append((path, measured))
    assert failures == [], "\n".join(map(str, failures))


def test_the_judges_score_button_is_on_the_phone_screen(seed, page):
    seed(demo)
    page.set_viewport_size(PHONE)
    log_in(page, "greta.judge@example.org", DEMO_PASSWORD)
    page.goto_path(f"{JUDGED}/judging/")
    button = page.locator("[data-queue]").get_by_role("link", name="Score").first
    expect(button).to_be_in_viewport()
    box = button.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_challenges_are_chosen_with_checkboxes(seed, page):
    seed(demo)
    page.set_viewport_size(PHONE)
    log_in(page, "ada.okafor@example.org", DEMO_PASSWORD)
    page.goto_path(f"{LIVE}/submission")
    assert page.locator("select[multiple]").count() == 0
    group = page.get_by_role("group", name="Challenges entered")
    checkboxes = group.get_by_role("checkbox")
    assert checkboxes.count() >= 2
    checkboxes.last.check()
    expect(checkboxes.last).to_be_checked()


def test_announcements_stack_below_the_navigation(seed, page, live_server):
    seed(demo)
    page.set_viewport_size(PHONE)
    page.goto_path(f"{LIVE}/")
    expect(page.locator("body")).to_have_attribute("data-live-state", "connected")

    def announce(text):
        event = db.session.scalar(db.select(Event).where(Event.slug == DEMO_SLUG))
        post_announcement(event, None, text, "urgent")

    for text in ("Lunch is served in hall B", "Wi-Fi password changed: see the desk", "Demos start at 3 pm"):
        seed(lambda text=text: announce(text))
    toasts = page.locator(".toast")
    expect(toasts).to_have_count(3)
    expect(toasts.first).to_contain_text("Demos start at 3 pm")
    expect(toasts.nth(1)).to_be_hidden()
    more = page.get_by_role("button", name="+2 more")
    expect(more).to_be_visible()
    nav_bottom = page.locator("header.topbar").bounding_box()
    stack = page.locator("[data-live-toasts]").bounding_box()
    assert stack["y"] >= nav_bottom["y"] + nav_bottom["height"]
    assert stack["height"] < PHONE["height"] * 0.3
    page.screenshot(path=f"{SHOTS}/phone-announcements.png", animations="disabled")
    more.click()
    expect(toasts.nth(2)).to_be_visible()
    page.screenshot(path=f"{SHOTS}/phone-announcements-open.png", animations="disabled")
