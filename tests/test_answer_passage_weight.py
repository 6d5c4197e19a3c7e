"""Which sentence leads an answer weighs how well its passage was found (`Weights.passage`) a little more, and
whether the documents answer at all is still judged as the answerability model was fitted to judge it: on the
sentences ordered by the sentence weights it was fitted with (`Answerability.lead_weights`, `Pick.fitted`). Several documents on one
topic often hold sentences alike; the one whose passage the search ranked highest most often holds what is asked
(eval/RESULTS.md, session 38: LS). Real model, real Chroma."""

from dataclasses import replace

import pytest
from conftest import seen
from nsss.assistant import answerability, open_assistant
from nsss.assistant.weights import WEIGHTS


@pytest.mark.parametrize(
    ("question", "page"),
    [
        (
            "Will every old person in the country get the old-age allowance at some point?",
            "observerbd-old-age-allowance-2025-plan.md",
        ),
        (
            "A poor single mum with kids - what new help did the government plan for women like her under the strategy?",
            "sp-gov-bd-vulnerable-women-benefit.md",
        ),
        (
            "When grandpa cashes out his allowance through bKash, who pays the charge?",
            "dailyasianage-bkash-allowances-2021.md",
        ),
    ],
)
def test_the_page_the_search_found_best_leads_among_pages_on_one_topic(web_assistant, question, page):
    answer = web_assistant.answer(question)
    assert not answer.abstained, seen(answer, web_assistant)
    assert answer.citations[0].source == page, seen(answer, web_assistant)


def test_whether_to_answer_is_judged_on_the_scale_the_model_was_fitted_on(web_store):
    """With the sentence weights set back to those the model was fitted with, every decision and probability is the
    same: the weights choose the quote, not whether to answer."""
    now = open_assistant(web_store, use_llm=False)
    fitted = open_assistant(web_store, use_llm=False)
    lexical, dense, passage = answerability.model().lead_weights
    fitted.weights = replace(WEIGHTS, lexical=lexical, dense=dense, passage=passage)
    assert WEIGHTS.sentence != fitted.weights.sentence
    assert now.judged_on == fitted.judged_on == fitted.weights.sentence  # both judge on the model's own
    for question in (
        "Will every old person in the country get the old-age allowance at some point?",
        "Who chaired the launch of the Employment Injury Scheme pilot?",
        "What is the budget of the NSSS for 2030?",  # a near miss: declined both ways
    ):
        a, b = now.answer(question), fitted.answer(question)
        assert a.abstained == b.abstained, question
        assert a.signals["probability"] == b.signals["probability"], question
