"""Bangla follow-ups over English reports: a year is no subject, and the topic is found in the report's words.
Real model, real Chroma, over two upazila pages on one allowance (as the web corpus has) and a page on another."""

import pytest
from conftest import ask_in_turn, cited, ingested_documents
from nsss.assistant import open_assistant

DOCS = {
    "upazila-a-old-age-allowance.md": """# Old Age Allowance, Upazila Social Services Office A

The Old Age Allowance programme was introduced in the financial year 1997-98. Initially 10 poor elderly people in each
ward of every Union Parishad were brought under the allowance of Tk 100 per month. In the fiscal year 2023-24 the
allowance is Tk 600 per month, and 58.01 lakh elderly people receive it.
""",
    "upazila-b-old-age-allowance.md": """# Old Age Allowance, Upazila Social Services Office B

The Old Age Allowance is paid to elderly people through mobile accounts under the G2P system. The total allocation for
the old age allowance programme in the financial year 2022-23 was Tk 3444.54 crore.
""",
    "fishers-rice.md": """# Rice for fishing households

During the ban on hilsa fishing, registered fishing households receive 40 kg of rice a month. The total allocation
for the rice support in the financial year 2022-23 was Tk 310 crore.
""",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over the corpus above."""
    return open_assistant(ingested_documents(tmp_path_factory, "bangla-followup", DOCS), use_llm=False)


def test_a_follow_up_naming_only_a_year_stays_with_its_programme(assistant):
    """ "২০২৩-২৪ অর্থবছরে মাসে কত দেয়?" (in 2023-24, how much is given a month?) after a question on the old age
    allowance names only a year and what is asked: it is that allowance's amount in 2023-24."""
    _, monthly = ask_in_turn(assistant, "বয়স্ক ভাতা কোন অর্থবছরে চালু হয়?", "২০২৩-২৪ অর্থবছরে মাসে কত দেয়?")

    assert monthly.followup and cited(monthly) == {"upazila-a-old-age-allowance.md"}, monthly.text
    assert "600" in monthly.text


def test_a_follow_up_answered_in_another_english_report_is_found_by_its_topics_english_name(assistant):
    """The allocation asked in a third turn stands in the other upazila's page, not the one the conversation was on.
    That page names the topic in English ("old age allowance"), so the wider search's answer is taken: the topic's
    Bangla words are read in the report's language. The fishers' allocation of the same year is not the answer."""
    *_, allocation = ask_in_turn(
        assistant,
        "বয়স্ক ভাতা কোন অর্থবছরে চালু হয়?",
        "২০২৩-২৪ অর্থবছরে মাসে কত দেয়?",
        "আর ২০২২-২৩ সালে এই কর্মসূচিতে মোট বরাদ্দ কত ছিল?",
    )

    assert allocation.followup and not allocation.abstained, allocation.text
    assert cited(allocation) == {"upazila-b-old-age-allowance.md"} and "3444.54" in allocation.text, allocation.text


def test_a_bangla_word_the_glossary_reads_as_an_asking_names_no_subject():
    """What the glossary gives in English for অনুষ্ঠিত ("held"), বরাদ্দ ("allocation") or বয়স ("age") names no subject
    in an English question, so the Bangla word names none either: "কমিটির প্রথম সভা কবে অনুষ্ঠিত হয়?" (when was the
    committee's first meeting held?) asks about the committee of the turn before, as its English form would."""
    from nsss.assistant.conversation import names_subject, points_back
    from nsss.assistant.question import analyse

    assert not names_subject(analyse("কমিটির প্রথম সভা কবে অনুষ্ঠিত হয়?"))
    assert not names_subject(analyse("When was the committee's first meeting held?"))
    assert not names_subject(analyse("মোট বরাদ্দ কত ছিল?"))
    # a word the glossary reads as a thing still names one
    assert names_subject(analyse("বয়স্ক ভাতার মোট বরাদ্দ কত ছিল?"))
    assert names_subject(analyse("ঢাকায় সভা কবে অনুষ্ঠিত হয়?"))
    # ... and such a word may still be what a pointer after it stands for: "কর্মপরিকল্পনা-২ এর" is "of Action Plan 2"
    assert not points_back(analyse("কর্মপরিকল্পনা-২ এর অগ্রগতি প্রতিবেদনে কী কী সুপারিশ আছে?"))


def test_a_follow_up_asking_only_an_allocation_stays_with_its_programme(assistant):
    """ "মোট বরাদ্দ কত ছিল?" (what was the total allocation?) after a question on the old age allowance asks that
    allowance's allocation, not the rice support's."""
    _, allocation = ask_in_turn(assistant, "বয়স্ক ভাতা কোন অর্থবছরে চালু হয়?", "মোট বরাদ্দ কত ছিল?")

    assert allocation.followup, allocation.text
    assert "3444.54" in allocation.text and "310" not in allocation.text, allocation.text
