"""Find a document's structure in its text: headings, and the list items or paragraphs that stand under them."""

from __future__ import annotations

import re

from nsss.core.text import LIST_ITEM
from nsss.core.types import Section
from nsss.ingest.chunk import trim

MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+(.+?)\s*#*\s*$")
TABLE_ROW = re.compile(r"^\s*\|?.+\|.+\|?\s*$")
MAX_ITEMS = 12
MAX_PARAGRAPH_ITEMS = 6


def find_sections(text: str) -> tuple[Section, ...]:
    """Return the document's sections: a heading or lead-in line, and the items (or paragraphs) under it."""
    lines = _lines(text)
    sections: list[Section] = []
    i = 0
    while i < len(lines):
        start, end, line = lines[i]
        if not _is_lead(line, lines, i):
            i += 1
            continue
        items, j = _items_after(lines, i + 1, text)
        if items:
            heading = line.strip()
            if heading.endswith(":") and len(heading.split()) > 25:
                # "...a long paragraph. The specific objectives included:": the lead is the last sentence.
                last = re.split(r"(?<=[.!?।])\s+", heading)[-1]
                start, heading = start + line.rfind(last), last
            above = _heading_above(lines, i)
            if above and not heading.startswith("#"):
                heading = f"{above} / {heading}"
            sections.append(Section(heading=_clean(heading), start=start, end=end, items=tuple(items)))
            i = j
        else:
            i += 1
    return tuple(sections)


def _lines(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]*", text) if m.end() > m.start()]


def _is_heading(line: str) -> bool:
    """Tell whether a line is a heading: Markdown's #, or a short line in title form without a full stop."""
    body = line.strip()
    if not body or LIST_ITEM.match(line):
        return False
    if MARKDOWN_HEADING.match(body):
        return True
    words = body.split()
    if len(words) > 10 or re.search(r"[.;,]$", body) or "|" in body:
        return False
    capitalised = sum(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return (
        capitalised >= 0.6 * len(words)
        and body[:1].isupper()
        or bool(re.search(r"[\u0980-\u09FF]", body))
        and len(words) <= 6
    )


def _is_lead(line: str, lines, i: int) -> bool:
    """Tell whether a line introduces what follows: a heading, or a short line ending in a colon."""
    body = line.strip()
    if not body or LIST_ITEM.match(line):
        return False
    if body.endswith((":", "：", ":-", "—")):
        return True
    return _is_heading(line)


def _heading_above(lines, i: int) -> str:
    """Return the heading line just above a lead-in line ("TOR of the CMC" above "It includes:"), if any."""
    k = i - 1
    while k >= 0 and not lines[k][2].strip():
        k -= 1
    if k >= 0 and _is_heading(lines[k][2]) and not lines[k][2].strip().endswith(":"):
        return lines[k][2].strip().lstrip("#").strip()
    return ""


def _items_after(lines, j: int, text: str) -> tuple[list[tuple[int, int]], int]:
    """Gather the list items (or, under a heading, the paragraphs) that follow line j-1; return them and where
    the section ends."""
    k = j
    while k < len(lines) and not lines[k][2].strip():
        k += 1
    if k >= len(lines):
        return [], j
    items: list[list[int]] = []
    if LIST_ITEM.match(lines[k][2]) or TABLE_ROW.match(lines[k][2]):
        table = not LIST_ITEM.match(lines[k][2])
        while k < len(lines) and len(items) < MAX_ITEMS:
            start, end, line = lines[k]
            if not line.strip():
                k += 1
                continue
            marker = TABLE_ROW.match(line) if table else LIST_ITEM.match(line)
            if marker:
                items.append([start + len(line) - len(line.lstrip()), end])
            elif items and not table and _continues(lines, k) and not _is_lead(line, lines, k):
                items[-1][1] = end  # a hard-wrapped item goes on in this line
            else:
                break
            k += 1
        return [trim(text, s, e) for s, e in items], k
    # No markers: under a heading (not a sentence ending in a colon), the paragraphs up to the next heading.
    lead = lines[j - 1][2].strip()
    if lead.endswith(":") and len(lead.split()) > 6:
        # "The outcomes included:" followed by plain lines: each short line is an item.
        while k < len(lines) and len(items) < MAX_PARAGRAPH_ITEMS:
            start, end, line = lines[k]
            if not line.strip():
                break
            if _is_lead(line, lines, k) and items:
                break
            items.append([start, end])
            k += 1
        if len(items) < 2:
            return [], j
        return [trim(text, s, e) for s, e in items], k
    current: list[int] | None = None
    while k < len(lines) and len(items) < MAX_PARAGRAPH_ITEMS:
        start, end, line = lines[k]
        if not line.strip():
            current = None
            k += 1
            continue
        if _is_lead(line, lines, k) and not (current and _continues(lines, k)):
            break
        if current is None or not _continues(lines, k):
            current = [start, end]
            items.append(current)
        else:
            current[1] = end
        k += 1
    return [trim(text, s, e) for s, e in items], k


def _continues(lines, k: int) -> bool:
    """Tell whether line k carries on the line before it (hard-wrapped text): no blank line between, and the
    line before does not end a sentence."""
    if k == 0 or not lines[k - 1][2].strip():
        return False
    prev = lines[k - 1][2].rstrip()
    return len(prev) >= 50 and not re.search(r"[.!?:;।]$", prev) and not LIST_ITEM.match(lines[k][2])


def _clean(heading: str) -> str:
    return " ".join(heading.lstrip("#").split())[:200]
