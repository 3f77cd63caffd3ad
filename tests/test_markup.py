"""User Markdown is rendered by a real library and can never carry script."""
from html.parser import HTMLParser

from hackathon.markup import render_markdown


def test_markdown_renders_formatting_and_tables():
    html = render_markdown("# Rules\n\n**bold** and [link](https://example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<h1>Rules</h1>" in html and "<strong>bold</strong>" in html and "<table>" in html
    assert 'href="https://example.org"' in html and 'rel="noopener noreferrer nofollow"' in html


class ElementCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements_of(html):
    collector = ElementCollector()
    collector.feed(str(html))
    return collector.elements


def test_script_handlers_and_javascript_links_never_survive():
    html = render_markdown(
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))\n\n"
        "<a href=\"javascript:alert(1)\">raw</a> ![img](javascript:alert(2)) [ok](JaVaScRiPt:alert(3))")
    elements = elements_of(html)
    assert all(tag not in ("script", "iframe", "style") for tag, _ in elements)
    for _, attrs in elements:
        assert not any(name.startswith("on") for name in attrs)
        assert not any("javascript:" in (value or "").lower() for value in attrs.values())
    assert "&lt;script&gt;" in html  # shown as text, not run


def test_empty_markdown_is_empty():
    assert render_markdown(None) == ""


def image_sources(html):
    return [attrs.get("src") for tag, attrs in elements_of(html) if tag == "img"]


def test_images_load_only_from_this_site_by_default():
    html = render_markdown("![a](https://tracker.example/pixel.png) ![b](//tracker.example/p.png) "
                           "![c](/e/hack/challenges/1/attachments/2/map.png) ![d](http://i.imgur.com/x.png) "
                           "![e](data:image/png;base64,AAAA) ![f](/\\tracker.example/p.png)")
    assert image_sources(html) == [None, None, "/e/hack/challenges/1/attachments/2/map.png", None, None,
                                   "/%5Ctracker.example/p.png"]  # an escaped backslash: a path here
    assert 'alt="a"' in html  # the picture's words stay


def test_an_event_can_allow_listed_image_hosts_over_https():
    html = render_markdown("![a](https://i.imgur.com/x.png) ![b](http://i.imgur.com/y.png) "
                           "![c](https://evil.example/z.png) ![d](https://I.IMGUR.COM./w.png)",
                           image_hosts={"i.imgur.com"})
    assert image_sources(html) == ["https://i.imgur.com/x.png", None, None, None]
