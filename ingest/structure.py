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
MAX_ROWS = 60  # rows kept of one table: a question about one row is answered with that row
# A heading in sentence form ("Methodological approaches", "Types of work") has at most this many words.
SENTENCE_HEADING_WORDS = 6
# Words a heading does not end with: a line that ends with one is the end of a wrapped line ("...officials and UNDP of").
FUNCTION_WORDS = frozenset("a an and as at by for from in into of on or the to with".split())
# A list written inline in one paragraph: "i. ...; ii. ...", "(a) ... (b) ...", "1) ... 2) ...". Lower-case letters
# only, and digits only with a bracket: "A. K. Mohiuddin" and "Tk 1. 2" are no lists.
INLINE_MARKER = re.compile(
    r"(?:^|(?<=[\s:;,—]))(?:\((?P<paren>[ivx]{1,4}|[a-h]|\d{1,2})\)|(?P<mark>[ivx]{1,4}|[a-h]|\d{1,2})\)|"
    r"(?P<dot>[ivx]{1,4}|[a-h])\.)(?=\s)"
)
INLINE_SEQUENCES = (
    ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"),
    tuple("abcdefgh"),
    tuple(str(n) for n in range(1, 21)),
)
# A table row of plain text: cells apart by spaces, most of them figures ("8 2015-16 14,400.00").
FIGURE_CELL = re.compile(r"^[(]?[-+]?[\d৳$]?[\d,.%/–-]*\d[\d,.%/–-]*[)]?$")
PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def find_sections(text: str) -> tuple[Section, ...]:
    """Return the document's sections: a heading or lead-in line, and the items (or paragraphs) under it; a table
    (its header row, and its rows); a list written inline in a paragraph (its lead, and its items)."""
    lines = _lines(text)
    sections, in_table = _tables(lines, text)
    i = 0
    while i < len(lines):
        start, end, line = lines[i]
        if i in in_table or not _is_lead(line, lines, i):
            i += 1
            continue
        items, j = _items_after(lines, i + 1, text, in_table)
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
    for k, (start, end, line) in enumerate(lines):
        if k not in in_table and not LIST_ITEM.match(line):
            sections += _inline_lists(text, start, end, _heading_above(lines, k))
    return tuple(sorted(sections, key=lambda s: s.start))


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
    return _is_heading(line) or _is_sentence_heading(lines, i)


def _is_sentence_heading(lines, i: int) -> bool:
    """Tell whether a short line in sentence form is a heading ("Methodological approaches", "Types of work"): a
    blank line stands before it, or a list follows it, and it does not end as a wrapped line or a sentence does."""
    body = lines[i][2].strip()
    words = body.split()
    if not 2 <= len(words) <= SENTENCE_HEADING_WORDS or not body[:1].isupper() or "|" in body or LIST_ITEM.match(body):
        return False
    last = re.sub(r"\W", "", words[-1])
    # (a line cut short ends with a piece of a word: "Year of commencement of o")
    if re.search(r"[.;,:!?|\"”]$", body) or last.lower() in FUNCTION_WORDS or len(last) < 3 and not last.isupper():
        return False
    if i + 1 < len(lines) and LIST_ITEM.match(lines[i + 1][2]) and not TABLE_ROW.match(lines[i + 1][2]):
        return True
    # After a blank line, a short line that a longer one follows is no wrapped line of a paragraph: a label
    # ("Eligibility criteria" over "Factors related to land...").
    return _blank_before(lines, i)


def _blank_before(lines, k: int) -> bool:
    """Tell whether a blank line (or the start of the text) stands before line k."""
    return k == 0 or lines[k][0] - lines[k - 1][1] > 1 or not lines[k - 1][2].strip()


def _heading_above(lines, i: int) -> str:
    """Return the heading line just above a lead-in line ("TOR of the CMC" above "It includes:"), if any."""
    k = i - 1
    while k >= 0 and not lines[k][2].strip():
        k -= 1
    if (
        k >= 0
        and (_is_heading(lines[k][2]) or _is_sentence_heading(lines, k))
        and not lines[k][2].strip().endswith(":")
    ):
        return lines[k][2].strip().lstrip("#").strip()
    return ""


def _items_after(lines, j: int, text: str, in_table=frozenset()) -> tuple[list[tuple[int, int]], int]:
    """Gather the list items (or, under a heading, the paragraphs) that follow line j-1; return them and where
    the section ends (at a table: its rows are a section of their own)."""
    k = j
    while k < len(lines) and not lines[k][2].strip():
        k += 1
    if k >= len(lines) or k in in_table:
        return [], j
    items: list[list[int]] = []
    if LIST_ITEM.match(lines[k][2]) or TABLE_ROW.match(lines[k][2]):
        table = not LIST_ITEM.match(lines[k][2])
        while k < len(lines) and len(items) < MAX_ITEMS and k not in in_table:
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
        while k < len(lines) and len(items) < MAX_PARAGRAPH_ITEMS and k not in in_table:
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
    while k < len(lines) and len(items) < MAX_PARAGRAPH_ITEMS and k not in in_table:
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
    if _blank_before(lines, k):
        return False
    prev = lines[k - 1][2].rstrip()
    return len(prev) >= 50 and not re.search(r"[.!?:;।]$", prev) and not LIST_ITEM.match(lines[k][2])


