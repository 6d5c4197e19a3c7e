"""A line that only repeats its document's title is a heading, even with a colon in it: it answers nothing, and the
sentence that answers is quoted instead. Real model, real Chroma in tmp_path."""

import pytest
from conftest import ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.scoring import restates_title
from nsss.assistant.weights import WEIGHTS

# The title stands again as the first line of the body; the sentence that answers says "authorised", not "asked".
COMPLAINTS = (
    "---\n"
    'title: "Situation Analysis Report: Complaint Handling System in the Coastal Districts"\n'
    "---\n\n"
    "Situation Analysis Report: Complaint Handling System in the Coastal Districts\n\n"
    "It has long been felt that the complaint desks of different ministries and NGOs in the coastal districts need "
    "to be coordinated into one complaint handling system for the public. "
    "The Coastal Affairs Division has therefore authorised the Delta Computer Board (DCB) to form a technical "
    "committee to review and improve the existing complaint software of the division. "
    "It is expected that such an initiative would also improve the other measures taken by field offices.\n\n"
    "It was decided at the first meeting of the complaint technical committee to map all complaint systems in the "
    "coastal districts. "
    "The purpose behind the initiative has been to bring the best features into an updated complaint handling "
    "system that can be joined with the current system of the Coastal Affairs Division.\n"
)
OTHER = (
    "# The coastal allowance\n\n"
    "In the financial year 2001-02 the coastal allowance was introduced to support poor fishing households. "
    "The allowance is paid every month through mobile banking.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over two short documents."""
    documents = {"complaints.md": COMPLAINTS, "coastal.md": OTHER}
    return open_assistant(ingested_documents(tmp_path_factory, "titles", documents), use_llm=False)


def test_a_line_repeating_the_title_is_not_quoted_as_the_answer(assistant):
    answer = assistant.answer("Who was asked to sort out the complaints software for the coastal complaint system?")

    assert not answer.abstained, answer.text
    assert "Delta Computer Board" in answer.text, answer.text
    assert not any(c.quote.startswith("Situation Analysis Report") for c in answer.citations), answer.text


def test_a_title_line_is_told_from_a_sentence():
    title = "Situation Analysis Report: Complaint Handling System in the Coastal Districts"

    assert restates_title(title, title, WEIGHTS)
    assert restates_title(
        "Final Review of the Coastal Strategy\nCommissioning Unit: Coastal",
        "Final Review of the Coastal Strategy (Coastal Affairs Division)",
        WEIGHTS,
    )
    assert not restates_title("Chair: Mr. Md Rafiq Islam, Secretary, Coastal Affairs Division", title, WEIGHTS)
    assert not restates_title("The complaint handling system of the coastal districts was reviewed.", title, WEIGHTS)
