"""The web app in a real browser (Debian's Chromium driven by Playwright) against a real `nsss serve` process."""

import re
import uuid
from pathlib import Path

import pytest
from conftest import PROJECT, clean_env, write_pdf
from nsss.core.settings import BUNDLED_CORPUS, Settings
from nsss.eval.bench import CHROMIUM, CHROMIUM_ARGS

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

OUTPUT = PROJECT / "test-output"
PDF_PAGES = [
    "Annual Review of the Ledger Pilot. Page one is an introduction about district offices and their staff.",
    "The Ledger Pilot Steering Board was chaired by Ms. Rokeya Haqverdi, Additional Secretary, at its first sitting. "
    "The board approved the pilot budget for twelve upazilas.",
    "Page three lists annexes and the distribution of the report to ministries.",
]
WAIT = 90_000  # ms; answers take well under a second, but the machine may be busy with other tests

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed")


@pytest.fixture(scope="module")
def ui_store(tmp_path_factory, embedder) -> Path:
    """A store of our own (the tests upload and delete): the bundled corpus and a three-page PDF."""
    from nsss.ingest import ingest

    base = tmp_path_factory.mktemp("ui")
    extra = base / "reports"
    extra.mkdir()
    write_pdf(extra / "ledger-pilot-review.pdf", PDF_PAGES, title="Annual Review of the Ledger Pilot")
    store = base / "store"
    report = ingest([BUNDLED_CORPUS, extra], Settings(store=store), progress=False)
    assert not report.failed and report.documents == 6
    return store


@pytest.fixture(scope="module")
def server(ui_store, tmp_path_factory):
    from ui_server import start, stop

    env = clean_env(tmp_path_factory.mktemp("ui-home"))
    running = start(ui_store, env)
    yield running
    stop(running)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1440, "height": 960}, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url.rstrip("/"))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server.url)
    expect(page.locator("#nsss-status-line")).to_contain_text("Model:", timeout=WAIT)
    page.js_errors, page.requested = errors, requested
    yield page
    context.close()


def ask(page, question: str):
    """Type a question, press Ask, and wait for its sources to show."""
    page.locator("#nsss-question textarea").fill(question)
    page.locator("#nsss-ask").click()
    expect(page.locator("#nsss-sources .nsss-panel-title")).to_contain_text(question, timeout=WAIT)


def upload(page, *paths: Path):
    """Add files through the Library tab and return the upload report's text."""
    page.get_by_role("tab", name="Library").click()
    page.locator("#nsss-upload input[type=file]").set_input_files([str(p) for p in paths])
    expect(page.locator("#nsss-upload tbody tr")).to_have_count(len(paths), timeout=WAIT)
    page.locator("#nsss-add").click()
    report = page.locator("#nsss-upload-status .nsss-upload-report")
    expect(report).to_be_visible(timeout=WAIT)
    return report.inner_text()


def test_ask_shows_answer_with_markers_and_a_citation(page):
    ask(page, "Who chaired the focal point meeting?")
    answer = page.locator("#nsss-chat .bot-row").last
    expect(answer.locator("a.nsss-ref").first).to_have_text("[1]")
    card = page.locator("#nsss-sources .nsss-cite").first
    expect(card.locator(".nsss-title")).to_contain_text("Focal Point")
    quote = card.locator("mark").first.inner_text()
    assert len(quote) > 20
    text = (BUNDLED_CORPUS / "focal-point-meeting-2022-06-26.txt").read_text(encoding="utf-8")
    assert " ".join(quote.split()) in " ".join(text.split())
    expect(card.locator(".nsss-ref-text")).to_contain_text("Meeting of the Social Protection Focal Points")
    assert not page.js_errors
    outside = [u for u in page.requested if not u.startswith((page.url.rstrip("/"), "data:", "blob:"))]
    assert not outside, f"the page fetched from outside this computer: {outside[:5]}"


