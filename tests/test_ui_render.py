"""The web app's small parts without a browser: HTML formatting and escaping, quote offsets, the page cut for the
source viewer, notes numbering and export, upload names and checks, the login setting."""

import re
from pathlib import Path

import pytest
from nsss.assistant.types import Answer, Citation
from nsss.core.types import Chunk, DocRecord, Hit, Page
from nsss.ui import render
from nsss.ui.notes import answer_note, citation_note, hit_note, notes_docx, notes_markdown, numbered
from nsss.ui.service import InUse

DOC = (
    "Minutes of the pilot board.\n\nThe board was chaired by Ms. Rahman <b>not bold</b>. "
    "It approved 12 upazilas.\n\nAnnex: distribution list."
)
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'


def cite(quote: str, n: int = 1, passage_start: int = 0, passage: str | None = None, **extra) -> Citation:
    start = DOC.index(quote)
    passage = DOC[passage_start:] if passage is None else passage
    values = {
        "n": n,
        "source": "board.txt",
        "title": "Pilot board minutes",
        "page": None,
        "quote": quote,
        "doc_key": "/docs::board.txt",
        "start": start,
        "end": start + len(quote),
        "passage": passage,
        "passage_start": passage_start,
    }
    values.update(extra)
    return Citation(**values)


def answer(text: str, citations=(), abstained: bool = False, question: str = "Who chaired it?", retrieved=()) -> Answer:
    return Answer(
        question=question,
        text=text,
        abstained=abstained,
        citations=tuple(citations),
        retrieved=tuple(retrieved),
        timings_ms={"total": 12.5},
    )


def test_highlight_escapes_and_marks_exactly_the_span():
    text = "a <b> c & d"
    assert render.highlight(text, 2, 5) == "a <mark>&lt;b&gt;</mark> c &amp; d"
    assert render.highlight(text, -5, 1) == "<mark>a</mark> &lt;b&gt; c &amp; d"  # clamped
    assert render.highlight(text, 8, 99) == "a &lt;b&gt; c <mark>&amp; d</mark>"
    assert render.highlight(text, 4, 4) == "a &lt;b&gt; c &amp; d"


def test_quote_span_uses_offsets_then_falls_back_to_search():
    quote = "The board was chaired by Ms. Rahman"
    c = cite(quote, passage_start=10)
    s, e = render.quote_span(c.passage, c.passage_start, c.quote, c.start, c.end)
    assert c.passage[s:e] == quote
    # a quote that runs past its passage (a list continued) is marked up to the passage's end
    short = DOC[10 : DOC.index("Rahman")]
    s, e = render.quote_span(short, 10, quote, c.start, c.end)
    assert (s, e) == (c.start - 10, len(short))
    # offsets that do not fit (a different passage) fall back to finding the quote
    assert render.quote_span("x " + quote, 999, quote, 0, len(quote)) == (2, 2 + len(quote))
    assert render.quote_span("unrelated", 0, quote, 0, len(quote)) is None


def test_excerpt_cuts_at_spaces_and_keeps_the_mark():
    text = "word " * 200 + "TARGET" + " tail" * 200
    i = text.index("TARGET")
    html = render.excerpt(text, i, i + 6, context=30)
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>TARGET</mark>" in html
    assert "wor " not in html and len(html) < 120


def test_answer_html_escapes_text_and_links_only_real_markers():
    a = answer(f"He said {XSS} [1] and [7].", [cite("The board was chaired by Ms. Rahman")])
    html = render.answer_html(a, turn=3)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert '<a class="nsss-ref" href="#nsss-open-3-1"' in html
    assert "[7]" in html and "#nsss-open-3-7" not in html  # no citation 7: left as text
    assert 'href="#nsss-pinanswer-3-0"' in html


def test_answer_html_lists_and_joins_wrapped_lines():
    a = answer("- first item\nwrapped on [1]\n- second [2]", [cite("The board", 1), cite("It approved", 2)])
    html = render.answer_html(a, 0)
    assert html.count("<li>") == 2 and "first item wrapped on" in html
    prose = render.answer_html(answer("The board was\nchaired by Ms. Rahman [1]", [cite("The board")]), 0)
    assert "<ul" not in prose and "The board was chaired by" in prose


