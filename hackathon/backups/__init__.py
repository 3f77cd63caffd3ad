"""Backups that round-trip: one event as one file (`flask hackathon export` / `import`, the console's download).

The file is a zip: `event.json` (the event, the accounts its rows name, every row of every table
that belongs to the event) and `files/<stored name>` (uploads). Ids in it are the document's own
(1, 2, … per table in the order of the original ids), so the same event exports to the same bytes
wherever it lives: export → import → export gives an identical file, on SQLite or PostgreSQL.
"""
from .exporting import export_event
from .importing import ImportRefused, import_event

__all__ = ["ImportRefused", "export_event", "import_event"]
