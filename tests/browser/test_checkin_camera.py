"""The check-in desk reads a QR code from the phone's camera: Chromium's fake camera plays a video of
a participant's code, and the desk (jsQR, vendored from npm) checks them in."""
import numpy
import segno
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.conftest import CHROMIUM_ARGS
from tests.factories import PASSWORD, make_application, make_event, make_member, make_user

WIDTH, HEIGHT = 640, 480


def qr_video(text: str, path) -> None:
    """A short Y4M video (what Chromium's fake camera plays) showing `text` as a QR code."""
    matrix = numpy.array([list(row) for row in segno.make(text, error="m", micro=False).matrix], dtype=numpy.uint8)
    scale = 300 // (matrix.shape[0] + 8)
    code = numpy.kron(numpy.pad(1 - matrix, 4, constant_values=1) * 255, numpy.ones((scale, scale), numpy.uint8))
    luma = numpy.full((HEIGHT, WIDTH), 255, numpy.uint8)
    top, left = (HEIGHT - code.shape[0]) // 2, (WIDTH - code.shape[1]) // 2
    luma[top:top + code.shape[0], left:left + code.shape[1]] = code
    chroma = numpy.full((HEIGHT // 2) * (WIDTH // 2), 128, numpy.uint8).tobytes()
    frame = b"FRAME\n" + luma.tobytes() + chroma + chroma
    path.write_bytes(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F10:1 Ip A1:1 C420jpeg\n".encode() + frame * 10)


def test_the_desk_checks_someone_in_from_the_camera(seed, playwright, live_server, tmp_path):
    slug, volunteer_email, code, name = seed(lambda: _world())
    video = tmp_path / "qr.y4m"
    qr_video(code, video)
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS + [
        "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
        f"--use-file-for-fake-video-capture={video}"])
    try:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto_path = lambda path: page.goto(live_server.url_for(path))
        log_in(page, volunteer_email, PASSWORD)
        page.goto_path(f"/e/{slug}/checkin/")
        page.get_by_role("button", name="Scan with the camera").click()
        expect(page.get_by_text(f"{name} is checked in.")).to_be_visible()
        expect(page.locator("[data-checked-in-count]")).to_have_text("1")
        # The camera goes on for the next person; the code still in the picture is not sent again.
        expect(page.get_by_role("button", name="Stop the camera")).to_be_visible()
        page.screenshot(path=str(tmp_path / "desk-phone.png"), full_page=True)
    finally:
        browser.close()


def _world():
    event = make_event("hacking", name="Camera Hack")
    application = make_application(event, make_user(display_name="Cam Participant"), status="confirmed")
    return event.slug, make_member(event, "volunteer").email, application.checkin_display, "Cam Participant"
