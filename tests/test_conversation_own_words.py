"""Words that look like pointers but point at nothing before the question: "there's no farm work" (there is, not a
place), "compare with that of FY 2023-24" (the budget the question named), "the same monthly amount from X as from Y"
(what it is the same as, said in its own clause). Such a question asked after unrelated turns is asked as it is.
Before, each was read as following up the turn before and searched in its documents (eval/RESULTS.md, session 37:
CT). Real model, real Chroma for the answers; the reading on its own."""

import pytest
from conftest import ask_in_turn, cited
from nsss.assistant import conversation as talk
from nsss.assistant.question import analyse


@pytest.mark.parametrize(
    "question",
    [
        "Is there a government scheme that gives poor village people work when there's no farm work?",
        "Does the government give any jobs when there’re no crops to harvest?",
        "How did the social safety net budget of FY 2017-18 compare with that of FY 2023-24?",
        "Would a mum get the same monthly amount from the planned child benefit as from the planned benefit for "
        "vulnerable women?",
    ],
)
def test_words_pointing_inside_the_question_do_not_point_back(question):
    assert not talk.points_back(analyse(question))


@pytest.mark.parametrize(
    "question",
    [
        "What was decided there?",
        "Was the amount the same?",
        "Does she get the same as before?",
        "And who chaired that of the 2019 fair?",  # "that of" with nothing before it for "that" to stand for
        "Who presided there, and was there a chief guest?",
    ],
)
def test_pointers_with_nothing_before_them_still_point_back(question):
    assert talk.points_back(analyse(question))


def test_a_question_with_theres_after_an_unrelated_turn_is_asked_as_it_is(web_assistant):
    """Before, "there's" read as "there" (a place of the turn before): the question was searched in the Employment
    Injury Scheme's report and declined, where asked alone it is answered."""
    question = "Is there a government scheme that gives poor village people work when there's no farm work?"
    _, answer = ask_in_turn(
        web_assistant, "How much will an injured worker's family be paid each month under the EIS pilot?", question
    )
    alone = web_assistant.answer(question)

    assert not answer.followup, answer
    assert not answer.abstained and answer.text == alone.text and cited(answer) == cited(alone)
