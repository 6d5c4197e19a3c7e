"""Format answers, citations, source pages, notes, briefs and the library as HTML, in English or Bangla.

Every piece of document text goes out escaped; labels come from ui.i18n.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from nsss.assistant.references import long_date, publisher, reference
from nsss.assistant.types import Answer, Citation
from nsss.core.types import DocRecord, Hit
from nsss.ingest.load import FORMATS
from nsss.ui.i18n import digits, kind_name, reason, reference_words
from nsss.ui.i18n import text as t
from nsss.ui.notes import Note, blocks
from nsss.ui.service import InUse

MARKER = re.compile(r"\[(\d+)\]")
NOT_FOUND = "Not found in the documents"
WINDOW = 3000  # characters shown either side of a quote in a document without pages
CARD_CONTEXT = 120  # characters of context either side of a quote on a source card
UPLOAD_TYPES = tuple(sorted(FORMATS))
SETTINGS_HELP = t("en", "settings_help")
MD_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
MD_HEADING = re.compile(r"(^|\n)((?:<mark>)?)#{1,6}[ \t]+")
MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:https?://|/)[^)\s]*\)")


class Act(StrEnum):
    """What a click inside rendered HTML asks for: a button's data-act, sent by static/bridge.js to ui.app."""

    OPEN = "open"  # show a cited passage in the viewer
    OPEN_HIT = "open-hit"  # show a retrieved passage
    PIN = "pin"  # pin a citation to the notes
    PIN_HIT = "pin-hit"
    PIN_ANSWER = "pinanswer"  # a link (#nsss-pinanswer-TURN-0), so letters only
    UNPIN = "unpin"
    UP = "up"
    DOWN = "down"
    RENAME = "rename"  # the browser asks for the new name first
    BRIEF_OPEN = "brief-open"
    BRIEF_PIN = "brief-pin"
    COPY = "copy"  # done in the browser: the reference goes to the clipboard
    EDIT = "edit"  # a library row: open its metadata for editing
    DELETE = "delete"  # a library row: the browser asks to confirm first


def esc(text: object) -> str:
    """Escape text for HTML, quotes included, so it shows as text and never runs."""
    return html.escape(str(text), quote=True)


def highlight(text: str, start: int, end: int) -> str:
    """Escape text and wrap text[start:end] in <mark>; offsets outside the text are clamped."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    if start == end:
        return esc(text)
    return f"{esc(text[:start])}<mark>{esc(text[start:end])}</mark>{esc(text[end:])}"


def quote_span(passage: str, offset: int, quote: str, start: int, end: int) -> tuple[int, int] | None:
    """Find a quote (document offsets start..end) inside a passage that begins at document offset `offset`."""
    s, e = start - offset, end - offset
    if 0 <= s < len(passage) and passage[s:e] == quote[: max(0, min(e, len(passage)) - s)]:
        return s, min(e, len(passage))  # a quote may run past the passage (a list continued)
    found = passage.find(quote)
    if found >= 0:
        return found, found + len(quote)
    return None


def window(text: str, start: int, end: int, context: int, separator: str) -> tuple[int, int]:
    """Return the bounds of a span with about `context` characters either side, cut at a separator."""
    lo, hi = max(0, start - context), min(len(text), end + context)
    if lo > 0:
        cut = text.find(separator, lo, start)
        lo = cut + 1 if cut >= 0 else lo
    if hi < len(text):
        cut = text.rfind(separator, end, hi)
        hi = cut if cut >= 0 else hi
    return lo, hi


def excerpt(text: str, start: int, end: int, context: int = 240) -> str:
    """Show the highlighted span with some words either side, cut at spaces, as escaped HTML."""
    lo, hi = window(text, start, end, context, " ")
    body = highlight(text[lo:hi], start - lo, end - lo)
    return f"{'… ' if lo > 0 else ''}{body}{' …' if hi < len(text) else ''}"


def page_text(c: Citation, lang: str = "en") -> str:
    """Say where a citation is: "p. 3 (printed iv)", or "" for documents without pages."""
    if not c.page:
        return ""
    label = c.page_label and c.page_label != str(c.page)
    return (
        t(lang, "page", n=digits(lang, c.page))
        + (" " + t(lang, "printed", label=c.page_label) if label else "")
        + (t(lang, "ocr_note") if c.ocr else "")
    )


def tidy(markup: str) -> str:
    """Show Markdown's marks as formatting in escaped HTML: **bold**, # headings, [links](…) as their words."""
    markup = MD_BOLD.sub(lambda m: f"<b>{m.group(1)}</b>", markup)
    markup = MD_HEADING.sub(lambda m: m.group(1) + m.group(2), markup)
    return MD_LINK.sub(lambda m: m.group(1), markup)


