"""Answers that hold what is asked when the right document is found: the sentence holding what only the question
names joins a lead that restates the subject; a clause before the question proper; asks listed with commas; a
section's plural in a question asking for a body. Real model, real Chroma in tmp_path."""

import pytest
from conftest import ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.question import analyse

# The first sentence restates the record's subject; the one that answers names what only the question names (UN).
OVERVIEW = (
    "# Consultation workshop on the coastal safety net strategy, 12 March 2025\n\n"
    "A consultation workshop on the coastal safety net strategy was held on 12 March 2025 at the NEC Conference "
    "Room, Dhaka, to take stock of its first five years. "
    "Participants came from the ministries that run coastal programmes and from the district offices.\n\n"
    "The coastal safety net strategy was adopted in 2020 after two years of consultation. "
    "This holistic strategy, aligned with the social protection floors initiative adopted by the UN Chief "
    "Executives Board in 2009, is committed to reducing poverty along the coast. "
    "It has widened coverage of the cyclone relief allowance.\n"
)
# The dates, the chair and the first day's cluster stand in three sentences.
MEETINGS = (
    "# Meetings of the river erosion clusters\n\n"
    "The Cabinet Division organised a series of river erosion cluster meetings from 14 to 18 August 2022 to draft "
    "the erosion action plan. "
    "The Additional Secretary, Mr. Rezaul Karim Talukder, presided over the meetings. "
    "Officials of twelve ministries took part over the five days.\n\n"
    "Day 1 – 14 August 2022 – Embankment Repair Cluster\n\n"
    "Day 2 – 15 August 2022 – Resettlement Cluster\n"
)
# A section of decisions, and the sentence on the body that checks them.
COMMITTEE = (
    "# The char development committee\n\n"
    "The char development committee meets twice a year under the Minister of Land.\n\n"
    "Decisions:\n"
    "1) The land survey of the northern chars will be finished by June.\n"
    "2) Each char union will keep one register of landless families.\n"
    "3) The committee will meet again in December.\n\n"
    "The follow-up cell is an informal body headed by the Joint Secretary (Char Affairs), Land Reform Division, that "
    "keeps tabs on whether the committee's decisions are carried out and reports to it twice a year.\n"
)
# Roads are most of the projects; the other public works are named in one sentence.
WORKFARE = (
    "# The char workfare programme\n\n"
    "The char workfare programme gives the poorest households forty days of paid work in each lean season. "
    "Workers are paid 400 taka a day into mobile accounts. "
    "Ninety percent of the char workfare projects build and repair rural roads. "
    "Other public work projects include re-excavation of canals, building of raised plinths and tree planting "
    "along embankments.\n\n"
    "The char workfare programme operates within a highly constrained setting. "
    "Each lean season brings twice as many applicants as there are places. "
    "These pressures are compounded by late fund releases, a shortage of site supervisors and work sites that flood "
    "every monsoon. "
    "Addressing them is central to the programme's second phase.\n"
)

# A report's parts, each in a sentence of its own, after a sentence that only counts them.
REPORT = (
    "# Progress report on the coastal allowance, 2024\n\n"
    "This report offers a detailed evaluation of how the coastal allowance was delivered in 2024 across the "
    "southern districts.\n\n"
    "The structure of the report consists of three distinct but interconnected parts. "
    "Part 1 reviews the coverage of the coastal allowance among fishing households. "
    "Part 2 describes the work of the ministries and the district offices. "
    "Part 3 sets out the reforms still due, such as one registry of coastal households.\n"
)

