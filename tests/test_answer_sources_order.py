"""The passages listed with an answer lead with the one it quotes, even when the search ranked another page on the
same subject first. Real model, real Chroma."""

import pytest
from conftest import ingested_documents
from nsss.assistant import open_assistant

QUESTION = "How much does the Xyz Child Grant pay each month?"


@pytest.fixture(scope="module")
def settings(tmp_path_factory, embedder):
    return ingested_documents(
        tmp_path_factory,
        "order",
        {
            # Repeats the question's words and answers nothing: the search puts it first.
            "a-overview.txt": "The Xyz Child Grant pays families with a child through mobile banking. The Xyz Child "
            "Grant is a programme of the ministry that pays the mother. Families value what the Xyz Child Grant pays.",
            "b-rates.txt": "Under the Xyz Child Grant, each child under five receives Tk 500 per month, paid to the "
            "mother.",
            "c-other.txt": "The old age allowance was raised for the elderly in the coastal districts after the floods.",
        },
    )


def test_the_search_alone_ranks_the_page_that_repeats_the_question_first(settings):
    from nsss.index import open_index

    assert open_index(settings).search(QUESTION, k=3)[0].chunk.source == "a-overview.txt"


def test_the_answer_lists_the_passage_it_quotes_first(settings):
    answer = open_assistant(settings, use_llm=False).answer(QUESTION)

    assert not answer.abstained
    assert answer.citations[0].source == "b-rates.txt"
    assert [h.chunk.source for h in answer.retrieved][:2] == ["b-rates.txt", "a-overview.txt"]


def test_a_declined_answer_lists_the_passages_as_the_search_ranked_them(settings):
    from nsss.index import open_index

    question = "Who audits the Xyz Child Grant accounts in Sylhet?"
    answer = open_assistant(settings, use_llm=False).answer(question)

    assert answer.abstained
    searched = [h.chunk.id for h in open_index(settings).search(question, k=len(answer.retrieved))]
    assert [h.chunk.id for h in answer.retrieved] == searched
