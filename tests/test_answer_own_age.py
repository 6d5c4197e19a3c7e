"""A person's own age said to frame a question ("My aunt is 63. Can she get the old-age allowance?", "I'm 52: am I
too old to join?", "আমার নানির বয়স ৬৩ বছর") is the asker's circumstance, not a figure a quote must hold: the
question is answered from what the documents say of the ages that qualify. A threshold the question names ("over 50",
"৫০-এর বেশি") is asked about and stays. Real model, real Chroma for the answers; the reading on its own."""

import pytest
from nsss.assistant.question import analyse


@pytest.mark.parametrize(
    "question",
    [
        "My aunt is 63. Can she get the old age allowance?",
        "My grandfather just turned 66 - is he covered by the old age allowance plan?",
        "She's 63. Do women get it younger than men?",
        "I'm 52 - am I too old to join the universal pension?",
    ],
)
def test_a_persons_own_age_is_no_figure_to_find(question):
    q = analyse(question)
    assert q.figures == (), q  # no quote need hold it
    assert q.text == question  # its words are still searched


@pytest.mark.parametrize(
    "question, figure",
    [
        ("Can someone over 50 still join the universal pension?", "50"),
        ("How many people were getting it in 2023-24?", "2023-24"),
        ("The programme is 20 years old: when did it start?", "20"),
        ("আমার চাচার বয়স ৫০-এর বেশি। উনি কি পেনশনে ঢুকতে পারবেন?", "50"),
        ("যাঁদের বয়স ৫০ বছরের বেশি, তাঁরা কী শর্তে পেনশন পাবেন?", "50"),
    ],
)
def test_a_threshold_or_another_figure_stays(question, figure):
    assert figure in analyse(question).figures


def test_a_bangla_own_age_is_no_figure_to_find():
    q = analyse("আমার নানির বয়স ৬৩ বছর। সরকারের পরিকল্পনা মতো উনি কি বয়স্ক ভাতা পাবেন?")
    assert q.figures == (), q


@pytest.mark.parametrize(
    "question",
    [
        "My grandmother is 64. Under the government's plan, from what age will women get the old age allowance?",
        "My mum turns 63 next month. Will women her age get the old-age allowance under the minister's 2025 plan?",
    ],
)
def test_a_question_framed_by_an_age_is_answered_from_the_age_groups(web_assistant, question):
    """Before, the age (64, 63) was a figure no document names, and the question was declined (eval/RESULTS.md,
    session 35: AG); the plan the Social Welfare Minister told Parliament of names women aged 62 or above."""
    answer = web_assistant.answer(question)
    quotes = " ".join(c.quote for c in answer.citations)
    assert not answer.abstained, answer.text
    assert "62" in quotes, answer.text
