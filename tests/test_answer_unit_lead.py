"""Asked for a sum in a unit ("per month", "monthly"), the sentence that gives a sum in that unit leads over a better
scored one that gives a sum in another (scoring.lead): the answerability model declines a lead that does not say the
unit asked, so the monthly allowance was declined when the page's first sentence gave a yearly income limit. Real
model, real Chroma."""

import pytest
from conftest import cited, ingested_documents
from nsss.assistant import open_assistant

DOCS = {
    "old-age-allowance.md": """# Old Age Allowance

The Old Age Allowance is paid to elderly people whose yearly income is below Tk 10,000. The allowance is Tk 600 a
month, and the Upazila Social Services Officer selects the recipients with a local committee.
""",
    "primary-stipend.md": """# Primary Education Stipend

The primary education stipend is paid to the mothers of primary school students through mobile banking. Each student
receives Tk 150 a month, and the stipend reaches 1.4 crore students.
""",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over the pages above."""
    return open_assistant(ingested_documents(tmp_path_factory, "unit-lead", DOCS), use_llm=False)


def test_the_sum_in_the_unit_asked_leads_and_answers(assistant):
    answer = assistant.answer("What is the monthly amount of the allowance for elderly people?")

    assert not answer.abstained and cited(answer) == {"old-age-allowance.md"}, answer.text
    assert answer.citations[0].quote.startswith("The allowance is Tk 600"), answer.text


def test_a_sum_asked_in_no_unit_keeps_the_best_sentence_first(assistant):
    """Without a unit asked, the order is the scores' (the income limit is a sum too, and scores first)."""
    answer = assistant.answer("What income limit applies to the Old Age Allowance?")

    assert not answer.abstained and answer.citations[0].quote.startswith("The Old Age Allowance is paid"), answer.text
