"""A sentence in the documents' other language earns the question's terms once, through their glossary forms: it
does not win over the sentence in the question's own language by counting each term twice.
Real model, real Chroma in tmp_path."""

import pytest
from conftest import ingested_documents
from nsss.assistant import open_assistant

ENGLISH = (
    "# Approval of the national strategy\n\n"
    "In line with its constitutional obligations, the Cabinet approved the National Social Security Strategy on "
    "1 June 2015.\n\n"
    "The strategy sets out a lifecycle system of social protection for the poor and vulnerable.\n"
)
# A news item on another event, in Bangla, that names the Cabinet (Division) and the strategy.
BANGLA = (
    "# এনএসএসএস কর্মপরিকল্পনার উদ্বোধন\n\n"
    "ঢাকা, ১ নভেম্বর ২০১৮ (বাসস) : মন্ত্রিপরিষদ বিভাগ আগামী রোববার জাতীয় সামাজিক নিরাপত্তা কৌশল (এনএসএসএস) "
    "কর্মপরিকল্পনার উদ্বোধন করতে যাচ্ছে।\n\n"
    "অনুষ্ঠানে মন্ত্রিপরিষদ সচিব সভাপতিত্ব করবেন।\n"
)
# As in the real store, the English words are common and the Bangla ones rare, so a Bangla word weighs far more.
NOTES = [
    f"# Ministry note {n}\n\nThe Cabinet Division asked ministry {n} how the National Social Security Strategy "
    "approved by the government is carried out in its programmes.\n"
    for n in range(1, 4)
]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    documents = {"approval.md": ENGLISH, "launch-bn.md": BANGLA}
    documents |= {f"note-{n}.md": note for n, note in enumerate(NOTES, 1)}
    return open_assistant(ingested_documents(tmp_path_factory, "language", documents), use_llm=False)


def test_an_english_question_is_answered_by_the_english_sentence_not_a_bangla_one_on_another_event(assistant):
    answer = assistant.answer("When did the Cabinet approve the National Social Security Strategy?")

    assert not answer.abstained and answer.citations, answer.text
    assert "1 June 2015" in answer.citations[0].quote, answer.text
