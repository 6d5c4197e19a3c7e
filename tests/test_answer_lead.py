"""The sentence that leads an answer holds what is asked, when the right document is found: a name asked for is the
one given in quotes, a count of people is of the people counted, a period is a span of dates, "list the four X"
brings the items listed after "The X are as follows:", "how is it structured" its parts, and a sentence that answers
by pointing back ("In response, ...") brings the sentence it points to. Real model, real Chroma in tmp_path."""

import pytest
from conftest import ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.question import analyse
from nsss.assistant.scoring import fills_slot

# The name stands in quotes in a sentence that repeats little of the question; the others restate the project.
STIPEND = (
    "# PM launches river school stipend through mobile banking\n\n"
    "Publish | 02 May 2019, 11:20\n\n"
    "Under the project of Disbursement of River School Stipend using Mobile Banking, the government stipends for "
    "2 million river school pupils would be paid into their mothers' mobile banking accounts. "
    "The Prime Minister said this while inaugurating Disbursement of River School Stipend using Mobile Banking "
    "from her residence here today. "
    "Terming the river school stipend through mobile banking a step forward, the Prime Minister thanked the "
    "teachers. "
    "The government would pay about Taka 300 crore among river school pupils as stipend under the project. "
    "Once they receive the stipend, mothers can withdraw the money at nearby agents or save it for the future. "
    "The Prime Minister inaugurated the project titled- 'Nodir Hasi' through video conferencing with the district "
    "officers, pupils and guardians. "
    "Later, the Prime Minister talked to the pupils and teachers of three upazilas.\n"
)
# Two sentences on the allowance's start hold numbers; only one counts the people who got it.
COASTAL = (
    "# The coastal allowance\n\n"
    "In the financial year 2001-02 the coastal allowance was introduced to support poor fishing households. "
    "Initially, 10 poor people including 5 men and 5 women in each union of the coastal districts were brought "
    "under the allowance of 150 taka per month. "
    "The number of coastal allowance recipients was only 52,000 when the programme was introduced in 2001-02. "
    "Later, the island unions were included in the programme.\n\n"
    "Application for the coastal allowance\n\n"
    "Welcome to the Upazila Social Service Office, Hatiya. "
    "1 March 2024 to 31 March 2024 AD. "
    "Till date Blue Card holders can apply online for the coastal allowance. "
    "Programme Name: Coastal Allowance.\n"
)
# The items after a lead-in ending in a colon; "the four coastal clusters" in sentences of this record and another.
CLUSTERS = (
    "# Coastal clusters\n\n"
    "The coastal strategy suggests administrative arrangements for coordinating the coastal programmes of the line "
    "ministries. "
    "Such ministries have been grouped into four clusters to avoid overlapping programmes. "
    "The four clusters are shown in the following diagram:\n\n"
    "The Cabinet Division has issued a circular defining the roles of the coastal clusters. "
    "The coastal clusters are as follows:\n\n"
    "  1. Fisheries Livelihood Cluster\n"
    "  2. Cyclone Shelter and Relief Cluster\n"
    "  3. Embankment Works Cluster\n"
    "  4. Island Schooling Cluster\n"
)
WORKSHOP = (
    "# Review workshop on the coastal strategy, 2025\n\n"
    "Workshop participants included Secretaries from the ministries leading the four coastal clusters of the "
    "coastal strategy, focal points of the implementing ministries and officials of the Cabinet Division. "
    "This diverse representation ensured a thorough review of the strategy.\n"
)
# A report's parts follow a sentence that counts them; an introduction restates the report.
REPORT = (
    "# Progress report 2024 of the coastal action plan\n\n"
    "This progress report delves into the implementation of the coastal action plan to offer a comprehensive "
    "evaluation of its progress in 2024. "
    "The structure of the report consists of three distinct but interconnected parts. "
    "Part 1 explores the coverage of the coastal allowance among fishing households. "
    "Part 2 delves into the accomplishments of the ministries and the coastal clusters. "
    "Part 3 introduces the assessment of the coastal registry.\n"
)
# The crisis stands in the sentence before the one that names the programme and starts "In response".
WORKFARE = (
    "# Char employment programme brief\n\n"
    "The river erosion crisis of 2010 pushed over 2 million people into poverty. "
    "In response, the Government allocated US$ 300 million in FY11, which included the largest public workfare "
    "programme for the poorest char dwellers, the Char Employment Programme. "
    "The programme gives forty days of paid work in each lean season.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over six short documents."""
    documents = {
        "stipend.md": STIPEND,
        "coastal.md": COASTAL,
        "clusters.md": CLUSTERS,
        "workshop.md": WORKSHOP,
        "report.md": REPORT,
        "workfare.md": WORKFARE,
    }
    return open_assistant(ingested_documents(tmp_path_factory, "lead", documents), use_llm=False)


def test_a_question_asking_what_something_is_called_is_answered_by_the_name_in_quotes(assistant):
    answer = assistant.answer(
        "What was the river school stipend through mobile banking project launched in 2019 called?"
    )

    assert not answer.abstained, answer.text
    assert "Nodir Hasi" in answer.text, answer.text
    assert analyse("What was the stipend-through-mobile-banking project called?").slot == "title"
    assert analyse("প্রাথমিক উপবৃত্তি প্রকল্পটির নাম কী ছিল?").slot == "title"
    assert analyse("উপদেষ্টা কমিটির সভাপতির নাম কী?").slot == "person"  # a person's name


@pytest.mark.parametrize(
    "question",
    [
        "I heard the river school stipend now goes to mothers' phones. What's that project called?",
        "In 2019 the Prime Minister launched river school stipends through mobile banking. What was the project called?",
        "My son's river school stipend now comes to my phone. What is that project called?",
    ],
)
def test_a_name_asked_after_a_sentence_saying_what_the_asker_heard_is_the_name_in_quotes(assistant, question):
    """Everyday askers say what they heard first: the question after it asks a name as it would alone."""
    assert analyse(question).slot == "title"
    answer = assistant.answer(question)
    assert not answer.abstained, answer.text
    assert "Nodir Hasi" in answer.text, answer.text
    # a name said in the sentence before is no name asked: "What was that?" asks what it is
    assert analyse("Someone mentioned a programme called Nodir Hasi. What was that?").slot != "title"


def test_how_many_people_is_answered_by_the_number_of_recipients(assistant):
    question = "How many people were getting the coastal allowance when it was first introduced?"
    q = analyse(question)
    answer = assistant.answer(question)

    assert "52,000" in answer.citations[0].quote, answer.text  # it leads
    assert fills_slot(q.slot, "The number of recipients was only 52,000 when the programme was introduced.", q)
    assert not fills_slot(q.slot, "It reached 52,000 in 2001, ten years after the first 20 schools opened.", q)


def test_during_which_period_is_answered_with_the_dates(assistant):
    question = "Hatiya upazila: during which period could Blue Card holders apply online for the coastal allowance?"
    answer = assistant.answer(question)

    assert analyse(question).slot == "date"
    assert "1 March 2024 to 31 March 2024" in answer.text, answer.text


def test_list_the_four_x_brings_the_items_listed_not_the_sentences_that_mention_them(assistant):
    answer = assistant.answer("List the four coastal clusters of the coastal strategy.")

    assert all(
        name in answer.text
        for name in ("Fisheries Livelihood", "Cyclone Shelter", "Embankment Works", "Island Schooling")
    ), answer.text
    assert analyse("Name the five NSSS thematic clusters.").list_head == ("cluster",)


def test_how_a_report_is_structured_is_answered_part_by_part(assistant):
    answer = assistant.answer("How is the 2024 progress report of the coastal action plan structured?")

    assert all(f"Part {n}" in answer.text for n in (1, 2, 3)), answer.text


def test_a_lead_that_points_back_brings_the_sentence_it_points_to(assistant):
    answer = assistant.answer(
        "What crisis pushed the government to start its big workfare programme for char dwellers?"
    )

    assert "river erosion crisis of 2010" in answer.text, answer.text


def test_an_age_asked_for_is_a_number_of_years():
    q = analyse("To include more women in the old age allowance, what was the women's age limit cut to?")

    assert fills_slot(q.slot, "The age of women has been reduced from 65 years to 62 years.", q)
    assert not fills_slot(q.slot, "The government would bring three programmes, including the old age allowance.", q)
    # the "age" of "old age allowance" names the programme: a monthly rate is no age
    rate = analyse("The old age allowance started at what monthly rate?")
    assert fills_slot(rate.slot, "It started at 100 taka per month.", rate)
