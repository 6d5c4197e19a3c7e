"""The drafting desk in a real browser (Debian's Chromium, Playwright) against real `nsss serve` processes: notes that
survive a reload and a restart, references with URL and date, topic briefs, the printed PDF page, the Bangla
interface, and the defects of issue 10, at laptop (1400x900) and phone (390x844) sizes, with screenshots."""

import base64
import contextlib
import io
import re
import shutil
import threading
from pathlib import Path

import pytest
from conftest import PROJECT, SCAN, clean_env, write_pdf, write_scan, yellow_rows
from nsss.core.settings import BUNDLED_CORPUS, Settings
from nsss.eval.bench import CHROMIUM, CHROMIUM_ARGS

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

OUTPUT = PROJECT / "test-output"
WAIT = 90_000
LAPTOP, PHONE = {"width": 1400, "height": 900}, {"width": 390, "height": 844}
NEWS = {  # three dated web pages about one programme, out of date order by name
    "c-kiosk-2023.md": (
        "Kiosk allowance reaches every upazila",
        "https://news.example.org/2023/07/09/kiosk",
        "The Kiosk Allowance Programme now pays widows in all 495 upazilas, the ministry said.",
    ),
    "a-kiosk-2019.md": (
        "Kiosk allowance piloted in Rangpur",
        "https://news.example.org/2019/03/14/kiosk-pilot",
        "The Kiosk Allowance Programme began as a pilot for 4,812 widows in Rangpur division.",
    ),
    "b-kiosk-2021.md": (
        "Kiosk allowance goes digital",
        "https://news.example.org/2021/11/02/kiosk-g2p",
        "Payments of the Kiosk Allowance Programme moved to mobile accounts in 2021.",
    ),
}
LEDGER = [
    "Annual Review of the Ledger Pilot. Page one is an introduction about district offices and their staff.",
    "The Ledger Pilot Steering Board was chaired by Ms. Rokeya Haqverdi, Additional Secretary, at its first "
    "sitting. The board approved the pilot budget for twelve upazilas.",
    "Page three lists annexes and the distribution of the report to ministries.",
]

DOCUMENTS = 10
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed")


@pytest.fixture(scope="module")
def desk_store(tmp_path_factory, embedder) -> Path:
    """The bundled corpus, three dated news pages, a three-page PDF and a scanned page, in a store of our own."""
    from nsss.ingest import ingest

    base = tmp_path_factory.mktemp("desk")
    news = base / "news"
    news.mkdir()
    for name, (title, url, text) in NEWS.items():
        (news / name).write_text(
            f"---\ntitle: {title}\nurl: {url}\n---\n\n# {title}\n\n**Dhaka.** {text}\n", encoding="utf-8"
        )
    write_pdf(news / "ledger-pilot-review.pdf", LEDGER, title="Annual Review of the Ledger Pilot")
    write_scan(news / "harbour-minutes.pdf", SCAN)
    store = base / "store"
    report = ingest([BUNDLED_CORPUS, news], Settings(store=store), progress=False)
    assert not report.failed and report.documents == DOCUMENTS
    return store


@pytest.fixture(scope="module")
def desk_env(tmp_path_factory):
    return clean_env(tmp_path_factory.mktemp("desk-home"))


@pytest.fixture(scope="module")
def server(desk_store, desk_env):
    from ui_server import start, stop

    running = start(desk_store, desk_env)
    yield running
    stop(running)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_page(browser, url: str, viewport=LAPTOP):
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    page.goto(url)
    expect(page.locator("#nsss-status-line")).to_contain_text(str(DOCUMENTS), timeout=WAIT)
    return page


@pytest.fixture
def page(browser, server):
    page = open_page(browser, server.url)
    yield page
    page.context.close()


def ask(page, question: str):
    page.locator("#nsss-question textarea").fill(question)
    page.locator("#nsss-ask").click()
    expect(page.locator("#nsss-sources .nsss-panel-title")).to_contain_text(question, timeout=WAIT)


def shot(page, name: str) -> Path:
    OUTPUT.mkdir(exist_ok=True)
    path = OUTPUT / f"{name}.png"
    page.mouse.move(0, 0)
    page.screenshot(path=str(path))
    return path


def no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"the page is {width} px wide and scrolls sideways"


