"""A Bangla word the readings look for is a word of its own, not the end or the start of a longer one: the month "মে"
(May) is not in "মাধ্যমে" (through), "গ্রামের" (of the village) or "সম্মেলন" (conference), and the question word "কে"
(who) is not in "থেকে" (from), nor "কবে" (when) in "থাকবে" (will be). Python's `\\b` cannot say this: a Bangla vowel
sign or virama is no word character to it."""

import pytest
from nsss.assistant.conversation import asks_its_own
from nsss.assistant.question import analyse
from nsss.assistant.scoring import fills_slot


@pytest.mark.parametrize(
    "sentence",
    [
        "সম্মেলনের মাধ্যমে গ্রামের মানুষের কাছে ভাতা পৌঁছানো হবে।",  # through the conference, to the village's people
        "এই স্কিমে প্রবাসী কর্মীরা যোগ দিতে পারবেন।",  # expatriate workers may join this scheme
        "কর্মসূচির আওতায় গার্মেন্টস কারখানার শ্রমিকেরা সুবিধা পাবেন।",
    ],
)
def test_a_bangla_sentence_without_a_date_does_not_say_when(sentence):
    assert not fills_slot("date", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "সম্মেলনটি মে মাসে ঢাকায় অনুষ্ঠিত হয়।",
        "কর্মশালাটি মার্চে শুরু হয়।",
        "জুনের শেষে প্রতিবেদনটি প্রকাশিত হয়।",
    ],
)
def test_a_bangla_month_of_its_own_says_when(sentence):
    assert fills_slot("date", sentence)


@pytest.mark.parametrize(
    ("question", "own"),
    [
        # "and the Central Management Committee?": the earlier question, asked of the committee
        ("আর কেন্দ্রীয় ব্যবস্থাপনা কমিটি?", False),
        ("আর ঢাকা থেকে?", False),  # "and from Dhaka?"
        ("আর এটার প্রধান কে?", True),  # "and who heads it?" asks its own
        ("আর কতজন পায়?", True),
    ],
)
def test_what_about_asks_its_own_only_with_a_bangla_question_word_of_its_own(question, own):
    assert asks_its_own(analyse(question)) is own


@pytest.mark.parametrize(
    ("question", "slot"),
    [
        ("সভাপতি কে থাকবেন?", "person"),  # "who will chair?": "থাকবেন" (will be) holds কবে (when)
        ("প্রকল্পটা শেষ হইবো কবে?", "date"),
        ("কখন শুরু হয়?", "date"),
    ],
)
def test_bangla_when_is_a_word_of_its_own(question, slot):
    assert analyse(question).slot == slot
