"""The drafting desk without a browser: dates read from the documents, references in a standard form, corrections
that outlast a re-ingest, topic briefs (`nsss brief`), notes kept in the store, and a PDF page drawn with its quote."""

import base64
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SCAN, write_scan, yellow_rows
from nsss.assistant.references import reference
from nsss.assistant.types import Citation
from nsss.core.settings import BUNDLED_CORPUS, Settings
from nsss.ingest.dates import date_in_text, date_in_url
from nsss.ingest.load import load

PROJECT = Path(__file__).resolve().parents[1]


# Dates ------------------------------------------------------------------------------------------------------------


def test_dates_are_read_from_the_text_and_the_address():
    assert date_in_text("BSS     21st April, 2018 08:09:07 printer") == "2018-04-21"
    assert date_in_text("Held on 6 October 2022 at the NEC room. Later, in March 2023, ...") == "2022-10-06"
    assert date_in_text("Published : Wednesday, 12 February, 2020 at 12:00 AM") == "2020-02-12"
    assert date_in_text("Progress Report\nDhaka, March 2024\nThe progress of the Action Plan") == "2024-03"
    history = (
        "The Government introduced the National Social Security Strategy, a reform strategy approved by the "
        "Cabinet in June 2015. While progress has been made, challenges remain."
    )
    assert date_in_text(history) == ""  # a month in a sentence is history, not the document's date
    assert date_in_text("The 2021-26 plan has five clusters.") == ""  # a range of years is not a date
    assert date_in_text("Meeting on 3 June 2099", today=dt.date(2026, 12, 1)) == ""  # not in the future
    assert date_in_url("http://www.daily-sun.com/post/303670/2018/04/21/4-lakh-more") == "2018-04-21"
    assert date_in_url("https://socialprotection.gov.bd/2024/02/progress-report-2023/") == "2024-02"
    assert date_in_url("https://socialprotection.gov.bd/?p=14535") == ""


def test_a_docx_from_the_template_and_a_pdf_made_today_take_the_date_they_print(tmp_path, make_pdf):
    import docx

    d = docx.Document()  # python-docx's template says it was created on 2013-12-23
    d.add_heading("Minutes of the Cash Transfer Committee", level=1)
    d.add_paragraph("Meeting held on 14 March 2024 in the Cabinet Division.")
    d.save(tmp_path / "minutes.docx")
    assert docx.Document(str(tmp_path / "minutes.docx")).core_properties.created.year == 2013
    assert load(tmp_path / "minutes.docx").date == "2024-03-14"

    bare = docx.Document()
    bare.add_paragraph("No date anywhere in this text.")
    bare.save(tmp_path / "bare.docx")
    assert load(tmp_path / "bare.docx").date == ""  # unknown beats a wrong year

    pdf = make_pdf(
        tmp_path / "review.pdf", ["Annual review of the pilot\nNovember 2024\nThe pilot reached 12 upazilas."]
    )
    assert load(pdf).date == "2024-11"  # not the file's creation time


def test_front_matter_and_manifest_name_the_url_and_the_publisher(tmp_path):
    (tmp_path / "news.md").write_text(
        "---\ntitle: Allowances rise\nurl: https://example.org/news/2019/06/13/allowances\n---\n\nThe allowance rose.\n",
        encoding="utf-8",
    )
    doc = load(tmp_path / "news.md")
    assert (doc.url, doc.date, doc.publisher) == ("https://example.org/news/2019/06/13/allowances", "2019-06-13", "")
    manifest = {"note.txt": {"title": "Note", "source": "Cabinet Division, Government of Bangladesh"}}
    (tmp_path / "note.txt").write_text("A note of the dialogue.", encoding="utf-8")
    note = load(tmp_path / "note.txt", manifest=manifest)
    assert (note.url, note.publisher) == ("", "Cabinet Division, Government of Bangladesh")


# References -------------------------------------------------------------------------------------------------------


