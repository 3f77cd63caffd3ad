"""QR codes rendered on the server as inline SVG (segno; nothing fetched): the big screen's link to
the event, and each participant's check-in code."""
import segno
from markupsafe import Markup


def qr_svg(url: str, title: str = "QR code: open this event on your phone") -> Markup:
    """An inline, scalable SVG QR code holding `url` (or any short text)."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(border=2, dark="#14142b", light="#ffffff", omitsize=True,
                          svgclass="qr-code", title=title)
    return Markup(svg)  # segno writes the markup itself; the URL sits only inside the QR matrix
