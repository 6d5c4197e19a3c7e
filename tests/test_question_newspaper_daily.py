""" "The Daily Star", "the Daily Sun report": a newspaper's name, written with capitals, asks for no daily rate. Read as
one, "According to the Daily Sun report of March 2017, how many households was the government aiming to cover in the
National Household Database?" was declined: its quote ("3.5 crore households") says no rate per day. A daily wage
asked ("What is the daily wage?", "How much do workers get daily?") still asks it. Real model, real Chroma, over the
web corpus where they answer."""

import pytest
from nsss.assistant.question import analyse


@pytest.mark.parametrize(
    "question",
    [
        "According to the Daily Sun report of March 2017, how many households was the government aiming to cover?",
        "At that Daily Star online discussion, what figure did the official give for electronic transfers?",
        "How many people get the allowance through bKash, according to The Daily Asian Age?",
    ],
)
def test_a_newspapers_name_asks_no_daily_rate(question):
    assert "day" not in analyse(question).units


@pytest.mark.parametrize(
    "question",
    [
        "What is the daily wage under the EGPP?",
        "How much do EGPP workers get daily?",
        "Daily, how much is held back from the wage?",
        "How much is paid per day?",
        "ইজিপিপি-তে শ্রমিকের দৈনিক মজুরি কত?",
    ],
)
def test_a_daily_rate_is_still_asked(question):
    assert "day" in analyse(question).units


def test_a_count_in_a_newspapers_report_is_answered(web_assistant):
    answer = web_assistant.answer(
        "According to the Daily Sun report of March 2017, how many households was the government aiming to cover in "
        "the National Household Database?"
    )

    assert not answer.abstained, answer.text
    assert answer.citations[0].source == "dailysun-national-household-database.md", answer.text
    assert "3.5 crore households" in answer.text, answer.text
