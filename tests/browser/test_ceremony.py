"""A whole ceremony in real browsers: the organizer's board page, a projector showing the big
screen and a phone on the leaderboard, side by side."""
from playwright.sync_api import expect

from hackathon.judging import scores
from hackathon.voting import services as voting
from tests.browser.conftest import log_in
from tests.factories import (PASSWORD, make_assignment, make_criterion, make_event, make_member, make_submission,
                             make_team)

SHOTS = "/tmp/stage"
TEAMS = {"Night Owls": 9, "Bus Stop": 8, "Open Air": 6, "Kilowatt": 5, "Tram Tracks": 3}  # final order


def build():
    event = make_event("judging", name="Winter Sprint", ranking_method="raw", judges_per_entry=1)
    criterion = make_criterion(event, name="Impact")
    judge = make_member(event, "judge")
    entries = {}
    for name, mark in TEAMS.items():
        entry = make_submission(event, make_team(event, name=name), title=f"{name} project")
        make_assignment(judge, entry)
        scores.record_score(event, judge, entry, {criterion.id: mark}, "")
        entries[name] = entry
    voting.open_voting(event)
    voting.cast_vote(event, entries["Open Air"], user=judge)
    voting.close_voting(event)
    return event.slug, make_member(event, "organizer").email


def open_page(browser, live_server, path, size):
    context = browser.new_context(viewport=size)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url_for(path))
    expect(page.locator("body")).to_have_attribute("data-live-state", "connected")
    return page


def shoot(name, *pages):
    for label, page in pages:
        page.screenshot(path=f"{SHOTS}/ceremony-{name}-{label}.png")


def test_a_whole_ceremony_with_the_organizer_and_a_projector_side_by_side(page, seed, browser, live_server):
    slug, email = seed(build)
    projector = open_page(browser, live_server, f"/e/{slug}/screen", {"width": 1920, "height": 1080})
    phone = open_page(browser, live_server, f"/e/{slug}/leaderboard", {"width": 390, "height": 844})
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, email, PASSWORD)
    page.goto_path(f"/e/{slug}/live/board")
    rows = projector.locator("[data-board-rows] .board-row")
    spotlight = projector.locator("[data-ceremony-spotlight]")
    expect(rows).to_have_count(5)

    page.get_by_label("Ceremony: the board goes dark", exact=False).check()
    page.get_by_role("button", name="Save").last.click()
    expect(page.get_by_text("The results come out in a ceremony.")).to_be_visible()
    page.get_by_role("button", name="Start the ceremony").click()
    expect(projector.get_by_text("The results are about to be revealed")).to_be_visible()
    expect(rows).to_have_count(0)
    expect(phone.locator("[data-board-rows] .board-row")).to_have_count(0)
    expect(projector.locator("[data-board-status]")).to_have_text("The results ceremony is about to begin.")
    shoot("0-dark", ("organizer", page), ("projector", projector), ("phone", phone))

    order = list(TEAMS)[::-1]  # from the bottom, the winner last
    places = ["5th place", "4th place", "3rd place", "2nd place", "Winner"]
    for step, (team, place) in enumerate(zip(order, places), start=1):
        button = "Reveal the winner" if place == "Winner" else "Reveal the next entry"
        expect(page.locator("[data-next-up]")).to_contain_text(team)
        page.get_by_role("button", name=button).click()
        expect(spotlight).to_be_visible()
        expect(spotlight.locator("[data-spotlight-place]")).to_have_text(place)
        expect(spotlight.locator("[data-spotlight-team]")).to_have_text(team)
        expect(rows).to_have_count(step)
        expect(phone.locator(".board-row.spotlight")).to_contain_text(team)
        for hidden in order[step:]:  # nobody above is on any screen yet
            expect(projector.locator("[data-leaderboard-region]")).not_to_contain_text(hidden)
            expect(phone.locator("[data-leaderboard]")).not_to_contain_text(hidden)
        if step in (1, 3, 5):
            shoot(f"{step}-{place.split()[0].lower()}", ("organizer", page), ("projector", projector), ("phone", phone))

    # The end: the winner, the final board and the people's choice stay up, and the screens say so.
    expect(spotlight.locator("[data-spotlight-place]")).to_have_text("Winner")
    expect(projector.locator("[data-board-status]")).to_have_text("Final results.")
    expect(projector.locator("[data-peoples-choice]")).to_contain_text("Open Air")
    expect(phone.locator("[data-peoples-choice]")).to_contain_text("Open Air")
    expect(rows.first).to_contain_text("Night Owls")
    expect(page.get_by_text("The final ranking is public")).to_be_visible()
    shoot("6-final", ("organizer", page), ("projector", projector), ("phone", phone))

    # A step back hides the winner (and the people's choice) again; revealing it again ends it again.
    page.get_by_role("button", name="Step back").click()
    expect(rows).to_have_count(4)
    expect(projector.locator("[data-leaderboard-region]")).not_to_contain_text("Night Owls")
    expect(projector.locator("[data-peoples-choice]")).to_be_hidden()
    expect(spotlight.locator("[data-spotlight-place]")).to_have_text("2nd place")
    page.get_by_role("button", name="Reveal the winner").click()
    expect(projector.locator("[data-board-status]")).to_have_text("Final results.")
    expect(rows).to_have_count(5)
    projector.context.close()
    phone.context.close()
