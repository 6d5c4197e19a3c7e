"""A section asked for ("what decisions...") is quoted only from a document that names what the question names: an
acronym the question gives, or one of its long forms (compose.section_spans, `names`). Real model, real Chroma in
tmp_path, over a committee's page that says its decision in prose and another meeting's record with a "Decisions:"
list."""

import pytest
from conftest import cited, ingested_documents
from nsss.assistant import open_assistant

DOCS = {
    "grs-situation.md": """# Grievance Redress System: situation analysis

The Grievance Redress System (GRS) lets citizens complain about public services. The Cabinet Division formed a GRS
Technical Committee to strengthen it. It was decided at the first meeting of the GRS Technical Committee, held on
31 December 2015, to conduct a review and mapping of all grievance mechanisms being implemented in the country.
""",
    "focal-point-meeting.txt": """Minutes of the meeting of the focal points of the Central Management Committee

The first meeting of the focal point committee was held on 26 June 2022 in the Cabinet Division.

Decisions:
1) The detail implementation plan of the maternal and child support programme was adopted.
2) Each ministry shall send its progress report to the committee every quarter.
3) The next meeting will review the action plan of every thematic cluster.
""",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return open_assistant(ingested_documents(tmp_path_factory, "section-names", DOCS), use_llm=False)


def test_the_decisions_of_a_named_committee_are_not_another_meetings_decisions(assistant):
    answer = assistant.answer("What decisions did the GRS Technical Committee take at its first meeting?")
    assert "grs-situation.md" in cited(answer) and "focal-point-meeting.txt" not in cited(answer), answer.text


def test_a_meetings_decisions_are_still_its_listed_items(assistant):
    answer = assistant.answer("What did the focal point committee decide at its first meeting in June 2022?")
    assert not answer.abstained and cited(answer) == {"focal-point-meeting.txt"}, answer.text
    assert "progress report" in answer.text and "thematic cluster" in answer.text, answer.text