def test_abstention_says_not_found_and_lists_the_nearest_passages():
    chunk = Chunk(
        id="c1",
        doc_key="/docs::board.txt",
        source="board.txt",
        title=f"Title {XSS}",
        kind="minutes",
        date="2022",
        page=4,
        page_label="",
        start=0,
        end=40,
        position=0,
        text=f"Nearby {XSS} passage",
    )
    a = answer("The documents do not answer this question.", abstained=True, retrieved=[Hit(chunk, 0.4, 0.3, 1.0)])
    chat = render.answer_html(a, 0)
    assert "Not found in the documents" in chat
    panel = render.sources_html(a, 0)
    assert "Not found in the documents" in panel and "Nearest passages" in panel
    assert panel.count('data-act="open-hit"') == 2 and "p. 4" in panel
    assert "<script" not in panel and "<img" not in panel and "&lt;img src=x" in panel


def test_an_answer_declined_as_off_the_subject_says_why_under_the_abstention_in_the_pages_language():
    from dataclasses import replace

    from nsss.assistant.types import NOTICES

    declined = answer("The documents do not answer this question.", abstained=True)
    a = replace(declined, notice=NOTICES["off_subject"], notice_kind="off_subject")
    chat = render.answer_html(a, 0)
    assert "Not found in the documents" in chat
    assert f'<div class="nsss-notice">{NOTICES["off_subject"]}</div>' in chat
    bangla = render.answer_html(a, 0, lang="bn")
    assert "সামাজিক সুরক্ষা বিষয়ক বলে মনে হচ্ছে না" in bangla and NOTICES["off_subject"] not in bangla


def test_the_language_models_notices_are_said_in_the_pages_language_with_their_particulars():
    from dataclasses import replace

    from nsss.assistant.answer import NOTICES
    from nsss.ui.i18n import STRINGS

    for kind, english in NOTICES.items():
        assert STRINGS[kind][0] == english, f"the web app's English for {kind} is the CLI's"
    quoted = answer("The CMC is chaired by the Cabinet Secretary. [1]", abstained=False)
    failed = "http://127.0.0.1:9/v1 did not answer: APIConnectionError: Connection error."
    a = replace(
        quoted, notice=NOTICES["llm_failed"].format(detail=failed), notice_kind="llm_failed", notice_detail=failed
    )
    assert f'<div class="nsss-notice">{a.notice}</div>' in render.answer_html(a, 0)
    bangla = render.answer_html(a, 0, lang="bn")
    assert "ভাষা মডেল ব্যবহারযোগ্য উত্তর দেয়নি" in bangla and failed in bangla and "usable" not in bangla
    trimmed = replace(
        quoted, notice=NOTICES["llm_trimmed"].format(detail="2"), notice_kind="llm_trimmed", notice_detail="2"
    )
    assert "2 sentence(s)" in render.answer_html(trimmed, 0)
    assert "২টি বাক্য বাদ" in render.answer_html(trimmed, 0, lang="bn")


def test_citation_card_shows_title_page_quote_in_passage_and_the_reference():
    c = cite(
        "The board was chaired by Ms. Rahman <b>not bold</b>.",
        page=2,
        page_label="ii",
        title='Minutes "draft" <i>x</i>',
    )
    html = render.citation_card(c, 0)
    assert "<mark>The board was chaired by Ms. Rahman &lt;b&gt;not bold&lt;/b&gt;.</mark>" in html
    assert "p. 2 (printed ii)" in html
    assert "Minutes &quot;draft&quot; &lt;i&gt;x&lt;/i&gt;" in html
    ref = re.search(r'data-ref="([^"]*)"', html).group(1)
    assert ref.startswith(
        "Minutes &quot;draft&quot; &lt;i&gt;x&lt;/i&gt; (n.d.), p. 2 (printed ii). File board.txt. “The board"
    )
    assert html.count("<b>") == 0 and html.count("<i>") == 0


def record(pages=()) -> DocRecord:
    return DocRecord(
        key="/docs::board.pdf",
        root="/docs",
        source="board.pdf",
        title="Board",
        kind="minutes",
        date="2022-06-26",
        url="",
        format="pdf",
        sha256="0",
        pages=len(pages),
        chunks=3,
        acronyms={},
        page_spans=tuple(pages),
    )


