"""Real PDFs as the public makes them: Bangla printed by Chromium, scans, Bijoy (SutonnyMJ), long reports."""

import logging
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from nsss.eval import samples
from nsss.ingest.bangla import defects, is_bijoy_font, is_broken, repair
from nsss.ingest.load import load
from nsss.ingest.types import LoadError

PROJECT = Path(__file__).resolve().parents[1]
needs_chromium = pytest.mark.skipif(
    not samples.have_chromium(),
    reason="needs /usr/bin/chromium and Debian's fonts-lohit-beng-bengali, fonts-noto-core (installed by .ci/run)",
)


def page_text(doc, number):
    page = doc.pages[number - 1]
    return doc.text[page.start : page.end]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """A Bangla PDF printed by Chromium in two Bangla fonts (Lohit, Noto Serif), then an English page."""
    if not samples.have_chromium():
        pytest.skip("needs Chromium and the Bangla fonts")
    folder = tmp_path_factory.mktemp("printed")
    return samples.chromium_pdf([*samples.BANGLA_PAGES, samples.ENGLISH_PAGE], folder / "bangla-report.pdf")


# Detecting a broken text layer ------------------------------------------------------------------------------


def test_broken_bangla_is_told_from_sound_bangla():
    broken = "\x00নত্রেকানা \x00জলার মদন উপেজলায় বয়স্ক ভাতা িবতরণ করা হেয়েছ। জাতীয় সামািজক িনরাপ\x00া"
    sound = "নেত্রকোনা জেলার মদন উপজেলায় বয়স্ক ভাতা বিতরণ করা হয়েছে। জাতীয় সামাজিক নিরাপত্তা"
    assert is_broken(broken)
    assert not is_broken(sound)
    assert not is_broken("The Cabinet Division coordinates the programmes.")
    assert defects("নিরাপত্তাা কৌশল")[1] == 1, "a doubled vowel sign is a defect"
    assert defects("সামাজিকabc নিরাপত্তা")[1] == 1, "Latin letters inside a Bangla word are a defect"


def test_visual_order_is_repaired_to_logical_order():
    assert repair("িবতরণ কেরেছ") == "বিতরণ করেছে"
    assert repair("েকাশল") == "কোশল"
    assert repair("নিরাপত্তাা") == "নিরাপত্তা"


def test_bijoy_fonts_are_known_by_name():
    assert is_bijoy_font("/ABCDEF+SutonnyMJ")
    assert is_bijoy_font("SutonnyMJ-Bold")
    assert is_bijoy_font("/SutonnyOMJ")
    assert not is_bijoy_font("/AAAAAA+NotoSerifBengali-Regular")
    assert not is_bijoy_font("/Helvetica")


# Browser-printed Bangla --------------------------------------------------------------------------------------


@needs_chromium
def test_browser_printed_bangla_comes_out_as_the_reader_sees_it(printed):
    doc = load(printed)
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert [p.ocr for p in doc.pages] == [True, True, False], "broken Bangla pages are read by OCR, English kept"
    assert unicodedata.is_normalized("NFC", doc.text) and "\x00" not in doc.text
    for number, blocks in enumerate([*samples.BANGLA_PAGES, samples.ENGLISH_PAGE], 1):
        seen, source = page_text(doc, number), samples.page_source(blocks)
        assert samples.word_recall(seen, source) >= 0.9, (number, seen)
        assert samples.cer(seen, source) < 0.05, (number, seen)
    # Whole sentences are quotable word for word.
    assert "নেত্রকোনা জেলার মদন উপজেলায় বয়স্ক ভাতা বিতরণ করা হয়েছে।" in " ".join(doc.text.split())