def test_citation_opens_the_pdf_page_with_the_quote_highlighted_and_in_view(page):
    ask(page, "Who chaired the Ledger Pilot Steering Board?")
    card = page.locator("#nsss-sources .nsss-cite", has_text="Ledger Pilot").first
    expect(card.locator(".nsss-page")).to_have_text("p. 2")
    card.get_by_role("button", name="Open source").click()
    viewer = page.locator("#nsss-viewer")
    expect(viewer.locator(".nsss-viewer-head")).to_contain_text("Page 2 of 3", timeout=WAIT)
    mark = viewer.locator("mark")
    expect(mark).to_contain_text("Rokeya Haqverdi")
    body = viewer.locator(".nsss-viewer-text").inner_text()
    assert "introduction about district offices" not in body and "lists annexes" not in body  # only page 2
    box, spot = viewer.locator(".nsss-viewer-text").bounding_box(), mark.bounding_box()
    assert box["y"] - 1 <= spot["y"] <= box["y"] + box["height"], "the quote is scrolled into view"

    page.locator("#nsss-chat a.nsss-ref").first.click()  # a marker in the answer opens its source too
    expect(mark).to_be_visible()

    page.get_by_role("button", name="Copy citation").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert re.search(r"Annual Review of the Ledger Pilot \([^)]*\), p\. 2\.", copied) and "Rokeya Haqverdi" in copied
    shown = page.locator("#nsss-sources .nsss-ref-text").first.inner_text()
    assert copied.startswith(shown) and copied.endswith("at its first sitting.”")  # the card shows the quote above


def test_follow_up_uses_the_conversation_and_abstention_is_clear(page):
    ask(page, "Who chaired the Ledger Pilot Steering Board?")
    ask(page, "And what budget did it approve?")
    expect(page.locator("#nsss-chat .message-row")).to_have_count(4)
    expect(page.locator("#nsss-sources")).to_contain_text("twelve upazilas")

    ask(page, "How many tractors were bought for farmers in 1899?")
    expect(page.locator("#nsss-chat .bot-row").last).to_contain_text("Not found in the documents")
    expect(page.locator("#nsss-sources .nsss-abstain")).to_contain_text("Nearest passages")
    assert page.locator("#nsss-sources .nsss-near").count() >= 3
    page.locator("#nsss-sources .nsss-near").first.get_by_role("button", name="Open source").click()
    expect(page.locator("#nsss-viewer mark")).to_be_visible(timeout=WAIT)


def choose(page, dropdown: str, option: str):
    """Pick an option of a multiselect dropdown in the Filters panel."""
    filters = page.locator("#nsss-filters")
    if not filters.locator(dropdown).is_visible():
        page.get_by_text("Filters: answer from").click()
    filters.locator(f"{dropdown} input").click()
    page.locator("[role=option]", has_text=option).first.click()
    page.keyboard.press("Escape")


def test_filters_limit_answers_to_the_chosen_documents_and_years(page):
    choose(page, "#nsss-f-docs", "Annual Review of the Ledger Pilot")
    ask(page, "Who chaired the focal point meeting?")
    titles = page.locator("#nsss-sources .nsss-title").all_inner_texts()
    assert titles and set(titles) == {"Annual Review of the Ledger Pilot"}

    page.locator("#nsss-f-docs").get_by_role("button", name=re.compile("Remove|Clear|×")).first.click()
    choose(page, "#nsss-f-years", "2022")
    ask(page, "What does the progress report 2023 say about Action Plan II?")
    titles = page.locator("#nsss-sources .nsss-title").all_inner_texts()
    assert titles and not any("Progress Report 2023" in t for t in titles)


def test_library_and_settings_show_documents_and_what_is_in_use(page, ui_store):
    page.get_by_role("tab", name="Library").click()
    row = page.locator("#nsss-library tr", has_text="ledger-pilot-review.pdf").locator("td")
    expect(row.nth(0)).to_have_text("Annual Review of the Ledger Pilot")
    expect(row.nth(4)).to_have_text("3")  # pages
    assert int(row.nth(5).inner_text()) >= 1  # chunks
    focal = page.locator("#nsss-library tr", has_text="focal-point-meeting-2022-06-26.txt").locator("td")
    expect(focal.nth(2)).to_have_text("2022-06-26")
    expect(focal.nth(4)).to_have_text("–")  # a text file has no pages
    page.get_by_role("tab", name="Settings").click()
    settings = page.locator("#nsss-settings")
    expect(settings).to_contain_text("none — extractive answers")
    expect(settings).to_contain_text(str(ui_store))
    expect(settings).to_contain_text("all-MiniLM-L6-v2")
    expect(page.locator("#nsss-status-line")).to_contain_text("LLM: none — extractive answers")