def test_references_name_publisher_date_title_page_and_url_in_two_styles():
    c = Citation(
        n=2,
        source="progress.pdf",
        title="Progress Report 2023",
        page=4,
        quote="The  CMC met twice.",
        doc_key="k",
        start=0,
        end=5,
        page_label="iv",
        date="2024-02-15",
        url="https://socialprotection.gov.bd/2024/02/progress-report/",
    )
    assert reference(c) == (
        "socialprotection.gov.bd (15 February 2024). Progress Report 2023, p. 4 (printed iv). "
        "https://socialprotection.gov.bd/2024/02/progress-report/. File progress.pdf. "
        "“The CMC met twice.”"
    )
    assert reference(c, "numbered", quote=False) == (
        "Progress Report 2023. socialprotection.gov.bd, 15 February 2024, p. 4 (printed iv). "
        "https://socialprotection.gov.bd/2024/02/progress-report/. File progress.pdf."
    )
    bare = Citation(n=1, source="a.txt", title="A note", page=None, quote="q", doc_key="k", start=0, end=1)
    assert reference(bare, quote=False) == "A note (n.d.). File a.txt."
    with pytest.raises(ValueError, match="not one of"):
        reference(bare, "chicago")


def test_settings_refuse_an_unknown_language_or_style(monkeypatch):
    from nsss.core.settings import SettingsError

    monkeypatch.setenv("NSSS_LANGUAGE", "bn")
    assert Settings.load(store=Path("/tmp/x")).language == "bn"
    monkeypatch.setenv("NSSS_LANGUAGE", "fr")
    with pytest.raises(SettingsError, match="en .*or bn"):
        Settings.load(store=Path("/tmp/x"))


# Corrections ------------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_corrected_details_are_searched_filtered_and_kept_across_a_reingest(settings, tmp_path, embedder):
    from nsss.core.types import Filters
    from nsss.index import open_index
    from nsss.index.overrides import MetadataError
    from nsss.ingest import ingest
    from nsss.ingest.sync import relabel

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "kiosk.md").write_text(
        "# Kiosk pilot\n\nThe kiosk pilot enrolled 4,812 widows in Rangpur.\n", encoding="utf-8"
    )
    ingest([folder], settings, progress=False)
    key = open_index(settings, lexical=False).records[0].key
    with pytest.raises(MetadataError, match="not a date"):
        relabel(key, {"date": "last spring"}, settings)
    record = relabel(
        key,
        {
            "title": "Kiosk Pilot Review",
            "kind": "evaluation",
            "date": "2019-05",
            "publisher": "Department of Social Services",
        },
        settings,
    )
    assert (record.title, record.kind, record.year, record.publisher) == (
        "Kiosk Pilot Review",
        "evaluation",
        2019,
        "Department of Social Services",
    )

    def check():
        index = open_index(settings)
        hits = index.search("widows Rangpur", k=3, filters=Filters(kinds=("evaluation",), years=(2019,)))
        assert hits and hits[0].chunk.title == "Kiosk Pilot Review" and hits[0].chunk.date == "2019-05"
        assert not index.search("widows Rangpur", k=3, filters=Filters(years=(2024,)))

    check()
    (folder / "kiosk.md").write_text(
        "# Kiosk pilot\n\nThe kiosk pilot enrolled 4,813 widows in Rangpur.\n", encoding="utf-8"
    )
    report = ingest([folder], settings, progress=False)
    assert report.updated == 1
    check()  # the changed file was read again; the corrections stand


# Briefs -----------------------------------------------------------------------------------------------------------


def test_a_brief_groups_passages_by_document_oldest_first_and_cites_each(seed_store):
    from nsss.assistant.brief import brief, brief_json
    from nsss.index import open_index

    b = brief("G2P", open_index(seed_store))
    dates = [d.date for d in b.documents]
    assert len(b.documents) >= 3
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dates[: len(dated)] == dated  # dated first, oldest first; undated last
    index = open_index(seed_store, lexical=False)
    for d in b.documents:
        text = index.store.document_text(d.key)
        for c in d.passages:
            assert text[c.start : c.end] == c.quote and c.title == d.title and c.date == d.date
    shape = brief_json(b)
    assert set(shape) == {"topic", "documents"}
    assert set(shape["documents"][0]) == {"source", "title", "date", "url", "passages"}
    assert set(shape["documents"][0]["passages"][0]) == {"quote", "page"}


