"""/metrics: who may read it, and the figures it carries (prometheus_client's text format)."""
import re

import pytest
from prometheus_client.parser import text_string_to_metric_families

from hackathon.live.services import post_announcement
from hackathon.models.types import utcnow
from tests.factories import make_application, make_event
from tests.mentors.helpers import ask, make_asking_team


def scrape(client, **kwargs) -> dict:
    """{(name, labels as a sorted tuple): value} of every sample /metrics answers."""
    response = client.get("/metrics", **kwargs)
    assert response.status_code == 200, response.status_code
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(response.get_data(as_text=True)) for sample in family.samples}


def test_a_scraper_on_this_host_reads_the_metrics_directly(client):
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.content_type.startswith("text/plain; version=")
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("headers, peer", [
    ({"X-Forwarded-For": "203.0.113.7"}, "127.0.0.1"),  # through the proxy: the public never sees it
    ({}, "203.0.113.7"),                                 # another host, straight to the process
])
def test_nobody_else_reads_the_metrics_without_the_token(client, headers, peer):
    assert client.get("/metrics", headers=headers, environ_base={"REMOTE_ADDR": peer}).status_code == 404


def test_with_a_token_the_metrics_answer_only_to_its_bearer(app, client):
    app.config["METRICS_TOKEN"] = "s3cret-scrape-token"
    elsewhere = {"REMOTE_ADDR": "203.0.113.7"}
    assert client.get("/metrics").status_code == 404  # loopback alone is no longer enough
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}, environ_base=elsewhere).status_code == 404
    assert client.get("/metrics", headers={"Authorization": "Bearer s3cret-scrape-token"},
                      environ_base=elsewhere).status_code == 200


def test_request_latency_is_recorded_by_route_not_by_address(client):
    event = make_event()
    client.get(f"/e/{event.slug}/")
    client.get("/e/no-such-event/")
    samples = scrape(client)
    key = ("hackathon_http_request_duration_seconds_count", (("method", "GET"), ("route", "/e/<slug>/")))
    assert samples[key] == 2
    assert samples[("hackathon_http_requests_total", (("method", "GET"), ("route", "/e/<slug>/"), ("status", "404")))] == 1
    assert not any(event.slug in str(labels) for _, labels in samples if _.startswith("hackathon_http"))


def test_live_clients_per_event_and_events_pushed(app, client, live_socket):
    event, other = make_event(), make_event()
    live_socket(event), live_socket(event), live_socket(other)
    post_announcement(event, None, "Pizza in the hall")
    samples = scrape(client)
    assert samples[("hackathon_live_clients", (("event", event.slug),))] == 2
    assert samples[("hackathon_live_clients", (("event", other.slug),))] == 1
    assert samples[("hackathon_live_connections", ())] == 3
    assert samples[("hackathon_live_events_pushed_total", (("name", "announcement"),))] == 1


def test_open_help_requests_per_event(app, client):
    event = make_event("hacking")
    for _ in range(2):
        team, members = make_asking_team(event)
        ask(members[0], event)
    samples = scrape(client)
    assert samples[("hackathon_help_requests", (("event", event.slug), ("status", "open")))] == 2


def test_people_checked_in_per_event(app, client):
    event = make_event("hacking")
    for arrived in (True, True, False):
        make_application(event, status="confirmed", checked_in_at=utcnow() if arrived else None)
    samples = scrape(client)
    assert samples[("hackathon_check_ins", (("event", event.slug),))] == 2


def test_the_metrics_page_names_every_family_with_help_text(client):
    text = client.get("/metrics").get_data(as_text=True)
    for family in ("hackathon_http_request_duration_seconds", "hackathon_live_events_pushed", "hackathon_live_clients",
                   "hackathon_live_connections", "hackathon_help_requests"):
        assert re.search(rf"^# HELP {family}(_total)? \S", text, re.M), family
