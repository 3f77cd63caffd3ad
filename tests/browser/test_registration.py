"""Registration in real browsers: apply (a wrong answer keeps the text), be accepted by an organizer
while watching your page, confirm, show the QR code, and be checked in at a volunteer's desk."""
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_event, make_member, make_question, make_registration, make_user


def build_event():
    event = make_event("registration", name="Door Hack")
    make_registration(event, mode="reviewed", capacity=5)
    make_question(event, "short_text", "School", is_required=True)
    make_question(event, "statement", "I am a current student")
    return (event.slug, make_member(event, "organizer").email, make_member(event, "volunteer").email,
            make_user(display_name="Ada Applicant").email)


def new_page(browser, live_server, email):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto_path = lambda path: page.goto(live_server.url_for(path))
    log_in(page, email, PASSWORD)
    return context, page


def test_apply_accepted_confirm_show_qr_and_check_in(page, seed, browser, live_server, tmp_path):
    slug, organizer_email, volunteer_email, applicant_email = seed(build_event)
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, applicant_email, PASSWORD)
    page.goto_path(f"/e/{slug}/")
    page.get_by_role("link", name="Apply to take part").click()
    page.get_by_label("School").fill("TU Berlin")
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_text("Accept this statement to apply.")).to_be_visible()
    expect(page.get_by_label("School")).to_have_value("TU Berlin")
    page.get_by_label("I am a current student").check()
    page.get_by_role("button", name="Send my application").click()
    expect(page.locator("[data-standing-headline]")).to_have_text(
        "Application submitted: the organizers will decide soon.")
    expect(page.locator("body")).to_have_attribute("data-live-state", "connected")

    organizer_context, organizer = new_page(browser, live_server, organizer_email)
    organizer.goto_path(f"/e/{slug}/manage/applications")
    organizer.get_by_label("Choose Ada Applicant").check()
    organizer.get_by_label("Decision").select_option("accept")
    organizer.get_by_role("button", name="Apply to the ticked applications").click()
    expect(organizer.get_by_text("1 application accepted.")).to_be_visible()

    # The applicant's open page follows the decision by itself.
    expect(page.get_by_role("button", name="Confirm my seat")).to_be_visible()
    expect(page.get_by_text("Confirm by")).to_be_visible()
    page.get_by_role("button", name="Confirm my seat").click()
    expect(page.get_by_text("You're in! You are now a participant of Door Hack.")).to_be_visible()
    expect(page.locator(".ticket-qr svg")).to_be_visible()
    code = page.locator("[data-checkin-code]").inner_text().strip()
    page.screenshot(path=str(tmp_path / "ticket-phone.png"), full_page=True)

    volunteer_context, volunteer = new_page(browser, live_server, volunteer_email)
    volunteer.goto_path(f"/e/{slug}/checkin/")
    expect(volunteer.get_by_text("0 checked in")).to_be_visible()
    volunteer.get_by_label("Check-in code").fill(code.lower())
    volunteer.get_by_role("button", name="Check in", exact=True).click()
    expect(volunteer.get_by_text("Ada Applicant is checked in.")).to_be_visible()
    expect(volunteer.locator("[data-checked-in-count]")).to_have_text("1")
    volunteer.get_by_label("Check-in code").fill(code)
    volunteer.get_by_role("button", name="Check in", exact=True).click()
    expect(volunteer.get_by_text("was already checked in at")).to_be_visible()

    expect(page.locator("[data-standing-label]")).to_have_text("Checked in")
    for context in (organizer_context, volunteer_context):
        context.close()