def _ref_link(turn: int, n: int, title: str) -> str:
    # The chat sanitizer drops data-* attributes but keeps href: the target travels in the fragment.
    return f'<a class="nsss-ref" href="#nsss-open-{turn}-{n}" title="{esc(title)}">[{n}]</a>'


def _with_markers(text: str, turn: int, citations: dict[int, Citation], lang: str = "en") -> str:
    parts, last = [], 0
    for m in MARKER.finditer(text):
        n = int(m.group(1))
        if n not in citations:
            continue
        parts.append(tidy(esc(text[last : m.start()])))
        c = citations[n]
        parts.append(_ref_link(turn, n, f"{c.title} {page_text(c, lang)}".strip()))
        last = m.end()
    parts.append(tidy(esc(text[last:])))
    return "".join(parts)


def text_html(text: str) -> str:
    """Render answer-like text (paragraphs or a "- " list) as escaped HTML, without links."""
    kind, parts = blocks(text)
    if kind == "list":
        return f'<ul class="nsss-list">{"".join(f"<li>{tidy(esc(i))}</li>" for i in parts)}</ul>'
    return "".join(f"<p>{tidy(esc(p))}</p>" for p in parts)


def filters_line(what: str, lang: str = "en") -> str:
    """Say which filters an answer was limited to, shown above it."""
    return f'<div class="nsss-in-force">{esc(t(lang, "in_force", what=what))}</div>' if what else ""


def answer_html(answer: Answer, turn: int, lang: str = "en", filters: str = "", no_match: bool = False) -> str:
    """Render an answer for the chat: escaped text, [n] markers that open the source, or a clear abstention."""
    if no_match:
        body = (
            f'<div class="nsss-abstain nsss-no-match"><strong>{esc(t(lang, "no_match"))}.</strong> '
            f"{esc(t(lang, 'no_match_body', what=filters))}</div>"
        )
    elif answer.abstained:
        body = (
            f'<div class="nsss-abstain"><strong>{esc(t(lang, "not_found"))}.</strong> '
            f'{esc(t(lang, "not_found_body"))}<div class="nsss-hint">{esc(t(lang, "not_found_hint"))}</div></div>'
        )
    else:
        cites = {c.n: c for c in answer.citations}
        kind, parts = blocks(answer.text)
        if kind == "list":
            body = f'<ul class="nsss-list">{"".join(f"<li>{_with_markers(i, turn, cites, lang)}</li>" for i in parts)}</ul>'
        else:
            body = "".join(f"<p>{_with_markers(p, turn, cites, lang)}</p>" for p in parts)
    # A notice of a known kind (a question judged off the subject, the language model failing) is said in the page's
    # language; its particulars (a server's error) stay as they came.
    shown = digits(lang, answer.notice_detail) if answer.notice_kind == "llm_trimmed" else answer.notice_detail
    said = t(lang, answer.notice_kind, detail=shown) if answer.notice_kind else answer.notice
    notice = f'<div class="nsss-notice">{esc(said)}</div>' if said else ""
    if answer.glossary and not answer.abstained and not no_match:
        terms = "; ".join(f"{esc(quoted)} = {esc(other)}" for quoted, other in answer.glossary)
        notice = f'<div class="nsss-glossary"><strong>{esc(t(lang, "glossary"))}:</strong> {terms}</div>{notice}'
    took = answer.timings_ms.get("total")
    parts = [
        t(lang, "mode_none")
        if answer.abstained
        else t(lang, "mode_llm")
        if answer.mode == "llm"
        else t(lang, "mode_quoted")
    ]
    if isinstance(took, (int, float)):
        parts.append(t(lang, "ms", n=digits(lang, f"{took:.0f}")))
    if not answer.abstained:
        parts.append(
            f'<a class="nsss-pin-link" href="#nsss-{Act.PIN_ANSWER}-{turn}-0">{esc(t(lang, "pin_answer"))}</a>'
        )
    return f'{filters_line(filters, lang)}{body}{notice}<div class="nsss-meta">{" · ".join(parts)}</div>'


