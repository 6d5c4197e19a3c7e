"""A later turn whose only words besides its asking are "the whole thing", "the first round" or a verb of coming or
bringing names no subject of its own: "When was the whole thing meant to be done?", "Where did the first round
start?" follow up the turn before, and are answered from its document. Real model, real Chroma, over the web corpus."""

import pytest
from conftest import ask_in_turn
from nsss.assistant.conversation import names_subject
from nsss.assistant.question import analyse


@pytest.mark.parametrize(
    "question",
    [
        "When was the whole thing meant to be done?",
        "Where did the first round start?",
        "When does the first round happen, and where?",
        "Which places come first?",
    ],
)
def test_the_whole_thing_or_a_round_names_no_subject(question):
    assert not names_subject(analyse(question))


@pytest.mark.parametrize(
    "question",
    [
        "How many households is the National Household Database supposed to collect data from?",
        "When did the second round of the EGPP come?",
        "Which ministries does the labour cluster bring together?",
        "How much did the old age allowance go up in 2023?",
    ],
)
def test_a_question_naming_its_subject_still_names_it(question):
    assert names_subject(analyse(question))


def test_the_first_round_is_of_the_database_asked_about_before(web_assistant):
    *_, answer = ask_in_turn(
        web_assistant,
        "How many households is the National Household Database supposed to collect data from?",
        "How do they work out how poor a family is?",
        "Where did the first round start?",
    )

    assert answer.followup
    assert not answer.abstained, answer.text
    assert answer.citations[0].source == "dailysun-national-household-database.md", answer.text
    assert "17 districts of the three divisions" in answer.text, answer.text


def test_the_whole_thing_is_the_database_asked_about_before(web_assistant):
    *_, answer = ask_in_turn(
        web_assistant,
        "How many households is the government collecting data from for that national household database?",
        "How do they tell whether a family is poor?",
        "When does the first round happen, and where?",
        "And when is the whole thing supposed to be finished?",
    )

    assert not answer.abstained, answer.text
    assert answer.citations[0].source == "dailysun-national-household-database.md", answer.text
    assert "December, 2018" in answer.text, answer.text
