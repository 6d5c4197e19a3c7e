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


# What separates the items of a list written in one sentence: commas (not those of "700,000"), semicolons, dashes
# between names, "and" / "or", and item letters ("a) children; b) the working age population"). The last two close
# or mark a list.
ITEM_SEPARATOR = re.compile(
    r"((?:,(?!\d{3}\b)|;)|\s[–—-]\s|\b(?:and|or|as well as)\b|\(?\b[a-hA-H]\)\s|\(?\b[ivx]{1,4}\)\s|এবং|\sও\s)"
)
LIST_MARK = re.compile(r"^(?:and|or|as well as|\(?[a-hA-H]\)|\(?[ivx]{1,4}\)|এবং|ও)$")
ITEM_LETTER = re.compile(r"^\(?(?:[a-hA-H]|[ivx]{1,4})\)$")
ITEM_WORDS = 7  # words at most in one item of such a list ("the Surokkha for self-employed persons")
ENUMERATION_ITEMS = 3  # short items at least that make a sentence a list


def items_listed(text: str) -> int:
    """Count the items of the longest list a sentence writes in a run ("gaps in coverage, limited funding, and weak
    institutional coordination" is three): short pieces between separators, two of which are joined by "and", "or"
    or an item letter. The first piece holds the sentence's own subject and verb and never counts; a long last piece
    after "and" counts (it runs on to the end of the sentence: "... and the Prabashi scheme for expatriate
    Bangladeshis")."""
    parts = ITEM_SEPARATOR.split(text)
    pieces, marks = parts[0::2], [bool(LIST_MARK.match(m.strip())) for m in parts[1::2]]
    best, run, marked, mark = 0, 0, False, False
    for i, piece in enumerate(pieces[1:], 1):
        mark = mark or marks[i - 1]  # (", and" leaves an empty piece between its two separators)
        words = len(piece.split())
        if not words:
            continue
        if words <= ITEM_WORDS or (mark and run):
            # (a long piece after "and" is the list's last item, running on to the end of the sentence)
            marked = marked or (mark and run > 0) or bool(ITEM_LETTER.match(parts[2 * i - 1].strip()))
            run += 1
            if words > ITEM_WORDS:
                best, run, marked = max(best, run if marked else 0), 0, False
        else:
            best, run, marked = max(best, run if marked else 0), 0, False
        mark = False
    return max(best, run if marked else 0)


def enumerates(text: str, items: int = ENUMERATION_ITEMS) -> bool:
    """Tell whether a sentence is a list written in one sentence (three short items or more, or as many as told)."""
    return items_listed(text) >= items
