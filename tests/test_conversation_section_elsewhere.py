"""A follow-up answered outside its topic's documents by the items under a heading ("Who's allowed to join?" after a
question on the work scheme for the poorest: the items under "Eligibility criteria" of another page on the EGPP) is
judged by what is quoted: the items, their heading and their document's title must name the topic. It was judged by
the best-scored sentence instead, which may stand in a third document that names nothing of the topic (a pension
launch's "joining the inaugural programme"), and the answer was declined; or stand in the topic's own pages while
another programme's items were quoted. Real model, real Chroma, over the web corpus."""

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


def test_the_items_under_a_heading_of_a_page_on_another_programme_do_not_answer_a_follow_up(web_assistant):
    """The same check, on what is quoted, keeps out another programme's criteria: after a question on the garment
    workers' injury scheme, "Who's allowed to join?" was answered with the work scheme's "Eligible households should
    have less than 0.5 acre of land" (its best-scored sentence stood in the injury scheme's own pages)."""
    _, answer = ask_in_turn(
        web_assistant,
        "What is the Employment Injury Scheme pilot for garment workers?",
        "Who's allowed to join?",
    )
    assert "socialprotection-org-egpp.md" not in cited(answer), cited(answer)
