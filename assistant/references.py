"""Format citations as references in a standard form: who published it, when, the title, the page, where to find it.

One place for every reference the app prints: `nsss ask`, copied citations, notes and brief exports.
Two styles: "author-date" (publisher and year first, as in APA) and "numbered" (title first, for [n] lists).
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse

from nsss.assistant.types import Citation

STYLES = ("author-date", "numbered")
MONTHS = ("January February March April May June July August September October November December").split()


def publisher(c) -> str:
    """Name who published a document: the publisher given, else the web site it came from; "" if unknown."""
    if c.publisher:
        return c.publisher
    host = urlparse(c.url).hostname if c.url else ""
    return (host or "").removeprefix("www.")


def long_date(date: str) -> str:
    """Write an ISO date for people: "6 October 2022", "October 2022", "2022"; "" when unknown."""
    parts = date.split("-")
    try:
        if len(parts) == 3:
            d = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
    except (ValueError, IndexError):
        return date
    return date


def where(c: Citation) -> str:
    """Say which page: "p. 3 (printed iv)"; "" for documents without pages."""
    if not c.page:
        return ""
    label = f" (printed {c.page_label})" if c.page_label and c.page_label != str(c.page) else ""
    recognised = ", text recognised from the image" if c.ocr else ""
    return f"p. {c.page}{label}{recognised}"


def reference(c: Citation, style: str = "author-date", quote: bool = True) -> str:
    """Format one citation; with `quote`, the quoted words follow the reference."""
    if style not in STYLES:
        raise ValueError(f"citation style {style!r} is not one of {', '.join(STYLES)}")
    who, page, when = publisher(c), where(c), long_date(c.date)
    title = " ".join(c.title.split()).rstrip(".")
    if style == "author-date":
        head = f"{who} ({when or 'n.d.'}). {title}" if who else f"{title} ({when or 'n.d.'})"
        parts = [head + (f", {page}" if page else "")]
    else:
        parts = [title, ", ".join(p for p in (who, when or "n.d.", page) if p)]
    if c.url:
        parts.append(c.url)
    parts.append(f"File {c.source}")
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
