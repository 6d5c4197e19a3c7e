"""Format answers, citations and source pages as HTML; every piece of document text goes out escaped."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from assistant.format import reference
from assistant.types import Answer, Citation
from index import DocRecord, Hit
from ingest.load import FORMATS
from ui.notes import Note, blocks

MARKER = re.compile(r"\[(\d+)\]")
NOT_FOUND = "Not found in the documents"
WINDOW = 3000  # characters shown either side of a quote in a document without pages
UPLOAD_TYPES = tuple(sorted(FORMATS))
SETTINGS_HELP = """
Settings are read from `NSSS_*` environment variables or `~/.config/nsss/config.toml`, and take effect when
`nsss serve` starts:

| Setting | Variable | What it does |
|---|---|---|
| store | `NSSS_STORE` | the folder the documents and their index are kept in |
| LLM | `NSSS_LLM_URL`, `NSSS_LLM_MODEL`, `NSSS_LLM_API_KEY` | an OpenAI-compatible server (Ollama, llama.cpp, vLLM…); without one, answers quote the documents directly |
| login | `NSSS_AUTH` | `user:password` to require a login |
| uploads | `NSSS_MAX_FILE_MB` | the largest file accepted |
"""


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


def page_text(c: Citation) -> str:
    """Say where a citation is: "p. 3 (printed iv)", or "" for documents without pages."""
    if not c.page:
        return ""
    return (f"p. {c.page}" + (f" (printed {c.page_label})" if c.page_label and c.page_label != str(c.page) else "")
            + (", text recognised from the image" if c.ocr else ""))


def _ref_link(turn: int, n: int, title: str) -> str:
    # The chat sanitizer drops data-* attributes but keeps href: the target travels in the fragment.
    return f'<a class="nsss-ref" href="#nsss-open-{turn}-{n}" title="{esc(title)}">[{n}]</a>'


def _with_markers(text: str, turn: int, citations: dict[int, Citation]) -> str:
    parts, last = [], 0
    for m in MARKER.finditer(text):
        n = int(m.group(1))
        if n not in citations:
            continue
        parts.append(esc(text[last:m.start()]))
        c = citations[n]
        parts.append(_ref_link(turn, n, f"{c.title} {page_text(c)}".strip()))
        last = m.end()
    parts.append(esc(text[last:]))
    return "".join(parts)


def text_html(text: str) -> str:
    """Render answer-like text (paragraphs or a "- " list) as escaped HTML, without links."""
    kind, parts = blocks(text)
    if kind == "list":
        return f'<ul class="nsss-list">{"".join(f"<li>{esc(i)}</li>" for i in parts)}</ul>'
    return "".join(f"<p>{esc(p)}</p>" for p in parts)


def answer_html(answer: Answer, turn: int) -> str:
    """Render an answer for the chat: escaped text, [n] markers that open the source, or a clear abstention."""
    if answer.abstained:
        body = (f'<div class="nsss-abstain"><strong>{NOT_FOUND}.</strong> The documents do not answer this '
                'question.<div class="nsss-hint">The nearest passages are listed under Sources; open one to read '
                "it in place, or rephrase the question.</div></div>")
    else:
        cites = {c.n: c for c in answer.citations}
        kind, parts = blocks(answer.text)
        if kind == "list":
            body = f'<ul class="nsss-list">{"".join(f"<li>{_with_markers(i, turn, cites)}</li>" for i in parts)}</ul>'
        else:
            body = "".join(f"<p>{_with_markers(p, turn, cites)}</p>" for p in parts)
    notice = f'<div class="nsss-notice">{esc(answer.notice)}</div>' if answer.notice else ""
    took = answer.timings_ms.get("total")
    parts = ["no answer" if answer.abstained else "LLM, checked against the documents" if answer.mode == "llm"
             else "quoted from the documents"]
    if isinstance(took, (int, float)):
        parts.append(f"{took:.0f} ms")
    if not answer.abstained:
        parts.append(f'<a class="nsss-pin-link" href="#nsss-pinanswer-{turn}-0">Pin answer to notes</a>')
    return f'{body}{notice}<div class="nsss-meta">{" · ".join(parts)}</div>'


def _button(act: str, label: str, turn: int, n: int, extra: str = "", cls: str = "") -> str:
    return (f'<button type="button" class="nsss-btn {cls}" data-act="{act}" data-turn="{turn}" data-n="{n}"'
            f'{extra}>{label}</button>')


def citation_card(c: Citation, turn: int, active: bool = False) -> str:
    """Render one citation: title, page, the quote highlighted in its passage, and its actions."""
    span = quote_span(c.passage, c.passage_start, c.quote, c.start, c.end) if c.passage else None
    context = excerpt(c.passage, *span) if span else f"<mark>{esc(c.quote)}</mark>"
    ref = reference(c)
    where = page_text(c)
    return (
        f'<li class="nsss-cite{" active" if active else ""}" id="nsss-cite-{turn}-{c.n}">'
        f'<div class="nsss-cite-head" data-act="open" data-turn="{turn}" data-n="{c.n}" title="Open in the source viewer">'
        f'<span class="nsss-num">{c.n}</span><span class="nsss-title">{esc(c.title)}</span>'
        f'{f"<span class=nsss-page>{esc(where)}</span>" if where else ""}</div>'
        f'<div class="nsss-source">{esc(c.source)}</div>'
        f'<blockquote class="nsss-passage">{context}</blockquote>'
        f'<div class="nsss-ref-text" title="Standard citation; select it or use Copy citation">{esc(ref)}</div>'
        f'<div class="nsss-actions">{_button("open", "Open source", turn, c.n, cls="primary")}'
        f'{_button("copy", "Copy citation", turn, c.n, extra=f" data-ref={chr(34)}{esc(ref)}{chr(34)}")}'
        f'{_button("pin", "Pin to notes", turn, c.n)}</div></li>'
    )


def hit_card(h: Hit, turn: int, i: int, active: bool = False) -> str:
    """Render a passage that was retrieved but not cited (shown when the assistant abstains)."""
    c = h.chunk
    where = f"p. {c.page}" if c.page else ""
    text = " ".join(c.text.split())
    short = esc(text[:420]) + (" …" if len(text) > 420 else "")
    return (
        f'<li class="nsss-cite nsss-near{" active" if active else ""}">'
        f'<div class="nsss-cite-head" data-act="open-hit" data-turn="{turn}" data-n="{i}" title="Open in the source viewer">'
        f'<span class="nsss-num">·</span><span class="nsss-title">{esc(c.title)}</span>'
        f'{f"<span class=nsss-page>{where}</span>" if where else ""}</div>'
        f'<div class="nsss-source">{esc(c.source)}</div>'
        f'<blockquote class="nsss-passage">{short}</blockquote>'
        f'<div class="nsss-actions">{_button("open-hit", "Open source", turn, i, cls="primary")}'
        f'{_button("pin-hit", "Pin to notes", turn, i)}</div></li>'
    )


def sources_html(answer: Answer | None, turn: int, active: int | None = None) -> str:
    """Render the Sources panel for one answer: its citations, or the nearest passages when it abstained.

    `active` marks the citation number (or, when the answer abstained, the passage index) open in the viewer.
    """
    if answer is None:
        return ('<div class="nsss-panel nsss-empty"><div class="nsss-panel-title">Sources</div>'
                "<p>Ask a question: each statement of the answer is quoted from a document, and its source "
                "appears here with the quote highlighted. Click a source or an [n] marker to read it in place.</p></div>")
    if answer.abstained or not answer.citations:
        near = "".join(hit_card(h, turn, i, i == active) for i, h in enumerate(answer.retrieved[:5]))
        body = (f'<div class="nsss-abstain"><strong>{NOT_FOUND}.</strong> Nearest passages:</div>'
                f'<ol class="nsss-cites">{near}</ol>' if near else
                f'<div class="nsss-abstain"><strong>{NOT_FOUND}.</strong> No passage came close.</div>')
    else:
        body = f'<ol class="nsss-cites">{"".join(citation_card(c, turn, c.n == active) for c in answer.citations)}</ol>'
    return (f'<div class="nsss-panel" data-turn="{turn}"><div class="nsss-panel-title">Sources'
            f'<span class="nsss-q">for “{esc(answer.question)}”</span></div>{body}</div>')


@dataclass(frozen=True)
class SourceView:
    """A part of a document to show, with the span to highlight in it (offsets into `text`)."""

    title: str
    source: str
    text: str
    start: int
    end: int
    where: str  # "Page 3 of 12 (printed iv)" or "characters 1,200–4,800 of 9,000"


def source_view(record: DocRecord | None, text: str, start: int, end: int, title: str = "", source: str = "") -> SourceView:
    """Cut out what the viewer shows: the page holding a quote for a paged document, else a window around it."""
    title = record.title if record else title
    source = record.source if record else source
    pages = record.page_spans if record else ()
    for page in pages:
        if page.start <= start < page.end or (start == page.end and page is pages[-1]):
            label = f" (printed {page.label})" if page.label and page.label != str(page.number) else ""
            return SourceView(title, source, text[page.start:page.end], start - page.start,
                              min(end, page.end) - page.start, f"Page {page.number} of {len(pages)}{label}"
                              + (" · text recognised from the image (OCR)" if page.ocr else ""))
    if len(text) <= 4 * WINDOW:
        return SourceView(title, source, text, start, end, "Whole document")
    lo, hi = window(text, start, end, WINDOW, "\n")
    where = "Whole document" if lo == 0 and hi == len(text) else f"Characters {lo:,}–{hi:,} of {len(text):,}"
    return SourceView(title, source, text[lo:hi], start - lo, end - lo, where)


def viewer_html(view: SourceView | None) -> str:
    """Render the source viewer: the page (or part of the document) with the quote highlighted."""
    if view is None:
        return ('<div class="nsss-viewer nsss-empty"><div class="nsss-panel-title">Source viewer</div>'
                "<p>Click a source or an [n] marker to see the quote in its page.</p></div>")
    return (
        f'<div class="nsss-viewer"><div class="nsss-panel-title">Source viewer</div>'
        f'<div class="nsss-viewer-head"><span class="nsss-title">{esc(view.title)}</span>'
        f'<span class="nsss-page">{esc(view.where)}</span><div class="nsss-source">{esc(view.source)}</div></div>'
        f'<div class="nsss-viewer-text">{highlight(view.text, view.start, view.end)}</div></div>'
    )


def chat_messages(answers: tuple[Answer, ...]) -> list[dict]:
    """Rebuild the chat from the answers so far; questions are escaped like everything else."""
    messages = []
    for turn, answer in enumerate(answers):
        messages.append({"role": "user", "content": esc(answer.question)})
        messages.append({"role": "assistant", "content": answer_html(answer, turn)})
    return messages


def library_rows(records: list[DocRecord]) -> list[list]:
    """List documents for the library table: title, kind, date, pages, chunks, file."""
    return [[r.title, r.kind, r.date or "–", r.pages or "–", r.chunks, r.source] for r in records]


def status_html(info: dict) -> str:
    """Render the settings in use: the LLM (or none), the store, the embedding model, the counts."""
    rows = "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in info.items())
    return f'<dl class="nsss-status">{rows}</dl>'


def notes_html(items: list[tuple[Note, str]], cited: list[Citation]) -> str:
    """Render the notes pad: each pinned note (already renumbered) and the references list."""
    if not items:
        return ('<div class="nsss-notes nsss-empty"><div class="nsss-panel-title">Notes</div>'
                "<p>Nothing pinned yet. Use <b>Pin answer to notes</b> under an answer, or <b>Pin to notes</b> on a "
                "source, to collect material for a background note. Citations are kept and listed as references.</p></div>")
    parts = []
    for i, (note, text) in enumerate(items):
        kind = "Answer" if note.kind == "answer" else "Passage"
        body = text_html(text)
        parts.append(
            f'<li class="nsss-note"><div class="nsss-note-head"><span class="nsss-tag">{kind}</span>'
            f'<span class="nsss-q">{esc(note.question)}</span>'
            f'<button type="button" class="nsss-btn" data-act="unpin" data-turn="0" data-n="{i}">Remove</button></div>'
            f'<div class="nsss-note-text">{body}</div></li>'
        )
    refs = "".join(f'<li value="{c.n}">{esc(reference(c))}</li>' for c in cited)
    return (f'<div class="nsss-notes"><div class="nsss-panel-title">Notes ({len(items)})</div>'
            f'<ol class="nsss-note-list">{"".join(parts)}</ol>'
            f'<div class="nsss-panel-title">References</div><ol class="nsss-refs">{refs}</ol></div>')


def library_html(records: list[DocRecord]) -> str:
    """Render the document library: title, kind, date, pages, chunks, file, and a delete button per document."""
    if not records:
        return ('<div class="nsss-library nsss-empty"><p>The library is empty. Add documents with the panel on '
                "the right.</p></div>")
    rows = "".join(
        f"<tr><td class=nsss-title>{esc(r.title)}</td><td>{esc(r.kind)}</td><td>{esc(r.date or '–')}</td>"
        f"<td class=num>{r.pages or '–'}</td><td class=num>{r.chunks}</td><td class=nsss-source>{esc(r.source)}</td>"
        f'<td><button type="button" class="nsss-btn danger" data-act="delete" data-key="{esc(r.key)}" '
        f'data-title="{esc(r.title)}">Delete</button></td></tr>'
        for r in records
    )
    total = sum(r.chunks for r in records)
    return (f'<div class="nsss-library"><div class="nsss-panel-title">{len(records)} documents · {total:,} passages</div>'
            "<table><thead><tr><th>Title</th><th>Kind</th><th>Date</th><th>Pages</th><th>Chunks</th><th>File</th>"
            f"<th></th></tr></thead><tbody>{rows}</tbody></table></div>")


def message_html(text: str, kind: str = "ok") -> str:
    """Render a one-line message (ok, warn or error)."""
    return f'<div class="nsss-msg {esc(kind)}">{esc(text)}</div>'


def upload_report(saved: list, refused: list[tuple[str, str]], report, indexed: list[str]) -> str:
    """Say what happened to each uploaded file: added, unchanged, refused or failed, and why."""
    failed = {Path(f.path).name: f.error for f in (report.failed if report else ())}
    lines = []
    for path in saved:
        name = Path(path).name
        if name in failed:
            lines.append(("error", f"{name}: {failed[name]}"))
        elif name in indexed:
            lines.append(("ok", f"{name}: indexed, ready for questions"))
        else:
            lines.append(("ok", f"{name}: unchanged (already in the library)"))
    lines += [("error", f"{name}: {reason}") for name, reason in refused]
    items = "".join(f'<li class="{kind}">{esc(text)}</li>' for kind, text in lines)
    summary = ""
    if report is not None:
        summary = (f"<p>{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
                   f"{len(report.failed)} failed — {report.documents} documents in the library.</p>")
    return f'<div class="nsss-upload-report">{summary}<ul>{items}</ul></div>'


def status_line(info: dict) -> str:
    """Render the short status shown in the header: LLM, model, counts (or that they are still loading)."""
    if not info:
        return '<div class="nsss-status-line"><span>Loading the documents and the model…</span></div>'
    llm = info.get("LLM", "")
    return (f'<div class="nsss-status-line"><span title="Language model">LLM: {esc(llm)}</span>'
            f'<span title="Embedding model">Model: {esc(info.get("Embedding model", ""))}</span>'
            f'<span>{esc(info.get("Documents", "0"))} documents</span></div>')


def chat_placeholder() -> str:
    """Say what the assistant does, for an empty chat."""
    return ("<div class=nsss-placeholder><b>Ask about the NSSS documents.</b><br>Answers quote the documents "
            "word for word; every [n] opens the page it came from. When the documents do not hold the answer, "
            "the assistant says so.</div>")