def _button(act: str, label: str, turn: int, n: int, extra: str = "", cls: str = "") -> str:
    return (
        f'<button type="button" class="nsss-btn {cls}" data-act="{act}" data-turn="{turn}" data-n="{n}"'
        f"{extra}>{esc(label)}</button>"
    )


def _copy_button(ref: str, turn: int, n: int, lang: str) -> str:
    extra = f' data-ref="{esc(ref)}" data-done="{esc(t(lang, "copied"))}" data-failed="{esc(t(lang, "copy_failed"))}"'
    return _button(Act.COPY, t(lang, "copy_citation"), turn, n, extra=extra)


def citation_card(c: Citation, turn: int, active: bool = False, lang: str = "en", style: str = "author-date") -> str:
    """Render one citation: title, page, the quote highlighted in its passage, its reference and its actions."""
    span = quote_span(c.passage, c.passage_start, c.quote, c.start, c.end) if c.passage else None
    # a short context keeps whole cards in view; the viewer shows the page around the quote
    context = excerpt(c.passage, *span, context=CARD_CONTEXT) if span else f"<mark>{esc(c.quote)}</mark>"
    words = reference_words(lang)
    ref = reference(c, style, words=words)  # copied with the quoted words; shown without them, as the card shows them
    where = page_text(c, lang)
    return (
        f'<li class="nsss-cite{" active" if active else ""}" id="nsss-cite-{turn}-{c.n}">'
        f'<div class="nsss-cite-head" data-act="{Act.OPEN}" data-turn="{turn}" data-n="{c.n}" title="{esc(t(lang, "open_hint"))}">'
        f'<span class="nsss-num">{c.n}</span><span class="nsss-title">{esc(c.title)}</span>'
        f"{f'<span class=nsss-page>{esc(where)}</span>' if where else ''}</div>"
        f'<div class="nsss-source">{esc(c.source)}</div>'
        f'<blockquote class="nsss-passage">{tidy(context)}</blockquote>'
        f'<div class="nsss-ref-text" title="{esc(t(lang, "ref_hint"))}">{esc(reference(c, style, quote=False, words=words))}</div>'
        f'<div class="nsss-actions">{_button(Act.OPEN, t(lang, "open_source"), turn, c.n, cls="primary")}'
        f"{_copy_button(ref, turn, c.n, lang)}"
        f"{_button(Act.PIN, t(lang, 'pin'), turn, c.n)}</div></li>"
    )


def hit_card(h: Hit, turn: int, i: int, active: bool = False, lang: str = "en") -> str:
    """Render a passage that was retrieved but not cited (shown when the assistant abstains)."""
    c = h.chunk
    where = t(lang, "page", n=digits(lang, c.page)) if c.page else ""
    text = " ".join(c.text.split())
    short = esc(text[:420]) + (" …" if len(text) > 420 else "")
    return (
        f'<li class="nsss-cite nsss-near{" active" if active else ""}">'
        f'<div class="nsss-cite-head" data-act="{Act.OPEN_HIT}" data-turn="{turn}" data-n="{i}" title="{esc(t(lang, "open_hint"))}">'
        f'<span class="nsss-num">·</span><span class="nsss-title">{esc(c.title)}</span>'
        f"{f'<span class=nsss-page>{esc(where)}</span>' if where else ''}</div>"
        f'<div class="nsss-source">{esc(c.source)}</div>'
        f'<blockquote class="nsss-passage">{tidy(short)}</blockquote>'
        f'<div class="nsss-actions">{_button(Act.OPEN_HIT, t(lang, "open_source"), turn, i, cls="primary")}'
        f"{_button(Act.PIN_HIT, t(lang, 'pin'), turn, i)}</div></li>"
    )


