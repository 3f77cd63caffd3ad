"""What running behind a reverse proxy needs: trusting its X-Forwarded-* headers, and no more hops."""
from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


def trust_proxies(app: Flask) -> None:
    """Wrap the whole WSGI app (Socket.IO included) in ProxyFix when PROXY_HOPS says proxies are in front.

    With N proxies, the last N values of X-Forwarded-For/-Proto/-Host are believed (nginx sets them);
    a client's own forged values further left are ignored. The port stays in the Host header. With none (the default), the
    headers are ignored altogether, so a client reaching the app directly can't pose as another address.
    """
    hops = app.config["PROXY_HOPS"]
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def direct_peer(environ: dict) -> str | None:
    """The address that really opened the connection, before ProxyFix rewrote REMOTE_ADDR."""
    return environ.get("werkzeug.proxy_fix.orig", {}).get("REMOTE_ADDR", environ.get("REMOTE_ADDR"))