def test_nsss_brief_json_is_one_object_on_the_last_line(seed_store, cli):
    code, out, err = cli("brief", "Central Management Committee", "--store", seed_store.store, "--json")
    assert code == 0, err
    result = json.loads(out.strip().splitlines()[-1])
    assert result["topic"] == "Central Management Committee"
    assert result["documents"] and all(p["quote"] for d in result["documents"] for p in d["passages"])
    code, out, _ = cli("brief", "Central Management Committee", "--store", seed_store.store)
    assert code == 0 and out.startswith("Brief: Central Management Committee") and "File " in out


def test_the_brief_benchmark_script_runs(seed_store, tmp_path):
    topics = tmp_path / "topics.jsonl"
    text = (BUNDLED_CORPUS / "focal-point-meeting-2022-06-26.txt").read_text(encoding="utf-8")
    quote = next(s for s in text.replace("\n", " ").split(". ") if "decision of the Central Management Committee" in s)
    topics.write_text(
        json.dumps(
            {
                "topic": "Central Management Committee",
                "passages": [{"source": "focal-point-meeting-2022-06-26.txt", "quote": quote.strip()}],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "nsss.eval.bench.brief", "--store", str(seed_store.store), "--topics", str(topics)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["topics"] == 1 and result["passage_recall"] == 1.0 and result["rows"][0]["in_date_order"]


# Notes ------------------------------------------------------------------------------------------------------------


def test_notes_are_saved_atomically_per_login_and_a_damaged_file_is_kept_aside(tmp_path):
    from nsss.core.layout import notes_file
    from nsss.ui.notes import Note, moved, read_notes, renamed, write_notes

    c = Citation(
        n=1,
        source="a.txt",
        title="A",
        page=None,
        quote="q",
        doc_key="k",
        start=0,
        end=1,
        date="2022-01-01",
        url="https://x.org/a",
    )
    notes = (Note("Who?", "“q” [1]", (c,), "passage"), Note("What?", "An answer [1]", (c,)))
    alice, bob = notes_file(tmp_path, "alice"), notes_file(tmp_path, "bob")
    assert alice != bob and notes_file(tmp_path, "") == tmp_path / "notes" / "default.json"
    write_notes(alice, renamed(moved(notes, 1, -1), 0, "  Background:   the answer "))
    back = read_notes(alice)
    assert [n.question for n in back] == ["What?", "Who?"] and back[0].heading == "Background: the answer"
    assert back[1].citations[0] == c and read_notes(bob) == ()
    alice.write_text("{not json", encoding="utf-8")
    assert read_notes(alice) == () and list(alice.parent.glob("*.damaged-*.json"))


# The printed page -------------------------------------------------------------------------------------------------


def test_a_pdf_page_is_drawn_with_the_quote_lines_highlighted(tmp_path, make_pdf):
    from nsss.ui.pages import render_page
    from PIL import Image

    pdf = make_pdf(
        tmp_path / "r.pdf",
        [
            "Page one.",
            "Intro line. The Steering Board was chaired by Ms. Rokeya "
            "Haqverdi, Additional Secretary, at its first sitting in the NEC room of the "
            "Planning Commission, and approved the budget for twelve upazilas.",
        ],
    )
    image = render_page(
        pdf,
        2,
        "chaired by Ms. Rokeya Haqverdi, Additional Secretary, at its first sitting in the "
        "NEC room of the Planning Commission, and approved the budget",
    )
    assert image is not None and image.boxes == 2 and 0 < image.focus < 0.2  # two lines, near the top
    pixels = Image.open(io.BytesIO(base64.b64decode(image.src.split(",", 1)[1]))).convert("RGB")
    yellow = sum(
        1
        for x in range(0, pixels.width, 3)
        for y in range(0, int(pixels.height * 0.2), 3)
        if (lambda p: p[0] > 230 and p[1] > 200 and p[2] < 190)(pixels.getpixel((x, y)))
    )
    assert yellow > 200
    none = render_page(pdf, 2, "words that are not on this page at all")
    assert none is not None and none.boxes == 0
    assert render_page(pdf, 9, "x") is None and render_page(tmp_path / "gone.pdf", 1, "x") is None


def test_a_scanned_page_is_drawn_with_the_quote_found_among_its_ocr_words(tmp_path):
    import time

    from nsss.core.types import DocRecord
    from nsss.ui.render import source_view, with_page_image

    bands = write_scan(tmp_path / "harbour-minutes.pdf", SCAN)
    doc = load(tmp_path / "harbour-minutes.pdf")
    assert [p.ocr for p in doc.pages] == [True], "an image-only page is read by OCR"
    record = DocRecord(
        **{f: getattr(doc, f) for f in ("key", "root", "source", "title", "kind", "date", "url", "format", "sha256")},
        pages=1,
        chunks=1,
        acronyms={},
        page_spans=doc.pages,
    )
    # A citation quotes the document's own (OCR'd) text: this one runs over lines 5 and 6 of the page.
    quote = "chaired by Mr. Tanvir Basharat, Joint Secretary of the\nMinistry of Shipping"
    start = doc.text.index(quote)
    view = source_view(record, doc.text, start, start + len(quote))
    began = time.perf_counter()
    shown = with_page_image(view, record, 1)
    first = time.perf_counter() - began
    image = shown.image
    assert image is not None and image.boxes == 2, "one box for each line the quote covers"
    rows = yellow_rows(image.src)
    top, bottom = bands[4][0] - 0.01, bands[5][1] + 0.01
    assert len([r for r in rows if top <= r <= bottom]) > 10, "the highlight is over the quote's lines"
    assert not [r for r in rows if not top <= r <= bottom], "and nowhere else on the page"
    assert abs(image.focus - bands[4][0]) < 0.01

    began = time.perf_counter()
    again = with_page_image(view, record, 1)
    assert again.image.boxes == 2 and time.perf_counter() - began < first / 2, "the page's OCR words are kept"
    elsewhere = doc.text.index("the three southern districts")
    other = with_page_image(source_view(record, doc.text, elsewhere, elsewhere + 28), record, 1)
    assert other.image.boxes == 1 and all(
        bands[3][0] - 0.01 <= r <= bands[3][1] + 0.01 for r in yellow_rows(other.image.src)
    )


def test_ocr_words_read_a_little_differently_still_locate_the_quote():
    from nsss.ingest.pdf import OcrWord
    from nsss.ui.pages import ocr_boxes

    def line(n: int, text: str) -> list[OcrWord]:
        return [
            OcrWord(w, n, (10.0 * i, 700.0 - 20 * n, 10.0 * i + 8, 712.0 - 20 * n)) for i, w in enumerate(text.split())
        ]

    words = (
        line(0, "The committee of the ministry met in Khulna")
        + line(1, "and the meeting was chaired by Mr. Tanvir Basharat, Joint Secre-")
        + line(2, "tary of the Ministry of Shipping, and of the committee.")
    )
    misread = [OcrWord("Basbarat,", w.line, w.box) if w.text == "Basharat," else w for w in words]
    quote = "chaired by Mr. Tanvir Basharat, Joint Secretary of the Ministry of Shipping"
    for seen in (words, misread):
        boxes = ocr_boxes(seen, quote)
        assert [round(b[1]) for b in boxes] == [680, 660], boxes  # lines 1 and 2, joined across the hyphen
        assert boxes[0][0] == 40.0 and boxes[1][2] == 58.0  # from "chaired" to "Shipping,"
    assert ocr_boxes(words, "the annual budget for twelve upazilas was approved") == []