def test_screenshot_of_the_main_screen(page):
    ask(page, "Who chaired the Ledger Pilot Steering Board?")
    page.locator("#nsss-sources .nsss-cite").first.get_by_role("button", name="Open source").click()
    expect(page.locator("#nsss-viewer mark")).to_be_visible(timeout=WAIT)
    page.mouse.move(0, 0)
    OUTPUT.mkdir(exist_ok=True)
    shot = OUTPUT / "screenshot-main.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000


def test_empty_question_shows_a_message_and_the_app_keeps_working(page):
    page.locator("#nsss-ask").click()
    expect(page.locator(".toast-body").first).to_contain_text("Type a question first", timeout=WAIT)
    ask(page, "Who chaired the focal point meeting?")
    expect(page.locator("#nsss-sources .nsss-cite").first).to_be_visible()


def test_upload_then_ask_cites_the_new_document(page, tmp_path):
    code = uuid.uuid4().hex[:6].upper()
    doc = tmp_path / "Kiosk pilot (draft).md"
    doc.write_text(
        f"# Kiosk Pilot Note {code}\n\nThe kiosk pilot enrolled 4,812 widows in Rangpur division "
        f"under reference {code}.\n",
        encoding="utf-8",
    )
    report = upload(page, doc)
    assert "Kiosk pilot (draft).md: indexed" in report
    cells = page.locator("#nsss-library tr", has_text=code).locator("td")
    expect(cells.nth(0)).to_have_text(f"Kiosk Pilot Note {code}")
    expect(cells.nth(6)).to_have_text("Kiosk pilot (draft).md")

    page.get_by_role("tab", name="Chat").click()
    ask(page, "How many widows did the kiosk pilot enrol in Rangpur division?")
    sources = page.locator("#nsss-sources")
    expect(sources.locator(".nsss-cite").first.locator(".nsss-title")).to_have_text(f"Kiosk Pilot Note {code}")
    expect(sources.locator("mark").first).to_contain_text("4,812")

    again = upload(page, doc)  # an upload is a sync: the same file again changes nothing
    assert "unchanged" in again


