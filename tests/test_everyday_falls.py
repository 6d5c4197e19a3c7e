"""A fall said in everyday words ("going down", "coming down", "falling", "dropping") is searched and chosen by the
documents' word for it ("declining"): "Is poverty in the cities at least going down quickly?" is answered by "urban
poverty reduction has been slow, declining at only 0.5 percentage points annually", not by a sentence on how fast the
cities grow. An everyday phrase in double quotes is matched as written, not by its stems: "going down" is not the "go"
of "Where does the money go?". Real model, real Chroma, over the web corpus."""

import pytest
from nsss.index.everyday import Everyday, default_everyday


def test_a_quoted_phrase_is_matched_as_written_not_by_its_stems():
    quoted, stemmed = Everyday([('"going down"', "declining")]), Everyday([("going down", "declining")])

    assert quoted.found("Is poverty going down?") == [("go", "declining")]
    assert quoted.found("Where does the money go? Down to the districts.") == []
    assert quoted.found("Where is it going?") == []
    assert stemmed.found("Where is it going?") == [("go", "declining")]  # "down" is a stop word: only "go" is left


@pytest.mark.parametrize(
    "question",
    [
        "Is poverty in the cities at least going down quickly?",
        "Has urban poverty been coming down fast?",
        "How quickly has poverty in the cities been falling?",
        "Has city poverty at least been dropping fast?",
    ],
)
def test_the_shipped_list_reads_a_fall_as_declining(question):
    assert "declin" in default_everyday().terms(question)


@pytest.mark.parametrize(
    "question",
    ["Where does the money go?", "When does the next payment come?", "Who dropped out of school?"],
)
def test_going_and_coming_are_not_a_fall(question):
    assert "declin" not in default_everyday().terms(question)


@pytest.mark.parametrize(
    "question",
    [
        "Is poverty in the cities at least going down quickly?",
        "How fast has poverty in towns and cities been going down?",
        "Has poverty in the cities been coming down fast?",
    ],
)
def test_a_fall_in_everyday_words_is_answered_by_the_documents_decline(web_assistant, question):
    answer = web_assistant.answer(question)

    assert not answer.abstained, answer.text
    assert answer.citations[0].source == "sp-gov-bd-urban-poverty-2025.md", answer.text
    assert "declining at only 0.5 percentage points annually" in answer.citations[0].quote, answer.text
