"""A question asking two things of two documents is answered part by part, each part from its own document with its
own citation: when the whole is declined (read with one slot against quotes that answer one part each), and when one
part asks two things of one kind ("who chaired and inaugurated it?"). A part the documents do not answer keeps the
whole declined. Real model, real Chroma in tmp_path, real documents of the web corpus."""

import pytest
from nsss.assistant import open_assistant

WORKS = "scribd-exploring-the-evidence.md", "sp-gov-bd-ssps-overview-2026.md"


@pytest.fixture(scope="module")
def assistant(web_store):
    """The extractive assistant over the whole web corpus: what a part's search meets."""
    return open_assistant(web_store, use_llm=False)


def _cited(answer) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in answer.citations:
        name = c.source.rsplit("/", 1)[-1]
        out[name] = out.get(name, "") + " " + c.quote
    return out


def test_two_asks_of_two_documents_are_answered_part_by_part(assistant):
    answer = assistant.answer(
        "How many copies of Exploring the Evidence were printed, and what are the priority areas of SSPS?"
    )

    assert not answer.abstained, answer.text
    cited = _cited(answer)
    assert "3000" in cited.get(WORKS[0], ""), answer.text  # the copies, cited to the book's front matter
    assert "grievance redress" in cited.get(WORKS[1], ""), answer.text  # the areas, cited to the overview
    assert set(cited) <= {WORKS[0], WORKS[1]}, cited  # nothing cited to fill space


def test_a_part_asking_two_things_of_one_kind_gets_a_quote_for_each(assistant):
    answer = assistant.answer("When did the employment injury scheme pilot launch and who chaired and inaugurated it?")

    assert not answer.abstained, answer.text
    quoted = " ".join(c.quote for c in answer.citations)
    assert "Ehsan-E-Elahi" in quoted, answer.text  # who chaired
    assert "Salman F Rahman" in quoted, answer.text  # who inaugurated: another sentence, another document


def test_a_part_the_documents_do_not_answer_keeps_the_whole_declined(assistant):
    answer = assistant.answer(
        "How many copies of Exploring the Evidence were printed, and what is the SSPS budget for 2040?"
    )

    assert answer.abstained, answer.text
