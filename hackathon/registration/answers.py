"""Checking an application's answers against the event's questions, one checker per kind of question.

`check_answers` takes what the form sent (text, or a list for several choices) and returns the
answers to keep, or raises AnswersInvalid naming every field to fix. Pure: no Flask, no database.
"""
import math
from collections.abc import Callable

from ..models.registration import Question
from .errors import AnswersInvalid

MAX_SHORT = 300
MAX_LONG = 5000
MAX_URL = 300
MAX_NUMBER_TEXT = 30
YES, NO = "yes", "no"


class Problem(ValueError):
    """This answer can't be kept; the message says why."""


def _text(limit: int) -> Callable:
    def check(question: Question, raw):
        value = _one(raw).strip()
        if len(value) > limit:
            raise Problem(f"Keep it under {limit} characters (this is {len(value)}).")
        return value or None
    return check


def _one_choice(question: Question, raw):
    value = _one(raw).strip()
    if value and value not in question.choice_list:
        raise Problem("Choose one of the options.")
    return value or None


def _several_choices(question: Question, raw):
    values = raw if isinstance(raw, list) else [raw]
    chosen = [value.strip() for value in values if isinstance(value, str) and value.strip()]
    if any(value not in question.choice_list for value in chosen):
        raise Problem("Choose among the options shown.")
    return [choice for choice in question.choice_list if choice in chosen] or None


def _yes_no(question: Question, raw):
    value = _one(raw).strip().lower()
    if value not in ("", YES, NO):
        raise Problem("Answer yes or no.")
    return None if not value else value == YES


def _url(question: Question, raw):
    value = _one(raw).strip()
    if not value:
        return None
    if len(value) > MAX_URL or not value.lower().startswith(("https://", "http://")) or " " in value:
        raise Problem("Enter a full web address starting with https://")
    return value


def _number(question: Question, raw):
    value = _one(raw).strip().replace(",", ".")
    if not value:
        return None
    try:
        number = float(value) if len(value) <= MAX_NUMBER_TEXT else math.nan
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise Problem("Enter a number, like 3 or 2.5.")
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _statement(question: Question, raw):
    value = _one(raw).strip().lower()
    if value not in ("", YES, "on", "true"):
        raise Problem("Tick the box to accept this statement.")
    return True if value else None


CHECKERS: dict[str, Callable] = {
    "short_text": _text(MAX_SHORT),
    "long_text": _text(MAX_LONG),
    "one_choice": _one_choice,
    "several_choices": _several_choices,
    "yes_no": _yes_no,
    "url": _url,
    "number": _number,
    "statement": _statement,
}

KIND_LABELS = {
    "short_text": "Short text",
    "long_text": "Long text",
    "one_choice": "One choice",
    "several_choices": "Several choices",
    "yes_no": "Yes / no",
    "url": "Web address",
    "number": "Number",
    "statement": "Eligibility statement (must be accepted)",
}


def is_required(question: Question) -> bool:
    """An eligibility statement must always be accepted; other questions when marked required."""
    return question.kind == "statement" or question.is_required


def check_answers(questions: list[Question], sent: dict) -> dict[str, object]:
    """The answers to keep, keyed by question id as text; raises AnswersInvalid listing every problem."""
    answers, problems = {}, {}
    for question in questions:
        try:
            value = CHECKERS[question.kind](question, sent.get(question.field_name, ""))
        except Problem as problem:
            problems[question.field_name] = str(problem)
            continue
        if value is None and is_required(question):
            problems[question.field_name] = ("Accept this statement to apply." if question.kind == "statement"
                                             else "This question needs an answer.")
        elif value is not None:
            answers[str(question.id)] = value
    if problems:
        raise AnswersInvalid(problems)
    return answers


def answer_text(question: Question, answers: dict) -> str:
    """An answer as one line of text, for lists and exports."""
    value = (answers or {}).get(str(question.id))
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def _one(raw) -> str:
    if isinstance(raw, list):
        raw = raw[0] if raw else ""
    return raw if isinstance(raw, str) else ""
