"""Challenge pages through HTTP."""
import io

from tests.factories import make_challenge, make_event, make_member


def test_anonymous_visitors_read_a_published_brief_with_sanitized_markdown(client, app):
    event = make_event("hacking")
    challenge = make_challenge(event, title="Grid", brief="## Goal\n<script>bad()</script>", sponsor="Nordlicht")
    page = client.get(f"/e/{event.slug}/challenges/{challenge.id}").get_data(as_text=True)
    assert "<h2>Goal</h2>" in page and "<script>bad()" not in page and "Nordlicht" in page


def test_before_hacking_the_list_says_when_briefs_appear(client, app):
    event = make_event("registration")
    challenge = make_challenge(event, title="Hidden Grid")
    page = client.get(f"/e/{event.slug}/challenges/").get_data(as_text=True)
    assert "revealed when hacking starts" in page and "Hidden Grid" not in page
    assert client.get(f"/e/{event.slug}/challenges/{challenge.id}").status_code == 404


def test_organizer_creates_a_challenge_and_errors_keep_the_text(client, auth, app):
    event = make_event("registration")
    auth.login(make_member(event, "organizer"))
    response = client.post(f"/e/{event.slug}/challenges/new", data={"title": "", "brief": "Keep me"})
    assert response.status_code == 422 and "Keep me" in response.get_data(as_text=True)
    response = client.post(f"/e/{event.slug}/challenges/new", data={"title": "Grid", "brief": "Go", "position": "1"})
    assert response.status_code == 302
    assert "Grid" in client.get(f"/e/{event.slug}/challenges/").get_data(as_text=True)


def test_upload_and_download_an_attachment_with_safe_headers(client, auth, app):
    event = make_event("hacking")
    challenge = make_challenge(event)
    auth.login(make_member(event, "organizer"))
    response = client.post(f"/e/{event.slug}/challenges/{challenge.id}/attachments",
                           data={"file": (io.BytesIO(b"%PDF-1.4 data"), "brief.pdf")},
                           content_type="multipart/form-data")
    assert response.status_code == 302
    attachment = challenge.attachments[0]
    url = f"/e/{event.slug}/challenges/{challenge.id}/attachments/{attachment.id}/brief.pdf"
    download = client.get(url)
    assert download.status_code == 200 and download.data == b"%PDF-1.4 data"
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in download.headers["Content-Disposition"]
    assert "sandbox" in download.headers["Content-Security-Policy"]


def test_a_bad_upload_is_422_with_the_reason(client, auth, app):
    event = make_event("hacking")
    challenge = make_challenge(event)
    auth.login(make_member(event, "organizer"))
    response = client.post(f"/e/{event.slug}/challenges/{challenge.id}/attachments",
                           data={"file": (io.BytesIO(b"MZ"), "tool.exe")}, content_type="multipart/form-data")
    assert response.status_code == 422 and "not an accepted type" in response.get_data(as_text=True)


def test_an_attachment_with_a_japanese_name_uploads_and_downloads(client, auth, app):
    event = make_event("hacking")
    challenge = make_challenge(event)
    auth.login(make_member(event, "organizer"))
    response = client.post(f"/e/{event.slug}/challenges/{challenge.id}/attachments",
                           data={"file": (io.BytesIO("こんにちは".encode()), "日本語.txt")},
                           content_type="multipart/form-data")
    assert response.status_code == 302
    attachment = challenge.attachments[0]
    assert attachment.original_name == "日本語.txt"
    page = client.get(f"/e/{event.slug}/challenges/{challenge.id}").get_data(as_text=True)
    assert "日本語.txt" in page
    download = client.get(f"/e/{event.slug}/challenges/{challenge.id}/attachments/{attachment.id}/日本語.txt")
    assert download.status_code == 200 and download.data.decode() == "こんにちは"
    assert "filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.txt" in download.headers["Content-Disposition"]
