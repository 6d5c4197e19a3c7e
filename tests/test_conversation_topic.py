"""A later turn that names something of its own may still be about the turn before's event: where the answer stands
decides, not the question's words (assistant/answer.py, `_stays_on_topic`; Weights.topic_reading switches it off). Real model, real Chroma, the web corpus
and the bundled records in one store, as `nsss eval` scores them."""

from dataclasses import replace

import pytest
from conftest import ask_in_turn, cited
from nsss.assistant import Assistant, open_assistant
from nsss.assistant.weights import WEIGHTS
from nsss.core.settings import BUNDLED_CORPUS, Settings


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, web_corpus, embedder):
    from nsss.index import open_index
    from nsss.ingest import ingest

    settings = Settings(store=tmp_path_factory.mktemp("topic") / "store")
    assert not ingest([web_corpus, BUNDLED_CORPUS], settings, progress=False).failed
    open_index(settings, lexical=False).fill_sentences()
    return open_assistant(settings, use_llm=False)


@pytest.fixture(scope="module")
def without_topic(assistant):
    """The same store and code with the topic reading of later turns switched off, as eval/bench/conversation.py."""
    return Assistant(assistant.settings, use_llm=False, weights=replace(WEIGHTS, topic_reading=False))


PLAN_2025 = "observerbd-old-age-allowance-2025-plan.md"
TURNS = (
    "What was the old age allowance budget in 2014-15?",
    "What about 2017-18?",
    "How many people were getting the allowance in 2019-2020?",
    "And what was the government's plan for 2025?",
)


def test_a_question_naming_its_own_subject_is_answered_from_the_topic_of_the_turns_before(assistant, without_topic):
    """ "And what was the government's plan for 2025?" names a year and a plan, so its words do not point back, and
    read alone it quotes a workshop's reform agenda. After three turns on the old age allowance, the report on the
    government's plan to cover all older people by 2025 answers it, and the answerability model is as sure of that
    reading: it is taken."""
    on = ask_in_turn(assistant, *TURNS)[-1]
    off = ask_in_turn(without_topic, *TURNS)[-1]

    assert not on.followup  # the question's words alone do not point back
    assert cited(on) == {PLAN_2025} and "2025" in on.text, on.text
    assert PLAN_2025 not in cited(off), off.text


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


def test_a_follow_up_answered_in_another_report_names_the_topic_not_what_the_turn_before_asked(assistant):
    """ "Who inaugurated it?" after a question on which workers the Employment Injury Scheme pilot covers: the ILO's
    page on the pilot does not say, the TBS report on its launch does ("Salman F Rahman inaugurated the project"). An
    answer from a document outside the topic's must name the topic where it stands, by its rarest word ("injury"),
    not repeat what the turn before asked ("cover"); one that does not name it stays declined."""
    first, who = ask_in_turn(
        assistant, "Which workers does the Employment Injury Scheme pilot cover?", "Who inaugurated it?"
    )

    assert not first.abstained and who.followup
    assert not who.abstained and "Salman F Rahman" in who.text, who.text
    assert cited(who) == {"tbsnews-employment-injury-scheme.md"}


def test_a_follow_up_after_a_question_in_the_askers_own_words_is_answered_from_its_programme(assistant):
    """ "How much does it pay a month?" after "My grandmother has just turned 62..." on the old age allowance: the
    report that answered the first turn does not say the monthly amount, and the wider search must name the topic. The
    topic is the old age allowance, the words its report uses, not "grandmother" or "turned", and not the asker's "62":
    the upazila office's page on the allowance answers with its monthly rate."""
    first, monthly = ask_in_turn(
        assistant,
        "My grandmother has just turned 62. Can a woman of that age get the old age allowance, or must she be 65?",
        "How much does it pay a month?",
    )

    assert first.followup is False and PLAN_2025 in cited(first), first.text
    assert monthly.followup and not monthly.abstained, monthly.text
    assert cited(monthly) == {"dss-adamdighi-old-age-allowance.md"}, monthly.text
    assert "Tk 600 per person per month" in monthly.text


def test_a_later_turn_whose_topic_reading_misses_fewer_of_its_words_is_answered_from_the_topic(assistant):
    """ "By how much does the allowance go up, and for how many old people?" names an allowance and old people, so it
    is read as a question of its own too. Read alone it quotes an upazila's page on the allowance's early years, whose
    lead misses more of the question's words than the budget report of the turn before does: after that turn the
    report answers (Tk 100 more, for 5.8 million), however much surer the model is of the other reading."""
    budget = "bdnews24-budget-old-age-allowance.md"
    question = "By how much does the allowance go up, and for how many old people?"
    alone = assistant.answer(question)
    _, later = ask_in_turn(
        assistant,
        "In the budget that takes the old age allowance to Tk 600, how much did the finance minister set aside for "
        "social security?",
        question,
    )

    assert budget not in cited(alone), alone.text
    assert not later.followup and not later.abstained
    assert cited(later) == {budget}, later.text
    assert "Tk 100" in later.text and "5.8 million" in later.text, later.text


def test_the_outcomes_found_under_their_heading_are_not_set_aside_for_another_meeting(assistant):
    """ "What came out of that meeting?" is answered by the items under the dialogue's outcomes heading: a section
    found under the heading asked holds the question's words there, and is not set aside for another meeting's chief
    guest found by the wider search (eval/RESULTS.md, session 33: CA)."""
    *_, answer = ask_in_turn(
        assistant,
        "I read that the government held a big meeting of top secretaries to get ministries working together on "
        "social protection. Who led it?",
        "How many government bodies are part of this reform work?",
        "What came out of that meeting?",
    )

    quotes = " ".join(c.quote for c in answer.citations)
    assert not answer.abstained and "Single Registry MIS" in quotes, answer.text
    assert cited(answer) == {"policy-dialogue-inter-ministerial-coordination.txt"}, answer.text
