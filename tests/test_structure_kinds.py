"""Document structure that is not written as Markdown: headings in sentence form, lists written inline in one
paragraph, and tables (pipes, or rows of figures under a header line), each kept at ingest and answered item by item
or row by row. Real model, real Chroma in tmp_path."""

import pytest
from conftest import ingested_documents
from nsss.assistant import open_assistant
from nsss.ingest.structure import find_sections

# A heading in sentence form between two bulleted lists, after an item cut short at a line end.
STUDY = (
    "Diagnostics of Flood Poverty in Sylhet\n\n"
    "The study looked at why poor households in flooded unions miss out on relief and allowances.\n\n"
    "Research Objectives\n\n"
    "  • To find why flooded households are left out of the allowance lists\n"
    "  • To compare the relief lists of two districts with the national household database of 2022 and its\n"
    "    Methodological approaches\n"
    "  • Household survey: a survey of 300 flooded households in Sunamganj and Sylhet districts.\n"
    "  • Key informant interviews: twelve interviews with union and upazila officials.\n"
    "  • Focus group discussions: six discussions with women in flood shelters.\n"
)
# A list written inline, "i. ...; ii. ...; and iii. ...", in one paragraph.
EVALUATION = (
    "# Final evaluation of the Coastal Cash Programme, 2023\n\n"
    "Completion of the pending activities: The project needs to finish several pending activities in the next "
    "phase. These include, but not limited to: i. Launch the coastal innovation fund with local NGOs; ii. Connect "
    "the payment system to the union digital centres; and iii. Train the upazila officers on the grievance "
    "register. The evaluation found the rest of the work on track.\n"
)
# A table of a web page: a header line, then rows of figures apart by spaces.
ALLOWANCE = (
    "# Coastal Fishers Allowance\n\n"
    "The Coastal Fishers Allowance pays fishing households during the ban on fishing.\n\n"
    "wdt_ID Fiscal Year Allocation (in Million Taka)\n"
    "1 2016-17 1,250.00\n"
    "2 2017-18 1,480.50\n"
    "3 2018-19 1,720.00\n"
    "4 2019-20 2,045.75\n"
    "Fiscal Year Allocation (in Million Taka)\n"
)
# A Markdown table, as a DOCX table is read too ("cell | cell").
STIPEND = (
    "# Hill Tracts School Stipend\n\n"
    "The Hill Tracts School Stipend pays girls in secondary schools of the three hill districts.\n\n"
    "| Fiscal year | Girls reached | Stipend budget (Tk crore) |\n"
    "|---|---|---|\n"
    "| 2020-21 | 41,000 | 52.5 |\n"
    "| 2021-22 | 45,500 | 58.0 |\n"
    "| 2022-23 | 47,250 | 61.2 |\n"
)


def sections_of(text: str) -> dict[str, list[str]]:
    return {s.heading: [text[a:b] for a, b in s.items] for s in find_sections(text)}


def test_a_heading_in_sentence_form_starts_a_section_of_its_own_even_inside_a_list():
    sections = sections_of(STUDY)

    methods = sections["Methodological approaches"]
    assert [m.split(":")[0].lstrip("• ") for m in methods] == [
        "Household survey",
        "Key informant interviews",
        "Focus group discussions",
    ]
    objectives = sections["Research Objectives"]
    assert len(objectives) == 2 and "Methodological" not in objectives[-1], objectives


@pytest.mark.parametrize(
    ("paragraph", "items"),
    [
        (
            "The scheme reaches: i. widows; ii. older people; and iii. persons with disabilities. It began in 2019.",
            ["i. widows", "ii. older people", "iii. persons with disabilities."],
        ),
        (
            "The plan supports (a) children under four, (b) working mothers and (c) the elderly. It ends in 2026.",
            ["(a) children under four", "(b) working mothers", "(c) the elderly."],
        ),
        (
            "The committee agreed to 1) adopt the plan; 2) meet every month; 3) report to the CMC.",
            ["1) adopt the plan", "2) meet every month", "3) report to the CMC."],
        ),
    ],
)
def test_a_list_written_inline_in_a_paragraph_is_a_section_of_its_items(paragraph, items):
    found = [s for s in sections_of(f"Notes\n\n{paragraph}\n").values() if s[0][:2] in ("i.", "(a", "1)")]

    assert found == [items]


