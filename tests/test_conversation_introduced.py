"""A question that says what it asks about before pointing at it names its own subject: "There used to be a food-for-work
scheme for the poorest. What is it called now?" asks about that scheme, whatever the conversation was about before, and
"that national household database" says which database. Read as follow-ups, such questions were searched in an
unrelated turn's documents and often declined when a user asked several things in one chat (eval/RESULTS.md, session
39: IN and IN2). A pointer that says not which ("that first meeting", "the workshop") still follows up. Real model, real
Chroma for the answers; the reading on its own."""

import pytest
from conftest import ask_in_turn, cited
from nsss.assistant import Conversation
from nsss.assistant import conversation as talk
from nsss.assistant.question import analyse
from nsss.assistant.types import Turn

EARLIER = Conversation(
    (
        Turn(
            "Who chaired the launch of the Employment Injury Scheme pilot?",
            "Who chaired the launch of the Employment Injury Scheme pilot?",
            "The launch was chaired by the Secretary of the Ministry of Labour and Employment.",
            ("k-eis",),
            ("k-eis",),
            "launch employment injury scheme pilot",
            "chair",
        ),
    )
)


@pytest.mark.parametrize(
    "question",
    [
        # a sentence before the question brings a scheme in as a new one ("there used to be a ...")
        "There used to be a food-for-work scheme for the poorest in the lean season. What is it called now?",
        # ... names one of the field's programmes
        "My uncle receives the disability allowance. How much does it pay a month?",
        # ... in Bangla: "I hear the government has started a new pension programme? When did that one start?"
        "সরকার নাকি একটা নতুন পেনশন কর্মসূচি চালু করেছে? ওইটা কবে শুরু হয়?",
        # words before the kind say which one
        "How many families did that national household database cover?",
        # a relative clause after "a committee" says which committee
        "Is there a committee that watches over the safety net programmes in each district?",
        # an opening clause before a dash: "the disability allowance has been raised, I hear - how much a month now?"
        "প্রতিবন্ধী ভাতা নাকি বাড়ানো হয়েছে — ওইটা এখন মাসে কত?",
        # a quoted name after a Bangla pointer says which ("who gets a house under that 'Ashrayan' project?")
        "ওই 'আশ্রয়ণ' প্রকল্পে কারা ঘর পায়?",
        # what the kind was with, or its name after a comma, says which
        "How many were paid under that new deal with the mobile banking firms?",
        "Who led that online seminar, 'Rethinking Social Protection'?",
        "When did the committee looking into grievance redress first meet?",
        # the object pronoun of a relative clause stands for the noun before it
        "Is there any help for a man whose wife has left him?",
    ],
)
def test_a_question_that_introduces_its_subject_is_read_on_its_own(question):
    assert not talk.plan(analyse(question), EARLIER).followup


@pytest.mark.parametrize(
    "question",
    [
        "My sister has three little ones. Would she get it for all three?",  # the asker's circumstance only
        "Thanks, that helps. Who chaired it?",  # an opening sentence that names nothing
        "Who chaired that first meeting?",  # which of a series, not which meeting
        "How long did that support last?",  # one word says not which support
        "এই কর্মসূচিতে কত টাকা দেওয়া হয়?",  # "how much does this programme pay?"
        "এই প্রকল্পটার নাম কী?",  # "what is this project's name?"
        "ওইটার সভাপতি কে?",  # "who chairs that one?"
        "ওই সময় কতজন ভাতা পাইত?",  # "how many got the allowance at that time?"
        "Who was the chief guest?",
    ],
)
def test_a_pointer_that_says_not_which_still_follows_up(question):
    assert talk.plan(analyse(question), EARLIER).followup


@pytest.mark.parametrize(
    ("question", "page"),
    [
        (
            "There used to be a '100 days' job scheme for the rural poor. What is it called now?",
            "worldbank-egpp-program-brief.md",
        ),
        (
            "My uncle receives the disability allowance. How much does it pay a month?",
            "dss-dhunot-disability-allowance.md",
        ),
    ],
)
def test_after_an_unrelated_turn_the_introduced_subject_is_answered_as_if_asked_alone(web_assistant, question, page):
    """Before, both were read as follow-ups of the pilot's launch and declined there."""
    _, answer = ask_in_turn(web_assistant, "Who chaired the launch of the Employment Injury Scheme pilot?", question)
    alone = web_assistant.answer(question)
    assert not answer.followup and not answer.abstained, answer.text
    assert answer.text == alone.text and cited(answer) == cited(alone) == {page}, answer.text
