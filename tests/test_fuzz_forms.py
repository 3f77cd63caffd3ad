"""Malformed input never costs a 5xx: every form route of the access matrix, as every kind of visitor,
gets wrong types, file parts for text, repeated and missing fields, huge and NUL-containing strings."""
import importlib
import io
import json
import pkgutil

import pytest
from flask_wtf import FlaskForm
from wtforms.fields.core import UnboundField

import hackathon
from hackathon.extensions import db
from hackathon.models import SubmissionTechnology, UserSkill
from tests.access import VISITORS
from tests.test_access_matrix import ROWS, world  # noqa: F401  (the matrix's world is the fixture here)

FORM_ROWS = [row for row in ROWS if row.method == "POST" and row.path != "/account/logout"]
# A field named like these gets a real id of the world, so repeats are of a valid id (a duplicate, not junk).
ID_NAMES = {"challenge_ids": "challenge_id", "challenge_id": "challenge_id", "team_id": "team_id",
            "judge_id": "judge_id", "submission_id": "submission_id", "user_id": "seeker_id"}


JUNK = ("", "abc", "-1", "99999999999999999999", "1e999", "NaN", "0x1F", " 1 ", "[1, 2]", "\u202e\ufeff😀", "y")


def all_field_names() -> set[str]:
    """Every field name any form of the app declares (imported from every module of the package)."""
    for module in pkgutil.walk_packages(hackathon.__path__, "hackathon."):
        importlib.import_module(module.name)
    names, forms = set(), [FlaskForm]
    while forms:
        form = forms.pop()
        forms.extend(form.__subclasses__())
        names |= {name for klass in form.__mro__ for name, value in vars(klass).items()
                  if isinstance(value, UnboundField)}
    return names


def real_value(name: str, row, names: dict) -> str:
    if name in row.data:
        return row.data[name].format(**names)
    return str(names[ID_NAMES[name]]) if name in ID_NAMES else "1"


def variants(fields: list[str], row, names: dict):
    """(label, request keyword arguments) for each kind of malformed body."""
    def every(value):
        return {name: value for name in fields}

    yield "empty body", {"data": {}}
    for shift in range(4):  # each field meets four kinds of junk; every kind meets many fields
        yield f"junk values (rotation {shift})", {"data": {
            name: JUNK[(i + shift) % len(JUNK)] for i, name in enumerate(fields)}}
    yield "NUL bytes", {"data": every("a\x00b")}
    yield "huge strings", {"data": every("x" * 30_000)}
    yield "huge with NUL", {"data": every("\x00" * 5_000)}
    yield "file parts for every field", {"data": {name: (io.BytesIO(b"\x00junk"), "junk.bin") for name in fields},
                                         "content_type": "multipart/form-data"}
    yield "file parts named 日本語", {"data": {name: (io.BytesIO("テキスト".encode()), "日本語.txt") for name in fields},
                                   "content_type": "multipart/form-data"}
    repeated = [(name, real_value(name, row, names)) for name in fields]
    yield "every field repeated", {"data": _multi(repeated + repeated)}
    yield "real values without the list fields", {"data": {name: real_value(name, row, names) for name in fields
                                                        if name not in ("name", "skills", "technologies",
                                                                        "challenge_ids", "links", "title")}}
    yield "JSON of wrong types", {"data": json.dumps({name: {"nested": [None, 1.5, True]} for name in fields}),
                                  "content_type": "application/json"}
    yield "JSON list", {"data": json.dumps([1, 2, 3]), "content_type": "application/json"}


def _multi(pairs):
    from werkzeug.datastructures import MultiDict

    return MultiDict(pairs)


@pytest.fixture
def lived_in(world):
    """The matrix's world where profiles and the entry already hold multi-value fields (skills, technologies)."""
    for person in world.people.values():
        person.skills = [UserSkill(name="python"), UserSkill(name="ux")]
    from hackathon.models import Submission

    db.session.get(Submission, world.names["submission_id"]).technologies = [SubmissionTechnology(name="rust")]
    db.session.commit()
    return world


@pytest.mark.parametrize("visitor", VISITORS)
def test_malformed_form_posts_never_answer_5xx(visitor, lived_in, client, auth):
    if visitor != "anonymous":
        assert auth.login(lived_in.people[visitor]).status_code == 302
    names = {**lived_in.names, "criterion": lived_in.names["criterion_id"]}
    fields = sorted(all_field_names() | {f"c{names['criterion_id']}", "submit", "next"})
    failures = []
    for row in FORM_ROWS:
        path = row.path.format(**names)
        for label, kwargs in variants(fields, row, names):
            try:  # under TESTING an unhandled error propagates instead of answering 500
                status = client.post(path, **kwargs).status_code
            except Exception as error:
                status = f"{type(error).__name__}: {str(error)[:120]}"
                db.session.rollback()
            if not isinstance(status, int) or status >= 500:
                failures.append(f"POST {row.path} with {label}: {status}")
    assert not failures, "\n".join(failures)
