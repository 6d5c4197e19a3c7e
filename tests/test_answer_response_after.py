"""How someone responded to an item is said under the response label after it. UNDP's page on the SPPS final
evaluation gives a recommendation ("Completion of the pending activities: ...") and, after a line "Management Response:
[Added: 2020/08/10] ...", the response ("Partially agreed. Responses for each: i) ... the Innovation Challenge fund
will not be pursued..."). Asked how management responded to that recommendation, the answer quoted the recommendation
alone. It now quotes the response first, the recommendation after it. Real model, real Chroma, over the web corpus."""

from conftest import cited

PAGE = "undp-erc-spps-management-response.md"


def test_asked_how_management_responded_the_answer_quotes_the_response(web_assistant):
    answer = web_assistant.answer(
        "How did UNDP management respond to the SPPS final evaluation's recommendation on completing pending activities?"
    )
    assert not answer.abstained, answer
    assert cited(answer) == {PAGE}
    assert answer.citations[0].quote.startswith("Partially agreed."), answer.text
    assert "Innovation Challenge fund will not be pursued" in answer.citations[0].quote
    assert any(c.quote.startswith("Completion of the pending activities") for c in answer.citations[1:])


def test_asked_what_was_recommended_the_response_is_not_quoted(web_assistant):
    answer = web_assistant.answer(
        "What did the SPPS final evaluation recommend about completing the pending activities?"
    )
    assert not answer.abstained, answer
    assert PAGE in cited(answer)
    assert not any("Partially agreed" in c.quote for c in answer.citations), answer.text