def _clean(heading: str) -> str:
    return " ".join(heading.lstrip("#").split())[:200]


def _tables(lines, text: str) -> tuple[list[Section], set[int]]:
    """Find the tables: rows of cells apart by pipes ("| 2015-16 | 14,400 |"), or lines of figures apart by spaces
    under a header line ("wdt_ID Fiscal Year Budget" over "8 2015-16 14,400.00"). Each is a section whose heading is
    its header row and whose items are its rows; return them and the lines they take."""
    sections: list[Section] = []
    taken: set[int] = set()
    k = 0
    while k < len(lines):
        rows = _table_rows(lines, k)
        if not rows:
            k += 1
            continue
        header, body = rows[0], [r for r in rows[1:] if not PIPE_SEPARATOR.match(lines[r][2])]
        start, end, line = lines[header]
        sections.append(
            Section(
                heading=_clean(line.strip().strip("|")),
                start=start + len(line) - len(line.lstrip()),
                end=end,
                items=tuple(trim(text, lines[r][0], lines[r][1]) for r in body[:MAX_ROWS]),
            )
        )
        taken.update(rows)
        k = rows[-1] + 1
    return sections, taken


def _table_rows(lines, k: int) -> list[int]:
    """Return the lines of the table whose header is line k (the header first), or [] when none starts there."""
    line = lines[k][2]
    if TABLE_ROW.match(line) and "|" in line and not LIST_ITEM.match(line):
        rows = [k]
        while rows[-1] + 1 < len(lines) and "|" in lines[rows[-1] + 1][2] and TABLE_ROW.match(lines[rows[-1] + 1][2]):
            rows.append(rows[-1] + 1)
        body = [r for r in rows[1:] if not PIPE_SEPARATOR.match(lines[r][2])]
        return rows if len(body) >= 2 else []
    # A header of words (not itself a row of figures, nor a sentence) over three rows of figures or more.
    body = line.strip()
    if not body or _figure_cells(body) or len(body.split()) > 20 or re.search(r"[.:;]$", body):
        return []
    rows = [k]
    width = 0
    while rows[-1] + 1 < len(lines):
        cells = lines[rows[-1] + 1][2].split()
        figures = _figure_cells(lines[rows[-1] + 1][2])
        if figures < 2 or 2 * figures < len(cells) or (width and figures != width):
            break
        width = figures
        rows.append(rows[-1] + 1)
    return rows if len(rows) >= 4 else []


def _figure_cells(line: str) -> int:
    return sum(bool(FIGURE_CELL.match(cell)) for cell in line.split())


def _inline_lists(text: str, start: int, end: int, above: str) -> list[Section]:
    """Return the lists written inline in one paragraph ("These include: i. Initiate...; ii. Facilitate...; and iii.
    Undertake..."): the words before the first marker lead, and each item runs to the next marker (or, the last, to
    the end of its sentence)."""
    line = text[start:end]
    found = []
    for match in INLINE_MARKER.finditer(line):
        mark = match.group("paren") or match.group("mark") or match.group("dot")
        found.append((match.start(), match.end(), mark, "(" if match.group("paren") else match.group(0)[-1]))
    sections = []
    i = 0
    while i < len(found):
        run = _inline_run(found, i)
        if len(run) < 2:
            i += 1
            continue
        first = found[run[0]][0]
        # The lead: the sentence the first marker stands in, up to it; and the paragraph's own label before a colon
        # ("Completion of the pending activities: ...").
        sentence_start = max(
            (m.end() for m in re.finditer(r"[.!?।]\s+(?=[A-Z\u0980-\u09FF])", line[:first])), default=0
        )
        lead = line[sentence_start:first].strip()
        label = re.match(r"\s*([^:.;]{3,80}):\s", line)
        heading = lead
        if label and label.end() <= sentence_start:
            heading = f"{label.group(1).strip()} / {lead}"
        elif above:
            heading = f"{above} / {lead}"
        items = []
        for n, at in enumerate(run):
            a = found[at][0]
            b = found[run[n + 1]][0] if n + 1 < len(run) else _sentence_end(line, found[at][1])
            item = re.sub(r"(?:[\s;,]|\band\b|\bor\b)+$", "", line[a:b])
            items.append(trim(text, start + a, start + a + len(item)))
        sections.append(
            Section(heading=_clean(heading), start=start + sentence_start, end=start + first, items=tuple(items))
        )
        i = run[-1] + 1
    return sections


def _inline_run(found, i: int) -> list[int]:
    """Return the markers from found[i] on that count up one by one in one style ("i." "ii." "iii."), or []."""
    for sequence in INLINE_SEQUENCES:
        if found[i][2] != sequence[0]:
            continue
        run, style = [i], found[i][3]
        for j in range(i + 1, len(found)):
            if len(run) < len(sequence) and found[j][2] == sequence[len(run)] and found[j][3] == style:
                run.append(j)
        if len(run) >= 2:
            return run
    return []


def _sentence_end(line: str, at: int) -> int:
    """Return where the sentence that goes on at `at` ends (after its full stop), or the line's end."""
    match = re.search(r"[.!?।](?=\s+[A-Z\u0980-\u09FF\"“]|\s*$)", line[at:])
    return at + match.end() if match else len(line)
