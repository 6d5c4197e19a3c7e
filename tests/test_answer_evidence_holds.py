"""What the evidence must hold before it answers, and what an answer takes in so that it answers all it is asked:

- a question asking for one definite kind of thing (a count, a date) is declined when the quote holds none of it;
- a question asking for a counted set ("Which eight upazilas...?") is declined when the documents only count it;
- a question naming a place by its kind ("in Lalmonirhat district") is declined when the figure found is the
  country's, not that place's;
- the other part of a question asking two things ("..., and what is it meant to fix?") is answered by the sentence
  that goes on from the first part's;
- a question setting two sources side by side is answered from each;
- a follow-up whose pronoun follows what it asks ("Which programmes would be brought under it?") leans on the turn
  before, and a news page's headline lines are no list of anything.

Real model, real Chroma, real documents of the web corpus; the question-side checks on their own below them."""

import pytest
from conftest import ask_in_turn, ingested_documents
from nsss.assistant import open_assistant
from nsss.assistant.answerability import count_unlisted, named_terms
from nsss.assistant.conversation import points_back
from nsss.assistant.question import analyse, comparison_sides
from nsss.index.lexical import tokenize

DOCUMENTS = (
    "fe-dynamic-social-registry.md",
    "sp-gov-bd-urban-poverty-2025.md",
    "dailyasianage-bkash-allowances-2021.md",
    "worldbank-egpp-results-2014.md",
    "socialprotection-org-egpp.md",
    "ilo-employment-injury-scheme-pilot.md",
    "tbsnews-employment-injury-scheme.md",
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, web_corpus, embedder):
    documents = {name: (web_corpus / name).read_text(encoding="utf-8") for name in DOCUMENTS}
    return open_assistant(ingested_documents(tmp_path_factory, "evidence-holds", documents), use_llm=False)


def sources(answer) -> set[str]:
    return {c.source.rsplit("/", 1)[-1] for c in answer.citations}


# Declined: the evidence lacks what is asked ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "How many households were surveyed in HIES 2022?",  # the paper draws on HIES 2022; no count of households
        "Which eight upazilas were chosen for the dynamic social registry pilot?",  # "some eight upazilas": none named
        "ডায়নামিক সোশ্যাল রেজিস্ট্রির পাইলটে কোন আটটি উপজেলা বাছাই করা হয়েছে?",
        "How many beneficiaries in Lalmonirhat district receive their allowances through bKash?",  # the country's 2m
    ],
)
def test_evidence_without_what_is_asked_is_declined(assistant, question):
    answer = assistant.answer(question)
    assert answer.abstained, answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Which survey does the 2025 urban poverty paper draw on?", "Household Income and Expenditure Survey"),
        ("Which three programmes would the government bring under the dynamic social registry?", "widow allowance"),
        ("How many beneficiaries in 24 districts will receive allowances through bKash?", "2 million"),
    ],
)
def test_the_same_evidence_still_answers_what_it_holds(assistant, question, said):
    answer = assistant.answer(question)
    assert not answer.abstained and said in answer.text, answer.text


# Answered in full: the sentence that goes on, and each side of a comparison -----------------------------------------


def test_the_other_part_of_a_two_part_question_is_answered_by_the_sentence_that_goes_on(assistant):
    answer = assistant.answer(
        "What is the 'dynamic social registry' the interim government plans to introduce, and what is it meant to fix?"
    )
    assert not answer.abstained, answer.text
    assert "real-time applications" in answer.text and "fraudulent" in answer.text, answer.text


def test_a_comparison_of_two_sources_is_answered_from_each(assistant):
    answer = assistant.answer(
        "How does the World Bank's 2014 figure on women's participation in EGPP compare with the women's quota "
        "described on socialprotection.org?"
    )
    assert not answer.abstained, answer.text
    assert {"worldbank-egpp-results-2014.md", "socialprotection-org-egpp.md"} <= sources(answer), answer.text
    assert "33%" in answer.text and "30%" in answer.text, answer.text


# Follow-ups ------------------------------------------------------------------------------------------------------


def test_a_pronoun_after_what_is_asked_points_back_and_a_headline_lists_nothing(assistant):
    _, brought = ask_in_turn(
        assistant,
        "I keep hearing about a 'dynamic social registry'. What is it meant to do?",
        "Which programmes would be brought under it first?",
    )
    assert brought.followup and sources(brought) == {"fe-dynamic-social-registry.md"}, brought.text
    assert "Dynamic selection process in the offing" not in brought.text, brought.text