def open_tab(page, name: str) -> None:
    """Open a tab, through Gradio's "More tabs" menu when the screen is too narrow to show them all."""
    tab = page.get_by_role("tab", name=name)
    if tab.count() and tab.first.is_visible():
        tab.first.click()
        return
    page.get_by_role("button", name="More tabs").click()
    page.locator("#nsss-tabs .overflow-dropdown button", has_text=name).click()


def clear_notes(page):
    open_tab(page, "Notes")
    remove = page.locator("#nsss-notes [data-act=unpin]")
    while remove.count():
        count = remove.count()
        remove.first.click()
        expect(remove).to_have_count(count - 1, timeout=WAIT)


def test_notes_survive_a_reload_and_a_restart_and_can_be_renamed_reordered_and_removed(
    browser, server, desk_store, desk_env, tmp_path
):
    from ui_server import start, stop

    page = open_page(browser, server.url)
    clear_notes(page)
    page.get_by_role("tab", name="Chat").click()
    ask(page, "Who chaired the Ledger Pilot Steering Board?")
    page.locator("#nsss-chat a.nsss-pin-link").last.click()
    expect(page.locator(".toast-body").last).to_contain_text("Pinned to notes (1", timeout=WAIT)
    ask(page, "When did the Kiosk Allowance Programme begin as a pilot?")
    page.locator("#nsss-sources .nsss-cite").first.get_by_role("button", name="Pin to notes").click()
    expect(page.locator(".toast-body").last).to_contain_text("(2 in the Notes tab)", timeout=WAIT)

    page.reload()
    expect(page.locator("#nsss-status-line")).to_contain_text(str(DOCUMENTS), timeout=WAIT)
    page.get_by_role("tab", name="Notes").click()
    notes = page.locator("#nsss-notes .nsss-note")
    expect(notes).to_have_count(2, timeout=WAIT)
    expect(notes.nth(0)).to_contain_text("Ledger Pilot")

    notes.nth(1).locator("[data-act=up]").click()  # reorder
    expect(notes.nth(0)).to_contain_text("Kiosk", timeout=WAIT)
    page.once("dialog", lambda d: d.accept("Kiosk allowance: where it began"))
    notes.nth(0).get_by_role("button", name="Rename").click()
    expect(notes.nth(0).locator(".nsss-note-heading")).to_have_text("Kiosk allowance: where it began", timeout=WAIT)
    refs = page.locator("#nsss-notes .nsss-refs li")
    expect(refs.first).to_contain_text("https://news.example.org/2019/03/14/kiosk-pilot")
    expect(refs.first).to_contain_text("14 March 2019")

    with page.expect_download() as got:  # one click exports; the references carry URL and date
        page.locator("#nsss-export-md").click()
    md = Path(got.value.path()).read_text(encoding="utf-8")
    assert "## 1. Kiosk allowance: where it began" in md
    assert re.search(
        r"news\.example\.org \(14 March 2019\)\. Kiosk allowance piloted in Rangpur\. "
        r"https://news\.example\.org/2019/03/14/kiosk-pilot",
        md,
    ), md
    with page.expect_download() as got:
        page.locator("#nsss-export-docx").click()
    from docx import Document

    paragraphs = [p.text for p in Document(got.value.path()).paragraphs]
    assert any("https://news.example.org/2019/03/14/kiosk-pilot" in p and "14 March 2019" in p for p in paragraphs)
    page.context.close()

    stop(server)  # the module's server; a new one on the same store must show the same notes
    again = start(desk_store, desk_env)
    server.proc, server.url, server.output = again.proc, again.url, again.output
    page = open_page(browser, server.url)
    page.get_by_role("tab", name="Notes").click()
    notes = page.locator("#nsss-notes .nsss-note")
    expect(notes).to_have_count(2, timeout=WAIT)
    expect(notes.nth(0).locator(".nsss-note-heading")).to_have_text("Kiosk allowance: where it began")
    notes.nth(0).get_by_role("button", name="Remove").click()
    expect(notes).to_have_count(1, timeout=WAIT)
    expect(notes.nth(0)).to_contain_text("Ledger Pilot")
    assert not page.js_errors
    page.context.close()


