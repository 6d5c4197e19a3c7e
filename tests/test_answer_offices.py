"""Who holds a role, when the documents name an office rather than a person ("headed by the Cabinet Secretary"),
and Bangla titles and initials that end in a full stop ("ড.", "এ. কে.") inside one sentence. Real model, real
Chroma in tmp_path."""

import pytest
from conftest import ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.scoring import has_person
from nsss.core.text import split_sentences

# The registry's committee is headed by an office; the sentences around it name the registry and a person who is not
# its head.
REGISTRY = (
    "# Government to introduce a dynamic coastal registry\n\n"
    'The government is going to introduce a "dynamic coastal registry (DCR)" system to receive real-time '
    "applications for support from coastal households. "
    "Under a pilot programme, some six unions will be selected for the DCR system, said Mr. Abdul Karim, a consultant "
    "to the DCR project. "
    "A 12-member committee, headed by the Land Secretary, is working to introduce it soon, an official said.\n"
)
# A Bangla news item: the chief guest's title is abbreviated "ড.", and the welcome speech is given by an office
# holder with initials.
LAUNCH_BN = (
    "# চর ভাতা কর্মপরিকল্পনার উদ্বোধন\n\n"
    "ঢাকা, ২ নভেম্বর : ভূমি মন্ত্রণালয় রোববার চর ভাতা কর্মপরিকল্পনার উদ্বোধন করবে। "
    "জাতীয় সংসদের ডেপুটি স্পিকার ড. নাসরিন আক্তার বানু উদ্বোধনী অনুষ্ঠানে প্রধান অতিথি হিসেবে উপস্থিত থাকবেন। "
    "অনুষ্ঠানে স্বাগত বক্তব্য রাখবেন ভূমি মন্ত্রণালয়ের অতিরিক্ত সচিব এ. কে. রফিকুল হাসান। "
    "কর্মপরিকল্পনা অনুযায়ী চরের দুই লাখ পরিবার ভাতা পাবে।\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    settings = ingested_documents(
        tmp_path_factory, "offices", {"coastal-registry.md": REGISTRY, "char-launch-bn.md": LAUNCH_BN}
    )
    return open_assistant(settings, use_llm=False)


def test_who_heads_is_answered_by_the_office_that_heads(assistant):
    answer = assistant.answer("Who heads the DCR committee?")
    assert not answer.abstained
    lead = answer.citations[0].quote
    assert "headed by the Land Secretary" in lead and "Abdul Karim" not in lead


def test_a_bangla_title_with_a_full_stop_stays_in_its_sentence(assistant):
    answer = assistant.answer("উদ্বোধনী অনুষ্ঠানে প্রধান অতিথি কে ছিলেন?")
    assert not answer.abstained
    lead = answer.citations[0].quote
    assert "ড. নাসরিন আক্তার বানু" in lead and "প্রধান অতিথি" in lead


def test_bangla_initials_and_english_titles_do_not_end_a_sentence():
    text = LAUNCH_BN.split("\n\n", 1)[1]
    said = [text[a:b] for a, b in split_sentences(text)]
    assert len(said) == 4
    assert said[2].endswith("এ. কে. রফিকুল হাসান।")
    english = "The meeting was chaired by Mr. Md. Kamal Hossain. It closed at noon."
    assert [english[a:b] for a, b in split_sentences(english)][1] == "It closed at noon."


@pytest.mark.parametrize(
    ("text", "names_a_person"),
    [
        ("Published: Prothom Alo", False),  # a newspaper, not its writer
        ("Published: Prothom Alo\n\nBy Mohammad Shafiul Alam", True),
        ("headed by the Cabinet Secretary", True),
        ("The Hall of Fame", False),
    ],
)
def test_a_newspaper_named_as_the_publisher_is_not_a_person(text, names_a_person):
    assert has_person(text) is names_a_person
