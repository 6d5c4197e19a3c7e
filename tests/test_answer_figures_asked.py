"""A question asking a count or a sum of a year it names ("by 2027") is answered by the sentence that names that
year, not by one on the same programme that gives another figure. Real model, real Chroma in tmp_path."""

import pytest
from conftest import COASTAL_NEIGHBOUR, ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.question import analyse

# Every sentence names the programme; only one names 2027, and another gives the monthly benefit.
RIVER = (
    "# The River Mother and Child Benefit Programme\n\n"
    "River Mother and Child Benefit Programme (RMCBP) is Bangladesh's flagship social protection investment in the "
    "early years of river island children. "
    "The RMCBP pays enrolled mothers a monthly benefit of BDT 900 for each child. "
    "Coverage is planned to rise from 0.5 million in 2023-24 to 3 million beneficiaries by 2027. "
    "Bangladesh invests in the early years of childhood through the RMCBP.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over two short documents."""
    documents = {"rmcbp.md": RIVER, "coastal.md": COASTAL_NEIGHBOUR}
    return open_assistant(ingested_documents(tmp_path_factory, "figures", documents), use_llm=False)


def test_a_count_asked_of_a_year_leads_with_the_sentence_naming_that_year(assistant):
    question = "মা ও শিশু সহায়তা কর্মসূচি (RMCBP) ২০২৭ সালের মধ্যে কতজন মা-শিশুর কাছে পৌঁছাতে চায়?"
    # The quotes as the assistant reads them, whether or not its answerability model then judges that they answer:
    # over this two-document corpus the refit of 2026-12-02 puts this Bangla question just under its threshold
    # (0.231 against 0.249; eval/RESULTS.md), while the real question it stands for is answered.
    reading = assistant.read(analyse(question), assistant.index.search(question, k=10), question)
    quotes = [c.quote for c in assistant.cite(list(reading.spans))]

    assert quotes and "3 million beneficiaries by 2027" in quotes[0], quotes
