"""A notes pad for background-note drafting: pinned answers and passages that keep their citations."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from nsss.assistant.references import reference
from nsss.assistant.types import Answer, Citation
from nsss.core.types import Hit

MARKER = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class Note:
    """A pinned answer or passage: its text with [n] markers, and the citations they point at."""

    question: str
    text: str
    citations: tuple[Citation, ...]
    kind: str = "answer"  # or "passage"
    label: str = ""  # a heading the person gave it; the question when empty

    @property
    def heading(self) -> str:
        """Return the note's heading: the name given to it, else its question."""
        return self.label or self.question


def notes_file(store: Path, user: str = "") -> Path:
    """Return where a person's notes are kept in the store (one file per login; one shared file without login)."""
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", user)[:40] if user else "default"
    if user:  # two logins that clean to the same name must not share a file
        name += "-" + hashlib.sha256(user.encode()).hexdigest()[:8]
    return Path(store) / "notes" / f"{name}.json"


def read_notes(path: Path) -> tuple[Note, ...]:
    """Read saved notes; none when the file is missing. A damaged file is kept aside, never overwritten."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return tuple(
            Note(
                question=n["question"],
                text=n["text"],
                kind=n.get("kind", "answer"),
                label=n.get("label", ""),
                citations=tuple(Citation(**c) for c in n["citations"]),
            )
            for n in data["notes"]
        )
    except FileNotFoundError:
        return ()
    except (OSError, ValueError, KeyError, TypeError):
        damaged = Path(path).with_suffix(f".damaged-{dt.datetime.now():%Y%m%d-%H%M%S}.json")
        os.replace(path, damaged)
        return ()


def write_notes(path: Path, notes: tuple[Note, ...]) -> None:
    """Save notes atomically: a crash mid-write leaves the previous file whole."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": 1, "notes": [dataclasses.asdict(n) for n in notes]}
    fd, tmp = tempfile.mkstemp(prefix=".notes-", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def moved(notes: tuple[Note, ...], i: int, step: int) -> tuple[Note, ...]:
    """Return the notes with note i moved up (step -1) or down (step 1)."""
    j = i + step
    if not (0 <= i < len(notes) and 0 <= j < len(notes)):
        return notes
    items = list(notes)
    items[i], items[j] = items[j], items[i]
    return tuple(items)


def renamed(notes: tuple[Note, ...], i: int, label: str) -> tuple[Note, ...]:
    """Return the notes with note i given a new heading (empty: back to its question)."""
    if not 0 <= i < len(notes):
        return notes
    return notes[:i] + (replace(notes[i], label=" ".join(label.split())[:300]),) + notes[i + 1 :]


def answer_note(answer: Answer) -> Note:
    """Pin a whole answer with its citations."""
    return Note(answer.question, answer.text, answer.citations, "answer")


def citation_note(answer: Answer, c: Citation) -> Note:
    """Pin one citation: its exact quote, cited."""
    return Note(answer.question, f"“{' '.join(c.quote.split())}” [1]", (replace(c, n=1),), "passage")


def hit_note(answer: Answer, h: Hit, record=None) -> Note:
    """Pin a retrieved passage (the assistant abstained, but the passage may still be useful)."""
    k = h.chunk
    c = Citation(
        n=1,
        source=k.source,
        title=k.title,
        page=k.page,
        quote=k.text,
        doc_key=k.doc_key,
        start=k.start,
        end=k.end,
        page_label=k.page_label,
        passage=k.text,
        passage_start=k.start,
        date=k.date,
        url=record.url if record else "",
        publisher=record.publisher if record else "",
    )
    return Note(answer.question, f"“{' '.join(k.text.split())}” [1]", (c,), "passage")


def passage_note(topic: str, c: Citation) -> Note:
    """Pin a passage of a topic brief, cited."""
    return Note(f"Brief: {topic}", f"“{' '.join(c.quote.split())}” [1]", (replace(c, n=1),), "passage")


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


def notes_markdown(notes: tuple[Note, ...], style: str = "author-date", title: str = "Background notes") -> str:
    """Write the notes as Markdown with one references list at the end."""
    items, cited = numbered(notes)
    lines = [f"# {title}", "", f"Drafted with NSSS Assistant, {dt.date.today():%d %B %Y}.", ""]
    for i, (note, text) in enumerate(items, 1):
        what = "Answer" if note.kind == "answer" else "Passage"
        kind, parts = blocks(text)
        body = "\n".join(f"- {p}" for p in parts) if kind == "list" else "\n\n".join(parts)
        lines += [f"## {i}. {note.heading}", ""]
        if note.label:
            lines += [f"*{what} for:* {note.question}", ""]
        else:
            lines += [f"*{what}:*", ""]
        lines += [body, ""]
    if cited:
        lines += ["## References", ""]
        lines += [f"{c.n}. {reference(c, style)}" for c in cited]
    return "\n".join(lines).rstrip() + "\n"


def notes_docx(
    notes: tuple[Note, ...], path: Path, style: str = "author-date", title: str = "Background notes"
) -> Path:
    """Write the notes as a Word document with a references list."""
    from docx import Document

    items, cited = numbered(notes)
    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.created = dt.datetime.now()  # not the template's 2013 date
    doc.add_heading(title, level=0)
    doc.add_paragraph(f"Drafted with NSSS Assistant, {dt.date.today():%d %B %Y}.")
    for i, (note, text) in enumerate(items, 1):
        doc.add_heading(f"{i}. {note.heading}", level=2)
        kind, parts = blocks(text)
        for part in parts:
            doc.add_paragraph(part, style="List Bullet" if kind == "list" else None)
    if cited:
        doc.add_heading("References", level=1)
        for c in cited:
            doc.add_paragraph(f"[{c.n}] {reference(c, style)}")
    doc.save(path)
    return Path(path)