@contextlib.contextmanager
def app_in_this_process(desk_store: Path, tmp_path: Path):
    """Serve the web app from this process over a copy of the desk store, so that a test can hold one of its events
    open (as a loaded laptop would) and see what another event of the same page does meanwhile; yield its address."""
    from nsss.ui import app
    from ui_server import free_port

    store = tmp_path / "desk"
    shutil.copytree(desk_store, store)
    demo = app.build_app(Settings.load(store=store))
    demo.queue(default_concurrency_limit=4)
    demo.launch(server_port=free_port(), prevent_thread_lock=True, quiet=True, **app.launch_options())
    try:
        yield demo.local_url
    finally:
        demo.close()


@contextlib.contextmanager
def _releasing(event: threading.Event):
    """Set an event on the way out, so that a held handler never outlives a failed test (the app waits for it)."""
    try:
        yield
    finally:
        event.set()


def test_a_pin_slow_to_finish_does_not_undo_an_answer_that_lands_meanwhile(
    browser, desk_store, settings, monkeypatch, tmp_path
):
    # In this process, so that the first pin's export can be held up (as on a loaded laptop) until the second
    # answer is on the page: Gradio stores a handler's State outputs when it returns, and a pin must not store back
    # the session it read before that answer.
    from nsss.ui import app

    held, release = threading.Event(), threading.Event()
    write = app.Exports.write

    def slow_write(self, *args, **kwargs):
        if not held.is_set():  # the first pin's export waits until the second answer is on the page
            held.set()
            release.wait(WAIT / 1000)
        return write(self, *args, **kwargs)

    with app_in_this_process(desk_store, tmp_path) as url, _releasing(release):
        page = open_page(browser, url)
        page.get_by_role("tab", name="Chat").click()
        ask(page, "Who chaired the Ledger Pilot Steering Board?")
        monkeypatch.setattr(app.Exports, "write", slow_write)
        page.locator("#nsss-chat a.nsss-pin-link").last.click()
        assert held.wait(WAIT / 1000), "the pin never reached its export"
        ask(page, "When did the Kiosk Allowance Programme begin as a pilot?")
        release.set()  # the first pin ends now, after the second answer was stored in the session
        page.locator("#nsss-sources .nsss-cite").first.get_by_role("button", name="Pin to notes").click()
        expect(page.locator(".toast-body").last).to_contain_text("(2 in the Notes tab)", timeout=WAIT)
        assert not page.js_errors
        page.context.close()


def test_new_conversation_while_an_answer_is_pending_is_not_undone_when_it_lands(
    browser, desk_store, settings, monkeypatch, tmp_path
):
    # In this process, so that the second answer can be held until "New conversation" has been clicked: the answer
    # read the session before the click, and must not store back the conversation the click cleared.
    from nsss.ui import service

    held, release = threading.Event(), threading.Event()
    answer = service.Service.answer

    def slow_answer(self, question, *args, **kwargs):
        if "Kiosk" in question:  # the second question waits until the conversation has been cleared
            held.set()
            release.wait(WAIT / 1000)
        return answer(self, question, *args, **kwargs)

    monkeypatch.setattr(service.Service, "answer", slow_answer)
    with app_in_this_process(desk_store, tmp_path) as url, _releasing(release):
        page = open_page(browser, url)
        page.get_by_role("tab", name="Chat").click()
        ask(page, "Who chaired the Ledger Pilot Steering Board?")
        page.locator("#nsss-question textarea").fill("When did the Kiosk Allowance Programme begin as a pilot?")
        page.locator("#nsss-ask").click()
        assert held.wait(WAIT / 1000), "the second question never reached the assistant"
        page.locator("#nsss-new").click()
        expect(page.locator("#nsss-chat")).not_to_contain_text("Ledger Pilot", timeout=WAIT)
        release.set()
        expect(page.locator("#nsss-sources .nsss-panel-title")).to_contain_text("Kiosk", timeout=WAIT)
        expect(page.locator("#nsss-chat")).to_contain_text("Kiosk", timeout=WAIT)
        expect(page.locator("#nsss-chat")).not_to_contain_text("Ledger Pilot")  # the cleared turn stays cleared
        assert not page.js_errors
        page.context.close()


