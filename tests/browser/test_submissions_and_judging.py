"""End to end: a team submits with a screenshot and sees it frozen; judges score; the organizer ranks."""
from datetime import timedelta
from pathlib import Path

from playwright.sync_api import expect

from hackathon.extensions import db
from hackathon.models import Event
from hackathon.models.types import utcnow
from tests.browser.conftest import log_in
from tests.factories import (PASSWORD, make_assignment, make_challenge, make_criterion, make_event, make_member,
                             make_submission, make_team)

SCREENSHOT = Path(__file__).with_name("screenshot.png")


def test_team_submits_with_a_screenshot_and_sees_it_frozen_after_the_deadline(page, seed):
    def setup():
        event = make_event("hacking", team_size_min=1)
        member = make_member(event, "participant")
        make_team(event, [member], name="Owls")
        make_challenge(event, title="Grid flexibility")
        return event.slug, event.id, member.email

    slug, event_id, email = seed(setup)
    log_in(page, email, PASSWORD)
    page.goto_path(f"/e/{slug}/submission")
    page.get_by_label("Project title").fill("Sun Tracker")
    page.get_by_label("Description (Markdown)").fill("Follows the **sun**.")
    page.get_by_role("group", name="Challenges entered").get_by_label("Grid flexibility").check()
    page.get_by_label("Add screenshots").set_input_files(str(SCREENSHOT))
    page.get_by_role("button", name="Submit for judging").click()
    expect(page.get_by_text("Submitted! You can keep improving it until the deadline.")).to_be_visible()
    expect(page.locator(".thumbs img")).to_have_count(1)

    def close_submissions():
        event = db.session.get(Event, event_id)
        event.submissions_due_at = utcnow() - timedelta(seconds=1)

    seed(close_submissions)
    page.reload()
    expect(page.locator("[data-frozen]")).to_contain_text("this entry is frozen and is the one the judges see")
    expect(page.get_by_label("Project title")).to_be_disabled()


def test_a_judge_scores_two_entries_and_the_organizer_sees_the_ranking(page, seed, browser):
    def setup():
        event = make_event("judging")
        impact = make_criterion(event, name="Impact")
        judge = make_member(event, "judge", display_name="Greta Judge")
        entries = [make_submission(event, make_team(event, name=name), title=title)
                   for name, title in (("Owls", "Owl App"), ("Bees", "Bee App"))]
        for entry in entries:
            make_assignment(judge, entry)
        return event.slug, judge.email, make_member(event, "organizer").email, impact.id

    slug, judge_email, organizer_email, impact_id = seed(setup)
    log_in(page, judge_email, PASSWORD)
    page.goto_path(f"/e/{slug}/judging/")
    for title, mark in (("Owl App", "4"), ("Bee App", "9")):
        page.get_by_role("row", name=title).get_by_role("link", name="Score").click()
        page.get_by_label("Impact (1–10)").fill(mark)
        page.get_by_role("button", name="Save score").click()
        expect(page.get_by_text(f"Score for “{title}” saved.")).to_be_visible()
    expect(page.locator("progress")).to_have_attribute("value", "2")

    organizer = browser.new_page()
    organizer.goto(page.url.split("/e/")[0] + "/account/login")
    organizer.get_by_label("E-mail").fill(organizer_email)
    organizer.get_by_label("Password", exact=True).fill(PASSWORD)
    organizer.get_by_role("button", name="Log in").click()
    organizer.goto(page.url.split("/e/")[0] + f"/e/{slug}/judging/results")
    rows = organizer.locator("[data-results] tbody tr")
    expect(rows.nth(0)).to_contain_text("Bee App")
    expect(rows.nth(1)).to_contain_text("Owl App")
    organizer.close()