def sources_html(
    answer: Answer | None,
    turn: int,
    active: int | None = None,
    lang: str = "en",
    style: str = "author-date",
    no_match: bool = False,
) -> str:
    """Render the Sources panel for one answer: its citations, or the nearest passages when it abstained.

    `active` marks the citation number (or, when the answer abstained, the passage index) open in the viewer.
    """
    title = esc(t(lang, "sources"))
    if answer is None:
        return (
            f'<div class="nsss-panel nsss-empty"><div class="nsss-panel-title">{title}</div>'
            f"<p>{esc(t(lang, 'sources_empty'))}</p></div>"
        )
    if no_match:
        body = f'<div class="nsss-abstain nsss-no-match"><strong>{esc(t(lang, "no_match"))}.</strong></div>'
    elif answer.abstained or not answer.citations:
        near = "".join(hit_card(h, turn, i, i == active, lang) for i, h in enumerate(answer.retrieved[:5]))
        body = (
            f'<div class="nsss-abstain"><strong>{esc(t(lang, "not_found"))}.</strong> {esc(t(lang, "nearest"))}</div>'
            f'<ol class="nsss-cites">{near}</ol>'
            if near
            else f'<div class="nsss-abstain"><strong>{esc(t(lang, "not_found"))}.</strong> {esc(t(lang, "none_close"))}</div>'
        )
    else:
        body = "".join(citation_card(c, turn, c.n == active, lang, style) for c in answer.citations)
        body = f'<ol class="nsss-cites">{body}</ol>'
    return (
        f'<div class="nsss-panel" data-turn="{turn}"><div class="nsss-panel-title">{title}'
        f'<span class="nsss-q">{esc(t(lang, "sources_for", q=answer.question))}</span></div>{body}</div>'
    )


@dataclass(frozen=True)
class SourceView:
    """A part of a document to show, with the span to highlight in it (offsets into `text`)."""

    title: str
    source: str
    text: str
    start: int
    end: int
    where: str  # "Page 3 of 12 (printed iv)" or "characters 1,200–4,800 of 9,000"
    markdown: bool = False  # show Markdown's marks as formatting
    image: object = None  # a ui.pages.PageImage of the page as printed, for PDFs
    missing_file: bool = False  # a PDF whose file is gone: only its text can be shown


def source_view(
    record: DocRecord | None, text: str, start: int, end: int, title: str = "", source: str = "", lang: str = "en"
) -> SourceView:
    """Cut out what the viewer shows: the page holding a quote for a paged document, else a window around it."""
    title = record.title if record else title
    source = record.source if record else source
    markdown = bool(record and record.format == "markdown")
    page = record.page_at(start) if record else None
    if page is not None:
        label = page.label and page.label != str(page.number)
        where = t(lang, "page_of", n=digits(lang, page.number), total=digits(lang, len(record.page_spans)))
        where += " " + t(lang, "printed", label=page.label) if label else ""
        where += t(lang, "ocr_page") if page.ocr else ""
        return SourceView(
            title,
            source,
            text[page.start : page.end],
            start - page.start,
            min(end, page.end) - page.start,
            where,
            markdown,
        )
    if len(text) <= 4 * WINDOW:
        return SourceView(title, source, text, start, end, t(lang, "whole"), markdown)
    lo, hi = window(text, start, end, WINDOW, "\n")
    where = (
        t(lang, "whole")
        if lo == 0 and hi == len(text)
        else t(lang, "chars", lo=f"{lo:,}", hi=f"{hi:,}", total=f"{len(text):,}")
    )
    return SourceView(title, source, text[lo:hi], start - lo, end - lo, where, markdown)


def with_page_image(view: SourceView, record: DocRecord, number: int) -> SourceView:
    """Add the printed page to a view of a PDF, when its file is still where it was ingested from."""
    from dataclasses import replace

    from nsss.ui.pages import ocr_locator, quote_boxes, render_page

    path = Path(record.root) / record.source
    if not path.is_file():
        return replace(view, missing_file=True)
    # A page read by OCR has no text layer to find the quote in: OCR's word boxes say where it is.
    ocr = any(p.number == number and p.ocr for p in record.page_spans)
    locate = ocr_locator(record.sha256, number) if ocr else quote_boxes
    image = render_page(path, number, view.text[view.start : view.end], locate)
    return replace(view, image=image, missing_file=image is None)


