"""The passages listed with an answer name one passage of each document before a second passage of any: a declined
question's nearest passages point the reader at as many documents as they can. Real model, real Chroma."""

import pytest
from conftest import ingested_documents
from nsss.assistant import open_assistant

# A long page on the grant: several passages, each repeating the question's words, none saying who audits it.
PARAGRAPH = (
    "The Xyz Child Grant pays families with a young child through mobile banking accounts opened in the mother's "
    "name. Officers of the Xyz Child Grant visit the unions of Sylhet division every quarter, and the Xyz Child "
    "Grant accounts are kept at the upazila office. Families in Sylhet say the Xyz Child Grant helps them buy food "
    "and school books, and union councils keep a list of the families the Xyz Child Grant pays in {place}. "
)
PLACES = ("Sunamganj", "Habiganj", "Moulvibazar", "Sylhet Sadar", "Companiganj", "Jaintiapur", "Bishwanath", "Balaganj")
DECLINED = "Who audits the Xyz Child Grant accounts in Sylhet?"


@pytest.fixture(scope="module")
def settings(tmp_path_factory, embedder):
    return ingested_documents(
        tmp_path_factory,
        "documents-first",
        {
            "a-long.txt": "\n\n".join(PARAGRAPH.format(place=p) for p in PLACES),
            "b-brief.txt": "The Xyz Child Grant began in Sylhet in 2021 with support from the ministry.",
            "c-rates.txt": "Under the Xyz Child Grant, each child under five receives Tk 500 per month, paid to the "
            "mother.",
        },
    )


def _documents(hits) -> list[str]:
    return [h.chunk.source for h in hits]


def test_the_search_alone_ranks_a_second_passage_of_the_long_page_before_another_page(settings):
    from nsss.index import open_index

    ranked = _documents(open_index(settings).search(DECLINED, k=8))
    assert ranked[:2] == ["a-long.txt", "a-long.txt"]  # the case the listing is for
    assert {"b-brief.txt", "c-rates.txt"} <= set(ranked)


def test_a_declined_question_lists_each_document_once_before_any_twice(settings):
    from nsss.index import open_index

    answer = open_assistant(settings, use_llm=False).answer(DECLINED)

    assert answer.abstained
    listed = _documents(answer.retrieved)
    assert listed[0] == "a-long.txt"  # the search's first
    assert set(listed[:3]) == {"a-long.txt", "b-brief.txt", "c-rates.txt"}
    # The documents in the search's order; within one, its passages in the search's order.
    searched = [h.chunk.id for h in open_index(settings).search(DECLINED, k=8)]
    long_page = [h.chunk.id for h in answer.retrieved if h.chunk.source == "a-long.txt"]
    assert long_page == [i for i in searched if i in long_page]


def test_an_answer_lists_the_passage_it_quotes_then_the_other_documents(settings):
    answer = open_assistant(settings, use_llm=False).answer("How much does the Xyz Child Grant pay each month?")

    assert not answer.abstained
    assert answer.citations[0].source == "c-rates.txt"
    listed = _documents(answer.retrieved)
    assert listed[0] == "c-rates.txt"
    assert set(listed[:3]) == {"a-long.txt", "b-brief.txt", "c-rates.txt"}
