"""Answers that hold every part of what is asked: the sentence that names what is asked leads, each part of a
two-part question (or each year it names) is quoted, and a sentence cut at a line break is quoted whole.
Real model, real Chroma in tmp_path."""

import pytest
from conftest import ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.question import analyse
from nsss.core.text import split_sentences

FAIR = (
    "# Report on the Regional Social Protection Fair 2024\n\n"
    "The Cabinet Division organised a flagship event titled 'Regional Social Protection Fair 2024' on 4 March 2024 "
    "at the Osmani Memorial Hall, Dhaka, as part of the national social protection week.\n\n"
    "With support from UNICEF and the World Food Programme, the fair brought together forty exhibitors from eight "
    "districts.\n\n"
    "Visitors could register for programmes at the stalls and ask officials about their entitlements.\n"
)
GUIDE = (
    "# Field guide to cash transfers\n\n"
    "Field guide to cash transfers for union officials, second edition.\n\n"
    "Copies Printed: 2500\n\n"
    "Printed By: Meghna Printers Limited\n\n"
    "The guide explains how union officials verify the households that apply for cash transfers.\n"
)
WIDOW = (
    "# Widow allowance in Khulna division\n\n"
    "In the fiscal year 2021-22, the number of widow allowance beneficiaries in Khulna division increased from "
    "2 lakh 10 thousand to 2 lakh 45 thousand.\n\n"
    "The allowance is paid through mobile accounts opened in the beneficiaries' own names.\n\n"
    "In the fiscal year 2022-23, the number of widow allowance beneficiaries in Khulna division increased from "
    "2 lakh 45 thousand to 2 lakh 90 thousand.\n"
)
# Hard-wrapped as the web pages are: the line before "adorned" ends in ")", so the sentence is cut there.
SEMINAR = (
    "# Seminar on urban social protection, 2023\n\n"
    "The seminar on urban social protection was opened by Mr. Rafiqul Karim, Secretary, Local Government\n"
    "Division, as the Chief Guest. Ms. Nasreen Sultana, Director General, Department of Social Services (DSS)\n"
    "adorned the occasion by her kind presence as the Special Guest while Mr. Habibur Rahman, Joint Secretary,\n"
    "Cabinet Division, made the keynote presentation on the urban poor.\n"
)
# A line ending in a closing bracket mid-sentence, the sentence going on in lower case on the next: what the review
# recommended is said after the break.
REVIEW = (
    "# Review of the coastal cash programme, 2024\n\n"
    "Officials of six districts took part in the review of the coastal cash programme in Khulna. The\n"
    "review came up with recommendations that the single registry and the grievance redress system (GRS)\n"
    "should be rolled out to every union of the coastal districts before June 2025. It was also recommended\n"
    "that the allowance be paid into the mobile accounts of the women who receive it.\n"
)
# Two reports of one launch: the chair in the first; the one who inaugurated it in the second, after a headline
# and before a sentence naming the chair again.
PILOT_RELEASE = (
    "# River insurance pilot launched\n\n"
    "The launch of the pilot of a River Insurance Scheme (RIS) in Khulna was chaired by Mr Rafiq Ahmed, Secretary, "
    "Ministry of Fisheries and Livestock.\n\n"
    "The scheme will compensate fishers' families when a boat is lost in a storm.\n"
)
PILOT_NEWS = (
    "# Bangladesh launches first river insurance scheme pilot\n\n"
    "Bangladesh launches first river insurance scheme pilot for fishers in the south-west.\n\n"
    "Prime Minister's Adviser Ms Nasreen Haque inaugurated the project at an event in Khulna on Monday. "
    "Fisheries Secretary Rafiq Ahmed, the ILO country director and other stakeholders took part in the programme, "
    "the release reads.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over six short documents."""
    documents = {
        **{"fair.md": FAIR, "guide.md": GUIDE, "widow.md": WIDOW, "seminar.md": SEMINAR},
        **{"pilot-release.md": PILOT_RELEASE, "pilot-news.md": PILOT_NEWS, "review.md": REVIEW},
    }
    return open_assistant(ingested_documents(tmp_path_factory, "parts", documents), use_llm=False)


def test_the_sentence_that_names_what_is_asked_leads_over_one_that_restates_the_event(assistant):
    """ "Which donors supported the fair?": the sentence that restates the event covers the question's subject as
    well as the one that answers; the one that also names what is asked ("support") is quoted first."""
    answer = assistant.answer("Which donors supported the Regional Social Protection Fair 2024?")

    assert not answer.abstained and answer.citations, answer.text
    assert "UNICEF" in answer.citations[0].quote, answer.text


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("How many copies of the field guide were printed and by whom?", [("number", True), ("person", False)]),
        ("Who chaired the seminar, and which one was the special guest?", [("person", True), ("any", True)]),
        ("And which NGO ran the training?", []),  # one thing asked, after a conjunction
    ],
)
def test_a_question_that_asks_two_things_is_read_into_its_parts(question, parts):
    q = analyse(question)

    assert [(p.slot, bool(p.terms)) for p in q.parts if not p.figure] == parts, q.parts


