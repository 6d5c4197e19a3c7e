"""A notes pad for background-note drafting: pinned answers and passages that keep their citations."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path

from assistant.format import reference
from assistant.types import Answer, Citation
from index import Hit

MARKER = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class Note:
    """A pinned answer or passage: its text with [n] markers, and the citations they point at."""

    question: str
    text: str
    citations: tuple[Citation, ...]
    kind: str = "answer"  # or "passage"


def answer_note(answer: Answer) -> Note:
    """Pin a whole answer with its citations."""
    return Note(answer.question, answer.text, answer.citations, "answer")


def citation_note(answer: Answer, c: Citation) -> Note:
    """Pin one citation: its exact quote, cited."""
    return Note(answer.question, f"“{' '.join(c.quote.split())}” [1]", (replace(c, n=1),), "passage")


def hit_note(answer: Answer, h: Hit) -> Note:
    """Pin a retrieved passage (the assistant abstained, but the passage may still be useful)."""
    k = h.chunk
    c = Citation(n=1, source=k.source, title=k.title, page=k.page, quote=k.text, doc_key=k.doc_key, start=k.start,
                 end=k.end, page_label=k.page_label, passage=k.text, passage_start=k.start)
    return Note(answer.question, f"“{' '.join(k.text.split())}” [1]", (c,), "passage")


def blocks(text: str) -> tuple[str, list[str]]:
    """Read answer text as ("list", items) or ("text", paragraphs), joining lines that the source wrapped."""
    items: list[str] = []
    for line in text.split("\n"):
        if line.lstrip().startswith("- "):
            items.append(line.lstrip()[2:])
        elif items and line.strip():
            items[-1] += " " + line.strip()
        elif line.strip():
            items = []
            break
    if len(items) > 1:
        return "list", [" ".join(i.split()) for i in items]
    return "text", [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def numbered(notes: tuple[Note, ...]) -> tuple[list[tuple[Note, str]], list[Citation]]:
    """Renumber every note's markers into one references list, citing each quoted span once."""
    refs: dict[tuple[str, int, int], int] = {}
    cited: list[Citation] = []
    out = []
    for note in notes:
        mapping = {}
        for c in note.citations:
            key = (c.doc_key, c.start, c.end)
            if key not in refs:
                refs[key] = len(cited) + 1
                cited.append(replace(c, n=refs[key]))
            mapping[c.n] = refs[key]

        def renumber(m: re.Match, mapping=mapping) -> str:
            n = int(m.group(1))
            return f"[{mapping[n]}]" if n in mapping else m.group(0)

        out.append((note, MARKER.sub(renumber, note.text)))
    return out, cited


def notes_markdown(notes: tuple[Note, ...]) -> str:
    """Write the notes as Markdown with one references list at the end."""
    items, cited = numbered(notes)
    lines = ["# Background notes", "", f"Drafted with NSSS Assistant, {dt.date.today():%d %B %Y}.", ""]
    for i, (note, text) in enumerate(items, 1):
        what = "Answer" if note.kind == "answer" else "Passage"
        kind, parts = blocks(text)
        body = "\n".join(f"- {p}" for p in parts) if kind == "list" else "\n\n".join(parts)
        lines += [f"## {i}. {note.question}", "", f"*{what}:*", "", body, ""]
    if cited:
        lines += ["## References", ""]
        lines += [f"{c.n}. {reference(c)}" for c in cited]
    return "\n".join(lines).rstrip() + "\n"


def notes_docx(notes: tuple[Note, ...], path: Path) -> Path:
    """Write the notes as a Word document with a references list."""
    from docx import Document

    items, cited = numbered(notes)
    doc = Document()
    doc.core_properties.title = "Background notes"
    doc.add_heading("Background notes", level=0)
    doc.add_paragraph(f"Drafted with NSSS Assistant, {dt.date.today():%d %B %Y}.")
    for i, (note, text) in enumerate(items, 1):
        doc.add_heading(f"{i}. {note.question}", level=2)
        kind, parts = blocks(text)
        for part in parts:
            doc.add_paragraph(part, style="List Bullet" if kind == "list" else None)
    if cited:
        doc.add_heading("References", level=1)
        for c in cited:
            doc.add_paragraph(f"[{c.n}] {reference(c)}")
    doc.save(path)
    return Path(path)
