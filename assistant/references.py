"""Format citations as references in a standard form: who published it, when, the title, the page, where to find it.

One place for every reference the app prints: `nsss ask`, copied citations, notes and brief exports.
Two styles: "author-date" (publisher and year first, as in APA) and "numbered" (title first, for [n] lists).
The words a reference adds (page, month, "n.d.") come from a `Words`; the web app passes its interface language's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlparse

from nsss.assistant.types import Citation

STYLES = ("author-date", "numbered")
MONTHS = ("January February March April May June July August September October November December").split()


@dataclass(frozen=True)
class Words:
    """The words and digits a reference is written with, in one language; titles, quotes and URLs stay as they are."""

    page: str = "p. {n}"
    printed: str = " (printed {label})"
    ocr: str = ", text recognised from the image"
    undated: str = "n.d."
    file: str = "File {source}"
    months: tuple[str, ...] = tuple(MONTHS)
    numerals: str = "0123456789"

    def number(self, value: object) -> str:
        """Write a number (or a date) in this language's digits."""
        return str(value).translate(str.maketrans("0123456789", self.numerals))


ENGLISH = Words()


def publisher(c) -> str:
    """Name who published a document: the publisher given, else the web site it came from; "" if unknown."""
    if c.publisher:
        return c.publisher
    host = urlparse(c.url).hostname if c.url else ""
    return (host or "").removeprefix("www.")


def long_date(date: str, words: Words = ENGLISH) -> str:
    """Write an ISO date for people: "6 October 2022", "October 2022", "2022"; "" when unknown."""
    parts = date.split("-")
    n, months = words.number, words.months
    try:
        if len(parts) == 3:
            d = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            return f"{n(d.day)} {months[d.month - 1]} {n(d.year)}"
        if len(parts) == 2:
            return f"{months[int(parts[1]) - 1]} {n(int(parts[0]))}"
    except (ValueError, IndexError):
        return n(date)
    return n(date)


def where(c: Citation, words: Words = ENGLISH) -> str:
    """Say which page: "p. 3 (printed iv)"; "" for documents without pages."""
    if not c.page:
        return ""
    label = words.printed.format(label=c.page_label) if c.page_label and c.page_label != str(c.page) else ""
    recognised = words.ocr if c.ocr else ""
    return f"{words.page.format(n=words.number(c.page))}{label}{recognised}"


def reference(c: Citation, style: str = "author-date", quote: bool = True, words: Words = ENGLISH) -> str:
    """Format one citation; with `quote`, the quoted words follow the reference."""
    if style not in STYLES:
        raise ValueError(f"citation style {style!r} is not one of {', '.join(STYLES)}")
    who, page, when = publisher(c), where(c, words), long_date(c.date, words) or words.undated
    title = " ".join(c.title.split()).rstrip(".")
    if style == "author-date":
        head = f"{who} ({when}). {title}" if who else f"{title} ({when})"
        parts = [head + (f", {page}" if page else "")]
    else:
        parts = [title, ", ".join(p for p in (who, when, page) if p)]
    if c.url:
        parts.append(c.url)
    parts.append(words.file.format(source=c.source))
    text = ". ".join(p.rstrip(".") for p in parts) + "."
    if quote and c.quote:
        text += f" “{' '.join(c.quote.split())}”"
    return text


def citation_json(c: Citation, style: str = "author-date") -> dict:
    """Return a citation in the `nsss ask --json` shape, with its formatted reference."""
    return {
        "n": c.n,
        "source": c.source,
        "title": c.title,
        "page": c.page,
        "quote": c.quote,
        "ocr": c.ocr,
        "date": c.date or None,
        "url": c.url or None,
        "publisher": publisher(c) or None,
        "reference": reference(c, style, quote=False),
    }
