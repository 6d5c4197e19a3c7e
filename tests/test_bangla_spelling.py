"""Bangla questions over English documents: English words spelt in Bangla letters, everyday words, glossary phrases."""

import pytest
from conftest import ingested_documents
from nsss.index.glossary import Glossary, default_glossary
from nsss.index.transliterate import SoundIndex, bangla_sounds, english_sounds

ARIFIN_DOC = """# Focal point meeting on the social security strategy

The meeting was chaired by Md Shamsul Arefin, Secretary, Coordination and Reforms, Cabinet Division. The focal
points of the ministries reported on the action plan of the National Social Security Strategy.
"""
OTHER_DOC = """# Secretaries of the divisions

Md Abdul Karim, Secretary, Finance Division, spoke on the budget. The Secretary of the Cabinet Division and the
Secretary of the Finance Division agreed that each division names a secretary to report on the strategy.
"""
FILLER = {
    f"note-{i}.md": f"# Field note {i}\n\nThe union parishad office in ward {i} kept its registers of births, "
    f"roads and markets up to date, and the village court heard {i + 3} land disputes this season."
    for i in range(6)
}


def test_english_words_spelt_in_bangla_letters_find_the_store_terms():
    sounds = SoundIndex(["reflect", "overview", "shamsul", "arefin", "factsheet", "pragati", "cost", "print", "scheme"])
    assert sounds.match("রিফ্লেক্টিভ") == ["reflect"], "a stem may lack the last sound of a long word"
    assert sounds.match("ওভারভিউ") == ["overview"]
    assert sounds.match("শামসুল") == ["shamsul"]
    assert sounds.match("আরেফিন") == ["arefin"]
    assert sounds.match("ফ্যাক্টশিট") == ["factsheet"]
    assert sounds.match("প্রগতি") == ["pragati"]
    assert sounds.match("স্কিম") == ["scheme"]
    assert sounds.match("কিস্তি") == [], "the first vowels differ: kisti is not cost"
    assert sounds.match("পর্যন্ত") == [], "paryanta is not print"
    assert sounds.match("উপদেষ্টা") == []


def test_sounds_are_written_the_same_way_on_both_sides():
    assert bangla_sounds("ফ্যাক্টশিট") == "FKTST"
    assert "FKTST" in english_sounds("factsheet")
    assert bangla_sounds("মাহমুদুল") == "MDL" and "MDL" in english_sounds("mahmudul"), "h is dropped, repeats merged"
    assert {"CLD", "KLD"} <= english_sounds("child"), "ch sounds either way"


def test_a_phrase_the_documents_never_write_does_not_hide_its_words():
    glossary = Glossary([("orientation workshop", "অবহিতকরণ কর্মশালা"), ("workshop", "কর্মশালা")])
    assert ("অবহিতকরণ কর্মশালা", "orientation workshop") in glossary.bridge("অবহিতকরণ কর্মশালা কোথায় হয়?")
    usable = glossary.bridge("অবহিতকরণ কর্মশালা কোথায় হয়?", usable=lambda term: term != "orientation workshop")
    assert ("কর্মশালা", "workshop") in usable


def test_everyday_words_bridge_bangla_questions_only(tmp_path):
    path = tmp_path / "glossary.tsv"
    path.write_text("old age allowance\tবয়স্ক ভাতা\nprogramme\tকর্মসূচি\tfrom-bangla\n", encoding="utf-8")
    glossary = Glossary.load(path)
    assert ("কর্মসূচি", "programme") in glossary.bridge("কর্মসূচির বাজেট কত?")
    assert glossary.bridge("What is the budget of the programme?") == []
    path.write_text("programme\tকর্মসূচি\tboth\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1: expected"):
        Glossary.load(path)

    shipped = default_glossary()
    bridged = [t for _, t in shipped.bridge("মায়ের হাসি প্রকল্পের ফলাফল কী?")]
    assert {"mother", "project", "outcome"} <= set(bridged), bridged
    assert "প্রকল্প" not in [t for _, t in shipped.bridge("Which project pays the stipend?")]


@pytest.mark.slow
def test_a_name_spelt_in_bangla_finds_the_english_document(tmp_path_factory, embedder):
    from nsss.assistant import open_assistant
    from nsss.index import open_index

    documents = {"focal-point-meeting.md": ARIFIN_DOC, "secretaries.md": OTHER_DOC, **FILLER}
    settings = ingested_documents(tmp_path_factory, "spelling", documents)
    question = "মো. শামসুল আরেফিন কোন বিভাগের সচিব?"
    index = open_index(settings)
    assert ("শামসুল", "shamsul") in index.bridge(question)
    answer = open_assistant(settings).answer(question)
    assert not answer.abstained, answer.text
    assert "Coordination and Reforms" in " ".join(c.quote for c in answer.citations), answer.text


def test_acronyms_with_a_case_ending_read_back():
    from nsss.index.glossary import acronym_readings

    assert acronym_readings("ইজিপিপির") == ["EGPP"], "of EGPP"
    assert acronym_readings("বিআইসিসিতে") == ["BICC"], "at BICC"
    assert acronym_readings("সিএমসিকে") == ["CMCK", "CMC"], "কে is a case ending and the letter K: both readings"
    assert acronym_readings("সরকারের") == []
    assert ("ডিএসএসের", "DSS") in Glossary([]).bridge("ডিএসএসের বাজেট কত?")


def test_ya_typed_as_one_character_reads_as_the_two_the_index_knows(tmp_path_factory, embedder):
    """Bangla keyboards type য় (and ড়, ঢ়) as one character or as two; the question is read the same either way."""
    from nsss.assistant import open_assistant
    from nsss.assistant.question import analyse

    two = "মো. শামসুল আরেফিন কোথায় সভাপতিত্ব করেন?"  # য় as য + nukta, as NFC writes it
    one = two.replace("\u09af\u09bc", "\u09df")  # য় as the one character U+09DF
    assert one != two
    assert analyse(one).slot == analyse(two).slot == "place"
    assert analyse(one).terms == analyse(two).terms
    documents = {"focal-point-meeting.md": ARIFIN_DOC, "secretaries.md": OTHER_DOC, **FILLER}
    assistant = open_assistant(ingested_documents(tmp_path_factory, "ya", documents))
    a, b = assistant.answer(one), assistant.answer(two)
    assert a.question == b.question == two
    assert (a.abstained, a.text, [c.quote for c in a.citations]) == (
        b.abstained,
        b.text,
        [c.quote for c in b.citations],
    )


def test_bangla_unit_words_are_read_whole():
    """ "অর্থবছরে" is "in the fiscal year": it does not ask a sum per year, which a quote must then say."""
    from nsss.assistant.question import analyse

    assert analyse("২০২২-২৩ অর্থবছরে বয়স্ক ভাতায় কত টাকা বরাদ্দ ছিল?").units == ()
    assert analyse("বছরে কত টাকা পান?").units == ("year",)
    assert analyse("মাসে কত টাকা পান?").units == ("month",)
    assert analyse("বয়স্ক ভাতা মাসিক কত?").units == ("month",)