def test_source_view_cuts_out_the_page_that_holds_the_quote():
    cut = DOC.index("\n\nThe board") + 2
    cut2 = DOC.index("\n\nAnnex") + 2
    pages = [Page(1, "i", 0, cut), Page(2, "ii", cut, cut2), Page(3, "3", cut2, len(DOC))]
    quote = "chaired by Ms. Rahman"
    start = DOC.index(quote)
    view = render.source_view(record(pages), DOC, start, start + len(quote))
    assert view.text == DOC[cut:cut2]
    assert view.text[view.start : view.end] == quote
    assert view.where == "Page 2 of 3 (printed ii)"
    html = render.viewer_html(view)
    assert f"<mark>{quote}</mark>" in html and "Minutes of the pilot" not in html and "Annex" not in html
    assert "&lt;b&gt;not bold&lt;/b&gt;" in html


def test_a_page_read_by_ocr_says_so_in_the_viewer_and_the_citation():
    cut = DOC.index("\n\nThe board") + 2
    pages = [Page(1, "1", 0, cut), Page(2, "2", cut, len(DOC), ocr=True)]
    quote = "chaired by Ms. Rahman"
    start = DOC.index(quote)
    view = render.source_view(record(pages), DOC, start, start + len(quote))
    assert view.where == "Page 2 of 2 · text recognised from the image (OCR)"
    assert "text recognised from the image (OCR)" in render.viewer_html(view)
    first = render.source_view(record(pages), DOC, 0, 5)
    assert first.where == "Page 1 of 2", "a page from the text layer says nothing of OCR"
    c = cite(quote, page=2, ocr=True)
    assert render.page_text(c) == "p. 2, text recognised from the image"


def test_source_view_of_a_long_unpaged_document_is_a_window_around_the_quote():
    text = ("filler line\n" * 2000) + "THE QUOTE" + ("\nmore filler" * 2000)
    start = text.index("THE QUOTE")
    view = render.source_view(None, text, start, start + 9, title="T", source="t.txt")
    assert view.text[view.start : view.end] == "THE QUOTE"
    assert len(view.text) <= 2 * render.WINDOW + 9 and view.where.startswith("Characters ")
    small = render.source_view(None, DOC, 5, 10, title="T", source="t.txt")
    assert small.text == DOC and small.where == "Whole document"


def test_chat_messages_escape_the_question_too():
    a = answer("Nothing [1]", [cite("The board")], question=XSS)
    user, bot = render.chat_messages((a,))
    assert user == {"role": "user", "content": render.esc(XSS)}
    assert bot["role"] == "assistant" and "<img" not in bot["content"]


def test_library_and_status_are_escaped():
    r = record()
    r = DocRecord(**{**r.__dict__, "title": XSS, "source": "a<b>.md"})
    html = render.library_html([r])
    assert "<script" not in html and "<img" not in html and "a&lt;b&gt;.md" in html
    assert 'data-act="delete"' in html and 'data-key="/docs::board.pdf"' in html
    status = render.status_html(InUse(None, "/tmp/<x>", "all-MiniLM-L6-v2", 1, 2, "/tmp/<x>/uploads"))
    assert "/tmp/&lt;x&gt;" in status and "<x>" not in status


def test_notes_renumber_citations_into_one_reference_list(tmp_path):
    from docx import Document

    one = answer(
        "The board was chaired by Ms. Rahman [1] and it approved 12 upazilas [2].",
        [cite("The board was chaired by Ms. Rahman", 1), cite("It approved 12 upazilas", 2)],
    )
    two = answer("It approved 12 upazilas [1].", [cite("It approved 12 upazilas", 1)], question="What was approved?")
    chunk = Chunk(
        id="c",
        doc_key="/docs::annex.txt",
        source="annex.txt",
        title="Annex",
        kind="",
        date="",
        page=None,
        page_label="",
        start=0,
        end=12,
        position=0,
        text="Distribution",
    )
    notes = (answer_note(one), citation_note(two, two.citations[0]), hit_note(two, Hit(chunk, 1, 1, 1)))
    items, cited = numbered(notes)
    assert [c.n for c in cited] == [1, 2, 3]  # the repeated quote is cited once
    assert items[1][1] == "“It approved 12 upazilas” [2]"
    assert items[2][1] == "“Distribution” [3]"

    md = notes_markdown(notes)
    assert "## 1. Who chaired it?" in md and "## 2. What was approved?" in md
    refs = md.split("## References")[1]
    assert "1. Pilot board minutes (n.d.). File board.txt. “The board was chaired by Ms. Rahman”" in refs
    assert "3. Annex (n.d.). File annex.txt. “Distribution”" in refs

    path = notes_docx(notes, tmp_path / "notes.docx")
    paragraphs = [p.text for p in Document(str(path)).paragraphs]
    assert paragraphs[paragraphs.index("References") + 1 :] == [
        f"[{c.n}] {ref}" for c, ref in zip(cited, [r.split(". ", 1)[1] for r in refs.strip().splitlines()], strict=True)
    ]
    assert Document(str(path)).core_properties.created.year >= 2026  # not python-docx's template date