def viewer_html(view: SourceView | None, lang: str = "en") -> str:
    """Render the source viewer: the page as printed (PDFs) beside its text, with the quote highlighted."""
    title = esc(t(lang, "viewer"))
    if view is None:
        return (
            f'<div class="nsss-viewer nsss-empty"><div class="nsss-panel-title">{title}</div>'
            f"<p>{esc(t(lang, 'viewer_empty'))}</p></div>"
        )
    body = highlight(view.text, view.start, view.end)
    if view.markdown:
        body = tidy(body)
    text_box = f'<div class="nsss-viewer-text">{body}</div>'
    if view.image is not None:
        img = view.image
        alt = t(lang, "page_image_alt", n=view.where, title=view.title)
        shown = (
            f'<div class="nsss-viewer-split"><figure class="nsss-page-image" data-focus="{img.focus}" data-left="{img.left}" '
            f'data-boxes="{img.boxes}"><figcaption>{esc(t(lang, "as_printed"))}</figcaption>'
            f'<div class="nsss-page-scroll"><img src="{img.src}" width="{img.width}" height="{img.height}" '
            f'alt="{esc(alt)}"></div></figure>'
            f'<div class="nsss-page-words"><div class="nsss-caption">{esc(t(lang, "as_text"))}</div>{text_box}'
            f"</div></div>"
        )
    else:
        missing = f'<div class="nsss-msg warn">{esc(t(lang, "no_image"))}</div>' if view.missing_file else ""
        shown = missing + text_box
    return (
        f'<div class="nsss-viewer"><div class="nsss-panel-title">{title}</div>'
        f'<div class="nsss-viewer-head"><span class="nsss-title">{esc(view.title)}</span>'
        f'<span class="nsss-page">{esc(view.where)}</span><div class="nsss-source">{esc(view.source)}</div></div>'
        f"{shown}</div>"
    )


def chat_messages(
    answers: tuple[Answer, ...], lang: str = "en", filters: tuple[str, ...] = (), no_match: tuple[bool, ...] = ()
) -> list[dict]:
    """Rebuild the chat from the answers so far; questions are escaped like everything else."""
    messages = []
    for turn, answer in enumerate(answers):
        what = filters[turn] if turn < len(filters) else ""
        none = no_match[turn] if turn < len(no_match) else False
        messages.append({"role": "user", "content": esc(answer.question)})
        messages.append({"role": "assistant", "content": answer_html(answer, turn, lang, what, none)})
    return messages


def llm_text(info: InUse, lang: str = "en") -> str:
    """Say which LLM words the answers, or that none does."""
    if info.llm is None:
        return t(lang, "llm_none")
    model, url = info.llm
    return t(lang, "llm_at", model=model or t(lang, "default_model"), url=url)


def status_html(info: InUse, lang: str = "en") -> str:
    """Render the settings in use: the LLM (or none), the store, the embedding model, the counts."""
    shown = {
        "set_llm": llm_text(info, lang),
        "set_store": info.store,
        "set_model": info.model,
        "set_docs": f"{info.documents:,}",
        "set_chunks": f"{info.chunks:,}",
        "set_uploads": info.uploads,
    }
    rows = "".join(f"<div><dt>{esc(t(lang, k))}</dt><dd>{esc(v)}</dd></div>" for k, v in shown.items())
    return f'<dl class="nsss-status">{rows}</dl>'


