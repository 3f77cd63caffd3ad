"""QR codes for the big screen, rendered on the server as inline SVG (segno; nothing fetched)."""
import segno
from markupsafe import Markup


def qr_svg(url: str) -> Markup:
    """An inline, scalable SVG QR code pointing to `url`."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(border=2, dark="#14142b", light="#ffffff", omitsize=True,
                          svgclass="qr-code", title="QR code: open this event on your phone")
    return Markup(svg)  # segno writes the markup itself; the URL sits only inside the QR matrix
