"""A realistic demo: an event hacking right now, one being judged, one upcoming and one past."""
from .build import DEMO_PASSWORD, DEMO_SLUG, JUDGING_SLUG, build_demo, has_data

__all__ = ["DEMO_PASSWORD", "DEMO_SLUG", "JUDGING_SLUG", "build_demo", "has_data"]
