"""Split documents into sentence-respecting chunks that fit the embedding model and keep their pages."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from ingest.types import Chunk, Document, Page

# Sentence ends in English and Bangla (the danda), for splits inside over-long paragraphs.
SECONDARY_SPLIT = r"[^,.;।?!]+[,.;।?!]?|[,.;।?!]"


def chunk_id(doc_key: str, position: int, text: str) -> str:
    """Identify a chunk by its document, its position and its text, so re-ingesting never duplicates it."""
    return hashlib.sha256(f"{doc_key}\x00{position}\x00{text}".encode()).hexdigest()[:32]


def embedding_text(chunk: Chunk) -> str:
    """Return the text the embedding model sees for a chunk: its document title, then the passage."""
    return f"{chunk.title}\n{chunk.text}"


def chunk(
    docs: list[Document],
    tokenize: Callable[[str], list[str]],
    max_tokens: int = 256,
    overlap: int = 32,
) -> list[Chunk]:
    """Split documents into chunks whose embedding text fits in max_tokens word pieces."""
    from llama_index.core import Document as LlamaDocument
    from llama_index.core.node_parser import SentenceSplitter

    out: list[Chunk] = []
    for doc in docs:
        # The title goes in front of every passage (embedding_text), and [CLS]/[SEP] take two more.
        budget = max(64, max_tokens - 2 - len(tokenize(doc.title + "\n")))
        splitter = SentenceSplitter(
            chunk_size=budget,
            chunk_overlap=min(overlap, budget // 4),
            tokenizer=tokenize,
            paragraph_separator="\n\n",
            secondary_chunking_regex=SECONDARY_SPLIT,
            include_metadata=False,
            include_prev_next_rel=False,
        )
        spans = doc.pages or (Page(number=0, label="", start=0, end=len(doc.text)),)
        position = 0
        for page in spans:
            page_text = doc.text[page.start:page.end]
            if not page_text.strip():
                continue
            for node in splitter.get_nodes_from_documents([LlamaDocument(text=page_text)]):
                start, end = _locate(page_text, node.get_content(), node.start_char_idx)
                if start is None:
                    continue
                start, end = _trim(page_text, start, end)
                text = page_text[start:end]
                if not text:
                    continue
                out.append(Chunk(
                    id=chunk_id(doc.key, position, text),
                    doc_key=doc.key, source=doc.source, title=doc.title, kind=doc.kind, date=doc.date,
                    page=page.number if doc.pages else None,
                    page_label=page.label if doc.pages and page.label != str(page.number) else "",
                    start=page.start + start, end=page.start + end, position=position, text=text,
                ))
                position += 1
    return out


def _locate(page_text: str, text: str, hint: int | None) -> tuple[int | None, int | None]:
    """Find a splitter's chunk in its page, so the chunk is an exact span of the extracted text."""
    if hint is not None and hint >= 0 and page_text[hint:hint + len(text)] == text:
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
    match = re.search(pattern, page_text[max(0, (hint or 0) - 200):])
    if not match:
        return None, None
    base = max(0, (hint or 0) - 200)
    return base + match.start(), base + match.end()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