def notes_html(
    items: list[tuple[Note, str]], cited: list[Citation], lang: str = "en", style: str = "author-date"
) -> str:
    """Render the notes pad: each pinned note (already renumbered), its controls, and the references list."""
    if not items:
        return (
            f'<div class="nsss-notes nsss-empty"><div class="nsss-panel-title">{esc(t(lang, "notes_title"))}</div>'
            f"<p>{t(lang, 'notes_empty')}</p></div>"
        )
    parts = []
    last = len(items) - 1
    for i, (note, text) in enumerate(items):
        kind = t(lang, "tag_answer" if note.kind == "answer" else "tag_passage")
        asked = f'<div class="nsss-note-q">{esc(note.question)}</div>' if note.label else ""
        rename = f' data-prompt="{esc(t(lang, "rename_prompt"))}" data-current="{esc(note.label)}"'
        parts.append(
            f'<li class="nsss-note"><div class="nsss-note-head"><span class="nsss-tag">{esc(kind)}</span>'
            f'<span class="nsss-q nsss-note-heading">{esc(note.heading)}</span>'
            f'<span class="nsss-note-tools">'
            f'<button type="button" class="nsss-btn" data-act="{Act.UP}" data-n="{i}" title="{esc(t(lang, "up"))}" '
            f'aria-label="{esc(t(lang, "up"))}"{" disabled" if i == 0 else ""}>↑</button>'
            f'<button type="button" class="nsss-btn" data-act="{Act.DOWN}" data-n="{i}" title="{esc(t(lang, "down"))}" '
            f'aria-label="{esc(t(lang, "down"))}"{" disabled" if i == last else ""}>↓</button>'
            f"{_button(Act.RENAME, t(lang, 'rename'), 0, i, extra=rename)}"
            f"{_button(Act.UNPIN, t(lang, 'remove'), 0, i)}</span></div>{asked}"
            f'<div class="nsss-note-text">{text_html(text)}</div></li>'
        )
    words = reference_words(lang)
    refs = "".join(f'<li value="{c.n}">{esc(reference(c, style, words=words))}</li>' for c in cited)
    return (
        f'<div class="nsss-notes"><div class="nsss-panel-title">{esc(t(lang, "notes", n=digits(lang, len(items))))}'
        f'<span class="nsss-q">{esc(t(lang, "saved_here"))}</span></div>'
        f'<ol class="nsss-note-list">{"".join(parts)}</ol>'
        f'<div class="nsss-panel-title">{esc(t(lang, "references"))}</div><ol class="nsss-refs">{refs}</ol></div>'
    )


def brief_html(brief, lang: str = "en", style: str = "author-date") -> str:
    """Render a topic brief: documents oldest first, each with its date and passages, each passage cited."""
    if brief is None:
        return f'<div class="nsss-brief nsss-empty"><p>{esc(t(lang, "brief_empty"))}</p></div>'
    if not brief.documents:
        return f'<div class="nsss-brief nsss-empty"><p>{esc(t(lang, "brief_none", topic=brief.topic))}</p></div>'
    sections = []
    words = reference_words(lang)
    for d_i, d in enumerate(brief.documents):
        when = long_date(d.date, words)
        who = publisher(d.passages[0]) if d.passages else ""
        cards = []
        for p_i, c in enumerate(d.passages):
            ref = reference(c, style, quote=False, words=words)
            where = page_text(c, lang)
            cards.append(
                f'<li class="nsss-brief-passage"><blockquote class="nsss-passage">{tidy(esc(" ".join(c.quote.split())))}'
                f'</blockquote><div class="nsss-ref-text">{esc(ref)}{f" · {esc(where)}" if where else ""}</div>'
                f'<div class="nsss-actions">{_button(Act.BRIEF_OPEN, t(lang, "open_source"), d_i, p_i, cls="primary")}'
                f"{_copy_button(reference(c, style, words=words), d_i, p_i, lang)}"
                f"{_button(Act.BRIEF_PIN, t(lang, 'pin'), d_i, p_i)}</div></li>"
            )
        sections.append(
            f'<section class="nsss-brief-doc"><div class="nsss-brief-doc-head">'
            f'<span class="nsss-date">{esc(when or t(lang, "undated"))}</span>'
            f'<span class="nsss-title">{esc(d.title)}</span></div>'
            f'<div class="nsss-source">{esc(" · ".join(x for x in (who, d.source) if x))}</div>'
            f'<ol class="nsss-brief-list">{"".join(cards)}</ol></section>'
        )
    head = t(
        lang, "brief_head", topic=brief.topic, p=digits(lang, brief.passages), d=digits(lang, len(brief.documents))
    )
    return (
        f'<div class="nsss-brief"><div class="nsss-panel-title">{esc(head)}</div>'
        f'<div class="nsss-timeline">{"".join(sections)}</div></div>'
    )


