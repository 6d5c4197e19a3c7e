"""A yes-or-no question answered "no" is answered on by the sentence after the denial when that one goes on about the
subject, whether the denial says "not" or says it without a negation ("without any additional cost", "free of
charge"). Real model, real Chroma, over the web corpus."""

import pytest
from nsss.assistant.compose import DENIES


@pytest.mark.parametrize(
    "sentence",
    [
        "Beneficiaries can Cash Out the money through the agent network of bKash without any additional cost.",
        "The forms are given out free of charge at the Upazila Social Services Office.",
        "Members are served free of cost.",
        "The allowance is not paid in cash.",
    ],
)
def test_a_no_said_without_a_negation_is_a_denial(sentence):
    assert DENIES.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "No part of this publication may be reproduced without prior notification in writing from the publisher.",
        "The programme was launched without delay after the budget.",
        "The scheme is free to join for any citizen aged above 18.",
    ],
)
def test_without_and_free_alone_deny_nothing(sentence):
    # ("No part of..." holds "no", a denial already; what matters is that "without prior" adds none of its own)
    assert not DENIES.search(sentence.replace("No part", "A part"))


def test_a_no_without_a_negation_is_answered_on_by_the_next_sentence(web_assistant):
    answer = web_assistant.answer("Does a widow have to pay a charge to take her allowance out at a bKash agent?")

    assert not answer.abstained, answer.text
    quoted = " ".join(c.quote for c in answer.citations)
    assert "without any additional cost" in quoted, answer.text
    # who pays instead: the sentence after the denial, which goes on about cashing out
    assert "The government will bear 7 Taka of each cash out transaction" in quoted, answer.text
    assert {c.source for c in answer.citations} == {"dailyasianage-bkash-allowances-2021.md"}, answer.text
