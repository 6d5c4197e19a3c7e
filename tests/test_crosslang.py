"""Questions across languages: an English question finds a Bangla document, a Bangla question an English one."""

import json

import pytest
from nsss.core.settings import Settings, SettingsError
from nsss.index.glossary import Glossary, default_glossary, spell_acronym

BANGLA_DOC = """---
title: "উপদেষ্টা কমিটি গঠন"
---

সামাজিক নিরাপত্তা কর্মসূচি সংক্রান্ত উপদেষ্টা কমিটি গঠন করেছে সরকার। অর্থ উপদেষ্টাকে সভাপতি করে গঠিত এই কমিটির
অন্য সদস্যরা হচ্ছেন খাদ্য উপদেষ্টা ও সমাজকল্যাণ উপদেষ্টা। গত ১২ অক্টোবর কমিটি গঠনের প্রজ্ঞাপন জারি করা হয়।
"""
ENGLISH_DOC = """# Disability allowance in the district

The Department of Social Services pays the disability allowance to 41,200 persons with disabilities in the
district. The monthly rate of the allowance was raised to Tk 850 in the last budget.
"""
FILLER = {
    f"note-{i}.md": f"# Field note {i}\n\nThe union parishad office in ward {i} kept its registers of births, "
    f"roads and markets up to date, and the village court heard {i + 3} land disputes this season."
    for i in range(6)
}


def test_the_shipped_glossary_reads_and_bridges_both_ways():
    glossary = default_glossary()
    assert len(glossary.pairs) >= 500
    assert "বয়স্ক ভাতা" in [t for _, t in glossary.bridge("How many people get the old age allowances?")]
    assert "old age allowance" in [t for _, t in glossary.bridge("বয়স্ক ভাতা কতজন পান?")]
    assert "এনএসএসএস" in [t for _, t in glossary.bridge("When was the NSSS approved?")]
    assert ("GRS", "জিআরএস") in glossary.bridge("Who runs the GRS?"), "acronyms are spelt in Bangla letters"
    assert ("12", "১২") in glossary.bridge("What happened on 12 October?")
    # a fiscal year in Bangla digits is the documents' one term, and a participle finds its verb's English
    assert ("২০১৭-১৮", "2017-18") in glossary.bridge("২০১৭-১৮ অর্থবছরে বাজেট কত ছিল?")
    assert "approved" in [t for _, t in glossary.bridge("এনএসএসএস কবে অনুমোদিত হয়?")]
    assert glossary.bridge("What is the boiling point of mercury?") == []


def test_the_documents_general_vocabulary_is_read_in_bangla_questions_only():
    """The one-way lines of the documents' everyday vocabulary (session 18) give a Bangla question its English words,
    and never add Bangla to an English question (the few Bangla passages would draw English questions to them)."""
    glossary = default_glossary()
    assert ("সংবাদ বিজ্ঞপ্তি", "press release") in glossary.bridge("সংবাদ বিজ্ঞপ্তিতে কী বলা হয়েছে?")
    assert "current fiscal" in [t for _, t in glossary.bridge("চলতি অর্থবছরে বয়স্ক ভাতা কত?")]
    assert "সংবাদ বিজ্ঞপ্তি" not in [t for _, t in glossary.bridge("What did the press release say?")]


def test_acronyms_written_in_bangla_letters_read_back():
    assert spell_acronym("বিআইসিসি") == "BICC"
    assert spell_acronym("এনএসএসএস") == "NSSS"
    assert spell_acronym("আরও") == "", "a short word is not an acronym by chance"
    assert spell_acronym("সরকার") == ""


def test_a_bad_glossary_line_is_reported_with_its_number(tmp_path):
    path = tmp_path / "glossary.tsv"
    path.write_text("# comment\nold age allowance\tবয়স্ক ভাতা\nwidow allowance বিধবা ভাতা\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3: expected `English<TAB>Bangla`"):
        Glossary.load(path)


