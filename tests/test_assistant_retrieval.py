"""What answers are built on: the tokenizer (English and Bangla), acronyms learned at ingest, Bangla retrieval."""

import json
import unicodedata
from pathlib import Path

import pytest
from nsss.index import open_index
from nsss.index.lexical import tokenize
from nsss.ingest.acronyms import find_acronyms

PROJECT = Path(__file__).resolve().parents[1]

WEB_QA = [
    json.loads(line)
    for line in (PROJECT / "eval" / "web_qa.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
HASANTA = "\u09cd"


# Tokenizer -------------------------------------------------------------------------------------------------


def test_bangla_words_with_vowel_signs_and_hasanta_stay_whole():
    assert tokenize("সামাজিক নিরাপত্তা কর্মসূচি") == ["সামাজিক", "নিরাপত্তা", "কর্মসূচি"]
    # The same words as some tools save them: decomposed, and য় as য + nukta.
    decomposed = unicodedata.normalize("NFD", "সামাজিক নিরাপত্তা বয়স্ক").replace("\u09df", "\u09af\u09bc")
    assert tokenize(decomposed) == tokenize("সামাজিক নিরাপত্তা বয়স্ক")


def test_bangla_inflections_are_stripped_but_conjuncts_are_never_cut():
    assert tokenize("মন্ত্রণালয়গুলোর") == tokenize("মন্ত্রণালয়")
    assert tokenize("সংসদ সদস্যদের") == ["সংসদ", "সদস্য"]
    assert tokenize("এবং ও থেকে") == [], "Bangla stop words carry no meaning"
    # Stripping র from কৌশলপত্র or কে from সম্পর্কে would leave half a conjunct (a word ending in hasanta).
    sentence = "জাতীয় সামাজিক নিরাপত্তা কৌশলপত্র সম্পর্কে সংসদ সদস্যদের অবহিতকরণ কর্মশালা মন্ত্র"
    terms = tokenize(sentence)
    assert not [t for t in terms if t.endswith(HASANTA)], terms
    assert "কৌশলপত্র" in terms and "মন্ত্র" in terms


def test_english_is_stemmed_without_stop_words():
    assert tokenize("The programmes were running") == tokenize("programme run")
    assert tokenize("allowances") == tokenize("allowance")
    assert tokenize("What is the role of the Cabinet Division?") == ["role", "cabinet", "divis"]
    assert tokenize("Women’s benefit") == tokenize("women's benefits") == tokenize("Women benefit")
    assert "g2p" in tokenize("the G2P payment system")


def test_a_span_of_years_is_one_term_however_it_is_written():
    fiscal = tokenize("in fiscal year 2021-22")
    assert "2021fy22" in fiscal
    assert tokenize("2021-2022") == tokenize("2021/22") == tokenize("2021 – 22") == ["2021", "2021fy22"]
    assert tokenize("1999-2000") == tokenize("1999-00") == ["1999", "1999fy00"]
    assert "2022" not in fiscal and "22" not in fiscal, "a fiscal year is neither the year 2022 nor the number 22"
    assert tokenize("pages 10-12") == ["page", "10", "12"]
    assert tokenize("2021-22-23") == ["2021", "22", "23"]


# Acronyms -------------------------------------------------------------------------------------------------------


def test_acronyms_defined_in_text_are_learned():
    found = find_acronyms(
        "The Vulnerable Women’s Benefit (VWB) replaced the earlier programme. Allowances are paid through the "
        "Government-to-Person (G2P) system. The Central Management Committee (CMC) meets every quarter."
    )
    assert found.get("VWB") == ["Vulnerable Women’s Benefit"]
    assert found.get("CMC") == ["Central Management Committee"]


def test_hyphenated_long_forms_are_learned():
    found = find_acronyms("Allowances are paid through the Government-to-Person (G2P) system.")
    assert found.get("G2P") == ["Government-to-Person"]


def test_queries_are_expanded_both_ways(seed_store):
    index = open_index(seed_store)

    assert "Central Management Committee" in index.acronyms["CMC"]
    assert "Central Management Committee" in index.expand("Who chairs the CMC?")
    assert "CMC" in index.expand("Who chairs the Central Management Committee?")
    assert "CMC" in index.expand("who chairs the central management committee")
    assert index.expand("What is the boiling point of mercury?") == "What is the boiling point of mercury?"


@pytest.fixture(scope="module")
def xqr_store(tmp_path_factory, embedder):
    """A tiny corpus: A defines XQR, B spells out only the long form, C uses only the acronym."""
    from nsss.core.settings import Settings
    from nsss.ingest import ingest

    root = tmp_path_factory.mktemp("xqr")
    docs = root / "docs"
    docs.mkdir()
    files = {
        "a-definition.txt": "The ministry introduced the Xyz Quality Review (XQR) in 2019 as a yearly check of "
        "programme delivery in every district.",
        "b-long-form.txt": "In Barisal the Xyz Quality Review found that clinics lacked clean water and that two "
        "thirds of the payment points opened late.",
        "c-acronym-only.txt": "Inspectors from the XQR team visited Rangpur in March and counted the waiting lines "
        "at the union offices.",
        "d-other.txt": "The old age allowance was raised for the elderly in the coastal districts after the floods.",
        "e-other.txt": "School stipends reached more children after the mobile payment rollout in the hill areas.",
    }
    for name, text in files.items():
        (docs / name).write_text(text, encoding="utf-8")
    settings = Settings(store=root / "store")
    assert not ingest([docs], settings, progress=False).failed
    return open_index(settings)


def test_acronym_question_finds_the_document_that_only_spells_it_out(xqr_store):
    assert xqr_store.acronyms == {"XQR": ["Xyz Quality Review"]}

    hits = xqr_store.search("What did the XQR find?", k=5)

    ranked = [h.chunk.source for h in hits]
    long_form = hits[ranked.index("b-long-form.txt")]
    assert long_form.lexical > 0, "B shares no word with the question: only the expanded long form can match it"
    assert ranked.index("b-long-form.txt") < min(ranked.index("d-other.txt"), ranked.index("e-other.txt")), ranked


def test_long_form_question_finds_the_document_that_only_uses_the_acronym(xqr_store):
    hits = xqr_store.search("What is known about the Xyz Quality Review?", k=5)

    ranked = [h.chunk.source for h in hits]
    acronym_only = hits[ranked.index("c-acronym-only.txt")]
    assert acronym_only.lexical > 0, "C shares no word with the question: only the expanded acronym can match it"
    assert ranked.index("c-acronym-only.txt") < min(ranked.index("d-other.txt"), ranked.index("e-other.txt")), ranked


def test_a_fiscal_year_asked_one_way_finds_it_written_the_other_way(tmp_path_factory, embedder):
    from conftest import ingested_documents

    settings = ingested_documents(
        tmp_path_factory,
        "fiscal",
        {
            "f-fiscal.txt": "1.9 million participants took part in fiscal year 2021-22 across the districts.",
            "g-fiscal-next.txt": "1.1 million participants took part in fiscal year 2022-23 across the districts.",
            "h-year.txt": "The old age allowance was raised for the elderly in the coastal districts in 2021.",
            "i-year.txt": "School stipends reached more children in 2021 after the mobile payment rollout.",
        },
    )

    # Asked the long way: the rarest of its words is "2022", which only the next fiscal year held as a word.
    hits = open_index(settings).search("How many participants in fiscal year 2021-2022?", k=4)

    ranked = [h.chunk.source for h in hits]
    assert ranked[0] == "f-fiscal.txt", ranked
    assert hits[0].lexical > hits[ranked.index("g-fiscal-next.txt")].lexical


def test_a_lexical_index_saved_by_another_tokenizer_is_rebuilt(xqr_store):
    from nsss.core.layout import bm25_dir
    from nsss.index.lexical import TOKENIZER_VERSION

    saved = bm25_dir(xqr_store.settings.store, xqr_store.embedder.slug) / "chunks.json"
    meta = json.loads(saved.read_text(encoding="utf-8"))
    assert meta["tokenizer"] == TOKENIZER_VERSION
    saved.write_text(json.dumps({**meta, "tokenizer": TOKENIZER_VERSION - 1}), encoding="utf-8")

    reopened = open_index(xqr_store.settings)

    assert json.loads(saved.read_text(encoding="utf-8"))["tokenizer"] == TOKENIZER_VERSION
    assert reopened.search("XQR", k=1)[0].lexical > 0


# Bangla retrieval ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def web_index(web_store):
    """The web corpus's index, opened once for the Bangla questions."""
    return open_index(web_store)


@pytest.mark.parametrize("qid", ["w067", "w069", "w072"])
def test_bangla_question_retrieves_the_bangla_document_first(web_index, qid):
    row = next(r for r in WEB_QA if r["id"] == qid)
    assert row["type"] == "bangla"

    hits = web_index.search(row["question"], k=5)

    assert hits[0].chunk.source == row["sources"][0], [h.chunk.source for h in hits]
