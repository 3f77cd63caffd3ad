"""Prometheus metrics at /metrics (prometheus_client): request latency by route, live clients and
pushes of this process, and the deployment's open help requests and check-ins.

Each server process keeps its own figures (request latency, sockets, pushes); scrape every process
directly, never through the load balancer. The help requests and check-ins come from the database,
so every process reports the same numbers. Who may read it: `may_read_metrics`.
"""
import hmac
import ipaddress
import re
import time

from flask import Blueprint, Flask, Response, abort, current_app, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily

from .deployment import direct_peer
from .extensions import db, limiter, socketio
from .models import Application, Event, HelpRequest
from .models.mentor import ACTIVE
from .realtime import NAMESPACE

bp = Blueprint("metrics", __name__)

EVENT_ROOM = re.compile(r"event:(\d+)")
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    """One app's registry and the figures its hooks update."""

    def __init__(self):
        self.registry = CollectorRegistry(auto_describe=False)
        self.latency = Histogram("hackathon_http_request_duration_seconds", "Time to answer an HTTP request, by route",
                                 ["method", "route"], buckets=LATENCY_BUCKETS, registry=self.registry)
        self.requests = Counter("hackathon_http_requests", "HTTP requests answered, by route and status",
                                ["method", "route", "status"], registry=self.registry)
        self.pushed = Counter("hackathon_live_events_pushed", "Socket.IO events this process pushed (through the "
                              "message queue when there is one, so each counts once however many processes deliver it)",
                              ["name"], registry=self.registry)
        self.registry.register(StateCollector())


class StateCollector:
    """Figures read when scraped: sockets of this process per event, and from the database."""

    def collect(self):
        rooms = socketio.server.manager.rooms.get(NAMESPACE, {})
        everyone = GaugeMetricFamily("hackathon_live_connections", "Sockets connected to /live on this process")
        everyone.add_metric([], len(rooms.get(None, ())))
        yield everyone
        watching = {int(match.group(1)): len(members) for room, members in list(rooms.items())
                    if isinstance(room, str) and (match := EVENT_ROOM.fullmatch(room))}
        slugs = _slugs(watching)
        clients = GaugeMetricFamily("hackathon_live_clients", "Live clients watching an event on this process",
                                    labels=["event"])
        for event_id, count in sorted(watching.items()):
            clients.add_metric([slugs.get(event_id, str(event_id))], count)
        yield clients
        yield _help_requests()
        yield _check_ins()


def _slugs(event_ids) -> dict[int, str]:
    if not event_ids:
        return {}
    return dict(db.session.execute(db.select(Event.id, Event.slug).where(Event.id.in_(list(event_ids)))).all())


def _help_requests() -> GaugeMetricFamily:
    family = GaugeMetricFamily("hackathon_help_requests", "Help requests waiting (open) or being helped (claimed)",
                               labels=["event", "status"])
    rows = db.session.execute(
        db.select(Event.slug, HelpRequest.status, db.func.count()).join(Event, Event.id == HelpRequest.event_id)
        .where(HelpRequest.status.in_(ACTIVE)).group_by(Event.slug, HelpRequest.status).order_by(Event.slug))
    for slug, status, count in rows:
        family.add_metric([slug, status], count)
    return family


def _check_ins() -> GaugeMetricFamily:
    family = GaugeMetricFamily("hackathon_check_ins", "People checked in at the door, per event", labels=["event"])
    rows = db.session.execute(db.select(Event.slug, db.func.count()).join(Application, Application.event_id == Event.id)
                              .where(Application.checked_in_at.is_not(None)).group_by(Event.slug).order_by(Event.slug))
    for slug, count in rows:
        family.add_metric([slug], count)
    return family


def may_read_metrics() -> bool:
    """METRICS_TOKEN set: a request carrying it as a bearer token. Unset: only a scraper on this host
    talking to the process directly (loopback, not through the proxy, which adds X-Forwarded-For)."""
    token = current_app.config.get("METRICS_TOKEN")
    if token:
        given = request.headers.get("Authorization", "")
        return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())
    if "X-Forwarded-For" in request.headers or "Forwarded" in request.headers:
        return False
    try:
        return ipaddress.ip_address(direct_peer(request.environ) or "").is_loopback
    except ValueError:
        return False


@bp.route("/metrics")
@limiter.exempt
def metrics():
    if not may_read_metrics():
        abort(404)
    body = generate_latest(current_app.extensions["metrics"].registry)
    return Response(body, content_type=CONTENT_TYPE_LATEST, headers={"Cache-Control": "no-store"})


def _start_timer() -> None:
    g.metrics_started = time.perf_counter()


def _observe(response):
    started = g.pop("metrics_started", None)
    if started is not None:
        route = request.url_rule.rule if request.url_rule is not None else "(no route)"
        kept = current_app.extensions["metrics"]
        kept.latency.labels(request.method, route).observe(time.perf_counter() - started)
        kept.requests.labels(request.method, route, str(response.status_code)).inc()
    return response


def _count_pushes(kept: Metrics) -> None:
    """Every push of the app goes through the Socket.IO server's emit: count it there, by event name."""
    server = socketio.server
    emit = server.emit

    def counted(event, *args, **kwargs):
        kept.pushed.labels(event).inc()
        return emit(event, *args, **kwargs)

    server.emit = counted


def register(app: Flask) -> None:
    kept = app.extensions["metrics"] = Metrics()
    app.before_request(_start_timer)
    app.after_request(_observe)
    _count_pushes(kept)
    app.register_blueprint(bp)
