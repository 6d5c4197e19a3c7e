""" "The main talk", "the main speaker", "the main speech" of an event is its keynote, as the documents say ("presented
the keynote paper", "Keynote speaker Azizul Alam"). Read literally, "main" and "talk" are in no sentence that answers:
after a question on the 2025 national conference, "Who gave the main talk there?" was declined. "The main paper" (a
programme's main document, perhaps) and "the main objective" are read as asked. Real model, real Chroma, over the web
corpus where they answer."""

import pytest
from conftest import ask_in_turn
from nsss.assistant.question import analyse


@pytest.mark.parametrize(
    "question, read",
    [
        ("And who gave the main talk?", "And who gave the keynote?"),
        ("Who was the main speaker?", "Who was the keynote speaker?"),
        ("Who gave the main speech there?", "Who gave the keynote speech there?"),
        (
            "According to the main speaker there, when did the G2P system start?",
            "According to the keynote speaker there, when did the G2P system start?",
        ),
        ("Who made the key presentation?", "Who made the keynote presentation?"),
    ],
)
def test_the_main_talk_is_read_as_the_keynote(question, read):
    assert analyse(question).text == read


@pytest.mark.parametrize(
    "question",
    ["Who presented the main paper?", "What is the main objective of the NSSS?", "Who talked to the beneficiaries?"],
)
def test_other_questions_are_read_as_asked(question):
    assert analyse(question).text == question


def test_who_gave_the_main_talk_at_the_2025_conference_is_answered(web_assistant):
    _, answer = ask_in_turn(
        web_assistant,
        "Where was the 2025 national conference on social protection held, and how long did it last?",
        "Who gave the main talk there?",
    )

    assert not answer.abstained, answer.text
    assert "Mohammad Khaled Hasan" in answer.citations[0].quote, answer.text
