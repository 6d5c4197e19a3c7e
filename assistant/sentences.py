"""Cut retrieved passages into sentences and list items, keeping each one's exact place in its document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nsss.core.text import LIST_ITEM, split_sentences
from nsss.core.types import Hit


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
