"""A question asking the same thing of two subjects ("When were the workshops and the cluster meetings held?") is
answered for each, from the document on each, each with its own citation. Real model, real Chroma in tmp_path, real
documents of the web corpus."""

import pytest
from conftest import ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.question import analyse

DOCUMENTS = (
    "sp-gov-bd-action-plan-phase2-workshops-2021.md",
    "sp-gov-bd-thematic-cluster-meetings-2021.md",
    "sp-gov-bd-action-plan2-baseline-dissemination.md",
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, web_corpus, embedder):
    """The extractive assistant over three real documents on the second Action Plan."""
    documents = {name: (web_corpus / name).read_text(encoding="utf-8") for name in DOCUMENTS}
    return open_assistant(ingested_documents(tmp_path_factory, "two-subjects", documents), use_llm=False)


def test_two_subjects_of_one_question_are_two_parts():
    q = analyse("When were the 2021 ministry workshops and the thematic cluster meetings held?")

    queries = [p.query for p in q.parts]
    assert len(queries) == 2, q.parts
    assert "ministry workshops" in queries[0] and "cluster meetings" not in queries[0], queries
    assert "cluster meetings" in queries[1] and "workshops" not in queries[1], queries
    assert not analyse("When was the NSSS approved?").parts


def test_each_subject_is_answered_from_its_own_document(assistant):
    answer = assistant.answer(
        "When did the 2021 ministry workshops and the thematic cluster meetings on the second action plan take place?"
    )

    assert not answer.abstained, answer.text
    cited = [(c.source.rsplit("/", 1)[-1], c.quote) for c in answer.citations]
    workshops = " ".join(quote for source, quote in cited if source == DOCUMENTS[0])
    meetings = " ".join(quote for source, quote in cited if source == DOCUMENTS[1])
    assert "15 March" in workshops, answer.text  # the workshops' dates, cited to the workshops' report
    assert "25 May" in meetings, answer.text  # the meetings' dates, cited to the meetings' report
