"""A follow-up asking two things is answered part by part within the topic's documents, as a question asked alone is
answered part by part everywhere (web_assistant/answer.py: the focus branch calls `_answer_parts`). Real model, real
Chroma, the web corpus."""

from conftest import ask_in_turn, cited

REGISTRY = "fe-dynamic-social-registry.md"
G2P = "dailystar-g2p-digital-payment-discussion.md"


def test_a_follow_up_asking_who_and_how_large_is_answered_from_the_topics_document_part_by_part(web_assistant):
    *_, last = ask_in_turn(
        web_assistant,
        "What is the 'dynamic social registry' the interim government plans to introduce, and what is it meant to fix?",
        "Which programmes would be brought under it?",
        "Who is leading its introduction, and how large is the pilot?",
    )

    assert last.followup and not last.abstained, last.text
    assert cited(last) == {REGISTRY}
    assert "Cabinet Secretary" in last.text and "upazila" in last.text, last.text


def test_a_follow_up_asking_when_and_how_many_quotes_each_part(web_assistant):
    _, last = ask_in_turn(
        web_assistant,
        "Who gave the keynote at the PRI and Daily Star online discussion on the future of G2P?",
        "When did he say G2P started, and how many transfers were made in 2019-20?",
    )

    assert not last.abstained, last.text
    assert G2P in cited(last) and "2018" in last.text, last.text


def test_a_follow_up_whose_second_part_the_documents_do_not_answer_stays_declined(web_assistant):
    _, last = ask_in_turn(
        web_assistant,
        "What is the 'dynamic social registry' the interim government plans to introduce, and what is it meant to fix?",
        "Who is leading its introduction, and what will the registry cost in US dollars?",
    )

    assert last.abstained, last.text
