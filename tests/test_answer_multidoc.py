"""Questions about two events at once, each answered from its own document: a part of the question that the quotes do
not answer is searched and read on its own. Real model, real Chroma in tmp_path."""

import pytest
from conftest import ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.question import analyse

SIGNING = (
    "# Mobile wallet agreement signed for primary stipends\n\n"
    "Nagad and the Ministry of Primary and Mass Education signed an agreement on 3 March 2022 to pay primary "
    "stipends through mobile wallets.\n\n"
    "Ms. Farida Yasmin, Secretary of the Ministry of Primary and Mass Education, was present as the chief guest at "
    "the signing ceremony held at the conference room of the ministry.\n\n"
    "Under the agreement, the stipend money for each pupil will reach the mother's wallet within a week.\n"
)
# Says "inaugurated" and "presided over the function": the words of the question ("launch", "role") are not here.
LAUNCH = (
    "# Prime Minister inaugurates stipend disbursement through Nagad\n\n"
    "The Prime Minister inaugurated the disbursement of primary stipends through Nagad from Ganabhaban on "
    "12 April 2022.\n\n"
    "Ms. Farida Yasmin, Secretary of the Ministry of Primary and Mass Education, presided over the function.\n\n"
    "Mothers from Rangpur and Kurigram who now receive the stipends on their phones shared their experience.\n"
)
# Other documents about wallets, agreements and stipends, so that a search for the whole question fills its passages
# with the signing and these.
WALLETS = (
    "# Mobile wallets for safety net payments\n\n"
    "An agreement between the Ministry of Social Welfare and a mobile wallet provider was signed in 2021 so that "
    "old age allowances reach recipients through mobile wallets.\n\n"
    "The ministry said that the signing of the agreement would end the long queues at bank branches.\n\n"
    "Mobile wallet payments of stipends and allowances cut the cost of each payment by half.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over three short documents."""
    documents = {"signing.md": SIGNING, "launch.md": LAUNCH, "wallets.md": WALLETS}
    return open_assistant(ingested_documents(tmp_path_factory, "multidoc", documents), use_llm=False)


@pytest.mark.parametrize(
    ("question", "queries"),
    [
        (
            "What role did Farida Yasmin have at the Nagad agreement signing and at the PM's launch of stipend payments?",
            [
                "What role did Farida Yasmin have at the Nagad agreement signing",
                "What role did Farida Yasmin have at the PM's launch of stipend payments",
            ],
        ),
        # The pronoun's antecedent, named in the part before, goes with the part that points at it.
        (
            "When was the field guide first published, and at which event was it unveiled?",
            ["When was the field guide first published", "which event was it unveiled field guide published"],
        ),
        ("Who was the chief guest at the workshop in June and in July?", []),  # no occasion named twice
    ],
)
def test_each_part_of_a_question_is_a_question_of_its_own(question, queries):
    assert [p.query for p in analyse(question).parts if p.query] == queries, analyse(question).parts


def test_a_question_about_two_events_is_answered_from_both_documents(assistant):
    """The whole question finds the signing; the launch, told in other words, is found by its part alone."""
    answer = assistant.answer(
        "What role did Farida Yasmin have at the Nagad agreement signing and at the PM's launch of stipend payments?"
    )

    assert not answer.abstained, answer.text
    assert "chief guest" in answer.text and "presided over the function" in answer.text, answer.text
    assert {c.source.rsplit("/", 1)[-1] for c in answer.citations} >= {"signing.md", "launch.md"}, answer.citations
