"""A section asked in everyday words is the section: what a body is "supposed to do" is its functions (its terms of
reference), what a study "set out to find" or a plan is "meant to achieve" is its objectives. Real model, real Chroma,
over the web corpus."""

import pytest
from nsss.assistant.question import analyse


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("What is the Central Management Committee actually supposed to do?", "functions"),
        ("And the jobs one - who coordinates it, and what is it meant to do?", "functions"),
        ("What are the thematic clusters there to do?", "functions"),
        ("What did the 2019 study on poor people in cities set out to find?", "objectives"),
        ("What was the urban poverty study trying to find out?", "objectives"),
        ("What were they hoping to get out of it?", "objectives"),
        ("What is the human development cluster supposed to achieve?", "objectives"),
        # (the everyday words of the sections already read stay as they were)
        ("What are the terms of reference of the CMC?", "functions"),
        ("What did the meeting decide?", "decisions"),
    ],
)
def test_a_section_asked_in_everyday_words(question, section):
    q = analyse(question)

    assert q.section == section
    assert q.is_list


@pytest.mark.parametrize(
    "question",
    [
        # a count or a figure asked of what was set out to be done is no section
        "From how many households did the National Household Database project set out to collect data?",
        "When is the pilot supposed to start?",
        "How much are mothers supposed to get each month?",
        "Who is supposed to chair the committee?",
    ],
)
def test_what_is_supposed_to_happen_asks_no_section(question):
    assert analyse(question).section == ""


@pytest.mark.parametrize(
    ("question", "source", "items"),
    [
        # what a committee is supposed to do: its terms of reference, item by item, each cited
        (
            "What is the Central Management Committee actually supposed to do?",
            "sp-gov-bd-central-management-committee.md",
            (
                "To approve the action plans for implementation of NSSS",
                "To provide supports to the five thematic clusters",
            ),
        ),
        # what a study set out to find: its objectives
        (
            "What did the 2019 study on urban poverty set out to find?",
            "sp-gov-bd-urban-poverty-diagnostics-2019.md",
            ("To identify reasons behind the high rate of exclusion",),
        ),
    ],
)
def test_a_section_asked_in_everyday_words_is_answered_by_its_items(web_assistant, question, source, items):
    answer = web_assistant.answer(question)

    assert not answer.abstained, answer.text
    assert answer.citations[0].source == source, answer.text
    quoted = " ".join(c.quote for c in answer.citations)
    for item in items:
        assert item in quoted, answer.text
