"""Checking answers against the questions, kind by kind (pure: no database)."""
import pytest

from hackathon.models import Question
from hackathon.registration.answers import answer_text, check_answers
from hackathon.registration.errors import AnswersInvalid


def question(id_, kind, required=False, choices=""):
    return Question(id=id_, kind=kind, label=f"Q{id_}", is_required=required, choices=choices)


def test_every_kind_keeps_a_good_answer():
    questions = [question(1, "short_text"), question(2, "long_text"), question(3, "one_choice", choices="A\nB"),
                 question(4, "several_choices", choices="X\nY\nZ"), question(5, "yes_no"), question(6, "url"),
                 question(7, "number"), question(8, "statement")]
    sent = {"q1": ["Ada"], "q2": ["Long\ntext"], "q3": ["B"], "q4": ["Z", "X"], "q5": ["no"],
            "q6": ["https://github.com/ada"], "q7": ["2,5"], "q8": ["yes"]}
    assert check_answers(questions, sent) == {"1": "Ada", "2": "Long\ntext", "3": "B", "4": ["X", "Z"], "5": False,
                                              "6": "https://github.com/ada", "7": 2.5, "8": True}


def test_every_problem_is_named_at_once():
    questions = [question(1, "short_text", required=True), question(2, "one_choice", choices="A\nB"),
                 question(3, "url"), question(4, "number"), question(5, "statement"),
                 question(6, "several_choices", choices="X\nY")]
    with pytest.raises(AnswersInvalid) as raised:
        check_answers(questions, {"q1": ["  "], "q2": ["C"], "q3": ["javascript:alert(1)"], "q4": ["lots"],
                                  "q6": ["X", "W"]})
    assert set(raised.value.problems) == {"q1", "q2", "q3", "q4", "q5", "q6"}
    assert "Accept this statement" in raised.value.problems["q5"]


@pytest.mark.parametrize("raw", ["nan", "inf", "1e400", "9" * 40])
def test_numbers_must_be_finite_and_short(raw):
    with pytest.raises(AnswersInvalid):
        check_answers([question(1, "number")], {"q1": [raw]})


def test_long_text_has_a_limit():
    with pytest.raises(AnswersInvalid, match="fix"):
        check_answers([question(1, "long_text")], {"q1": ["x" * 5001]})


def test_optional_questions_may_stay_empty():
    assert check_answers([question(1, "url"), question(2, "yes_no")], {}) == {}


def test_answers_read_as_text_for_lists_and_exports():
    assert answer_text(question(4, "several_choices"), {"4": ["X", "Z"]}) == "X; Z"
    assert answer_text(question(5, "yes_no"), {"5": True}) == "yes"
    assert answer_text(question(6, "url"), {}) == ""