def test_each_part_of_a_two_part_question_is_quoted(assistant):
    answer = assistant.answer("How many copies of the field guide to cash transfers were printed and by whom?")

    assert not answer.abstained, answer.text
    assert "2500" in answer.text and "Meghna Printers Limited" in answer.text, answer.text


def test_each_year_a_question_names_is_quoted(assistant):
    """Two sentences alike but for their year and figures are both quoted: one per year asked about."""
    answer = assistant.answer(
        "How did the number of widow allowance beneficiaries in Khulna division change in 2021-22 and 2022-23?"
    )

    assert not answer.abstained, answer.text
    assert "2021-22" in answer.text and "2022-23" in answer.text, answer.text
    assert "2 lakh 90 thousand" in answer.text, answer.text


def test_a_sentence_cut_at_a_line_break_is_quoted_whole_in_one_citation(assistant):
    answer = assistant.answer("Who was the special guest at the seminar on urban social protection?")

    assert not answer.abstained and "Nasreen Sultana" in answer.text, answer.text
    quote = next(c.quote for c in answer.citations if "Nasreen Sultana" in c.quote)
    assert "adorned the occasion" in quote and "Special Guest" in quote, quote


@pytest.mark.parametrize(
    "text, sentences",
    [
        # a bracket closing a phrase, the sentence going on in lower case: one sentence
        (
            "Agenda items like the single registry, Monitoring and Evaluation (M&E)\nmechanism and G2P payments should "
            "be implemented.",
            1,
        ),
        # a title line closing a quote, then the next field of the page's front matter: two
        ('title: "Budget: allowances for elderly, widows to rise (bdnews24)"\nurl: https://bdnews24.com/x', 2),
        # a sentence ended inside the bracket: two
        ("The committee met under the Cabinet Secretary (it meets twice a year.)\nmeetings are minuted.", 2),
    ],
)
def test_a_line_closing_a_bracket_goes_on_when_the_next_starts_in_lower_case(text, sentences):
    assert len(split_sentences(text)) == sentences, [text[a:b] for a, b in split_sentences(text)]


def test_what_is_recommended_after_a_line_closing_a_bracket_is_quoted(assistant):
    answer = assistant.answer("What did the review of the coastal cash programme recommend?")

    assert not answer.abstained and "before June 2025" in answer.text, answer.text


def test_a_part_answered_alone_is_quoted_by_the_sentence_that_answers_it_not_one_that_restates_the_subject(
    assistant,
):
    answer = assistant.answer("River Insurance Scheme pilot: who chaired the launch and who inaugurated it?")

    assert "chaired by Mr Rafiq Ahmed" in answer.text
    assert "Nasreen Haque inaugurated" in answer.text
