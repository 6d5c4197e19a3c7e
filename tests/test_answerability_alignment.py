"""Near misses are declined by how the quote lines up with what is asked, not by topic: a sum asked per month or per
year when the documents give it per day, a sum asked of a scheme they only name. The same questions asked of what the
documents do say are answered. Real model, real Chroma; the unit and kind checks on their own."""

import pytest
from conftest import ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.answerability import asked_short, slot_missing, unit_missing
from nsss.assistant.question import analyse

WORKFARE = """# Employment Generation Programme for the Poorest

The Employment Generation Programme for the Poorest (EGPP) offers up to 80 days of work a year to rural households
that own no land. Workers are paid BDT 400 per working day in the 2024 season. Wages are paid into each worker's bank
account every week. Half of the places are reserved for women.
"""

WORKSHOP = """# Workshop on the grievance redress system

The Cabinet Division held a workshop on the grievance redress system in Khulna in March 2021. Officials from twelve
ministries took part. The workshop reviewed how complaints are recorded, passed on and answered.
"""

PENSION = """# The universal pension scheme

The universal pension scheme has four schemes: Pragati for private employees, Surokkha for the self-employed, Samata
for people on low incomes and Prabashi for Bangladeshis working abroad. The Prime Minister launched the scheme in
August 2023. A subscriber to Samata pays Tk 500 a month, and the government adds the same amount.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    documents = {"workfare.md": WORKFARE, "workshop.md": WORKSHOP, "pension.md": PENSION}
    return open_assistant(ingested_documents(tmp_path_factory, "alignment", documents), use_llm=False)


@pytest.mark.parametrize(
    "question",
    [
        "How much is an EGPP worker paid per month?",  # the documents give a day's wage
        "What is the yearly wage of an EGPP worker?",
        "What is the monthly instalment for the Prabashi scheme?",  # they name the scheme, not what it costs
        "In which city was the universal pension scheme launched?",  # they say when, not where
        "Who chaired the workshop on the grievance redress system?",  # they name the body that held it, no chair
    ],
)
def test_a_near_miss_is_declined(assistant, question):
    answer = assistant.answer(question)
    assert answer.abstained, answer.text


@pytest.mark.parametrize(
    "question, said",
    [
        ("How much is an EGPP worker paid per working day?", "BDT 400"),
        ("When was the workshop on the grievance redress system held?", "March 2021"),
        ("How much does a Samata subscriber pay each month?", "Tk 500"),
    ],
)
def test_what_the_documents_say_is_answered(assistant, question, said):
    answer = assistant.answer(question)
    assert not answer.abstained and said in answer.text


@pytest.mark.parametrize(
    "question, kind",
    [
        ("On what date was the workshop held?", "day"),
        ("কর্মশালাটি কোন তারিখে হয়েছিল?", "day"),
        ("When was the workshop held?", ""),  # a month or a year answers "when"
        ("What is the monthly widow allowance rate in FY 2023-24?", "amount"),
        ("What does the strategy say about urban poverty?", ""),
        ("What role did she have at the launch of stipend payments?", ""),  # a role, of a launch about sums
        ("EGPP daily wage 2023?", "amount"),  # no "what": all of it asks
    ],
)
def test_the_words_say_what_is_asked_when_the_slot_says_less(question, kind):
    assert analyse(question).implied == kind


@pytest.mark.parametrize(
    "question, quote, missing",
    [
        ("How much is the wage per month?", "Workers are paid BDT 400 per working day.", True),
        ("How much is the wage per day?", "Workers are paid BDT 400 per working day.", False),
        ("What is the monthly benefit?", "It pays Tk 800 a month to each mother.", False),
        ("How much does it cost each year?", "It pays Tk 800 a month to each mother.", True),
        ("মাসে কত টাকা ভাতা দেওয়া হয়?", "প্রত্যেককে মাসিক ৫০০ টাকা দেওয়া হয়।", False),
        ("What share of the budget goes to it?", "It takes 2.5 percent of the budget.", False),
    ],
)
def test_a_unit_asked_must_be_in_the_quote(question, quote, missing):
    assert unit_missing(analyse(question), quote) is missing


@pytest.mark.parametrize(
    "question, quote, missing",
    [
        ("In which city was the scheme launched?", "The Prime Minister launched the scheme in August 2023.", True),
        ("Where was the workshop held?", "The Cabinet Division held a workshop in Khulna in March 2021.", False),
        ("How many members does the committee have?", "A tripartite committee oversees the pilot.", True),
        ("How many days of work does it offer?", "It offers up to 80 days of work a year.", False),
        ("When was the circular issued?", "The circular set up five thematic clusters.", True),
        # "who" may be answered by a body, but a person's part at an event (the chair) is played by a person
        ("Who formulated the NSSS?", "The General Economics Division of the Planning Commission formulated it.", False),
        ("Who chaired the workshop?", "The Cabinet Division held a workshop in Khulna in March 2021.", True),
        ("Who chaired the workshop?", "Mr. Md Shamsul Arefin, Secretary, chaired the workshop.", False),
        # a question asking two things may be answered in part; one asking for no definite kind is not judged here
        ("When was the workshop held, and who chaired it?", "The Cabinet Division held a workshop.", False),
        ("What does the strategy say about urban poverty?", "The NSSS leaves the matter to further studies.", False),
    ],
)
def test_a_definite_kind_asked_must_be_in_the_quote(question, quote, missing):
    assert slot_missing(analyse(question), quote) is missing


SCHEMES = "The scheme has four parts: Pragati for private employees, Samata for people on low incomes and Prabashi for expatriates."


@pytest.mark.parametrize(
    "question, quotes, short",
    [
        # the only sum quoted is a sibling's: Samata's instalment for Prabashi's
        (
            "What is the monthly instalment for the Prabashi scheme?",
            [SCHEMES, "A Samata subscriber pays Tk 500 a month."],
            True,
        ),
        # no quote holds a sum, nor the month asked ("10 years" is neither)
        (
            "What is the monthly instalment for the Prabashi scheme?",
            [SCHEMES, "Members pay instalments for 10 years."],
            True,
        ),
        # the sum stands in a quote of its own subject, not the lead: answered
        (
            "How much does a Samata subscriber pay each month?",
            [SCHEMES, "A Samata subscriber pays Tk 500 a month."],
            False,
        ),
        (
            "What monthly benefit does the MCBP pay?",
            ["The MCBP is the flagship programme for young children.", "It provides a monthly benefit of BDT 800."],
            False,
        ),
        # no unit asked and no sibling's sum: the model decides, not this veto
        ("What is the instalment for the Prabashi scheme?", [SCHEMES], False),
        ("When was the scheme launched?", [SCHEMES], False),  # not a sum or a count
        ("How many members does the committee have, and who chairs it?", [SCHEMES], False),  # two things asked
        # a count asked of one year, quoted only of others
        (
            "How many municipalities were there in 2022?",
            ["Municipalities rose to 329 in 2018, from only 64 in 1974."],
            True,
        ),
        ("২০২২ সালে দেশে পৌরসভার সংখ্যা কত?", ["Municipalities rose to 329 in 2018, from only 64 in 1974."], True),
        # the year asked in a later quote; a span that starts in another year may hold the year asked
        (
            "How much did EGPP pay for a day's work in 2017?",
            ["It paid BDT 16,000 a cycle as of 2021.", "It paid BDT 200 per working day in 2017."],
            False,
        ),
        ("How many people had EGPP reached by 2014?", ["Since 2008 it has given work to over 700,000 people."], False),
    ],
)
def test_a_sum_asked_must_be_quoted_of_its_own_subject(question, quotes, short):
    assert asked_short(analyse(question), quotes) is short
