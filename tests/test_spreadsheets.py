"""Every CSV the app writes goes through one formula-safe writer."""
import csv
import io

from hackathon.spreadsheets import csv_text, records_csv, safe_cell


def test_safe_cell_quotes_text_that_a_spreadsheet_would_run():
    cells = ["=HYPERLINK(\"http://x\")", "+1", "-1", "@sum", "\tx", "\rx", "Owls", None, 3, -2.5]
    assert [safe_cell(c) for c in cells] == [
        "'=HYPERLINK(\"http://x\")", "'+1", "'-1", "'@sum", "'\tx", "'\rx", "Owls", "", "3", "-2.5"]


def test_csv_text_makes_every_cell_safe_and_round_trips():
    text = csv_text(["team", "score"], [["=cmd|' /C calc'!A0", 71.5], ["Owls, Inc.", None]])
    assert list(csv.reader(io.StringIO(text))) == [
        ["team", "score"], ["'=cmd|' /C calc'!A0", "71.5"], ["Owls, Inc.", ""]]


def test_records_csv_uses_the_keys_as_header():
    assert records_csv([{"a": "@x", "b": 1}]).splitlines() == ["a,b", "'@x,1"]
    assert records_csv([]) == ""
