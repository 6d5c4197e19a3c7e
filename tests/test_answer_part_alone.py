"""A part of a question that names its own subject is asked alone: "..., and who was chief guest at the 2019 Knowledge
Fair?" is not searched with the words of the part before it ("unveiled the cover of the NSSS in 2015"), which pulled
its reading off the fair's report. A part that names its own year does not carry the years named before it. Real
model, real Chroma for the answers."""

import pytest
from conftest import cited
from nsss.assistant.question import analyse


@pytest.mark.parametrize(
    ("question", "queries"),
    [
        # Its own subject, by name: asked alone.
        (
            "Who unveiled the cover of the NSSS in 2015, and who was chief guest at the 2019 Knowledge Fair?",
            ["Who unveiled the cover of the NSSS in 2015", "who was chief guest at the 2019 Knowledge Fair"],
        ),
        (
            "When was the Employment Injury Scheme pilot launched, and when was the Universal Pension Scheme "
            "inaugurated?",
            [
                "When was the Employment Injury Scheme pilot launched",
                "when was the Universal Pension Scheme inaugurated",
            ],
        ),
        # A pronoun points back: the subject goes with the part.
        (
            "Who chairs the Central Management Committee on Social Security Programmes, and who is its member "
            "secretary?",
            [
                "Who chairs the Central Management Committee on Social Security Programmes",
                "who is its member secretary Central Management Social Security",
            ],
        ),
        # Its own year: the year before it stays behind, the subject goes with it.
        (
            "How many people did the EGPP reach according to the World Bank in 2014, and how many took part in "
            "fiscal year 2021-2022?",
            [
                "How many people did the EGPP reach according to the World Bank in 2014",
                "how many participated in fiscal year 2021-2022 people EGPP reach according World Bank",
            ],
        ),
    ],
)
def test_a_part_is_asked_of_its_own_subject(question, queries):
    assert [p.query for p in analyse(question).parts if p.query] == queries, analyse(question).parts


def test_two_events_each_named_are_answered_from_their_own_reports(web_assistant):
    """Before, the second part was searched with the first part's words and declined, and the whole with it
    (eval/RESULTS.md, session 36: PS)."""
    answer = web_assistant.answer(
        "Who unveiled the cover of the NSSS in 2015, and who was chief guest at the 2019 Knowledge Fair?"
    )
    assert not answer.abstained, answer.text
    assert "Shirin Sharmin Chaudhury" in answer.text, answer.text
    assert {"ntvbd-nsss-unveiled-2015.md", "sp-gov-bd-conference-knowledge-fair-2019.md"} <= cited(answer), (
        answer.citations
    )
