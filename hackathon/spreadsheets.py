"""CSV for organizers' spreadsheets: the one writer every export goes through.

Spreadsheet programs run a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as
a formula (CSV injection: a team named `=HYPERLINK(...)` would become a link in the organizer's
sheet). Every text cell that starts so gets a leading quote and is shown as plain text.
"""
import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """The cell as text that a spreadsheet will never evaluate (numbers stay numbers)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    """A header and rows as CSV text, every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(name) for name in header])
    writer.writerows([safe_cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def records_csv(records: list[dict]) -> str:
    """Dicts sharing their keys as CSV (the keys are the header); empty text for no records."""
    if not records:
        return ""
    header = list(records[0])
    return csv_text(header, ([record[name] for name in header] for record in records))