def test_a_brief_lists_passages_from_several_documents_in_date_order(page):
    page.get_by_role("tab", name="Brief").click()
    page.locator("#nsss-topic textarea").fill("Kiosk Allowance Programme")
    page.locator("#nsss-brief-go").click()
    docs = page.locator("#nsss-brief .nsss-brief-doc")
    expect(docs.first).to_be_visible(timeout=WAIT)
    titles = docs.locator(".nsss-title").all_inner_texts()
    assert titles[:3] == [
        "Kiosk allowance piloted in Rangpur",
        "Kiosk allowance goes digital",
        "Kiosk allowance reaches every upazila",
    ], titles
    assert docs.locator(".nsss-date").all_inner_texts()[:3] == ["14 March 2019", "2 November 2021", "9 July 2023"]
    expect(docs.first.locator(".nsss-ref-text")).to_contain_text("https://news.example.org/2019/03/14/kiosk-pilot")
    assert "**" not in docs.first.inner_text() and "# " not in docs.first.inner_text()
    shot(page, "brief-1400x900")

    with page.expect_download() as got:
        page.locator("#nsss-brief-md").click()
    md = Path(got.value.path()).read_text(encoding="utf-8")
    assert md.index("14 March 2019") < md.index("2 November 2021") < md.index("9 July 2023")
    assert "https://news.example.org/2023/07/09/kiosk" in md
    with page.expect_download() as got:
        page.locator("#nsss-brief-docx").click()
    assert Path(got.value.path()).stat().st_size > 5000

    docs.nth(1).get_by_role("button", name="Pin to notes").click()
    expect(page.locator(".toast-body").last).to_contain_text("Pinned to notes", timeout=WAIT)
    page.get_by_role("tab", name="Notes").click()
    expect(page.locator("#nsss-notes .nsss-note").last).to_contain_text("Brief: Kiosk Allowance Programme")
    page.get_by_role("radio", name="Numbered").check()  # the citation style applies to notes and briefs at once
    expect(page.locator("#nsss-notes .nsss-refs li").last).to_contain_text(
        "Kiosk allowance goes digital. news.example.org, 2 November 2021.", timeout=WAIT
    )
    page.get_by_role("tab", name="Brief").click()
    expect(docs.first.locator(".nsss-ref-text")).to_contain_text("Kiosk allowance piloted in Rangpur. news.example.org")
    docs.nth(2).get_by_role("button", name="Open source").click()  # opens in the Chat tab's viewer
    expect(page.locator("#nsss-viewer mark")).to_contain_text("495 upazilas", timeout=WAIT)
    expect(page.locator("#nsss-viewer")).to_be_visible()


def test_the_viewer_shows_the_printed_pdf_page_with_the_quote_highlighted_and_in_view(page):
    ask(page, "Who chaired the Ledger Pilot Steering Board?")
    page.locator("#nsss-sources .nsss-cite", has_text="Ledger Pilot").first.get_by_role(
        "button", name="Open source"
    ).click()
    figure = page.locator("#nsss-viewer .nsss-page-image")
    expect(figure).to_be_visible(timeout=WAIT)
    assert int(figure.get_attribute("data-boxes")) >= 1
    from PIL import Image

    src = figure.locator("img").get_attribute("src")
    image = Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))).convert("RGB")
    top = int(float(figure.get_attribute("data-focus")) * image.height)
    band = [
        image.getpixel((x, y)) for x in range(0, image.width, 4) for y in range(top, min(image.height, top + 40), 2)
    ]
    assert sum(1 for r, g, b in band if r > 230 and g > 200 and b < 190) > 100, "the highlight is drawn on the page"
    viewer = page.locator("#nsss-viewer").bounding_box()
    assert viewer["y"] + 120 < page.viewport_size["height"], "the viewer is in view, not below the fold"
    expect(page.locator("#nsss-viewer .nsss-viewer-text mark")).to_contain_text("Rokeya Haqverdi")
    fonts = page.evaluate(
        "['#nsss-viewer .nsss-viewer-text', '#nsss-sources .nsss-passage', '#nsss-chat .bot-row p']"
        ".map(s => getComputedStyle(document.querySelector(s)).fontFamily)"
    )
    assert len(set(fonts)) == 1, f"the viewer's font differs from the rest of the app: {fonts}"
    shot(page, "viewer-pdf-1400x900")