def library_html(records: list[DocRecord], lang: str = "en") -> str:
    """Render the document library: title, kind, date, publisher, pages, chunks, file, and edit/delete buttons."""
    if not records:
        return f'<div class="nsss-library nsss-empty"><p>{esc(t(lang, "library_empty"))}</p></div>'
    rows = "".join(
        f"<tr><td class=nsss-title>{esc(r.title)}</td><td>{esc(kind_name(lang, r.kind))}</td><td class=nsss-nowrap>{esc(r.date or '–')}</td>"
        f"<td>{esc(publisher(r) or '–')}</td>"
        f"<td class=num>{digits(lang, r.pages or '–')}</td><td class=num>{digits(lang, r.chunks)}</td><td class=nsss-source>{esc(r.source)}</td>"
        f'<td class=nsss-row-tools><button type="button" class="nsss-btn" data-act="{Act.EDIT}" data-key="{esc(r.key)}">'
        f"{esc(t(lang, 'edit'))}</button>"
        f'<button type="button" class="nsss-btn danger" data-act="{Act.DELETE}" data-key="{esc(r.key)}" '
        f'data-confirm="{esc(t(lang, "delete_confirm", title=r.title))}">{esc(t(lang, "delete"))}</button></td></tr>'
        for r in records
    )
    total = sum(r.chunks for r in records)
    heads = "".join(
        f"<th>{esc(t(lang, k))}</th>"
        for k in ("col_title", "col_kind", "col_date", "col_publisher", "col_pages", "col_chunks", "col_file")
    )
    head = t(lang, "library_head", n=digits(lang, len(records)), m=digits(lang, f"{total:,}"))
    return (
        f'<div class="nsss-library"><div class="nsss-panel-title">{esc(head)}</div>'
        f'<div class="nsss-table-wrap"><table><thead><tr>{heads}<th></th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div></div>"
    )


def message_html(text: str, kind: str = "ok") -> str:
    """Render a one-line message (ok, warn or error)."""
    return f'<div class="nsss-msg {esc(kind)}">{esc(text)}</div>'


def upload_report(saved: list, refused: list[tuple[str, str]], report, indexed: list[str], lang: str = "en") -> str:
    """Say what happened to each uploaded file: added, unchanged, refused or failed, and why."""
    failed = {Path(f.path).name: f.error for f in (report.failed if report else ())}
    lines = []
    for path in saved:
        name = Path(path).name
        if name in failed:
            lines.append(("error", f"{name}: {reason(lang, failed[name])}"))
        elif name in indexed:
            lines.append(("ok", t(lang, "up_indexed", name=name)))
        else:
            lines.append(("ok", t(lang, "up_unchanged", name=name)))
    lines += [("error", f"{name}: {reason(lang, why)}") for name, why in refused]
    items = "".join(f'<li class="{kind}">{esc(text)}</li>' for kind, text in lines)
    summary = ""
    if report is not None:
        summary = (
            "<p>"
            + esc(
                t(
                    lang,
                    "up_summary",
                    added=digits(lang, report.added),
                    updated=digits(lang, report.updated),
                    unchanged=digits(lang, report.unchanged),
                    failed=digits(lang, len(report.failed)),
                    documents=digits(lang, report.documents),
                )
            )
            + "</p>"
        )
    return f'<div class="nsss-upload-report">{summary}<ul>{items}</ul></div>'


def status_line(info: InUse | None, lang: str = "en") -> str:
    """Render the short status shown in the header: LLM, model, counts (or that they are still loading)."""
    if info is None:
        return f'<div class="nsss-status-line"><span>{esc(t(lang, "loading"))}</span></div>'
    return (
        f'<div class="nsss-status-line"><span title="{esc(t(lang, "set_llm"))}">'
        f"{esc(t(lang, 'chip_llm', llm=llm_text(info, lang)))}</span>"
        f'<span title="{esc(t(lang, "set_model"))}">{esc(t(lang, "chip_model", model=info.model))}</span>'
        f"<span>{esc(t(lang, 'chip_docs', n=digits(lang, f'{info.documents:,}')))}</span></div>"
    )


def header_html(lang: str = "en") -> str:
    """Render the app's name and what it does."""
    return (
        f'<div class="nsss-brand" data-lang="{esc(lang)}"><h1>{esc(t(lang, "title"))}</h1>'
        f"<p>{esc(t(lang, 'tagline'))}</p></div>"
    )


def chat_placeholder(lang: str = "en") -> str:
    """Say what the assistant does, for an empty chat."""
    return f"<div class=nsss-placeholder>{t(lang, 'chat_empty')}</div>"