@needs_chromium
def test_a_bangla_quote_is_found_among_the_ocr_words_of_its_page(printed):
    from nsss.ui.pages import ocr_locator, render_page

    doc = load(printed)
    quote = "উপজেলা নির্বাহী অফিসার অনুষ্ঠানে প্রধান অতিথি ছিলেন"
    assert quote in " ".join(page_text(doc, 1).split())
    image = render_page(printed, 1, quote, ocr_locator(doc.sha256, 1))
    assert image is not None and image.boxes >= 1 and image.focus < 0.2, "the quote's lines, near the page's top"
    assert render_page(printed, 2, quote, ocr_locator(doc.sha256, 2)).boxes == 0, "and not on a page without it"


@needs_chromium
def test_ocr_off_keeps_the_broken_text_layer_and_says_nothing_is_ocr(printed):
    doc = load(printed, ocr=False)
    assert not any(p.ocr for p in doc.pages)
    assert is_broken(page_text(doc, 1)), "without OCR the Lohit page stays as pypdf reads it"


@pytest.fixture(scope="module")
def library(tmp_path_factory, embedder):
    """A store holding a Bangla PDF printed by Chromium, a scanned English page and a SutonnyMJ PDF."""
    from nsss.core.settings import Settings
    from nsss.ingest import ingest

    if not samples.have_chromium():
        pytest.skip("needs Chromium and the Bangla fonts")
    folder = tmp_path_factory.mktemp("library")
    work = tmp_path_factory.mktemp("library-work")
    samples.chromium_pdf(samples.BANGLA_PAGES, folder / "bangla-report.pdf")
    samples.scanned_pdf(
        samples.chromium_pdf([samples.ENGLISH_PAGE], work / "english.pdf"),
        folder / "scanned-minutes.pdf",
        skew=1.2,
        noise=0.02,
        dpi=200,
    )
    samples.bijoy_pdf(folder / "sutonny-notice.pdf")
    settings = Settings(store=folder.parent / f"{folder.name}-store")
    report = ingest([folder], settings, progress=False)
    assert not report.failed, report.failed
    return folder, settings


@needs_chromium
@pytest.mark.slow
@pytest.mark.parametrize(
    "question, source, page, ocr",
    [
        ("মদন উপজেলায় কী বিতরণ করা হয়েছে?", "bangla-report.pdf", 1, True),
        ("Who is the member secretary of the Central Management Committee?", "scanned-minutes.pdf", 1, True),
        ("গোপালপুর উপজেলায় কী বিতরণ করা হয়েছে?", "sutonny-notice.pdf", 1, False),
    ],
)
def test_answers_quote_the_right_page_of_each_kind_of_pdf(library, question, source, page, ocr):
    from nsss.assistant import open_assistant
    from nsss.assistant.format import answer_text

    folder, settings = library
    answer = open_assistant(settings).answer(question)
    assert not answer.abstained, answer.text
    cited = [c for c in answer.citations if c.source == source]
    assert cited, [(c.source, c.page) for c in answer.citations]
    first = cited[0]
    assert (first.page, first.ocr) == (page, ocr)
    assert first.quote in load(folder / source).text, "the quote is the document's own wording"
    if ocr:
        assert f"p. {page}, text recognised from the image" in answer_text(answer)


# Scans ---------------------------------------------------------------------------------------------------


@needs_chromium
def test_scanned_pages_with_noise_and_skew_are_read_by_ocr(printed, tmp_path):
    scan = samples.scanned_pdf(printed, tmp_path / "scan.pdf", skew=1.2, noise=0.02, dpi=200)
    doc = load(scan)
    assert [p.ocr for p in doc.pages] == [True, True, True]
    for number, blocks in enumerate([*samples.BANGLA_PAGES, samples.ENGLISH_PAGE], 1):
        assert samples.word_recall(page_text(doc, number), samples.page_source(blocks)) >= 0.9, page_text(doc, number)
    with pytest.raises(LoadError, match="OCR is off"):
        load(scan, ocr=False)