def test_the_viewer_shows_a_scanned_page_with_the_quote_highlighted_from_its_ocr_words(page, tmp_path):
    ask(page, "Who chaired the Harbour Stipend Review Committee?")
    page.locator("#nsss-sources .nsss-cite", has_text="harbour-minutes.pdf").first.get_by_role(
        "button", name="Open source"
    ).click()
    figure = page.locator("#nsss-viewer .nsss-page-image")
    expect(figure).to_be_visible(timeout=WAIT)
    expect(page.locator("#nsss-viewer .nsss-page")).to_contain_text("text recognised from the image (OCR)")
    marked = " ".join(page.locator("#nsss-viewer .nsss-viewer-text mark").inner_text().split())
    assert "Tanvir Basharat" in marked, marked
    assert int(figure.get_attribute("data-boxes")) >= 1
    # The lines of the page the quote runs over, and the rows of the picture the highlight may take.
    covered = [i for i, line in enumerate(SCAN) if line and (line[:24] in marked or line[-24:] in marked)]
    bands = write_scan(tmp_path / "same-scan.pdf", SCAN)  # the same drawing as the store's copy
    rows = yellow_rows(figure.locator("img").get_attribute("src"))
    assert rows, "the highlight is drawn on the scanned page"
    top, bottom = bands[covered[0]][0] - 0.01, bands[covered[-1]][1] + 0.01
    assert all(top <= r <= bottom for r in rows), (covered, min(rows), max(rows))
    assert abs(float(figure.get_attribute("data-focus")) - bands[covered[0]][0]) < 0.01
    shot(page, "viewer-scan-1400x900")


def test_filters_in_force_are_named_and_filters_that_match_nothing_say_so(page):
    page.get_by_text("Filters: answer from").click()
    page.locator("#nsss-f-years input").click()
    page.locator("[role=option]", has_text="2019").first.click()
    page.keyboard.press("Escape")
    expect(page.locator("#nsss-filters")).to_contain_text("Filters on (1): Year: 2019")
    page.locator("#nsss-f-kinds input").click()
    page.locator("[role=option]", has_text="workshop").first.click()
    page.keyboard.press("Escape")
    ask(page, "Who chaired the focal point meeting?")
    bot = page.locator("#nsss-chat .bot-row").last
    expect(bot.locator(".nsss-in-force")).to_contain_text("Kind: workshop; Year: 2019")
    expect(bot).to_contain_text("No document matches these filters")
    assert "Not found in the documents" not in bot.inner_text()


def test_empty_ask_warns_without_error_badges_and_examples_ask_at_once(page):
    page.locator("#nsss-ask").click()
    expect(page.locator(".toast-body").first).to_contain_text("Type a question first", timeout=WAIT)
    page.wait_for_timeout(500)
    assert page.locator("#nsss-chat .error, #nsss-question .error, .error:has-text('Error')").count() == 0
    page.get_by_role("button", name="Who chaired the focal point meeting?").click()
    expect(page.locator("#nsss-sources .nsss-panel-title")).to_contain_text(
        "Who chaired the focal point meeting?", timeout=WAIT
    )
    expect(page.locator("#nsss-chat .bot-row").last.locator("a.nsss-ref").first).to_be_visible()
    labels = page.evaluate(
        "[...document.querySelectorAll('#nsss-chat [aria-label]')].map(e => e.getAttribute('aria-label'))"
    )
    assert labels and not any("<" in label for label in labels), labels


def test_markdown_documents_show_as_formatted_text_in_the_viewer(page):
    ask(page, "How many widows were in the Kiosk Allowance Programme pilot?")
    page.locator("#nsss-sources .nsss-cite", has_text="Rangpur").first.get_by_role("button", name="Open source").click()
    text = page.locator("#nsss-viewer .nsss-viewer-text")
    expect(text.locator("mark")).to_be_visible(timeout=WAIT)
    shown = text.inner_text()
    assert "**" not in shown and not re.search(r"^#", shown, re.M), shown
    expect(text.locator("b")).to_have_text("Dhaka.")