# A workshop record whose recommendations are sentences near its end, under no heading, among many on the event.
DISSEMINATION = (
    "# Dissemination workshop on the char allowance baseline, October 2023\n\n"
    "The Cabinet Division, as the coordinating authority for the char allowance, organised a flagship event titled "
    "Dissemination workshop on the char allowance baseline assessment on 12 October 2023 at the Bangabandhu "
    "International Conference Centre, Dhaka. "
    "The dissemination workshop on the char allowance baseline brought together officials of twelve ministries. "
    "The Cabinet Secretary opened the dissemination workshop on the char allowance baseline. "
    "The baseline assessment of the char allowance was presented by the research team of the October 2023 workshop. "
    "The char allowance baseline found that coverage had doubled since 2019. "
    "The October 2023 workshop on the char allowance baseline also heard district officers. "
    "Participants of the dissemination workshop on the char allowance discussed the baseline in four sessions.\n\n"
    "The char allowance reaches 200,000 households in six districts. "
    "Payments are made every quarter. "
    "The allowance was first paid in 2019. "
    "Most recipients are women. "
    "Districts report every month. "
    "A survey covered 3,000 households. "
    "Field teams visited 40 unions.\n\n"
    "The conference came up with recommendations that one registry of char households and mobile payments be put "
    "in place without delay. "
    "It was also recommended that the allowance be raised each year in line with prices. "
    "The session ended with thanks from the chair.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over six short documents."""
    documents = {
        "overview.md": OVERVIEW,
        "meetings.md": MEETINGS,
        "committee.md": COMMITTEE,
        "workfare.md": WORKFARE,
        "report.md": REPORT,
        "dissemination.md": DISSEMINATION,
    }
    return open_assistant(ingested_documents(tmp_path_factory, "keyterms", documents), use_llm=False)


def test_the_sentence_naming_what_only_the_question_names_joins_a_lead_that_restates_the_subject(assistant):
    answer = assistant.answer(
        "is the coastal safety net strategy tied to any UN-level global framework? the 2025 workshop note mentions it"
    )

    assert not answer.abstained, answer.text
    assert "UN Chief Executives Board" in answer.text, answer.text
    assert all(c.source == "overview.md" for c in answer.citations), answer.citations  # nothing from elsewhere


def test_asks_listed_with_commas_are_each_answered(assistant):
    question = "When were the river erosion cluster meetings held, who presided, and which cluster met on day 1?"
    q = analyse(question)
    answer = assistant.answer(question)

    assert "14 to 18 August 2022" in answer.text, answer.text
    assert "Rezaul Karim Talukder" in answer.text, answer.text
    assert "Embankment Repair Cluster" in answer.text, answer.text
    assert [p.slot for p in q.parts] == ["date", "person", "any"], q.parts


def test_a_relative_clause_after_a_comma_is_no_second_ask():
    assert analyse("Who chaired the cluster meeting, which was held in August?").parts == ()
    assert not analyse("What is the NSSS, which the Cabinet approved in 2015?").compound


def test_a_section_named_only_as_what_a_body_is_about_is_not_what_is_asked(assistant):
    question = (
        "Is there some body that keeps tabs on whether the char committee's decisions get carried out? who runs it?"
    )
    answer = assistant.answer(question)

    assert "Joint Secretary (Char Affairs)" in answer.text, answer.text
    assert "land survey" not in answer.text, answer.text  # the decisions are not what is asked
    assert analyse(question).section == "", analyse(question)
    assert analyse("What were the decisions of the char committee?").section == "decisions"
    assert analyse("Who were the members of the char committee?").section == "members"


def test_a_clause_before_the_question_proper_does_not_set_what_is_asked(assistant):
    q = analyse("Apart from rural roads, what kinds of public works do char workfare workers do?")
    answer = assistant.answer("Apart from rural roads, what kinds of public works do char workfare workers do?")

    assert "re-excavation of canals" in answer.text, answer.text
    assert q.is_list and q.list_head == ("public", "work"), q
    assert analyse("When allowances started going out through bKash in 2021, who paid the cash-out charge?").slot != (
        "date"
    )
    assert analyse("When were the meetings held?").slot == "date"
    # a clause that sets no slot of its own leaves the question read as a whole, as before
    assert analyse("According to the experts at the discussion, who should keep the list?").slot == "any"


def test_a_preamble_saying_what_the_asker_writes_is_not_read_as_the_question(assistant):
    q = analyse("For a background note: when was the coastal safety net strategy adopted?")

    assert q.text.startswith("when was") and q.slot == "date", q
    assert not {"background", "note"} & set(q.terms), q.terms
    # what the preamble names after "on" stays; "in the report" may point at a report of the turn before
    assert "research" in analyse("I'm drafting a note on the NSSS background research: how many papers?").terms
    assert analyse("In the report, what are the challenges?").text.startswith("In the report")
    answer = assistant.answer("For a background note: when was the coastal safety net strategy adopted?")
    assert "2020" in answer.text and answer.question.startswith("For a background note"), answer


@pytest.mark.parametrize(
    ("question", "slot", "section"),
    [
        ("How come lots of poor old people still don't get the old age allowance?", "reason", ""),
        ("What came out of the high-level policy dialogue on coordination?", "list", "outcomes"),
    ],
)
def test_how_come_asks_a_reason_and_what_came_out_of_asks_for_outcomes(question, slot, section):
    q = analyse(question)

    assert (q.slot, q.section) == (slot, section), q


def test_a_part_naming_its_own_figure_is_answered_by_a_sentence_naming_it(assistant):
    answer = assistant.answer(
        "Which cluster met on day 2 of the 2022 river erosion cluster meetings, and which division organised them?"
    )

    assert "Resettlement Cluster" in answer.text, answer.text  # "day 2", not any sentence on the meetings
    assert "Cabinet Division" in answer.text, answer.text


def test_a_list_lead_that_names_what_is_asked_but_lists_none_of_it_brings_the_sentences_after_it(assistant):
    answer = assistant.answer("what constraints does the char workfare programme work under?")

    assert "late fund releases" in answer.text and "twice as many applicants" in answer.text, answer.text
    assert "second phase" not in answer.text, answer.text  # two sentences of its paragraph, not the whole of it


def test_what_is_in_each_part_is_answered_part_by_part(assistant):
    answer = assistant.answer("How is the 2024 coastal allowance progress report organised - what's in each part?")

    assert all(f"Part {n}" in answer.text for n in (1, 2, 3)), answer.text
    assert analyse("How much does each household get?").slot == "amount"
    assert not analyse("How much does each household get?").is_list


@pytest.mark.parametrize(
    "question",
    [
        "What did the October 2023 dissemination workshop on the char allowance baseline recommend?",
        # a subject with a bracket in it
        "What did the Dissemination workshop on the char allowance baseline assessment (October 2023) recommend?",
    ],
)
def test_what_a_long_named_event_recommended_is_answered_by_the_sentences_that_recommend(assistant, question):
    answer = assistant.answer(question)

    assert analyse(question).section == "recommendations", analyse(question)
    assert "one registry of char households" in answer.text, answer.text
    assert "raised each year" in answer.text, answer.text
