"""The data that crosses the stages' seams: documents and their chunks, stored records, search hits."""

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
class Filters:
    """Limit a search to some documents (key, source or title), kinds and years."""

    documents: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    years: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.documents or self.kinds or self.years)


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score and the two scores it was fused from."""

    chunk: Chunk
    score: float
    dense: float  # cosine similarity to the query, 0 when dense retrieval did not return it
    lexical: float  # BM25 score, 0 when no query term is in it


@dataclass(frozen=True)
class DocRecord:
    """What the store knows about one ingested document."""

    key: str
    root: str
    source: str
    title: str
    kind: str
    date: str
    url: str
    format: str
    sha256: str
    pages: int
    chunks: int
    acronyms: dict  # acronym -> list of long forms defined in the document
    page_spans: tuple[Page, ...] = ()
    chunker: int = 0  # the ingest.chunk.CHUNKER_VERSION that cut it
    sections: tuple[Section, ...] = ()  # headings and the items under them
    publisher: str = ""

    @property
    def year(self) -> int | None:
        """Return the year of the document's date, if known."""
        return int(self.date[:4]) if self.date[:4].isdigit() else None

    def page_at(self, offset: int) -> Page | None:
        """Return the page holding a character offset, or None for documents without pages."""
        return page_at(self.page_spans, offset)


@dataclass(frozen=True)
class Embedded:
    """A document cut into chunks with their vectors, ready for the store: what one ingest writes for one file."""

    document: Document
    chunks: tuple[Chunk, ...]
    vectors: list[list[float]]  # one per chunk, in order
    acronyms: dict  # acronym -> long forms the document defines
    chunker: int  # the version of the chunker that cut it (ingest.chunk.CHUNKER_VERSION)
