"""A question in everyday words ("cities", "villages") is answered by the sentence that holds the documents' words
for them ("urban", "rural"), not by one that repeats the question's other words. Real model, real Chroma in tmp_path."""

import pytest
from conftest import cited, ingested_documents
from nsss.assistant import open_assistant
from nsss.index.everyday import Everyday, default_everyday

# A report whose sentences share the question's own words ("poverty", "quickly", "going down"), and whose one answer
# says "urban" where the question says "cities".
POVERTY = (
    "# Poverty trends report\n\n"
    "Poverty has been going down quickly in Bangladesh for two decades. "
    "The report asks how quickly poverty is going down and what keeps it from going down faster. "
    "Poverty going down quickly is the main message of the report's first chapter. "
    "Urban poverty declined by only 0.5 percentage points a year from 2010 to 2022. "
    "The report was written by the planning office with the statistics bureau.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return open_assistant(ingested_documents(tmp_path_factory, "everyday", {"poverty.md": POVERTY}), use_llm=False)


def test_everyday_phrases_are_found_with_the_documents_words():
    everyday = Everyday([("cities", "urban"), ("old people", "old age"), ("money", "allocation")])
    assert everyday.found("How quickly is poverty in the cities going down?") == [("citi", "urban")]
    assert everyday.found("Do old people get more?") == [("old peopl", "old age")]
    assert everyday.found("Is it old?") == []


def test_the_shipped_list_gives_the_documents_terms_and_leaves_words_of_another_sense_alone():
    """The documents' commonest terms by their everyday words (session 18's lines), but not a stem that is also a
    common word of another sense ("deal", "family", "how much" were left out)."""
    everyday = default_everyday()
    assert {"beneficiari", "grievanc"} <= set(everyday.terms("Do recipients have anywhere to take complaints?"))
    assert everyday.terms("What did the deal with the family say, and how much is it?") == []


def test_the_sentence_holding_the_documents_word_for_an_everyday_one_leads(assistant):
    answer = assistant.answer("How quickly is poverty in the cities going down?")
    assert not answer.abstained
    assert answer.citations[0].quote.startswith("Urban poverty declined by only 0.5 percentage points")


def test_money_for_mothers_is_searched_as_the_mother_and_child_benefit(web_assistant):
    """Session 49's lines (EV): "money for mothers" is the Mother and Child Benefit Programme, which pays mothers now,
    not the child benefit the strategy proposed."""
    answer = web_assistant.answer("Is there money for mothers with new babies, and how much do they get each month?")
    assert not answer.abstained and "unicef-bd-public-finance-children-mcbp.md" in cited(answer), answer.text
