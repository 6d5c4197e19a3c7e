"""What a question asks is read from its words as they stand: "why" is answered by the sentence that says why, a
Bangla "কেন" is a word of its own (not the start of "কেন্দ্রীয়", central), and "what did they end up recommending?"
asks for the recommendations. Real model, real Chroma, over the web corpus and the bundled records."""

import pytest
from conftest import seen
from nsss.assistant import open_assistant
from nsss.assistant.question import analyse


@pytest.mark.parametrize(
    ("question", "slot"),
    [
        # "central" holds কেন: a list of the committee's terms of reference, and its chair, are not asked why
        ("কেন্দ্রীয় ব্যবস্থাপনা কমিটির (সিএমসি) প্রধান কার্যপরিধি (টিওআর) কী কী?", "list"),
        ("কেন্দ্রীয় ব্যবস্থাপনা কমিটির সভাপতি কে?", "person"),
        ("সরকার বয়স্ক-বিধবা ভাতার টাকা হাতে না দিয়ে সরাসরি মোবাইলে পাঠাচ্ছে কেন?", "reason"),
        ("কেনো এই কর্মসূচি বন্ধ হলো?", "reason"),
    ],
)
def test_bangla_why_is_a_word_of_its_own(question, slot):
    assert analyse(question).slot == slot


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("What did the October 2022 workshop on the Action Plan II baseline end up recommending?", "recommendations"),
        ("So what did they end up deciding?", "decisions"),
    ],
)
def test_what_they_ended_up_doing_asks_for_the_section(question, section):
    q = analyse(question)

    assert q.section == section
    assert "end" not in q.terms  # "end up" names nothing: "At the end of the meeting..." does not answer


def test_why_is_answered_by_the_sentence_that_says_why(web_assistant):
    answer = web_assistant.answer(
        "Why did the government stop handing out the primary school stipend as cash at schools and start sending it "
        "to mothers' phones?"
    )

    assert not answer.abstained, seen(answer, web_assistant)
    lead = answer.citations[0]
    assert lead.source == "g2p-network-primary-stipend-digital.md", seen(answer, web_assistant)
    # the reason ("driven by the policy objective of increasing the efficiency..."), not only what was done
    assert "driven by the policy objective" in lead.quote, seen(answer, web_assistant)


def test_what_a_workshop_ended_up_recommending_is_its_recommendations(seed_store):
    # (the workshop's record is a bundled one)
    answer = open_assistant(seed_store, use_llm=False).answer(
        "What did the October 2022 workshop on the Action Plan II baseline end up recommending?"
    )

    assert not answer.abstained, answer.text
    quoted = " ".join(c.quote for c in answer.citations)
    assert "recommend" in quoted, answer.text
    assert "organized a flag" not in quoted, answer.text  # the record's opening sentence is no recommendation
