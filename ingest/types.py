"""The data that leaves ingestion: documents with their pages, and the chunks cut from them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """A page of a paged document: its 1-based number, printed label, span in the text, and whether OCR read it."""

    number: int
    label: str
    start: int
    end: int
    ocr: bool = False  # the text was recognised from the page's image, not taken from a text layer


@dataclass(frozen=True)
class Section:
    """A heading (or a line that leads into a list) and the items or paragraphs under it, as text spans."""

    heading: str
    start: int  # span of the heading line in the document text
    end: int
    items: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Document:
    """A file's extracted text with the facts needed to cite it."""

    root: str  # absolute folder the document was ingested from
    source: str  # path relative to root, with forward slashes
    title: str
    kind: str
    date: str  # ISO date or year, "" when unknown
    url: str
    format: str  # pdf, docx, html, markdown, text
    sha256: str  # of the file's bytes
    text: str
    pages: tuple[Page, ...] = ()
    sections: tuple[Section, ...] = ()
    publisher: str = ""  # who published it (a ministry, a newspaper), when known

    @property
    def key(self) -> str:
        """Identify the document within a store: its folder and its path in it."""
        return f"{self.root}::{self.source}"


def page_at(pages: tuple[Page, ...], offset: int) -> Page | None:
    """Return the page holding a character offset (the last page holds the text's end), or None."""
    for page in pages:
        if page.start <= offset < page.end or (offset == page.end and page is pages[-1]):
            return page
    return None


@dataclass(frozen=True)
class Chunk:
    """A passage of a document, small enough for the embedding model, that knows where it came from."""

    id: str
    doc_key: str
    source: str
    title: str
    kind: str
    date: str
    page: int | None
    page_label: str
    start: int  # character offsets into the document text
    end: int
    position: int
    text: str

    @property
    def year(self) -> int | None:
        """Return the year of the document's date, if known."""
        return int(self.date[:4]) if self.date[:4].isdigit() else None


@dataclass(frozen=True)
class Failure:
    """A file that could not be ingested, and why, in words for a person."""

    path: str
    error: str


class LoadError(Exception):
    """A file cannot be read as a document; the message says why."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
