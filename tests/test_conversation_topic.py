"""A later turn that names something of its own may still be about the turn before's event: where the answer stands
decides, not the question's words (assistant/answer.py, `_stays_on_topic`). Real model, real Chroma, the web corpus
and the bundled records in one store, as `nsss eval` scores them."""

import pytest
from conftest import ask_in_turn
from nsss.assistant import open_assistant
from nsss.core.settings import BUNDLED_CORPUS, Settings

WORKSHOPS = "sp-gov-bd-action-plan-phase2-workshops-2021.md"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, web_corpus, embedder):
    from nsss.index import open_index
    from nsss.ingest import ingest

    settings = Settings(store=tmp_path_factory.mktemp("topic") / "store")
    assert not ingest([web_corpus, BUNDLED_CORPUS], settings, progress=False).failed
    open_index(settings, lexical=False).fill_sentences()
    return open_assistant(settings, use_llm=False)


def cited(answer) -> set[str]:
    return {c.source for c in answer.citations}


def test_a_question_naming_only_what_it_asks_is_answered_from_the_event_of_the_turn_before(assistant):
    """ "How many ministries took part?" names ministries, so it is read as standalone, and asked alone it is answered
    from the 2023 progress report's ministries. After a question on the 2021 Action Plan workshops, the workshops' own page
    answers it (39 ministries), and the answerability model is as sure of that reading: it is taken."""
    alone = assistant.answer("How many ministries took part?")
    when, how_many = ask_in_turn(
        assistant,
        "When were the workshops on formulating the NSSS Action Plan Phase 2 held?",
        "How many ministries took part?",
    )

    assert cited(when) == {WORKSHOPS}, when.text
    assert WORKSHOPS not in cited(alone), alone.text
    assert not how_many.followup  # the question's words alone do not point back
    assert cited(how_many) == {WORKSHOPS} and "39" in how_many.text, how_many.text


def test_a_near_miss_after_a_turn_on_another_programme_stays_declined(assistant):
    """The topic's reading never turns a decline into an answer: the stipend page after a question on stipends would
    quote a monthly stipend for "How much cash did the Jawtno (ISPP) programme pay each mother per month?", which the
    documents do not say."""
    _, cash = ask_in_turn(
        assistant,
        "Apart from the monthly stipend, what one-off amounts were proposed for each primary student at the start of "
        "the year?",
        "How much cash did the Jawtno (ISPP) programme pay each mother per month?",
    )

    assert cash.abstained, cash.text
