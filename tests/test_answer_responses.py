"""A question asking how someone responded to something ("How did management respond to the recommendation on
X?", "what did they say about X?") is answered by the response, not by a quote restating the thing responded to.
Real model, real Chroma in tmp_path."""

import pytest
from conftest import COASTAL_NEIGHBOUR, ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.question import analyse

# An evaluation's recommendation and the management response to it, as the evaluation registry prints them.
RESPONSE = (
    "---\n"
    'title: "Management Response: Final Evaluation of the Coastal Livelihood Support (CLS) Project"\n'
    "---\n\n"
    "Final Evaluation of the Coastal Livelihood Support (CLS) Project\n"
    "Commissioning Unit: Bangladesh\n\n"
    "1. Recommendation:\n\n"
    "Completion of the pending activities: The project needs to ensure that the pending activities are followed "
    "up in the next phase. These include: i. Launch the Mangrove Innovation fund that can involve the NGOs and "
    "the private sector; ii. Set up exchange visits with river delta agencies overseas.\n\n"
    "Management Response: [Added: 2021/03/02]\n\n"
    "Partially agreed. Responses for each: i) discussions with the steering committee have resolved that the "
    "Mangrove Innovation fund will not be launched as it is no longer relevant; ii) the exchange visits with river "
    "delta agencies overseas will no longer be pursued.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over two short documents."""
    documents = {"cls-response.md": RESPONSE, "coastal.md": COASTAL_NEIGHBOUR}
    return open_assistant(ingested_documents(tmp_path_factory, "responses", documents), use_llm=False)


def test_how_management_responded_is_answered_by_the_response(assistant):
    answer = assistant.answer(
        "What did management say about the Mangrove Innovation fund recommended in the CLS final evaluation?"
    )

    assert not answer.abstained, answer.text
    assert "will not be launched" in answer.text, answer.text


def test_the_thing_responded_to_is_the_subject_not_what_is_asked():
    q = analyse("How did management respond to the evaluation's recommendation on the pending activities?")

    assert q.asked == ("respons",)
    assert "recommend" in q.terms
    # a question that asks for the recommendation itself still asks for it
    assert "recommend" in analyse("What did the evaluation recommend on the pending activities?").asked