def test_ocr_and_glossary_settings_read_words_and_refuse_nonsense(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setenv("NSSS_OCR", "0")
    monkeypatch.setenv("NSSS_GLOSSARY", "off")
    settings = Settings.load()
    assert (settings.ocr, settings.glossary) == (False, False)
    monkeypatch.setenv("NSSS_OCR", "maybe")
    with pytest.raises(SettingsError, match="NSSS_OCR"):
        Settings.load()
    assert Settings().ocr and Settings().glossary


@pytest.fixture
def mixed_store(tmp_path, settings, embedder):
    from nsss.ingest import ingest

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "advisory-committee-bn.md").write_text(BANGLA_DOC, encoding="utf-8")
    (folder / "disability-allowance.md").write_text(ENGLISH_DOC, encoding="utf-8")
    for name, text in FILLER.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert not ingest([folder], settings, progress=False).failed
    return settings


@pytest.mark.slow
def test_questions_find_the_document_in_the_other_language(mixed_store):
    from nsss.assistant import open_assistant
    from nsss.index import open_index

    index = open_index(mixed_store)
    english = index.search("Who chairs the advisory committee on social security programmes?", k=3)
    assert english[0].chunk.source == "advisory-committee-bn.md"
    bangla = index.search("জেলায় প্রতিবন্ধী ভাতার মাসিক হার কত?", k=3)
    assert bangla[0].chunk.source == "disability-allowance.md"

    # The answer quotes the English document's own words for a Bangla question.
    answer = open_assistant(mixed_store).answer("জেলায় প্রতিবন্ধী ভাতার মাসিক হার কত টাকা?")
    assert not answer.abstained, answer.text
    assert answer.citations[0].source == "disability-allowance.md"
    assert "Tk 850" in " ".join(c.quote for c in answer.citations), answer.text

    off = open_index(mixed_store.replace(glossary=False))
    sources = [h.chunk.source for h in off.search("জেলায় প্রতিবন্ধী ভাতার মাসিক হার কত?", k=3)]
    assert "disability-allowance.md" not in sources[:1], "without the bridge the English document is not found"


def test_pages_stored_before_ocr_existed_still_read(tmp_path):
    """A store written before pages knew about OCR (four fields a page) still opens; OCR pages keep their mark."""
    from nsss.core.types import Page
    from nsss.index.store import _record

    meta = {
        "key": "/d::a.pdf",
        "root": "/d",
        "source": "a.pdf",
        "title": "A",
        "kind": "report",
        "date": "",
        "url": "",
        "format": "pdf",
        "sha256": "0",
        "pages": 2,
        "chunks": 1,
        "acronyms": "{}",
        "chunker": 2,
        "page_spans": json.dumps([[1, "i", 0, 10], [2, "1", 12, 20, 1]]),
    }
    record = _record(meta)
    assert record.page_spans == (Page(1, "i", 0, 10), Page(2, "1", 12, 20, ocr=True))


@pytest.mark.slow
def test_the_english_model_reads_a_bangla_question_through_its_english_forms(mixed_store):
    """The bundled model reads English only, and any two Bangla texts alike: a Bangla question's meaning is taken from
    its terms' English forms, so a Bangla document on another subject is not the nearest in meaning to it."""
    from nsss.index import open_index
    from nsss.index.glossary import english_side

    index = open_index(mixed_store)
    question = "সামাজিক নিরাপত্তা খাতে জেলায় প্রতিবন্ধী ভাতার মাসিক হার কত?"
    read = english_side(question, index.bridge(question))
    assert "disability allowance" in read and not any("\u0980" <= ch <= "\u09ff" for ch in read), read
    hits = {h.chunk.source: h for h in index.search(question, k=10)}
    assert hits["disability-allowance.md"].dense > hits["advisory-committee-bn.md"].dense
    # (0.43 when the model read the Bangla words too: it reads any two Bangla texts as alike)
    assert hits["advisory-committee-bn.md"].dense < 0.2, hits["advisory-committee-bn.md"].dense
    assert next(iter(hits)) == "disability-allowance.md"
    # An English question is read as asked, with its terms' Bangla forms (they find the Bangla documents).
    english = "Who chairs the advisory committee?"
    assert english_side(english, index.bridge(english)).startswith(english)
