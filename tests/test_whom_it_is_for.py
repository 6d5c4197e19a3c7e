"""Whom a programme is for, helps or pays is a group of people, as "who gets it?" is: "Who is Samata meant for?" is
answered by "the Samata for low-income people", not declined for naming no person. Real model, real Chroma, over the
web corpus."""

import pytest
from conftest import ask_in_turn
from nsss.assistant.question import analyse


@pytest.mark.parametrize(
    "question",
    [
        "Who is Samata meant for?",
        "Who is each of those four meant for?",
        "Who is the new universal pension intended for?",
        "Who did it help?",
        "Who will the money go to?",
        "Who does the money go to?",
        "Who is the money paid to?",
    ],
)
def test_whom_a_programme_is_for_is_no_person(question):
    assert analyse(question).slot == "any"


@pytest.mark.parametrize(
    ("question", "slot"),
    [
        ("Who was the chief guest?", "person"),
        ("Who did the Prime Minister meet?", "person"),
        ("Who chaired the meeting?", "person"),
        ("Who helped the government digitise these payments?", "person"),  # the helper, not whom it helped
        ("Who funded the study?", "organisation"),
    ],
)
def test_who_did_something_is_asked_as_before(question, slot):
    assert analyse(question).slot == slot


def test_whom_a_pension_scheme_is_meant_for_is_answered_after_the_schemes(web_assistant):
    *_, answer = ask_in_turn(
        web_assistant,
        "When did the Prime Minister open the Universal Pension Scheme?",
        "Which schemes were opened that day?",
        "Who is Samata meant for?",
    )

    assert not answer.abstained, answer.text
    assert answer.citations[0].source == "pobnews24-universal-pension-launch.md", answer.text
    assert "the Samata for low-income people" in answer.citations[0].quote, answer.text
