"""deploy/nginx.conf in front of two real app processes on PostgreSQL and Redis, as docs/DEPLOY.md
describes: a browser through nginx sees a score entered through the other process, a log-in works
on both, polling clients stay on their process, static files and uploads come from nginx."""
import threading
import uuid

import pytest
import requests
import socketio as socketio_client
from playwright.sync_api import expect

from hackathon.extensions import db
from tests.conftest import BACKEND
from tests.factories import (PASSWORD, make_assignment, make_attachment, make_challenge, make_criterion, make_event,
                             make_member, make_submission, make_team)
from tests.live.test_several_processes import csrf_token, log_in
from tests.processes import Nginx, ServerProcess, live_clients_per_process
from tests.services import redis_url, unavailable

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(BACKEND != "postgresql", reason="runs in the PostgreSQL pass of the suite (`make test`)"),
]


@pytest.fixture
def deployment(app, database_url, tmp_path):
    """Two app processes sharing PostgreSQL, Redis and the uploads, behind nginx."""
    db.session.commit()
    env = {"DATABASE_URL": database_url, "SOCKETIO_MESSAGE_QUEUE": redis_url(),
           "SOCKETIO_CHANNEL": f"hackathon-test-{uuid.uuid4().hex}", "SECRET_KEY": "behind-nginx",
           "PROXY_HOPS": "1", "UPLOADS_ACCEL_REDIRECT": "/_uploads/", "UPLOAD_FOLDER": app.config["UPLOAD_FOLDER"]}
    servers = [ServerProcess(env) for _ in range(2)]
    nginx = None
    try:
        backends = [server.wait_ready() for server in servers]
        try:
            nginx = Nginx(backends, tmp_path / "nginx", app.config["UPLOAD_FOLDER"])
        except FileNotFoundError as error:
            unavailable(str(error))
        yield nginx.wait_ready(), backends
    finally:
        if nginx is not None:
            nginx.stop()
        for server in servers:
            server.stop()


def contest():
    event = make_event("judging", ranking_method="raw", judges_per_entry=1)
    criterion = make_criterion(event, name="Impact")
    judge = make_member(event, "judge")
    entries = [make_submission(event, make_team(event, name=name), title=f"{name} App") for name in ("Owls", "Bees")]
    for entry in entries:
        make_assignment(judge, entry)
    challenge = make_challenge(event, title="Open Data")
    attachment = make_attachment(challenge, "rules.md", b"# Rules\n")
    values = (event.slug, judge.email, [entry.id for entry in entries], criterion.id,
              f"/e/{event.slug}/challenges/{challenge.id}/attachments/{attachment.id}/rules.md")
    db.session.commit()
    return values


def score(session: requests.Session, url: str, slug: str, entry_id: int, criterion_id: int, mark: str):
    page = f"{url}/e/{slug}/judging/entries/{entry_id}"
    response = session.post(page, data={f"c{criterion_id}": mark, "csrf_token": csrf_token(session, page)})
    assert response.status_code == 200 and "saved" in response.text


def test_a_browser_through_nginx_sees_a_score_entered_through_the_other_process(deployment, browser):
    slug, judge, entries, criterion, _ = contest()
    front, backends = deployment
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{front}/e/{slug}/leaderboard")
    expect(page.locator("body")).to_have_attribute("data-live-state", "connected")
    # Through nginx the page upgrades to a WebSocket (the Upgrade and Connection headers pass).
    page.wait_for_function("window.hackathonLive.socket.io.engine.transport.name === 'websocket'")
    counts = live_clients_per_process(backends, slug)
    [mine] = [url for url, count in counts.items() if count == 1]
    [other] = [url for url in backends if url != mine]

    score(log_in(other, judge), other, slug, entries[1], criterion, "8")
    rows = page.locator("[data-board-rows] .board-row")
    expect(rows).to_have_count(1)
    expect(rows.nth(0)).to_contain_text("Bees")
    context.close()


def test_a_log_in_through_nginx_holds_on_both_processes(deployment, browser):
    slug, judge, *_ = contest()
    front, backends = deployment
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{front}/account/login")
    page.get_by_label("E-mail").fill(judge)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    cookies = {cookie["name"]: cookie["value"] for cookie in context.cookies()}
    assert "hackathon_route" in cookies  # nginx's sticky cookie
    for backend in backends:
        session = requests.Session()
        session.cookies.update({name: value for name, value in cookies.items() if name != "hackathon_route"})
        response = session.get(f"{backend}/e/{slug}/judging/", allow_redirects=False)
        assert response.status_code == 200, backend
    context.close()


def test_polling_clients_through_nginx_stay_on_their_process_and_get_pushes(deployment):
    slug, judge, entries, criterion, _ = contest()
    front, backends = deployment
    clients, received, arrived = [], [], threading.Condition()

    def record(payload):
        with arrived:
            received.append(payload)
            arrived.notify_all()

    try:
        # Each client's first request gets nginx's route cookie (its own requests session keeps it, as a
        # browser does); connect clients until both processes hold some.
        for attempt in range(40):
            client = socketio_client.Client(reconnection=False)
            client.on("leaderboard_update", record, namespace="/live")
            client.on("leaderboard", record, namespace="/live")
            client.connect(front, namespaces=["/live"], auth={"event": slug}, transports=["polling"], wait_timeout=10)
            clients.append(client)
            counts = live_clients_per_process(backends, slug)
            if len(clients) >= 4 and all(counts.values()):
                break
        assert all(live_clients_per_process(backends, slug).values())
        with arrived:
            received.clear()
        score(log_in(backends[0], judge), backends[0], slug, entries[0], criterion, "6")
        with arrived:
            assert arrived.wait_for(lambda: len(received) >= len(clients), timeout=15)
        assert all(client.connected for client in clients)  # every poll found its session: sticky
        assert all(client.transport() == "polling" for client in clients)
    finally:
        for client in clients:
            client.disconnect()


def test_nginx_serves_static_files_and_uploads_and_hides_the_metrics(deployment):
    slug, _, _, _, attachment = contest()
    front, backends = deployment
    static = requests.get(f"{front}/static/js/live.js")
    assert static.status_code == 200 and "hackathonLive" in static.text
    assert static.headers["Cache-Control"] == "max-age=3600"  # nginx's `expires 1h`, not Flask's
    upload = requests.get(f"{front}{attachment}")
    assert upload.status_code == 200 and upload.content == b"# Rules\n"
    assert upload.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "X-Accel-Redirect" not in upload.headers
    assert requests.get(f"{front}/_uploads/anything").status_code == 404  # internal only
    assert requests.get(f"{front}/metrics").status_code == 404
    for backend in backends:
        assert 'route="/static/<path:filename>"' not in requests.get(f"{backend}/metrics").text
