"""The asker's own circumstance, said before a question ("I run my own little shop. Which one is for me?", "My sister
has three little ones. Would she get it for all three?"), says who asks: a thing the question points at is not one
of its words, so the question follows up the turn before. How people say they earn a living ("shop", "works
abroad") is read in the documents' words ("self-employed", "expatriate"). Real model, real Chroma for the answers; the
reading on its own."""

import pytest
from conftest import ask_in_turn
from nsss.assistant.question import analyse


@pytest.mark.parametrize(
    "question",
    [
        "I run my own little shop. Which one is for me?",
        "My cousin works in Malaysia. Which one is meant for him?",
        "My sister has three little ones. Would she get it for all three?",
    ],
)
def test_a_thing_pointed_at_after_the_askers_circumstance_points_back(question):
    q = analyse(question)
    assert q.refers_back and q.circumstance, q


@pytest.mark.parametrize(
    "question",
    [
        # what the asker heard or read names a subject
        "I heard there is a new pension for ordinary people. When did it start?",
        # the question names its own subject for the pronoun
        "My village has many poor families. What does the EGPP pay them?",
        # no circumstance before the question
        "What is the EGPP and who runs it?",
        # what the asker works on is what the question asks of (a kind of event, an acronym)
        "I'm briefing on the dissemination workshop on the Action Plan baseline. Who was the chief guest at its opening?",
        "I work for the EGPP. When is it paid?",
    ],
)
def test_other_questions_are_read_as_before(question):
    assert not analyse(question).refers_back


def test_which_scheme_is_for_a_shopkeeper_is_answered_from_the_schemes_before(web_assistant):
    """Before, "shop" named a subject, the question was answered alone and declined (eval/RESULTS.md, session 35:
    ME); the launch report says which scheme is for the self-employed."""
    _, answer = ask_in_turn(
        web_assistant,
        "Which pension schemes did the Prime Minister open in August 2023?",
        "I run my own little shop. Which one is for me?",
    )
    assert answer.followup and not answer.abstained, answer.text
    assert "Surokkha for self-employed" in " ".join(c.quote for c in answer.citations), answer.text
