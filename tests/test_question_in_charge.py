""" "Who is in charge of X?" asks who heads it, as the documents say it ("headed by", "chaired by", "presided over"):
read literally, "in charge" drew a sentence using it of another post ("the ex-officio desk officer in charge of social
security of each ministry") for the Central Management Committee's chair. A ministry in charge of a cluster is its
coordinator (scoring.ORG_KINDS), and is read as it was. Real model, real Chroma, over the web corpus where they
answer."""

import pytest
from nsss.assistant.question import analyse


@pytest.mark.parametrize(
    "question",
    [
        "Who is in charge of the Focal Point Committee?",
        "Who's in charge of that Central Management Committee for social security?",
        "Who was in charge of the sub-committee that drew up the first action plan?",
        "So who is actually in charge of setting it up?",
        "Who will be in charge?",
    ],
)
def test_who_is_in_charge_asks_who_heads(question):
    q = analyse(question)

    assert "head" in q.terms and "charg" not in q.terms
    assert q.slot == analyse("Who heads the Focal Point Committee?").slot


@pytest.mark.parametrize(
    "question",
    [
        "Which ministry is in charge of the social allowance cluster?",
        "Is the desk officer in charge of social security a member?",
    ],
)
def test_in_charge_not_asked_by_who_is_read_as_written(question):
    assert "head" not in analyse(question).terms


@pytest.mark.parametrize(
    ("question", "source", "said"),
    [
        (
            "Who is in charge of the Focal Point Committee that helps the CMC?",
            "sp-gov-bd-important-committees.md",
            "headed by the Secretary (Coordination and Reforms)",
        ),
        (
            "Who's in charge of that Central Management Committee for social security?",
            None,
            "headed by the Cabinet Secretary",
        ),
    ],
)
def test_who_is_in_charge_is_answered_by_who_heads_it(web_assistant, question, source, said):
    answer = web_assistant.answer(question)

    assert not answer.abstained, answer.text
    assert said in answer.citations[0].quote, answer.text
    assert source is None or answer.citations[0].source == source, answer.text
    assert "desk officer in charge" not in answer.text