def test_the_library_edits_a_documents_details(page):
    page.get_by_role("tab", name="Library").click()
    row = page.locator("#nsss-library tr", has_text="ledger-pilot-review.pdf")
    row.get_by_role("button", name="Edit").click()
    expect(page.locator("#nsss-edit-title textarea")).to_have_value("Annual Review of the Ledger Pilot", timeout=WAIT)
    page.locator("#nsss-edit-date textarea").fill("last spring")
    page.locator("#nsss-edit-save").click()
    expect(page.locator(".toast-body").last).to_contain_text("'last spring' is not a date", timeout=WAIT)
    page.locator("#nsss-edit-date textarea").fill("2024-05-30")
    page.locator("#nsss-edit-publisher textarea").fill("Ledger Pilot Secretariat")
    page.locator("#nsss-edit-save").click()
    expect(page.locator("#nsss-upload-status")).to_contain_text("Saved the details", timeout=WAIT)
    cells = page.locator("#nsss-library tr", has_text="ledger-pilot-review.pdf").locator("td")
    expect(cells.nth(2)).to_have_text("2024-05-30")
    expect(cells.nth(3)).to_have_text("Ledger Pilot Secretariat")
    page.get_by_role("tab", name="Chat").click()
    ask(page, "Who chaired the Ledger Pilot Steering Board?")
    expect(page.locator("#nsss-sources .nsss-ref-text").first).to_contain_text(
        "Ledger Pilot Secretariat (30 May 2024). Annual Review of the Ledger Pilot, p. 2"
    )


def english_left(text: str, own: list[str]) -> list[str]:
    """Return the English words in a text once the documents' and the user's own words are taken out of it."""
    text = " ".join(text.split())
    for words in sorted((" ".join(o.split()) for o in own), key=len, reverse=True):
        text = text.replace(words, " ")
    text = re.sub(r"“[^”]*”|https?://\S+|[\w.-]*\.(?:pdf|md|txt|docx|exe|htm|html|markdown)\b|NSSS_\w+", " ", text)
    return re.findall(r"[A-Za-z]{3,}", re.sub(r"NSSS|DOCX|OCR|MB", " ", text))


