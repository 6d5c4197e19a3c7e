"""Who "backed" or is "backing" something asks who supports it, as the documents say it ("supported by the
Netherlands government and German development agency GIZ"): "backed" and "backing" are read as "supported" and
"supporting", never "backed out" or "back then" (question.BACKED). Real model, real Chroma over the web corpus for
the answer."""

import pytest
from conftest import ask_in_turn
from nsss.assistant.question import analyse


@pytest.mark.parametrize(
    ("question", "reads"),
    [
        ("Which foreign partners backed the pilot?", True),
        ("Who is backing it?", True),
        ("What financial backing does the scheme have?", True),
        ("Who backed up the plan?", True),
        ("The minister backed out of the deal. Why?", False),  # withdrew: no support asked
        ("Was the allowance raised back then?", False),
    ],
)
def test_backed_is_read_as_supported(question, reads):
    q = analyse(question)
    assert ("support" in q.terms) is reads, q.terms


def test_who_is_backing_a_pilot_is_answered_by_who_supports_it(web_assistant):
    _, backing = ask_in_turn(
        web_assistant,
        "When was the employment injury scheme pilot for garment workers launched?",
        "Who is backing it?",
    )
    assert not backing.abstained and "Netherlands" in backing.text, backing.text
