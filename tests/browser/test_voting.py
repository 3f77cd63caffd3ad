"""People's choice in real browsers: an organizer opens voting and prints codes, an attendee
without an account votes with a code and changes their mind, a participant votes with their
account, and after the close and the reveal the winner appears on the leaderboard."""
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_event, make_member, make_submission, make_team


def build_event():
    event = make_event("judging", name="Aurora")
    organizer = make_member(event, "organizer")
    participant = make_member(event, "participant")
    make_submission(event, make_team(event, [participant], name="Owls"), title="Owl App")
    for name in ("Bees", "Cats"):
        make_submission(event, make_team(event, name=name), title=f"{name[:-1]} App")
    return event.slug, organizer.email, participant.email


def new_page(browser, live_server, path):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url_for(path))
    return context, page


def vote_for(page, title):
    page.get_by_role("button", name=f"Vote for {title}").click()
    expect(page.locator("[data-your-vote]")).to_have_text(title)


def test_open_vote_with_a_code_change_it_vote_as_a_member_then_reveal(page, seed, browser, live_server):
    slug, organizer_email, participant_email = seed(build_event)
    # An attendee already has the vote page open before voting starts.
    attendee_context, attendee = new_page(browser, live_server, f"/e/{slug}/vote")
    expect(attendee.get_by_text("The audience vote opens during the event")).to_be_visible()
    expect(attendee.locator("body")).to_have_attribute("data-live-state", "connected")

    log_in(page, organizer_email, PASSWORD)
    page.goto_path(f"/e/{slug}/live/voting")
    page.get_by_role("button", name="Open voting").click()
    expect(page.get_by_text("Voting is open: attendees can vote now.")).to_be_visible()
    page.get_by_label("How many codes").fill("3")
    page.get_by_label("Batch label (optional)").fill("Desk A")
    page.get_by_role("button", name="Generate codes").click()
    expect(page.get_by_text("3 voting codes generated.")).to_be_visible()
    csv = page.request.get(live_server.url_for(f"/e/{slug}/live/voting/codes.csv?batch=Desk%20A")).text()
    code = csv.splitlines()[1].split(",")[0]

    # The attendee's page turned into the code form without a reload.
    attendee.get_by_label("Voting code").fill(code.lower())
    attendee.get_by_role("button", name="Use this code").click()
    expect(attendee.get_by_text("Code accepted.")).to_be_visible()
    vote_for(attendee, "Bee App")
    vote_for(attendee, "Cat App")

    member_context, member = new_page(browser, live_server, "/account/login")
    member.goto_path = lambda path: member.goto(live_server.url_for(path))
    log_in(member, participant_email, PASSWORD)
    member.goto_path(f"/e/{slug}/vote")
    expect(member.locator(".vote-card", has_text="Owl App")).to_contain_text("Your team's entry")
    vote_for(member, "Cat App")

    page.reload()
    expect(page.locator('[data-vote-total="votes"]')).to_have_text("2")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Close voting").click()
    expect(page.get_by_role("row", name="1 Cat App Cats 2")).to_be_visible()
    expect(attendee.get_by_text("Voting has closed with this vote.")).to_be_visible()  # pushed

    audience_context, audience = new_page(browser, live_server, f"/e/{slug}/leaderboard")
    expect(audience.locator("body")).to_have_attribute("data-live-state", "connected")
    expect(audience.locator("[data-peoples-choice]")).to_be_hidden()
    page.goto_path(f"/e/{slug}/live/board")
    page.get_by_role("button", name="Freeze the public board").click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Show the final ranking").click()
    winner = audience.locator("[data-peoples-choice]")
    expect(winner).to_be_visible()  # pushed on the open page
    expect(winner).to_contain_text("Cats")
    expect(winner).to_contain_text("2 votes")
    for context in (attendee_context, member_context, audience_context):
        context.close()
