"""Split documents into sentence-respecting chunks that fit the embedding model and keep their pages."""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from collections.abc import Callable, Iterator

from nsss.core.types import Chunk, Document, Page

# Stored with every document: a document cut by another version of the chunker is re-indexed by the next ingest.
CHUNKER_VERSION = 4  # 3: sections kept; PDF pages read by path (OCR, Bijoy, repaired), running lines dropped
# 4: sections also under headings in sentence form, from tables (header and rows) and from lists written inline
# Sentence ends in English and Bangla (the danda), for splits inside over-long paragraphs.
SECONDARY_SPLIT = r"[^,.;।?!]+[,.;।?!]?|[,.;।?!]"
# Where a sentence ends whatever punkt says: a blank line (headings, list items) or a Bangla danda.
BLOCK_END = re.compile(r"\n[ \t]*\n\s*|(?<=।)\s+")
# The model sees a chunk's title before its passage. A long title is cut, so the passage keeps most of the window:
# a word piece holds at least one character, so these characters never take more than 100 of its 256 pieces.
TITLE_CHARS = 100
# punkt reads at most this many characters at once (its regular expressions give up after 5 s on megabytes); a
# block without a blank line that is longer is cut at a line end, else a space, before this.
PUNKT_CHARS = 20_000


def chunk_id(doc_key: str, position: int, text: str) -> str:
    """Identify a chunk by its document, its position and its text, so re-ingesting never duplicates it."""
    return hashlib.sha256(f"{doc_key}\x00{position}\x00{text}".encode()).hexdigest()[:32]


def embedding_text(chunk: Chunk) -> str:
    """Return the text the embedding model sees for a chunk: its document title, then the passage."""
    return f"{_title_prefix(chunk.title)}\n{chunk.text}"


def _title_prefix(title: str) -> str:
    return title if len(title) <= TITLE_CHARS else title[:TITLE_CHARS].rsplit(" ", 1)[0]


