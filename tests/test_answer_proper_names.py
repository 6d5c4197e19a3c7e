"""A proper name the question gives ("the Jawtno programme", "Samata") that the quoted document never names: the quote
is about something else however well it fills the slot, and the answer is declined ("Taka 500 per month under the
programme" is the old age allowance's, not Jawtno's). Real model, real Chroma, over the web corpus."""

import pytest
from nsss.assistant.answerability import proper_names
from nsss.assistant.question import analyse


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("How much cash did a mother get each month under the Jawtno programme?", ["jawtno"]),
        ("When was the Sreemangal workshop on implementing the NSSS held?", ["sreemang"]),
        ("I am 55. Is Samata for me?", ["samata"]),  # "Is" opens its sentence: no longer name
        ('What is "Samata"?', ["samata"]),
        ("Did the payments change when Covid came?", ["covid"]),
        # one word of a longer name, which a document may give in its own words or not at all
        ("What was the theme of the Bangladesh Social Security Conference and Fair 2018?", []),
        ("Which ministries coordinate the Social Allowance and the Labour/Livelihood clusters?", []),
        ("According to The Business Standard, who backed it?", []),
        # who says it, not what it is about
        ("Which allowances are included, according to the Observer's report on the agreement?", []),
        ("How many people got the disability allowance in 2022-23 according to the Sunamganj office?", []),
        # a sentence's first word, a month, an acronym, the asker's own circumstance, a Bangla question
        ("Jawtno: how much did it pay?", []),
        ("Which pension schemes did the PM open in August 2023?", []),
        ("I moved to Dhaka for work. Are city people covered?", []),
        ("যত্ন (Jawtno) কর্মসূচিতে মাসে কত টাকা দেওয়া হতো?", []),
    ],
)
def test_proper_names_are_single_capitalised_words_inside_an_english_sentence(question, names):
    assert proper_names(analyse(question)) == names


@pytest.mark.parametrize(
    "question",
    [
        "How much cash did a mother get each month under the Jawtno programme?",
        "How many taka a month did mothers get under the Jawtno programme?",
    ],
)
def test_a_programme_named_that_the_quoted_document_never_names_is_declined(web_assistant, question):
    answer = web_assistant.answer(question)

    assert answer.abstained, answer.text


def test_the_programme_named_is_answered_from_its_own_document(web_assistant):
    answer = web_assistant.answer("How many poor mothers did the Jawtno programme support?")

    assert not answer.abstained, answer.text
    assert answer.citations[0].source == "worldbank-ispp-jawtno-results.md", answer.text
    assert "600,000" in answer.text, answer.text
