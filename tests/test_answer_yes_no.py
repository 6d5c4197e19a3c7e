"""A yes-or-no question is answered by the sentence that settles it (a denial, a limit, a share), not by one that only
names its topic; a denial brings the sentence that says what instead. Real model, real Chroma in tmp_path."""

import pytest
from conftest import ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.question import analyse

# The strategy's island chapter: sentences on island poverty, one that says the strategy gives no guidelines for it.
ISLANDS = (
    "# The coastal strategy and the island poor\n\n"
    "While the islands drive the fishing economy, they also concentrate poverty, with many island poor living in "
    "crowded settlements, working in informal jobs and lacking access to essential services. "
    "Island poverty, being distinct from mainland poverty in many ways, requires customised programmes. "
    "It is only in recent years that the Coastal Social Protection Strategy has aimed to extend support to the "
    "island poor by proposing fishing allowances and school stipends to both island and mainland unions.\n\n"
    "Research shows that the life of the island poor is normally worse than that of the mainland poor. "
    "However, the Coastal Social Protection Strategy does not provide any specific guidelines regarding the "
    "detailed actions for tackling island problems. "
    "The strategy leaves the matter to further studies and situation analysis.\n"
)
# Coverage on the islands and the mainland: sentences on island hardship, one that gives the two shares.
COVERAGE = (
    "# Bringing the island poor under the coastal allowance\n\n"
    "Even though income poverty is much lower on the mainland, people on the islands face emerging "
    "vulnerabilities: storms, housing, tenancy rights, health and sanitation. "
    "While efforts to increase the coverage of the mainland poor will continue, the Government is also mindful of "
    "the need to bring more of the people living on the islands under the coastal allowance. "
    "To date, the allowance system has been aligned mainly to the needs of the mainland: while 40 percent of "
    "mainland households benefit from it, the system reaches only 8 percent of island households.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over two short documents on the island poor."""
    documents = {"islands.md": ISLANDS, "coverage.md": COVERAGE}
    return open_assistant(ingested_documents(tmp_path_factory, "yesno", documents), use_llm=False)


def test_a_yes_or_no_question_is_read_as_one_in_english_and_bangla():
    asking = [
        "Is there a cap on how many children per mother?",
        "Does the strategy say exactly what to do about poor people in cities?",
        "In 2023, was the EGPP budget raised?",
        "did mothers still have to use health services to get paid once covid hit?",
        "২০২৩ সালে ইজিপিপির বাজেট কি বাড়ানো হয়েছিল?",
        "সরকার কি সবাইকে ভাতা দেবে?",
    ]
    not_asking = [
        "Can you tell me what the Jawtno programme is and how many women it supported?",
        "Do you know who chaired the meeting?",
        "What is the monthly old age allowance?",
        "Who chaired it, and was it held in Dhaka?",
        "সর্বজনীন পেনশনের প্রগতি স্কিমটা কাদের জন্য?",
        "সিএমসির সভাপতি কে?",
        "ভাতা কি কতজন পায়?",  # "কি" with a question word asks for a number
    ]
    assert all(analyse(q).yes_no for q in asking), [q for q in asking if not analyse(q).yes_no]
    assert not any(analyse(q).yes_no for q in not_asking), [q for q in not_asking if analyse(q).yes_no]


def test_a_denial_settles_the_question_and_brings_what_is_done_instead(assistant):
    answer = assistant.answer("Does the coastal strategy actually spell out what to do about poverty on the islands?")

    assert not answer.abstained, answer.text
    assert answer.citations[0].quote.startswith("However, the Coastal Social Protection Strategy does not"), answer.text
    assert "further studies" in answer.text, answer.text


def test_a_share_settles_the_question_over_a_sentence_on_the_topic(assistant):
    answer = assistant.answer("Do people on the islands get the coastal allowance as much as people on the mainland?")

    assert not answer.abstained, answer.text
    assert "only 8 percent" in answer.citations[0].quote, answer.text