def test_a_page_that_is_a_picture_of_nothing_fails_alone_with_its_number(tmp_path, caplog):
    pages = [
        "The district committee met in March and approved the list of beneficiaries for the allowance.",
        "The upazila officer reported that payments reached every union by the end of April.",
    ]
    path = samples.noise_page_pdf(tmp_path / "minutes.pdf", pages, noise_at=1)
    with caplog.at_level(logging.WARNING, logger="nsss.ingest"):
        doc = load(path)
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert "approved the list" in page_text(doc, 1) and "every union" in page_text(doc, 3)
    assert page_text(doc, 2) == ""
    assert "minutes.pdf: page 2 holds an image with no readable text" in caplog.text


# Bijoy ---------------------------------------------------------------------------------------------------


def test_bijoy_runs_are_converted_and_english_runs_and_digits_left_alone(tmp_path):
    doc = load(samples.bijoy_pdf(tmp_path / "sutonny-minutes.pdf"))
    assert doc.text == samples.bijoy_source()
    assert "২৫০ জন উপকারভোগীকে" in doc.text, "digits typed in SutonnyMJ are Bangla digits"
    assert "reviewed by 250 officers" in doc.text, "digits in an English font stay as they are"
    assert not doc.pages[0].ocr


# Layout: columns, long reports ---------------------------------------------------------------------------


def test_two_columns_keep_their_reading_order(tmp_path):
    left = [
        "Left column opens with the old age allowance, its coverage in rural areas and the number of "
        "beneficiaries who received it in the first quarter of the year under review.",
        "Left column closes with the findings of the district monitoring committee.",
    ]
    right = [
        "Right column turns to the widow allowance, its payments through mobile accounts and the "
        "complaints that the grievance redress system recorded during the same quarter.",
        "Right column ends with the recommendations for the next fiscal year.",
    ]
    doc = load(samples.two_column_pdf(tmp_path / "columns.pdf", left, right))
    flat = " ".join(doc.text.split())
    for paragraph in left + right:
        assert paragraph in flat, paragraph
    assert flat.index(left[1]) < flat.index(right[0])


@pytest.mark.slow
def test_long_report_drops_running_lines_joins_hyphens_and_cites_pages_right(tmp_path, embedder):
    from nsss.ingest.chunk import chunk

    doc = load(samples.long_pdf(tmp_path / "review.pdf", pages=200, front=4))
    assert len(doc.pages) == 200
    assert [p.label for p in doc.pages[:6]] == ["i", "ii", "iii", "iv", "1", "2"]
    assert samples.LONG_HEADER not in doc.text and samples.LONG_FOOTER not in doc.text
    assert "programme's management information system" in doc.text and "pro-\n" not in doc.text
    for number in (1, 5, 200):
        text = page_text(doc, number)
        assert " ".join(text.split()).startswith(f"Finding {number}."), text
        assert text.rstrip().endswith("information system."), "the page number line is gone"
    chunks = chunk([doc], embedder.count_tokens, embedder.max_tokens)
    found = [c for c in chunks if "Finding 150." in c.text]
    assert found and (found[0].page, found[0].page_label) == (150, "146")


def test_bench_script_measures_every_path_briefly(tmp_path):
    """eval/bench/pdf.py must keep working: run it on a short report and check its figures are there."""
    if not samples.have_chromium():
        pytest.skip("needs Chromium and the Bangla fonts")
    result = subprocess.run(
        [sys.executable, "-m", "nsss.eval.bench.pdf", "--pages", "12", "--json", "--no-embed"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    import json

    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(figures["cer"]) == {
        "text layer (English)",
        "text layer (Bangla, as pypdf reads it)",
        "fixed text layer (vowel order repaired)",
        "Bijoy converted",
        "OCR of a broken Bangla layer",
        "OCR of a scan (200 dpi, skew, noise)",
    }
    assert figures["cer"]["Bijoy converted"] == 0.0
    assert figures["cer"]["OCR of a scan (200 dpi, skew, noise)"] < 0.1
    assert figures["ocr_pages_per_s"] > 0
