"""A Bangla "how many" question over English reports is answered by a number of what it counts, not by any number near
the topic. Real model, real Chroma, over a report that counts districts and a conference report that counts no one."""

import pytest
from conftest import cited, ingested_documents
from nsss.assistant import open_assistant

DOCS = {
    "g2p-pilot.md": """# Allowances through mobile accounts

In January 2021 the Ministry of Social Welfare began paying allowances through mobile accounts under the G2P system.
The pilot covers 24 districts, and the allowance is paid every three months.
""",
    "national-conference-2025.md": """# National Conference on Social Protection 2025

Bangladesh has launched the three-day National Conference on Social Protection 2025 at the Bangladesh-China Friendship
Conference Centre in Dhaka. Participants included secretaries of the ministries, development partners and scholars.
The conference discussed inclusive allowances and the design of a social insurance scheme.
""",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over the corpus above."""
    return open_assistant(ingested_documents(tmp_path_factory, "bangla-counts", DOCS), use_llm=False)


def test_a_count_of_districts_is_answered_by_the_number_of_districts(assistant):
    """ "জিটুপি পাইলটে কয়টি জেলায় ভাতা দেওয়া হয়?" (in how many districts does the G2P pilot pay?): "The pilot covers
    24 districts"."""
    answer = assistant.answer("জিটুপি পাইলটে কয়টি জেলায় ভাতা দেওয়া হয়?")

    assert not answer.abstained and cited(answer) == {"g2p-pilot.md"}, answer.text
    assert "24 districts" in answer.text


def test_a_count_the_report_does_not_give_is_declined_not_answered_with_another_number(assistant):
    """ "২০২৫ সালের জাতীয় সামাজিক সুরক্ষা সম্মেলনে মোট কতজন অংশগ্রহণকারী উপস্থিত ছিলেন?": the 2025 report names the
    participants but not how many; its only number is the conference's three days, which counts no participant."""
    answer = assistant.answer("২০২৫ সালের জাতীয় সামাজিক সুরক্ষা সম্মেলনে মোট কতজন অংশগ্রহণকারী উপস্থিত ছিলেন?")

    assert answer.abstained, answer.text


def test_a_count_of_a_thing_no_document_names_is_declined(assistant):
    """ "২০২৫ সালের জাতীয় সম্মেলনে কয়টি স্টল ছিল?" (how many stalls?): no document names a stall, so no number in
    them counts one."""
    answer = assistant.answer("২০২৫ সালের জাতীয় সামাজিক সুরক্ষা সম্মেলনে কয়টি স্টল ছিল?")

    assert answer.abstained, answer.text


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("কতজন অংশগ্রহণকারী উপস্থিত ছিলেন?", {"peopl", "অংশগ্রহণকারী"}),  # "জন" counts persons
        ("পর্যালোচনাটি কতটি মূল মূল্যায়ন প্রশ্নের (KEQ) উত্তর দেবে?", {"প্রশ্ন", "keq"}),  # the phrase to its noun
        ("শিওরক্যাশ এজেন্ট দেশে মোট কয়জন আছে?", {"এজেন্ট"}),  # nothing follows: the words before
        ("২০২২ সালে দেশে মোট পৌরসভা কয়টা?", {"পৌরসভা"}),
        ("দেশে পৌরসভা কয়টা হইছে এখন?", {"পৌরসভা"}),  # only a verb and "now" follow: the words before
        ("আর এফজিডি কয়টা হইছিল?", {"এফজিডি"}),
        ("পয়লা দিন কয়টা স্কিম খুলছিল?", {"স্কিম"}),  # the noun that follows, not the verb after it
        # no classifier: the word after the count word, when the glossary names it in English
        ("কর্মপরিকল্পনার বইটা কত কপি ছাপা হয়েছিল?", {"কপি"}),
        ("পাইলট কত জেলায় চালু হইছে?", {"জেলা"}),
    ],
)
def test_what_a_bangla_count_counts_is_read_from_the_question(question, counted):
    from nsss.assistant.question import analyse

    assert counted <= set(analyse(question).counted)


@pytest.mark.parametrize(
    ("question", "not_counted"),
    [
        ("দেশে পৌরসভা কয়টা হইছে এখন?", {"হইছ", "এখন"}),
        ("এক মায়ে কয়টা বাচ্চার লাইগা পাইবো?", {"লাইগা", "পাইবো", "পাইব"}),
        ("মেলায় কয়টি স্টল ছিল?", {"মেলা"}),  # a noun follows: the fair before it is not what is counted
    ],
)
def test_a_bangla_counts_verbs_are_not_what_it_counts(question, not_counted):
    from nsss.assistant.question import analyse

    assert not not_counted & set(analyse(question).counted)


@pytest.mark.parametrize(
    ("question", "slot"),
    [
        ("কর্মপরিকল্পনার বইটা কত কপি ছাপা হয়েছিল?", "number"),  # how many copies: a count
        ("কত টাকা দেওয়া হয়?", "amount"),  # a sum, not a count of taka
        ("২০০৯-১০ সালে টাকা কত বাড়ানো হইছিল?", "amount"),  # a sum of taka; a verb's noun (raising) is not counted
        ("কত মানুষ বয়স্ক ভাতা পায়?", "any"),  # people: any number of them answers
    ],
)
def test_a_count_word_with_no_classifier_counts_a_thing_not_a_sum_a_verb_or_people(question, slot):
    from nsss.assistant.question import analyse

    q = analyse(question)
    assert q.slot == slot and (bool(q.counted) is (slot == "number")), (q.slot, q.counted)


@pytest.mark.parametrize(
    ("question", "slot"),
    [
        ("ভাতা পাইতে বয়স কত লাগে?", "number"),  # an age, as "How old must she be?"
        ("কয়ডা জেলায় চালু হইছে?", "number"),  # how many, in its spoken form
        ("কয়খান কিস্তিতে টাকা দেয়?", "number"),
        ("সভা কত তারিখে হয়েছিল?", "date"),  # a slot the patterns read stays theirs
    ],
)
def test_the_noun_beside_kato_says_whether_a_bangla_question_asks_a_sum_or_a_number(question, slot):
    """A Bangla question with কত and no other word for what it asks reads it from the noun beside কত by that noun's
    English form, as the English question would ("বয়স কত": an age); a spoken count word (কয়ডা, কয়খান)
    asks how many."""
    from nsss.assistant.question import analyse

    assert analyse(question).slot == slot


def test_a_count_of_copies_no_document_gives_is_declined(web_store):
    """The Action Plan 2016-2021's pages give no print run (the NSSS 2015's front matter does): a count word with no
    classifier ("কত কপি") was read as asking for any number, and the plan's "35 line ministries" answered it."""
    answer = open_assistant(web_store, use_llm=False).answer("এনএসএসএস কর্মপরিকল্পনা ২০১৬-২০২১ কত কপি ছাপা হয়েছিল?")

    assert answer.abstained and answer.notice_kind != "off_subject", answer.text