# The question-side checks on their own ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "back"),
    [
        ("Which programmes would be brought under it first?", True),  # "Which programmes" is asked, not "it"
        ("How large is the pilot, and who is driving it?", True),  # "the pilot" says not which
        ("Which donors supported it?", True),
        ("Which partners are funding or supporting the pilot besides the ILO?", True),  # the ILO is set aside
        ("What is the allowance and who gets it?", False),  # "it" is the allowance
        ("Who chaired the focal point meeting in June 2022?", False),
        # Nor what joins it to the turn before, a word that names nothing, a request or a count asked (i49pb)
        ("And which foreign partners backed the pilot?", True),
        ("Who ran the event, and who welcomed everyone?", True),  # "ran" names nothing "the event" could be
        ("Summarise its main terms of reference.", True),
        ("Can you tell me about its budget?", True),
        ("But summarise its main terms of reference.", True),  # any joining word before a request (session 50, JO)
        ("Well, list its members.", True),
        ("How many people and how many districts did it cover?", True),  # a count is not what "it" stands for
        ("How many people did the allowance reach, and how much did it pay?", False),  # "it" is the allowance
        ("Which cluster met first, and which ministries were in it?", False),  # what an earlier clause asks may be
    ],
)
def test_what_a_question_asks_is_never_its_pronouns_antecedent(question, back):
    assert points_back(analyse(question)) is back


def test_a_counted_set_must_be_named_not_only_counted():
    eight = analyse("Which eight upazilas were chosen for the pilot?")
    assert eight.items == 8
    assert count_unlisted(eight, ["Under a pilot programme, some eight upazilas will be selected."], section=False)
    three = analyse("Which three programmes would be brought under it?")
    listed = "It would bring old-age allowance, widow allowance and disability allowance under it."
    assert not count_unlisted(three, [listed], section=False)
    items = ["Social Allowance", "Food Security", "Social Insurance", "Labour", "Human Development"]
    assert not count_unlisted(analyse("Into which five thematic clusters were they grouped?"), items, section=True)
    assert analyse("Which ministry chairs it?").items == 0 and analyse("Which 2019 report said so?").items == 0


@pytest.mark.parametrize(
    "question, items",
    [
        ("ডিএসআর পাইলটের জন্য যে আটটি উপজেলা বাছাই করা হবে, সেগুলোর নাম কী?", 8),
        ("DSR পাইলটে যেই আটখান উপজেলা ধরব, ওইগুলার নাম কী?", 8),  # as spoken
        ("বিকাশে ভাতা দেওনের ২৪টা জেলার নাম কী কী?", 24),
        ("কয়টি স্কিমের নাম কী?", 0),  # how many: a count asked, not names
    ],
)
def test_the_names_of_a_counted_set_asked_in_bangla_must_be_named(question, items):
    asked = analyse(question)
    assert asked.items == items
    if items:
        assert count_unlisted(asked, ["Under a pilot programme, some eight upazilas will be selected."], section=False)


def test_a_place_named_by_its_kind_is_a_constraint():
    assert named_terms(analyse("How many people in Lalmonirhat district get it?")) == ["lalmonirhat"]
    assert named_terms(analyse("বগুড়া জেলায় মোট কতজন প্রতিবন্ধী ভাতা পান?")) == ["বগুড়া"]
    assert named_terms(analyse("Who chairs the District Monitoring Committee?")) == []


@pytest.mark.parametrize(
    "question",
    [
        "দেশে পৌরসভা কয়টা হইছে এখন?",  # the country's municipalities
        "একেক ওয়ার্ডে কয়জন পাইত?",  # in each ward
        "ডিএসআর পাইলটের জন্য যে আটটি উপজেলা বাছাই করা হবে, সেগুলোর নাম কী?",  # eight upazilas
        "কোন আটটা উপজেলা, নাম কইছে?",
        "মন্ত্রিপরিষদ বিভাগের ২০১৯ সালের গবেষণার উদ্দেশ্যগুলো কী ছিল?",  # the Cabinet Division, a ministry's
    ],
)
def test_a_bangla_word_before_a_places_kind_that_names_none_is_no_constraint(question):
    assert named_terms(analyse(question)) == []


def test_a_bangla_division_is_a_place_only_when_it_is_one_of_the_countrys_eight():
    assert named_terms(analyse("রংপুর বিভাগে কতজন ভাতা পান?")) == tokenize("রংপুর")


def test_a_comparison_is_read_one_side_at_a_time():
    sides = comparison_sides("How has EGPP reach changed between the World Bank's 2014 story and FY 2021-22?")
    assert sides == ["EGPP reach the World Bank's 2014 story", "EGPP reach FY 2021-22"]
    assert comparison_sides("What is the link between ministries and agencies?") == []  # no time, no source
    assert comparison_sides("Who chaired the meeting?") == []