def test_upload_names_cannot_leave_the_folder_and_types_are_checked(tmp_path):
    from nsss.ui.uploads import receive, safe_name

    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("..\\..\\boot.ini") == "boot.ini"
    assert safe_name(".hidden.md") == "hidden.md"
    assert safe_name("...") == "upload"
    assert safe_name("সামাজিক নিরাপত্তা.pdf") == "সামাজিক নিরাপত্তা.pdf"
    assert len(safe_name("x" * 500 + ".docx")) == 120 and safe_name("x" * 500 + ".docx").endswith(".docx")

    incoming = tmp_path / "incoming"
    incoming.mkdir()
    files = {
        "../../escape.md": b"# Hi\n\ntext",
        "big.txt": b"x" * 3_000_000,
        "tool.exe": b"MZ",
        "empty.md": b"",
        "ok.html": b"<p>fine</p>",
    }
    pairs = []
    for i, (name, data) in enumerate(files.items()):
        temp = incoming / f"t{i}"
        temp.write_bytes(data)
        pairs.append((temp, name))
    folder = tmp_path / "store" / "uploads"
    saved, refused = receive(pairs, folder, max_mb=2)
    assert sorted(p.name for p in saved) == ["escape.md", "ok.html"]
    assert all(p.parent == folder.resolve() for p in saved)
    assert not (tmp_path / "escape.md").exists()
    reasons = dict(refused)
    assert reasons["big.txt"].startswith("is 2.86 MB, over the 2 MB limit")
    assert reasons["tool.exe"].startswith(".exe is not a supported type")
    assert reasons["empty.md"] == "is empty"


def test_login_setting_must_be_user_and_password():
    from nsss.core.settings import SettingsError
    from nsss.ui.app import parse_auth

    assert parse_auth("") is None
    assert parse_auth("ana:pa:ss") == ("ana", "pa:ss")
    for bad in ("ana", ":pw", "ana:"):
        with pytest.raises(SettingsError, match="user:password"):
            parse_auth(bad)


# The Bangla interface beyond its labels: exports, references, and why a file or a question was refused -------------

ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def test_bangla_exports_and_references_are_labelled_in_bangla_and_keep_the_documents_words(tmp_path):
    from docx import Document

    c = cite(
        "The board was chaired by Ms. Rahman",
        page=3,
        page_label="iv",
        ocr=True,
        date="2019-03-14",
        url="https://news.example.org/2019/03/14/board",
        publisher="Pilot Secretariat",
    )
    answer = Answer("Who chaired it?", "The board was chaired by Ms. Rahman [1]", False, (c,), ())
    notes = (answer_note(answer), citation_note(answer, c))
    own = [c.title, c.quote, c.url, c.source, c.publisher, answer.question, "iv"]  # the documents' and user's words

    def english_left(text: str) -> list[str]:
        for words in sorted(own, key=len, reverse=True):
            text = text.replace(words, "")
        return ENGLISH_WORD.findall(text)

    md = notes_markdown(notes, lang="bn")
    assert md.startswith("# পটভূমি নোট\n") and "\n## তথ্যসূত্র\n" in md and "*উত্তর:*" in md
    assert "Pilot Secretariat (১৪ মার্চ ২০১৯). Pilot board minutes, পৃ. ৩ (ছাপা iv), ছবি থেকে পড়া লেখা." in md
    assert "ফাইল board.txt" in md and "“The board was chaired by Ms. Rahman”" in md
    assert not english_left(md), english_left(md)
    paragraphs = [p.text for p in Document(str(notes_docx(notes, tmp_path / "n.docx", lang="bn"))).paragraphs]
    assert paragraphs[0] == "পটভূমি নোট" and "তথ্যসূত্র" in paragraphs
    assert not english_left("\n".join(paragraphs)), english_left("\n".join(paragraphs))

    card = render.citation_card(c, 0, lang="bn")  # the Sources card and its copied citation, too
    assert "১৪ মার্চ ২০১৯" in card and "File board.txt" not in card and "p. 3" not in card
    english = notes_markdown(notes)  # the English interface is unchanged
    assert "## References" in english and "Pilot Secretariat (14 March 2019). Pilot board minutes, p. 3" in english