def test_the_bangla_interface_shows_no_english_label(page, tmp_path):
    clear_notes(page)  # one note of our own, to export in Bangla
    page.get_by_role("tab", name="Chat").click()
    question = "Who chaired the Harbour Stipend Review Committee?"
    ask(page, question)
    page.locator("#nsss-chat a.nsss-pin-link").last.click()
    expect(page.locator(".toast-body").last).to_contain_text("Pinned to notes (1", timeout=WAIT)
    page.locator("#nsss-lang").get_by_text("বাংলা").click()
    expect(page.locator("#nsss-status-line")).to_contain_text("মডেল", timeout=WAIT)
    allowed = re.compile(r"NSSS|LLM|DOCX|\.docx|all-MiniLM-L6-v2|English|Central Management Committee|\[n\]|2024|ms")
    for tab in ("প্রশ্নোত্তর", "বিষয়ভিত্তিক সংকলন", "নোট", "দলিলসমূহ", "সেটিংস"):
        page.get_by_role("tab", name=tab).click()
        page.wait_for_timeout(300)
        labels = page.evaluate("""() => {
          const seen = [];
          const visible = (el) => el.offsetParent !== null;
          document.querySelectorAll('button, label, [role=tab], .nsss-panel-title, h1, .nsss-brand p, th, '
            + 'figcaption, .nsss-caption, .nsss-empty p, .nsss-placeholder, span[data-testid=block-info], '
            + '.label-wrap span, #nsss-upload .wrap').forEach((el) => {
              if (!visible(el) || el.closest('.nsss-note-text, .nsss-passage, #nsss-examples, .nsss-title, .nsss-q, tbody'))
                return;
              let said = el.innerText || '';  // a panel's title may hold the user's question: not a label
              el.querySelectorAll('.nsss-q').forEach((q) => { said = said.replace(q.innerText, ''); });
              seen.push(said.trim());
            });
          document.querySelectorAll('textarea, input[type=text]').forEach((el) => {
            if (visible(el) && el.placeholder) seen.push(el.placeholder); });
          return seen; }""")
        english = [s for s in labels if re.search(r"[A-Za-z]{3,}", allowed.sub("", s))]
        assert not english, f"English labels in the Bangla {tab} tab: {english}"
        if tab == "প্রশ্নোত্তর":
            shot(page, "bangla-1400x900")

    # The exports are labelled in Bangla; the documents' words and the question stay as they are.
    page.get_by_role("tab", name="নোট").click()
    said = page.locator("#nsss-notes .nsss-note-text p, #nsss-notes .nsss-note-text li").all_inner_texts()
    own = [question, "harbour-minutes", *said]
    with page.expect_download() as got:
        page.locator("#nsss-export-md").click()
    md = Path(got.value.path()).read_text(encoding="utf-8")
    assert md.startswith("# পটভূমি নোট\n") and "\n## তথ্যসূত্র\n" in md and "ছবি থেকে পড়া লেখা" in md, md
    assert not english_left(md, own), (english_left(md, own), md)
    with page.expect_download() as got:
        page.locator("#nsss-export-docx").click()
    from docx import Document

    paragraphs = [p.text for p in Document(got.value.path()).paragraphs]
    assert paragraphs[0] == "পটভূমি নোট" and "তথ্যসূত্র" in paragraphs
    assert not english_left("\n".join(paragraphs), own), english_left("\n".join(paragraphs), own)

    # Errors in the page: files refused on arrival, a file that cannot be read, a type the picker refuses.
    page.get_by_role("tab", name="দলিলসমূহ").click()
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "fake.pdf").write_bytes(b"1234567890")
    page.locator("#nsss-upload input[type=file]").set_input_files(
        [str(tmp_path / "empty.md"), str(tmp_path / "fake.pdf")]
    )
    expect(page.locator("#nsss-upload tbody tr")).to_have_count(2, timeout=WAIT)
    page.locator("#nsss-add").click()
    report = page.locator("#nsss-upload-status .nsss-upload-report")
    expect(report).to_contain_text("empty.md: ফাইলটি খালি", timeout=WAIT)
    expect(report).to_contain_text("fake.pdf: নাম .pdf, কিন্তু এটি পিডিএফ নয়")
    assert not english_left(report.inner_text(), []), report.inner_text()
    (tmp_path / "tool.exe").write_bytes(b"MZ\x90\x00binary")
    page.locator("#nsss-upload input[type=file]").set_input_files(str(tmp_path / "tool.exe"))
    toast = page.locator(".toast-body").last
    expect(toast).to_contain_text("এই ধরনের ফাইল নেওয়া যায় না", timeout=WAIT)
    assert not english_left(toast.inner_text(), []), toast.inner_text()
    shot(page, "bangla-errors-1400x900")


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1400x900", "390x844"])
def test_no_sideways_scroll_and_screenshots_at_both_sizes(browser, server, viewport):
    page = open_page(browser, server.url, viewport)
    size = f"{viewport['width']}x{viewport['height']}"
    no_sideways_scroll(page)
    ask(page, "Who chaired the Ledger Pilot Steering Board?")
    no_sideways_scroll(page)
    chips = page.locator("#nsss-status-line span").all()
    brand = page.locator(".nsss-brand p").bounding_box()
    for chip in chips:  # the status chips never sit on the subtitle
        box = chip.bounding_box()
        overlap = not (
            box["y"] >= brand["y"] + brand["height"]
            or box["y"] + box["height"] <= brand["y"]
            or box["x"] >= brand["x"] + brand["width"]
            or box["x"] + box["width"] <= brand["x"]
        )
        assert not overlap, "a status chip overlaps the subtitle"
    page.locator("#nsss-sources .nsss-cite").first.get_by_role("button", name="Open source").click()
    expect(page.locator("#nsss-viewer mark")).to_be_visible(timeout=WAIT)
    no_sideways_scroll(page)
    shot(page, f"chat-{size}")
    page.evaluate("window.scrollTo(0, 0)")
    open_tab(page, "Library")
    expect(page.locator("#nsss-library tbody tr").first).to_be_visible(timeout=WAIT)
    no_sideways_scroll(page)
    shot(page, f"library-{size}")
    assert not page.js_errors
    page.context.close()


@pytest.mark.slow
def test_the_page_latency_benchmark_runs(desk_store):
    import json
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "eval/bench/ui.py", "--store", str(desk_store), "--questions", "2", "--json"],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=600,
        env=clean_env(Path("/tmp")),
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    # Both questions answered in the page, each timed in the page and in the server. The overhead (page minus server)
    # is reported, not bounded: on a loaded machine the sources panel can show before the server has finished timing
    # the answer, so with two questions its median may fall below 0 (seen once, -86 ms, while the suite shared the
    # two cores with three evaluations).
    assert result["page"]["n"] == 2 and result["page"]["p50_ms"] > 0 and result["answer_in_server"]["p50_ms"] > 0
    assert isinstance(result["overhead"]["p50_ms"], (int, float))
