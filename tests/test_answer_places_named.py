"""A question asking which places of a kind ("Which upazilas will try it first?", "In which districts was it run?",
"কোন কোন উপজেলায়...?") is answered only by quotes that name one of them: a sentence that counts them or names the
place they are in ("some eight upazilas will be selected", "slums of Dhaka") does not. The check on its own, and real
model, real Chroma for the answer."""

import pytest
from conftest import ask_in_turn
from nsss.assistant.answerability import places_unnamed
from nsss.assistant.question import analyse

COUNTED = "Under a pilot programme, some eight upazilas will be selected for the DSR system."
NAMED = (
    "The first phase covered 17 districts of three divisions — Rangpur, Barisal and Mymensingh — from April 4 to 23."
)


@pytest.mark.parametrize(
    "question, quotes, unnamed",
    [
        ("Which upazilas will try it first?", [COUNTED], True),
        ("ডায়নামিক সোশ্যাল রেজিস্ট্রির পাইলট কোন কোন উপজেলায় হবে?", [COUNTED], True),
        (
            "Which slums were those FGDs held in?",
            ["Four FGDs conducted with the beneficiary groups in slums of Dhaka"],
            True,
        ),
        ("Which districts did the first phase cover?", [NAMED], False),
        ("Which places went first?", [COUNTED], False),  # not a kind of place named by a proper name
        ("Which districts did it reach?", ["It reached Kurigram, Jamalpur and Gaibandha in its first year."], False),
        # one place asked, not which ones: "in which district was it held?"
        ("২০২২ সালের কর্মশালা কোন জেলায় হয়েছিল?", [COUNTED], False),
    ],
)
def test_places_asked_for_are_named(question, quotes, unnamed):
    assert places_unnamed(analyse(question), quotes) is unnamed


def test_which_upazilas_is_not_answered_by_their_count(web_assistant):
    """The registry's pilot will run in "some eight upazilas", which no document names: asked which, the answer says
    the documents do not say, where before it quoted the count (eval/RESULTS.md, session 34: PU)."""
    _, answer = ask_in_turn(
        web_assistant,
        "What is the dynamic social registry the interim government is bringing in?",
        "Which upazilas will try it first?",
    )

    assert answer.abstained, answer.text
