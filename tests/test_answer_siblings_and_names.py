"""A near miss often names the right topic and a sibling of what is asked: the district's committee for the
upazila's, the old age allowance for the widow allowance, the first meeting for the second, the chair for the member
secretary. And what looks like the kind of thing asked is not always it: a title in capitals is not a person's name
("Baseline Assessment and Way Forward"), a room's number is not a count, "multiple times" is not how often.
Real model, real Chroma for the answers; the checks on their own below them."""

import pytest
from conftest import ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.answerability import slot_missing
from nsss.assistant.question import analyse
from nsss.assistant.scoring import fills_slot, has_person, names_sibling

COMMITTEES = """# Committees on social security

With the objective of monitoring the social security activities at the district level, a District Monitoring
Committee on Social Security Programmes was formed in each district in 2010. It is a 22-member committee headed by
the Deputy Commissioners of the respective districts. The committee reviewed the draft guidelines multiple times
before they were approved.

It was decided at the first meeting of the Grievance Technical Committee, held on 31 December 2015, to map all
grievance mechanisms in the ministries.
"""

ALLOWANCE = """# Old age allowance in Khulna

In the financial year 2023-24, the old age allowance is paid at the rate of Tk 600 per person per month. The
allowance is paid through mobile financial services in every union.
"""

WORKSHOP = """# Dissemination workshop on the Action Plan Baseline Assessment and Way Forward

The Dissemination workshop on the NSSS Action Plan Baseline Assessment and Way Forward was held in October 2022 at
the Bangladesh-China Friendship Conference Centre. Venue: Meeting Room No. 22, Building No. 1, Cabinet Division.
Mr. Khandker Anwarul Islam, Cabinet Secretary, was the Chief Guest.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    documents = {"committees.md": COMMITTEES, "allowance.md": ALLOWANCE, "workshop.md": WORKSHOP}
    return open_assistant(ingested_documents(tmp_path_factory, "siblings", documents), use_llm=False)


@pytest.mark.parametrize(
    "question",
    [
        "How many members sit on the upazila social security committee?",  # the district's is given
        "উপজেলা সামাজিক নিরাপত্তা কমিটিতে কতজন সদস্য থাকেন?",
        "What is the monthly widow allowance in FY 2023-24?",  # the old age allowance's is given
        "When was the second meeting of the Grievance Technical Committee held?",  # the first one's is given
        "How often does the District Monitoring Committee meet?",  # "multiple times" says nothing of how often
        "Who chaired the dissemination workshop on the baseline assessment?",  # "Way Forward" is no one's name
        "How many officials attended the dissemination workshop?",  # "Room No. 22" counts nothing
    ],
)
def test_a_near_miss_naming_a_sibling_or_a_look_alike_is_declined(assistant, question):
    answer = assistant.answer(question)
    assert answer.abstained, answer.text


@pytest.mark.parametrize(
    "question, said",
    [
        ("How many members sit on the district monitoring committee?", "22-member"),
        ("What is the monthly old age allowance in FY 2023-24?", "Tk 600"),
        ("When was the first meeting of the Grievance Technical Committee held?", "31 December 2015"),
        ("Who heads the District Monitoring Committee?", "Deputy Commissioners"),
        ("Who was the chief guest at the dissemination workshop?", "Khandker Anwarul Islam"),
    ],
)
def test_the_same_questions_of_what_the_documents_say_are_answered(assistant, question, said):
    answer = assistant.answer(question)
    assert not answer.abstained and said in answer.text, answer.text


@pytest.mark.parametrize(
    "text, person",
    [
        ("the NSSS Action Plan Baseline Assessment and Way Forward", False),
        ('under the theme "A Journey Towards an Equitable Society"', False),
        ("at the Bangladesh-China Friendship Conference Centre", False),
        ("Venue: Meeting Room No. 22, Building No. 1, Cabinet Division", False),
        ("By Arju Afrin Kathy\nThe Labour and Livelihood Intervention Cluster", True),
        ("The session was moderated by Khaled Hasan.", True),
        ("headed by the Deputy Commissioners of the respective districts", True),  # an office, plural
    ],
)
def test_a_run_of_capitals_is_a_name_only_when_nothing_makes_it_a_title(text, person):
    assert has_person(text) is person


@pytest.mark.parametrize(
    "text, fills",
    [
        ("Venue: Meeting Room No. 22, Building No. 1", False),
        ("in line with ILO Convention, 1964 (No. 121)", False),
        ("A total of 39 ministries took part.", True),
    ],
)
def test_a_number_that_labels_is_not_a_count(text, fills):
    assert fills_slot("number", text, analyse("How many ministries took part?")) is fills


@pytest.mark.parametrize(
    "question, text, sibling",
    [
        ("How many members sit on the upazila committee?", "a 22-member committee headed by the districts' DCs", True),
        ("How many upazilas are in the district?", "The district has 8 upazilas.", False),
        (
            "What is the total allocation for the Child Benefit?",
            "The disability allowance allocation is Tk 2429 crore.",
            True,
        ),
        ("How much does MCBP pay?", "The mother and child benefit programme pays Tk 800.", False),
        ("When was the second meeting held?", "It was decided at the first meeting, held on 31 December 2015.", True),
        ("When did the second phase begin?", "First, the plan was revised. The second phase began in 2021.", False),
        # The second of two may be named by its place: "the latter".
        (
            "Until when is the second phase scheduled?",
            "the first phase from 2021 to 2022, and the latter phase until 2025",
            False,
        ),
        (
            "What was the allocation for FY 2023-24?",
            "The allocation in the financial year 2022-2023 is Tk 2429 crore.",
            True,
        ),
        (
            "What was the allocation for FY 2022-23?",
            "The allocation in the financial year 2022-2023 is Tk 2429 crore.",
            False,
        ),
        # A question asking for no kind of thing names a level in passing, not as what it asks of.
        ("Must she still queue at the upazila office for the allowance?", "It is paid in every union.", False),
    ],
)
def test_a_quote_on_a_sibling_of_what_is_asked(question, text, sibling):
    assert names_sibling(analyse(question), text) is sibling


def test_a_section_verb_is_found_after_a_long_subject():
    question = "What did the October 2022 dissemination workshop on the NSSS Action Plan Phase II baseline assessment recommend?"
    assert analyse(question).section == "recommendations"


@pytest.mark.parametrize(
    "question, missing",
    [
        ("Who is the member secretary of the District Monitoring Committee?", True),  # an office only a person holds
        ("Who heads the District Monitoring Committee?", False),
        ("Who leads the social allowance cluster?", False),  # a body may lead a cluster
    ],
)
def test_an_office_asked_is_not_filled_by_another_office_or_a_body(question, missing):
    quote = "It is a 22-member committee headed by the Deputy Commissioners of the respective districts."
    if "cluster" in question:
        quote = "The cluster is led by the Ministry of Social Welfare."
    assert slot_missing(analyse(question), quote) is missing


@pytest.mark.parametrize(
    "question, slot",
    [
        ("আর এটার টাকা কে পাবেন — মা না বাবা?", "any"),  # who receives it: a group, as "Who gets a pension?"
        ("বয়স্ক ভাতা কে পাওয়ার যোগ্য?", "list"),  # who is eligible: the criteria, listed (session 34: ELB)
        ("সভায় কে সভাপতিত্ব করেন?", "person"),  # who chaired: a person
    ],
)
def test_who_receives_asks_for_a_group_in_bangla_as_in_english(question, slot):
    assert analyse(question).slot == slot
