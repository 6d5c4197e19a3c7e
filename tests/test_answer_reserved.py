"""Places in a programme kept for a group, asked in everyday words ("Are any places kept for women?", "a set share of
the places"), are found in the documents' words ("30% of beneficiary slots are reserved for women"): the everyday list
(index/everyday_en.tsv) pairs them. Real model, real Chroma."""

import pytest
from nsss.index.everyday import default_everyday


def test_places_kept_for_a_group_are_searched_as_reserved():
    assert "reserv" in default_everyday().terms("Are any places kept for women?")
    assert "reserv" in default_everyday().terms("Do women get a set share of the places?")


@pytest.mark.parametrize(
    "question",
    ["Are any places in the EGPP kept for women?", "Do women get a set share of the places in the EGPP?"],
)
def test_places_kept_for_women_are_answered_with_the_slots_reserved(web_assistant, question):
    """Before, the search went to the pages on women's benefits and the question was declined or answered from them
    (eval/RESULTS.md, session 35: RS)."""
    answer = web_assistant.answer(question)
    assert not answer.abstained, answer.text
    assert "reserved for women" in answer.citations[0].quote, answer.text
