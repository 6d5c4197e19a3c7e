"""Questions in everyday words the documents do not use: what is asked read from those words ("what does it come
to in dollars?", "who gets...?"), a Bangla number in words, an amount written against its currency ("BDT25"), and an amount
asked in other words than the sentence that holds it. Real model, real Chroma in tmp_path."""

import pytest
from conftest import ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.question import analyse
from nsss.assistant.scoring import fills_slot

# A programme told in many sentences that share the question's words, and the one amount a worker keeps, in the
# document's own words.
WORKFARE = (
    "# The river island workfare programme\n\n"
    "The river island workfare programme gives the poorest households of the river islands paid work in each "
    "lean season. "
    "The river island workfare programme was set up in 2012 after the floods of that year. "
    "The river island workfare programme now reaches 300,000 households in nine districts. "
    "Workers of the river island workfare programme build embankments, raised plinths and village roads. "
    "Each worker of the programme is chosen by the union committee from the poorest households. "
    "Every river island worker is paid through a bank account opened for the programme. "
    "The bank sends each worker a message on the day the pay arrives. "
    "Island workers said the bank branch was a day's walk from the river. "
    "A worker on the river island of Chilmari said the pay for each day was late last year. "
    "Money for the river island workers comes from the revenue budget. "
    "Workers leave their villages each day to reach the river embankment sites. "
    "Many river island workers had never had a bank account before. "
    "Women are a third of the river island workers. "
    "Each day the river island workers sign a muster roll. "
    "Wages are deposited weekly; out of the daily rate, BDT30 is retained in the beneficiary's account as a "
    "deposit that can be withdrawn at a later date. "
    "The programme is run by the Ministry of Disaster Management and Relief.\n"
)
# Another document on the same programme.
NEWS = (
    "# Workfare reaches more island families\n\n"
    "More island families will find paid work this lean season as the river island workfare programme grows, the "
    "minister said on Sunday.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    documents = {"workfare.md": WORKFARE, "news.md": NEWS}
    return open_assistant(ingested_documents(tmp_path_factory, "paraphrase", documents), use_llm=False)


@pytest.mark.parametrize(
    ("question", "slot"),
    [
        ("Roughly what does the old age allowance come to in dollars?", "amount"),
        ("What is the monthly widow allowance in taka?", "amount"),
        ("Who actually gets a pension in Bangladesh today?", "any"),
        # (who may take part: the criteria, listed, eval/RESULTS.md session 34: EL)
        ("Who is eligible for the workfare programme?", "list"),
        # what the new readings must leave alone
        ("Who chaired the meeting?", "person"),
        ("কত সালে ভাতা চালু হয়?", "date"),
        ("প্রতি মাসে কত টাকা দেওয়া হয়?", "amount"),
    ],
)
def test_what_is_asked_is_read_from_everyday_words(question, slot):
    assert analyse(question).slot == slot


def test_a_currency_written_against_its_figure_is_an_amount():
    assert fills_slot("amount", "Out of the daily rate, BDT25 is retained in the account.")
    assert fills_slot("amount", "Each pupil gets Tk500 a year.")
    assert not fills_slot("amount", "The BDTX survey covered 25 districts.")


def test_a_bangla_number_in_words_is_a_count():
    assert fills_slot("number", "তিন দিনব্যাপী সম্মেলন ও মেলা")
    assert not fills_slot("number", "একটি সম্মেলন ও মেলা")


def test_an_amount_asked_in_other_words_is_quoted_from_the_sentence_that_holds_it(assistant):
    answer = assistant.answer("How much money does a river island worker leave behind in the bank from each day's pay?")
    assert not answer.abstained
    assert "BDT30" in answer.text
    assert any("BDT30" in c.quote and c.source.endswith("workfare.md") for c in answer.citations)