def chunk(
    docs: list[Document],
    count: Callable[[str], int],
    max_tokens: int = 256,
    overlap: int = 64,
    piece_spans: Callable[[str], tuple[list[tuple[int, int]], list[int | None]] | None] | None = None,
) -> list[Chunk]:
    """Split documents into chunks whose embedding text fits in max_tokens word pieces (`count` counts a text's).

    With `piece_spans` (an embedder's), each page is tokenized once and the texts cut from it at word
    boundaries are counted from its pieces; the counts, and so the chunks, are those of counting each text.
    """
    from llama_index.core.node_parser import SentenceSplitter

    sentences = _sentence_splitter()
    out: list[Chunk] = []
    for doc in docs:
        size = _Sizes(count, piece_spans)
        # The title goes in front of every passage (embedding_text), and [CLS]/[SEP] take two more.
        budget = max(64, max_tokens - 2 - size(_title_prefix(doc.title) + "\n"))
        # The splitter's own overlap repeats whole paragraphs only, and most paragraphs are longer than the
        # overlap; so each chunk after the first is given the sentences before it that fit its room left.
        room = min(overlap, budget // 4)
        splitter = SentenceSplitter(
            chunk_size=budget,
            chunk_overlap=0,
            tokenizer=size.pieces(budget),
            paragraph_separator="\n\n",
            chunking_tokenizer_fn=sentences,
            secondary_chunking_regex=SECONDARY_SPLIT,
            include_metadata=False,
            include_prev_next_rel=False,
        )
        spans = doc.pages or (Page(number=0, label="", start=0, end=len(doc.text)),)
        position = 0
        for page in spans:
            page_text = doc.text[page.start : page.end]
            if not page_text.strip():
                continue
            size.page(page_text)
            previous = None
            for piece, hint in _splits(splitter, page_text):
                start, end = _locate(page_text, piece, hint)
                if start is None:
                    continue
                start, end = trim(page_text, start, end)
                if start >= end:
                    continue
                if previous is not None and previous < start:
                    free = min(room, budget - size(page_text[start:end]))
                    start = _overlap_start(page_text, previous, start, free, size, sentences)
                previous = start
                text = page_text[start:end]
                out.append(
                    Chunk(
                        id=chunk_id(doc.key, position, text),
                        doc_key=doc.key,
                        source=doc.source,
                        title=doc.title,
                        kind=doc.kind,
                        date=doc.date,
                        page=page.number if doc.pages else None,
                        page_label=page.label if doc.pages and page.label != str(page.number) else "",
                        start=page.start + start,
                        end=page.start + end,
                        position=position,
                        text=text,
                    )
                )
                position += 1
    return out


def _splits(splitter, text: str) -> Iterator[tuple[str, int | None]]:
    """Yield the splitter's passages of a text, each with where it starts as llama-index's node parser finds it.

    `get_nodes_from_documents` would give the same, after building a document, its hash and a node per passage.
    """
    search = 0
    for piece in splitter.split_text(text):
        found = text.find(piece, search)
        if found >= 0:
            search = found + 1  # from the last start, not its end: passages may overlap
        yield piece, found if found >= 0 else None


class _Sizes:
    """Count texts' word pieces for one document, each text once; a text surely over a limit not at all."""

    def __init__(self, count: Callable[[str], int], spans=None):
        self.count = count
        self.spans = spans
        self.known: dict[str, int] = {}  # the splitter measures a page, its paragraphs, then their sentences
        self.pieces_of_page: _PagePieces | None = None

    def page(self, text: str) -> None:
        """Tokenize the page the next texts are cut from, once (when the embedder tells where its pieces lie)."""
        got = self.spans(text) if self.spans is not None else None
        self.pieces_of_page = _PagePieces(text, *got) if got is not None else None

    def __call__(self, text: str) -> int:
        n = self.known.get(text)
        if n is None:
            if self.pieces_of_page is not None:
                n = self.pieces_of_page.count(text)
            if n is None:
                n = self.count(text)
            self.known[text] = n
        return n

    def pieces(self, limit: int) -> Callable[[str], range]:
        """Return a tokenizer for llama-index's splitter, which only takes the length of what it returns.

        A text with more words than `limit` has more word pieces too, and the splitter, told it does not fit,
        never asks how far over it is: such texts (whole pages, long paragraphs) go uncounted.
        """

        def tokenize(text: str) -> range:
            if text not in self.known and len(text) > 2 * limit:  # fewer characters cannot hold limit + 1 words
                words = words_at_least(text)
                if words > limit:
                    return range(words)
            return range(self(text))

        return tokenize


class _PagePieces:
    """A page's word pieces, to count those of a text cut from it without tokenizing the text again."""

    def __init__(self, text: str, offsets: list[tuple[int, int]], words: list[int | None]):
        self.text = text
        self.starts = [a for a, _ in offsets]
        self.ends = [b for _, b in offsets]
        self.words = words
        if any(a > b for a, b in zip(self.starts, self.starts[1:], strict=False)):
            self.starts = []  # pieces out of order: count nothing from them

    def count(self, text: str) -> int | None:
        """Count text's word pieces if it is cut from the page at word boundaries; else None (count it alone)."""
        if not self.starts:
            return None
        at = self.text.find(text)
        if at < 0:
            return None
        end = at + len(text)
        if not (self._between_words(at) and self._between_words(end)):
            return None
        return bisect.bisect_left(self.starts, end) - bisect.bisect_left(self.starts, at)

    def _between_words(self, x: int) -> bool:
        """Whether no piece crosses x and the pieces on either side belong to different words."""
        i = bisect.bisect_left(self.starts, x)
        if i > 0 and self.ends[i - 1] > x:
            return False
        return not (0 < i < len(self.starts) and self.words[i - 1] == self.words[i])


# A word the model's tokenizer keeps whole or cuts into pieces, never joins to the next: from white space it
# splits at (the tokenizer also splits at punctuation, and turns other spaces into these), up to a letter or
# digit it can never drop. Matched from a word's start only, so a long word is read once.
WORD_START = re.compile(r"(?<![^ \t\n\r])[^ \t\n\r]*?[0-9A-Za-z]")


def words_at_least(text: str) -> int:
    """Return a lower bound on a text's word pieces: its words that hold an ASCII letter or digit.

    True of tokenizers that cut at white space and never make one piece of two words, as WordPiece (the bundled
    model) and SentencePiece (multilingual-e5) do.
    """
    return len(WORD_START.findall(text))


def _overlap_start(text: str, previous: int, start: int, room: int, size, sentences) -> int:
    """Move a chunk's start back over the last whole sentences before it that fit in `room` word pieces."""
    used = 0
    for sentence in sentences.backwards(text[previous:start]):
        used += size(sentence)
        if used > room:
            break
        start -= len(sentence)
    while text[start].isspace():
        start += 1
    return start


@functools.lru_cache(maxsize=1)
def _sentence_splitter() -> _Sentences:
    """Return the function that cuts text into sentences, loaded once per process."""
    from llama_index.core.utils import globals_helper
    from nltk.tokenize import PunktTokenizer

    globals_helper.punkt_tokenizer  # noqa: B018 - puts the NLTK data llama-index ships on NLTK's path
    # The English model knows abbreviations ("Mr.", "Dr."); llama-index's default punkt is untrained and cuts there.
    return _Sentences(PunktTokenizer("english"))  # reading the model takes a fifth of a second: once per process


class _Sentences:
    """Cut text into sentences, white space kept, at punkt's sentence ends and BLOCK_END."""

    def __init__(self, punkt):
        self.punkt = punkt

    def __call__(self, text: str) -> list[str]:
        blocks = self._blocks(text)
        cuts = set(blocks)
        for a, b in zip(blocks, blocks[1:], strict=False):
            cuts.update(self._cuts(text, a, b))
        bounds = sorted(cuts)
        return [text[x:y] for x, y in zip(bounds, bounds[1:], strict=False) if x < y]

    def backwards(self, text: str) -> Iterator[str]:
        """Yield the sentences `self(text)` gives, last first, cutting each block only when it is reached.

        A chunk's overlap takes only the last sentences before it: the blocks further back are not cut at all.
        """
        blocks = self._blocks(text)
        for a, b in zip(reversed(blocks[:-1]), reversed(blocks[1:]), strict=True):
            bounds = sorted({a, b, *self._cuts(text, a, b)})  # punkt's cuts fall inside their block
            for x, y in zip(reversed(bounds[:-1]), reversed(bounds[1:]), strict=True):
                if x < y:
                    yield text[x:y]

    @staticmethod
    def _blocks(text: str) -> list[int]:
        return _bounded([0, *(m.end() for m in BLOCK_END.finditer(text) if 0 < m.end() < len(text)), len(text)], text)

    def _cuts(self, text: str, a: int, b: int) -> Iterator[int]:
        return (a + s for s, _ in self.punkt.span_tokenize(text[a:b]))  # white space stays with the sentence


def _bounded(blocks: list[int], text: str) -> list[int]:
    """Cut blocks longer than PUNKT_CHARS at a line end (or a space) so that punkt's work stays linear."""
    out = [blocks[0]]
    for end in blocks[1:]:
        start = out[-1]
        while end - start > PUNKT_CHARS:
            limit = start + PUNKT_CHARS
            cut = text.rfind("\n", start + 1, limit)
            if cut < 0:
                cut = text.rfind(" ", start + 1, limit)
            start = cut + 1 if cut > start else limit
            out.append(start)
        out.append(end)
    return out


def _locate(page_text: str, text: str, hint: int | None) -> tuple[int | None, int | None]:
    """Find a splitter's chunk in its page, so the chunk is an exact span of the extracted text."""
    if hint is not None and hint >= 0 and page_text[hint : hint + len(text)] == text:
        return hint, hint + len(text)
    found = page_text.find(text, max(0, hint or 0) - 50 if hint else 0)
    if found < 0:
        found = page_text.find(text)
    if found >= 0:
        return found, found + len(text)
    # The splitter changed white space: match its words in order in the page.
    import re

    words = text.split()
    if not words:
        return None, None
    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.search(pattern, page_text[max(0, (hint or 0) - 200) :])
    if not match:
        return None, None
    base = max(0, (hint or 0) - 200)
    return base + match.start(), base + match.end()


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Move a span's ends in past white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