def test_upload_refuses_unsupported_files_with_a_reason_per_file(page, tmp_path):
    good = tmp_path / "good-note.txt"
    good.write_text("A plain note about grievance redress committees in Sylhet.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    report = upload(page, good, empty)
    assert "good-note.txt: indexed" in report
    assert "empty.txt: is empty" in report

    expect(page.locator("#nsss-upload tbody tr")).to_have_count(0)  # the picker is emptied after an upload
    bad = tmp_path / "tool.exe"
    bad.write_bytes(b"MZ\x90\x00binary")
    page.locator("#nsss-upload input[type=file]").set_input_files(str(bad))
    expect(page.locator(".toast-body").first).to_contain_text("Invalid file type", timeout=WAIT)
    expect(page.locator("#nsss-library")).not_to_contain_text("tool.exe")


def test_notes_export_markdown_and_docx_with_references(page, tmp_path):
    from docx import Document

    page.get_by_role("tab", name="Notes").click()  # notes are kept in the store: start from none
    remove = page.locator("#nsss-notes [data-act=unpin]")
    while remove.count():
        count = remove.count()
        remove.first.click()
        expect(remove).to_have_count(count - 1, timeout=WAIT)
    page.get_by_role("tab", name="Chat").click()
    ask(page, "Who chaired the Ledger Pilot Steering Board?")
    page.locator("#nsss-chat .nsss-meta a", has_text="Pin answer to notes").last.click()
    expect(page.locator(".toast-body").first).to_contain_text("Pinned", timeout=WAIT)
    page.locator("#nsss-sources .nsss-cite").first.get_by_role("button", name="Pin to notes").click()
    page.get_by_role("tab", name="Notes").click()
    notes = page.locator("#nsss-notes")
    expect(notes.locator(".nsss-note")).to_have_count(2, timeout=WAIT)
    expect(notes.locator(".nsss-refs")).to_contain_text(re.compile(r"Annual Review of the Ledger Pilot \(.*\), p\. 2"))

    with page.expect_download() as got:
        page.locator("#nsss-export-md").click()
    md = tmp_path / "notes.md"
    got.value.save_as(md)
    text = md.read_text(encoding="utf-8")
    assert "## References" in text and "Who chaired the Ledger Pilot Steering Board?" in text
    assert re.search(
        r"^1\. Annual Review of the Ledger Pilot \(.*\), p\. 2\. File ledger-pilot-review\.pdf\. "
        r"“.*Rokeya Haqverdi.*”$",
        text,
        re.M,
    )
    assert "[1]" in text.split("## References")[0]

    with page.expect_download() as got:
        page.locator("#nsss-export-docx").click()
    path = tmp_path / "notes.docx"
    got.value.save_as(path)
    paragraphs = [p.text for p in Document(str(path)).paragraphs]
    assert "References" in paragraphs
    refs = paragraphs[paragraphs.index("References") + 1 :]
    assert any(
        r.startswith("[1] Annual Review of the Ledger Pilot (") and ", p. 2." in r and "Rokeya Haqverdi" in r
        for r in refs
    )


def test_document_with_markup_is_shown_as_text_and_nothing_runs(page, tmp_path):
    code = uuid.uuid4().hex[:6].upper()
    doc = tmp_path / f"markup-{code}.md"
    payload = '<script>window.__xss=1</script> <img src=x onerror="window.__xss=2">'
    doc.write_text(
        f'# Markup <img src=x onerror="window.__xss=3"> note {code}\n\n'
        f"The zebra stipend for {code} was set at 777 taka per month. {payload}\n",
        encoding="utf-8",
    )
    assert "indexed" in upload(page, doc)
    expect(page.locator("#nsss-library")).to_contain_text('<img src=x onerror="window.__xss=3">')
    page.get_by_role("tab", name="Chat").click()
    page.get_by_text("Filters: answer from").click()
    page.locator("#nsss-f-docs input").click()  # the document list shows the title as text too
    expect(page.locator("[role=option]", has_text="onerror")).to_contain_text('<img src=x onerror="window.__xss=3">')
    page.keyboard.press("Escape")

    page.get_by_role("tab", name="Chat").click()
    ask(page, f"What was the zebra stipend for {code} set at?")
    card = page.locator("#nsss-sources .nsss-cite").first
    card.get_by_role("button", name="Open source").click()
    viewer = page.locator("#nsss-viewer .nsss-viewer-text")
    expect(viewer).to_contain_text(payload, timeout=WAIT)
    expect(page.locator("#nsss-viewer .nsss-viewer-head")).to_contain_text('<img src=x onerror="window.__xss=3">')
    card.get_by_role("button", name="Pin to notes").click()
    page.get_by_role("tab", name="Notes").click()
    expect(page.locator("#nsss-notes .nsss-refs")).to_contain_text("<img src=x")
    page.wait_for_timeout(500)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert (
        page.locator("#nsss-viewer img, #nsss-sources img, #nsss-library img, #nsss-chat img, #nsss-notes img").count()
        == 0
    )
    assert not page.js_errors


def test_delete_removes_the_document_from_answers(page, tmp_path, ui_store):
    code = uuid.uuid4().hex[:6].upper()
    doc = tmp_path / f"ostrich-{code}.txt"
    doc.write_text(
        f"Ostrich Fund {code}. The ostrich fund for {code} paid 9,431 taka to each household.\n", encoding="utf-8"
    )
    assert "indexed" in upload(page, doc)
    row = page.locator("#nsss-library tr", has_text=doc.name)
    expect(row).to_have_count(1)
    assert (ui_store / "uploads" / doc.name).is_file()
    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="Delete").click()
    expect(page.locator("#nsss-upload-status")).to_contain_text("Deleted", timeout=WAIT)
    expect(row).to_have_count(0)
    assert not (ui_store / "uploads" / doc.name).exists(), "the uploaded copy goes with the document"

    page.get_by_role("tab", name="Chat").click()
    ask(page, f"How much did the ostrich fund for {code} pay to each household?")
    expect(page.locator("#nsss-sources")).not_to_contain_text(doc.name)
