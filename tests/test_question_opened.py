""" "Who opened it?", "Who switched it on?", "Who kicked off the payments?" ask who inaugurated it, as the documents
say it ("Prime Minister's Advisor Salman F Rahman inaugurated the project"). Read literally, "opened" and "switched"
are in no sentence that answers: after a question on the garment workers' injury scheme, "Who opened it?" was
declined, and after one on allowances paid through bKash, "Who switched it on?" was declined or answered with the
names of those at the signing. Only "who" is read so. Real model, real Chroma, over the web corpus where they
answer."""

import pytest
from conftest import ask_in_turn, cited
from nsss.assistant.question import analyse


@pytest.mark.parametrize(
    "question, read",
    [
        ("Who opened it?", "Who inaugurated it?"),
        ("Who switched it on?", "Who inaugurated it?"),
        ("Who actually opened that payment service?", "Who actually inaugurated that payment service?"),
        ("Who started it off?", "Who inaugurated it?"),
        ("Who got it going?", "Who inaugurated it?"),
        ("Who kicked off the payments?", "Who inaugurated the payments?"),
        ("Who switched it on, and who presided?", "Who inaugurated it, and who presided?"),
        (
            "When did the universal pension start, and who opened it?",
            "When did the universal pension start, and who inaugurated it?",
        ),
    ],
)
def test_who_opened_it_is_read_as_who_inaugurated_it(question, read):
    assert analyse(question).text == read


@pytest.mark.parametrize(
    "question",
    [
        "Which schemes did they open?",
        "Who chaired the opening session?",
        "Who gave the welcome speech to kick it off?",
        "When did registration open?",
        "Who started the old age allowance?",
    ],
)
def test_other_questions_are_read_as_asked(question):
    assert analyse(question).text == question


def test_who_opened_the_injury_scheme_is_answered(web_assistant):
    _, answer = ask_in_turn(
        web_assistant,
        "That injury compensation pilot for garment workers started in 2022 - which workers does it cover?",
        "Who opened it?",
    )

    assert not answer.abstained, answer.text
    assert "Salman F Rahman" in answer.citations[0].quote, answer.text


def test_who_switched_on_the_bkash_payments_is_answered(web_assistant):
    _, answer = ask_in_turn(
        web_assistant,
        "I heard old people and widows started getting their allowance on bKash in 2021. How many people and how many "
        "districts was that?",
        "Who switched it on?",
    )

    assert not answer.abstained, answer.text
    assert "dailyasianage-bkash-allowances-2021.md" in cited(answer), answer.text
    assert "Sheikh Hasina inaugurated" in answer.citations[0].quote, answer.text
