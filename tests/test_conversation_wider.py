"""A follow-up answered inside its topic's documents gives way to another report of the same event that answers it
more surely. Real model, real Chroma, over a news item and the record of one workshop, and another workshop."""

import pytest
from conftest import ask_in_turn, cited, ingested_documents
from nsss.assistant import open_assistant

DOCS = {
    "lifecycle-workshop-news.md": """# Workshop on lifecycle social protection

A workshop on lifecycle-based social protection systems was held in Dhaka on 12 March 2023, organised by the Cabinet
Division. The Minister for Planning, Mr M A Mannan, attended the workshop as the chief guest.
""",
    "lifecycle-workshop-record.md": """# Record of the lifecycle workshop, 12 March 2023

Mr M A Mannan, Minister for Planning, was the chief guest at the workshop on lifecycle-based social protection systems
on 12 March 2023. Dr Kazi Iqbal of BIDS gave the keynote presentation on the design of a lifecycle system.
""",
    "other-workshop.md": """# Workshop on urban social protection

A workshop on urban social protection was held in Khulna in 2022. Officials of the city corporation spoke there.
""",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over the corpus above."""
    return open_assistant(ingested_documents(tmp_path_factory, "fw", DOCS), use_llm=False)


def test_a_follow_up_the_topics_report_answers_only_in_part_is_answered_from_the_record_that_answers_it(assistant):
    """The conversation is on the news item (it says where the workshop was); "Who was the chief guest, and who gave
    the keynote?" is answered there only in part (the chief guest). The workshop's record names both, so the model is
    far surer of its reading, and the answer comes from it: the keynote speaker is named."""
    first, guests = ask_in_turn(
        assistant,
        "Where was the workshop on lifecycle-based social protection systems held?",
        "Who was the chief guest, and who gave the keynote?",
    )

    assert cited(first) == {"lifecycle-workshop-news.md"}, first.text
    assert guests.followup and cited(guests) == {"lifecycle-workshop-record.md"}, guests.text
    assert "Kazi Iqbal" in guests.text