def test_initials_and_amounts_are_not_read_as_an_inline_list():
    text = "Notes\n\nMr. A. B. Chowdhury said Tk 1. 2 crore was paid (i) on time. The rest is due.\n"

    assert all(not h.endswith(("Chowdhury said", "paid")) for h in sections_of(text)), sections_of(text)


@pytest.mark.parametrize(
    ("text", "header", "rows"),
    [
        (ALLOWANCE, "wdt_ID Fiscal Year Allocation (in Million Taka)", ["1 2016-17 1,250.00", "4 2019-20 2,045.75"]),
        (
            "Allocations\n\n| Fiscal year | Allocation |\n|---|---|\n| 2016-17 | 1,250 |\n| 2017-18 | 1,480 |\n",
            "Fiscal year | Allocation",
            ["| 2016-17 | 1,250 |", "| 2017-18 | 1,480 |"],
        ),
    ],
)
def test_a_table_is_a_section_whose_heading_is_its_header_row_and_whose_items_are_its_rows(text, header, rows):
    table = sections_of(text)[header]

    assert table[0] == rows[0] and table[-1] == rows[-1], table
    assert not any(r.startswith(("|---", "Fiscal Year Allocation")) for r in table), table  # no rule, no footer


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over a study, an evaluation and two pages with a table each."""
    documents = {"study.md": STUDY, "evaluation.md": EVALUATION, "allowance.md": ALLOWANCE, "stipend.md": STIPEND}
    return open_assistant(ingested_documents(tmp_path_factory, "structure-kinds", documents), use_llm=False)


def test_a_question_for_the_methods_is_answered_with_the_items_under_a_heading_in_sentence_form(assistant):
    answer = assistant.answer("What methods did the flood poverty diagnostics study use?")

    quotes = [c.quote for c in answer.citations]
    assert not answer.abstained, answer.text
    assert len(quotes) == 3 and "Household survey" in quotes[0] and "Focus group" in quotes[2], quotes
    assert not any("To find why" in q for q in quotes), quotes  # the objectives are not the methods


def test_each_item_of_an_inline_list_is_quoted_and_cited_on_its_own(assistant):
    answer = assistant.answer("Which pending activities did the final evaluation tell the project to complete?")

    quotes = [c.quote for c in answer.citations]
    assert not answer.abstained, answer.text
    assert quotes == [
        "i. Launch the coastal innovation fund with local NGOs",
        "ii. Connect the payment system to the union digital centres",
        "iii. Train the upazila officers on the grievance register.",
    ], quotes
    assert "[3]" in answer.text


def test_a_question_about_one_row_of_a_table_is_answered_with_that_row_under_its_header(assistant):
    answer = assistant.answer("What was the Coastal Fishers Allowance allocation in fiscal year 2018-19?")

    quotes = [c.quote for c in answer.citations]
    assert not answer.abstained, answer.text
    assert quotes == ["wdt_ID Fiscal Year Allocation (in Million Taka)", "3 2018-19 1,720.00"], quotes


def test_a_row_of_a_markdown_table_is_quoted_under_its_header_row(assistant):
    answer = assistant.answer("How many girls did the Hill Tracts School Stipend reach in 2021-22?")

    quotes = [c.quote for c in answer.citations]
    assert not answer.abstained, answer.text
    assert quotes == ["| Fiscal year | Girls reached | Stipend budget (Tk crore) |", "| 2021-22 | 45,500 | 58.0 |"], (
        quotes
    )
