"""A follow-up answered outside its topic's documents must name the topic where its answer stands. Where the topic's
own documents do not answer and the items under a heading do ("Who's allowed to join?" after a question on the work
scheme for the poorest: the items under "Eligibility criteria" of another page on the EGPP), they are what is quoted,
and their heading, their document's title and the items themselves name the topic. The check read only the
best-scored sentence, which stood in a third document that names nothing of the topic (a pension launch's "joining
the inaugural programme"), and the answer was declined. Real model, real Chroma, over the web corpus."""

from conftest import ask_in_turn, cited


def test_the_items_under_a_heading_of_another_page_on_the_topic_answer_a_follow_up(web_assistant):
    _, answer = ask_in_turn(
        web_assistant,
        "Is there a government work scheme for the poorest people when there's no farm work?",
        "Who's allowed to join?",
    )
    assert not answer.abstained, answer
    assert cited(answer) == {"socialprotection-org-egpp.md"}
    assert "less than 0.5 acre of land" in answer.citations[0].quote
