"""Cut retrieved passages into sentences and list items, keeping each one's exact place in its document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nsss.core.types import Hit
from nsss.ingest.structure import LIST_ITEM

ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Md|Prof|No|Nos|St|Govt|Gov|Jr|Sr|Ltd|Co|Inc|etc|vs|approx|e\.g|i\.e|"
    r"Tk|Rs|Fig|Vol|Art|Sec|Ref|[A-Z])\.)$"
)
SENTENCE_END = re.compile(r"(?<=[.!?।])[\"”’')\]]*\s+")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a retrieved passage, with its exact place in the document."""

    hit_rank: int
    hit: Hit
    start: int  # offsets in the document text
    end: int
    text: str


def sentences(hits: list[Hit]) -> list[Sentence]:
    """Split retrieved passages into sentences (and list items), once each, keeping document offsets."""
    seen: set[tuple[str, int]] = set()
    out: list[Sentence] = []
    for rank, hit in enumerate(hits):
        c = hit.chunk
        for start, end in split_sentences(c.text):
            key = (c.doc_key, c.start + start)
            if key in seen:
                continue
            seen.add(key)
            out.append(Sentence(rank, hit, c.start + start, c.start + end, c.text[start:end]))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences and list items of a text, joining hard-wrapped lines."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        block = text[block_start:block_end]
        cursor = 0
        for match in SENTENCE_END.finditer(block):
            head = block[cursor : match.start()]
            nxt = block[match.end() : match.end() + 1]
            if ABBREVIATIONS.search(head) or not nxt.strip() or nxt.islower():
                continue
            spans.append((block_start + cursor, block_start + match.start()))
            cursor = match.end()
        spans.append((block_start + cursor, block_end))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= 3 and re.search(r"\w", text[s:e]):
            trimmed.append((s, e))
    return trimmed


def _blocks(text: str) -> list[tuple[int, int]]:
    """Split text at hard line breaks; a line that wraps mid-sentence continues on the next one."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", text) if m.end() > m.start()]
    blocks: list[list[int]] = []
    for start, end in lines:
        line = text[start:end].strip()
        if not line:
            continue
        if blocks:
            prev = text[blocks[-1][0] : blocks[-1][1]].rstrip()
            prev_line = prev.rsplit("\n", 1)[-1]
            gap = text[blocks[-1][1] : start]
            soft = (
                gap.count("\n") == 1
                and len(prev_line) >= 50
                and not re.search(r"[.!?:;।\"”)]$", prev_line)
                and not LIST_ITEM.match(text[start:end])
            )
            if soft:
                blocks[-1][1] = end
                continue
        blocks.append([start, end])
    return [(s, e) for s, e in blocks]


def list_continuation(text: str, end: int, limit: int = 8) -> list[tuple[int, int]]:
    """Return the spans of the list items that follow a sentence ending in a colon."""
    spans: list[tuple[int, int]] = []
    itemized = None
    for line in re.finditer(r"[^\n]+", text[end : end + 4000]):
        raw = line.group()
        body = raw.strip()
        if not body:
            continue
        is_item = bool(LIST_ITEM.match(raw))
        if itemized is None:
            itemized = is_item
        if is_item != itemized or len(body.split()) > 60:
            break
        start = end + line.start() + (len(raw) - len(raw.lstrip()))
        spans.append((start, start + len(body)))
        if len(spans) >= (limit if itemized else 6):
            break
    return spans