def test_why_a_file_or_question_was_refused_is_said_in_bangla(tmp_path):
    from nsss.ingest.load import load
    from nsss.ingest.types import LoadError
    from nsss.ui.i18n import reason
    from nsss.ui.service import check_question
    from nsss.ui.uploads import check, receive
    from pypdf import PdfWriter

    def load_reason(name: str, data: bytes) -> str:
        (tmp_path / name).write_bytes(data)
        with pytest.raises(LoadError) as caught:
            load(tmp_path / name)
        return caught.value.reason

    (tmp_path / "big.pdf").write_bytes(b"%PDF-" + b"0" * 3 * 1024 * 1024)
    (tmp_path / "zero.md").write_bytes(b"")
    locked = PdfWriter()
    locked.add_blank_page(200, 200)
    locked.encrypt("secret")
    locked.write(tmp_path / "locked.pdf")
    blank = PdfWriter()
    blank.add_blank_page(200, 200)
    blank.write(tmp_path / "blank.pdf")
    reasons = [
        check(tmp_path / "zero.md", "report.xyz", 10),
        check(tmp_path / "zero.md", "README", 10),
        check(tmp_path / "zero.md", "zero.md", 10),
        check(tmp_path / "big.pdf", "big.pdf", 1),
        receive([(tmp_path / "zero.md", "../.")], tmp_path / "up", 10)[1][0][1],
        load_reason("fake.pdf", b"1234567890"),
        load_reason("bin.txt", b"\x00\x01\x02\x03" * 200),
        load_reason("spaces.txt", b"   \n\n  "),
        load_reason("locked.pdf", (tmp_path / "locked.pdf").read_bytes()),
        load_reason("blank.pdf", (tmp_path / "blank.pdf").read_bytes()),
    ]
    with pytest.raises(ValueError) as long_question:
        check_question("why " * 600, 2000)
    reasons.append(str(long_question.value))
    for english in reasons:
        bangla = reason("bn", english)
        assert "ইংরেজিতে" not in bangla, f"not in the catalogue: {english}"
        left = ENGLISH_WORD.findall(re.sub(r"\w*\.\w+|NSSS_\w+|MB|OCR", "", bangla))
        assert not left, (english, bangla)
        assert reason("en", english) == english
    assert "১২" in reason("bn", "is 12 MB, over the 10 MB limit")  # figures in Bangla digits
    unknown = reason("bn", "the moon is in the way")
    assert "ইংরেজিতে" in unknown and "the moon is in the way" in unknown, "an unknown reason is shown as it is"


def test_every_action_a_click_sends_is_one_the_app_handles():
    """The data-act names are written once (render.Act): the page's script, the HTML and the app agree on them."""
    from nsss.ui import app

    script = (Path(render.__file__).parent / "static" / "bridge.js").read_text(encoding="utf-8")
    named = set(re.findall(r'act === "([a-z-]+)"', script))
    assert named and named <= {a.value for a in render.Act}
    handled = set(app.NOTE_EDITS) | set(app.OPENS) | set(app.PINS) | {render.Act.EDIT, render.Act.DELETE}
    assert handled | {render.Act.COPY} == set(render.Act), "every action is handled by the app or in the browser"
    one = answer("The board was chaired by Ms. Rahman [1].", [cite("The board was chaired by Ms. Rahman", 1)])
    shown = render.notes_html(*numbered((answer_note(one), answer_note(one)))) + render.sources_html(one, 0)
    acts = set(re.findall(r'data-act="([a-z-]+)"', shown))
    assert {"up", "down", "rename", "unpin", "open", "pin", "copy"} <= acts <= {a.value for a in render.Act}


def test_document_kinds_are_named_in_the_interface_language():
    import dataclasses

    workshop = dataclasses.replace(record(), kind="workshop")
    typed = dataclasses.replace(record(), key="/docs::b.pdf", kind="board paper")
    bangla = render.library_html([workshop, typed], "bn")
    assert "কর্মশালা" in bangla and ">workshop<" not in bangla
    assert "board paper" in bangla, "a kind a person typed is shown as typed"
    assert ">workshop<" in render.library_html([workshop], "en")
