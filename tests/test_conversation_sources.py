"""The passages listed beside a follow-up's answer: those it quotes first, then the other documents on the question.
Real model, real Chroma, over a small corpus written here: two reports of one workshop and an unrelated record."""

import pytest
from conftest import ask_in_turn, ingested_documents
from nsss.assistant import open_assistant

DOCS = {
    "coastal-workshop-minutes.md": """# Minutes of the consultation workshop on coastal social protection

The consultation workshop on coastal social protection was held on 14 March 2024 at the Circuit House, Khulna. The
workshop was chaired by Ms Farida Yasmin, Additional Secretary, Ministry of Disaster Management and Relief.

Participants agreed that cyclone shelters should also serve as payment points for the coastal cash transfer.
""",
    "coastal-workshop-news.md": """# Khulna workshop calls for cash transfers before cyclones

Officials at a workshop in Khulna on 14 March 2024 urged the government to pay coastal households before cyclones
strike, not after. Ms Farida Yasmin, Additional Secretary, chaired the consultation workshop on coastal social
protection, and the Divisional Commissioner of Khulna attended as the chief guest.
""",
    "school-meals-record.md": """# School meals programme record

The school meals programme serves fortified biscuits to 3.2 million children in 104 upazilas. It was chaired at
its launch by the Secretary of the Ministry of Primary and Mass Education.
""",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over the corpus above."""
    return open_assistant(ingested_documents(tmp_path_factory, "followup-sources", DOCS), use_llm=False)


def test_a_follow_up_answered_in_its_topic_lists_the_other_report_after_its_quotes(assistant):
    """ "Who chaired it?" is answered from the report the first answer cited; the other report of the same workshop,
    which the search also finds, is listed right after the passages quoted, before more of the cited report."""
    first, chair = ask_in_turn(
        assistant, "Where was the consultation workshop on coastal social protection held?", "Who chaired it?"
    )
    cited = {c.source for c in first.citations}
    assert chair.followup and not chair.abstained and "Farida Yasmin" in chair.text, chair.text
    assert {c.source for c in chair.citations} <= cited, chair.text

    quoted = {c.source for c in chair.citations}
    listed = [h.chunk.source for h in chair.retrieved]
    other = ({"coastal-workshop-minutes.md", "coastal-workshop-news.md"} - quoted).pop()
    assert listed[0] in quoted and other in listed, listed
    first_other = listed.index(other)
    assert all(source in quoted for source in listed[:first_other]), listed


def test_a_standalone_question_lists_what_the_search_found_as_before(assistant):
    """A question on its own is not a follow-up: its passages are the search's, the quoted one first."""
    (alone,) = ask_in_turn(assistant, "How many children does the school meals programme serve?")

    assert not alone.followup and alone.retrieved[0].chunk.source == "school-meals-record.md", alone.retrieved
