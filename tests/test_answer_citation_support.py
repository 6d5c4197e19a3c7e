"""Citations that support: a quote from another document than the one that answers joins a two-part answer only when
it answers a part the first document's quotes leave open, of the subject asked; a sentence cut off is not quoted. Real
model, real Chroma in tmp_path."""

import pytest
from conftest import ingested_documents
from nsss.assistant import open_assistant

# Holds both answers: the theme, and the venue (told as "at the ... Centre", not "held").
CONFERENCE = (
    "# National Conference on Pension Reform 2024\n\n"
    "date 2024-03-10\n\n"
    'Bangladesh has opened the two-day National Conference on Pension Reform 2024, under the theme "Old Age '
    'With Dignity", at the Bangabandhu International Conference Centre in Dhaka.\n\n'
    "Ministers, officials and development partners attended the conference.\n"
)
# Another event on pensions in the same year, "held" at another venue: it says where the workshop was held, not the
# conference asked about (the question's "reform" is not in it, nor in its title).
WORKSHOP = (
    "# Reflective overview of the National Pension Strategy\n\n"
    "A Consultation Workshop on a Reflective Overview of the National Pension Strategy was held on 12 May 2024 in "
    "the Hotel Sonargaon, Dhaka.\n\n"
    "The workshop reviewed the draft law on pension reform and its financing.\n"
)
# A third document on pensions, so that the search has more than the two to read.
PENSIONS = (
    "# Pensions in Bangladesh\n\n"
    "Only government employees receive a pension in Bangladesh today; the universal pension scheme is meant to "
    "cover the rest of the population aged above 18.\n"
)
# A page saved cut off in mid-sentence: its last words go on with the sentence before ("In addition, ...") but say
# nothing.
STRATEGY = (
    "# The pension strategy in brief\n\n"
    "The strategy puts emphasis on reaching out to informal workers who have no pension today. "
    "The Government will ensure that informal workers have the same access to the pension schemes as civil "
    "servants. In addition, schemes tailor"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over four short documents."""
    documents = {"conference.md": CONFERENCE, "workshop.md": WORKSHOP, "pensions.md": PENSIONS, "strategy.md": STRATEGY}
    return open_assistant(ingested_documents(tmp_path_factory, "citesupport", documents), use_llm=False)


def test_a_quote_from_another_event_does_not_answer_a_part(assistant):
    """The conference's own sentence names the theme and the venue; the workshop's "held ... in the Hotel Sonargaon"
    answers where another event was held, and is not cited."""
    answer = assistant.answer(
        "What was the theme of the National Conference on Pension Reform 2024 and where was it held?"
    )

    assert not answer.abstained, answer.text
    assert "Old Age With Dignity" in answer.text and "Bangabandhu International Conference Centre" in answer.text
    assert {c.source.rsplit("/", 1)[-1] for c in answer.citations} == {"conference.md"}, answer.citations
    assert "Sonargaon" not in answer.text, answer.text


def test_a_sentence_cut_off_at_the_end_of_a_passage_is_not_quoted(assistant):
    """The answer is quoted; "In addition, schemes tailor", which would go on with it, is cut and not quoted."""
    answer = assistant.answer("Will informal workers get the same access to the pension schemes as civil servants?")

    assert not answer.abstained, answer.text
    assert "same access to the pension schemes" in answer.text, answer.text
    assert "schemes tailor" not in answer.text, answer.citations
