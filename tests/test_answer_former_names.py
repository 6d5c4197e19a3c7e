"""A former name asked ("What was it called before?", "What was its old name?") is answered by a text that says the thing was
renamed, was the erstwhile one, or became what it is now; a quote that says no rename does not answer it. Real model,
real Chroma for the answers; the question's reading and the check on their own."""

import pytest
from conftest import ask_in_turn
from nsss.assistant.question import analyse
from nsss.assistant.scoring import says_former_name


@pytest.mark.parametrize(
    "question, former",
    [
        ("What was it called before?", True),
        ("What was the EGPP called at first, and which ministry ran it?", True),
        ("What was the committee's old name?", True),
        ("What was the workfare programme originally called?", True),
        ("What is the scheme called?", False),
        ("What was it called when it was unveiled?", False),
        # Bangla is left to the glossary, which brings its words to the English sentence that answers
        ("ইজিপিপি কর্মসূচির আগের নাম কী ছিল?", False),
    ],
)
def test_a_former_name_is_read_as_asked(question, former):
    q = analyse(question)
    assert q.former_name is former
    # read alike, whatever the words: "called before", "old name", "আগের নাম"
    assert ("former" in q.terms) is former


@pytest.mark.parametrize(
    "text, says",
    [
        (
            "the erstwhile Central Monitoring Committee (CMC) on Social Safety Net Programmes has been reformed and "
            "renamed as Central Management Committee",
            True,
        ),
        ("Previous programme name (if any) 100 Days Employment Scheme", True),
        ("Employment Generation Program for the Poorest (formerly the 100 Days Employment Program)", True),
        ("The government has set a target of collecting data for preparing National Household Database (NHD).", False),
        ("The largest public workfare program called 100 Day Employment Generation Program (EGP).", False),
    ],
)
def test_a_text_says_a_former_name_by_a_rename(text, says):
    assert says_former_name(text) is says


def test_what_it_was_called_before_is_the_erstwhile_name(web_assistant):
    """Asked as a follow-up, "What was it called before?" names no subject of its own and shares no word with the
    sentence that answers it ("the erstwhile Central Monitoring Committee ... renamed as") (RESULTS, session 33: FN)."""
    _, answer = ask_in_turn(
        web_assistant,
        "Who chairs the Central Management Committee on Social Security Programmes?",
        "What was it called before?",
    )
    assert not answer.abstained and "Central Monitoring Committee" in answer.text, answer.text


def test_a_rename_told_by_pointing_back_quotes_the_sentence_it_points_to(web_assistant):
    # "Over time, the program evolved into the EGPP": the old name is in the sentence before
    answer = web_assistant.answer("What was the EGPP called before?")
    assert not answer.abstained and "100 Day Employment Generation Program" in answer.text, answer.text


def test_a_former_name_no_document_gives_is_declined(web_assistant):
    answer = web_assistant.answer("What was the National Household Database called before?")
    assert answer.abstained and answer.notice_kind != "off_subject", answer.text
