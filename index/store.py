"""Keep chunks, their vectors and one record per document in Chroma: embedded on disk, or a Chroma server."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
from collections.abc import Iterator
from urllib.parse import urlparse

import numpy as np
from nsss.core.layout import chroma_dir, generation_file, lock_file
from nsss.core.settings import Settings, go_offline
from nsss.core.types import Chunk, DocRecord, Document, Embedded, Page, Section
from nsss.index.overrides import apply_override, read_overrides


class StoreError(RuntimeError):
    """The store cannot be opened or used; the message says what to do."""


def _doc_id(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _text_id(key: str) -> str:
    """Identify the row beside a document's record that holds its whole text (see Store.write)."""
    return f"{_doc_id(key)}-text"


# Every record has its page count; the rows holding documents' texts have none, so this leaves them out.
RECORDS_ONLY = {"pages": {"$gte": 0}}


def _client(settings: Settings, fresh: bool = False):
    go_offline()
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise StoreError(
                f"NSSS_CHROMA_URL {settings.chroma_url!r} is not an http(s) URL like http://127.0.0.1:8000"
            )
        try:
            return chromadb.HttpClient(
                host=url.hostname,
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
        except Exception as exc:  # noqa: BLE001 - chromadb raises many types when the server is absent
            raise StoreError(
                f"cannot reach the Chroma server at {settings.chroma_url} ({exc}); "
                "start it with `chroma run --path DIR --host 127.0.0.1 --port N`"
            ) from None
    try:
        settings.store.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"store folder {settings.store} cannot be created: {exc.strerror}") from None
    path = str(chroma_dir(settings.store))
    if fresh:
        _detach(path)
    return chromadb.PersistentClient(path=path, settings=chroma_settings)


def _detach(path: str) -> None:
    """Make the next client of an embedded store read it from disk afresh.

    Chroma keeps one system per folder in a process, with its vector index in memory; it never sees what another
    process (a command-line ingest) wrote, and answers with chunks deleted since. Clients already open keep the
    old system, so searches in flight finish; it is freed when the last of them goes.
    """
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient._identifier_to_system.pop(path, None)
    SharedSystemClient._identifier_to_refcount.pop(path, None)


class Store:
    """The chunks of one embedding model, and the records of the documents they came from."""

    def __init__(self, settings: Settings, model_slug: str, fresh: bool = False):
        self.settings = settings
        self.client = _client(settings, fresh=fresh)
        self.model_slug = model_slug
        self.chunks = self.client.get_or_create_collection(
            f"nsss-chunks-{model_slug}",
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}},
        )
        self.docs = self.client.get_or_create_collection(f"nsss-documents-{model_slug}", embedding_function=None)

    @property
    def location(self) -> str:
        """Say where the data lives, for people."""
        return self.settings.chroma_url or str(self.settings.store)

    # Documents -------------------------------------------------------------------------------------

    def documents(self) -> list[DocRecord]:
        """List every complete document in the store, by title."""
        got = self.docs.get(include=["metadatas"], where=RECORDS_ONLY)
        edits = read_overrides(self.settings.store)
        records = [apply_override(_record(meta), edits) for meta in got["metadatas"] or []]
        return sorted(records, key=lambda r: (r.title.lower(), r.key))

    def document_text(self, key: str) -> str:
        """Return a document's extracted text, from which every quote is cut: from the row beside its record, or
        from the record's document field, where stores written before that change keep it (no migration)."""
        got = self.docs.get(ids=[_text_id(key), _doc_id(key)], include=["documents", "metadatas"])
        rows = dict(zip(got["ids"], zip(got["documents"], got["metadatas"], strict=True), strict=True))
        if _text_id(key) in rows:
            return rows[_text_id(key)][1]["text"]
        if _doc_id(key) in rows:
            return rows[_doc_id(key)][0]
        raise KeyError(key)

    def write(self, entries: list[Embedded]) -> None:
        """Store documents' chunks, mark them complete, then drop their old ones; safe to repeat after a crash.

        Many documents go in one call: Chroma's cost is per call, not per chunk.
        """
        from chromadb.utils.batch_utils import create_batches

        chunks = [(c, e.document) for e in entries for c in e.chunks]
        vectors = [v for e in entries for v in e.vectors]
        if len(vectors) != len(chunks):
            raise ValueError(f"{len(chunks)} chunks but {len(vectors)} vectors")
        if chunks:
            # A passage's text goes in its metadata, not in Chroma's document field: Chroma indexes every
            # document's words for full-text search (which nothing here uses, and which this Chroma cannot turn
            # off), and that index was a third of the cost of this upsert (eval/RESULTS.md, "Passages kept out of
            # Chroma's full-text index"). Passages stored before keep theirs in the document field: see chunk_from.
            for ids, embeddings, metadatas, *_ in create_batches(
                self.client,
                ids=[c.id for c, _ in chunks],
                embeddings=vectors,
                metadatas=[_chunk_meta(c, doc) for c, doc in chunks],
            ):
                self.chunks.upsert(ids=ids, embeddings=embeddings, metadatas=metadatas)
        # The record is written after the chunks: a document without one is unfinished and is redone on the next
        # ingest. The old version's chunks go only after it, so until then readers (who keep to the versions
        # the records name) still see the old version whole; a crash in between leaves them to the next sweep.
        # A document's whole text goes in a row of its own beside its record, in its metadata: not in the record,
        # which every reload reads, nor in a document field, which Chroma indexes for full-text search (half the
        # cost of this upsert; eval/RESULTS.md, "Documents' text kept out of Chroma's full-text index"). Both rows
        # go in one upsert, the text first, so a record never stands without its text (should Chroma's batches
        # part them, the text goes in the earlier one). Records written before keep their text in the document
        # field: see document_text.
        if entries:
            rows = [
                row
                for e in entries
                for row in ((_text_id(e.document.key), _text_meta(e.document)), (_doc_id(e.document.key), _doc_meta(e)))
            ]
            for ids, embeddings, metadatas, *_ in create_batches(
                self.client,
                ids=[i for i, _ in rows],
                embeddings=[[1.0]] * len(rows),
                metadatas=[m for _, m in rows],
            ):
                self.docs.upsert(ids=ids, embeddings=embeddings, metadatas=metadatas)
        keep = {c.id for c, _ in chunks}
        keys = [e.document.key for e in entries]
        old = self.chunks.get(where={"doc_key": {"$in": keys}}, include=[])["ids"] if keys else []
        stale = [i for i in old if i not in keep]
        self._delete(stale)

    def _delete(self, ids: list[str]) -> None:
        """Delete chunks by id, in as few calls as Chroma allows."""
        from chromadb.utils.batch_utils import create_batches

        for part, *_ in create_batches(self.client, ids=ids) if ids else []:
            self.chunks.delete(ids=part)

    def remove(self, key: str) -> None:
        """Delete a document: chunks first, record last, so a crash leaves it to be removed again."""
        ids = self.chunks.get(where={"doc_key": key}, include=[])["ids"]
        self._delete(ids)
        self.docs.delete(ids=[_doc_id(key), _text_id(key)])  # one call: the record and its text go together

    def sweep(self, records: list[DocRecord]) -> tuple[int, list[Chunk]]:
        """Delete chunks left by an interrupted ingest (those of no complete document version of `records`, the
        store's documents as the caller has just read them); return how many, and every chunk kept: one read of the
        chunks serves the sweep and the lexical index."""
        complete = {(r.key, r.sha256) for r in records}
        kept, orphans = [], []
        for cid, document, meta in self._all_chunk_rows():
            if (meta.get("doc_key"), meta.get("sha256")) in complete:
                kept.append(chunk_from(cid, document, meta))
            else:
                orphans.append(cid)
        self._delete(orphans)
        return len(orphans), kept

    def fingerprint(self) -> str:
        """Hash the set of complete documents, so derived indexes can tell they are stale."""
        return fingerprint(self.documents())

    # Chunks ----------------------------------------------------------------------------------------

    def all_chunks(self, records: list[DocRecord] | None = None) -> Iterator[Chunk]:
        """Yield every chunk of every complete document (of `records`, when the caller has just read them)."""
        complete = {(r.key, r.sha256) for r in (self.documents() if records is None else records)}
        for cid, document, meta in self._all_chunk_rows():
            if (meta.get("doc_key"), meta.get("sha256")) in complete:
                yield chunk_from(cid, document, meta)

    def _all_chunk_rows(self) -> Iterator[tuple[str, str | None, dict]]:
        offset, page = 0, 2000
        while True:
            got = self.chunks.get(include=["documents", "metadatas"], limit=page, offset=offset)
            if not got["ids"]:
                return
            yield from zip(got["ids"], got["documents"], got["metadatas"], strict=True)
            offset += page

    def count(self) -> int:
        """Count the chunks stored."""
        return self.chunks.count()

    def vectors(self, ids: list[str]) -> np.ndarray:
        """Return the stored vectors of those chunks, one row each in their order, each of length 1 (a row of NaN for
        a chunk that has none: it is never near anything)."""
        rows: dict[str, np.ndarray] = {}
        step = 2000
        for start in range(0, len(ids), step):
            got = self.chunks.get(ids=ids[start : start + step], include=["embeddings"])
            for cid, vector in zip(got["ids"], got["embeddings"], strict=True):
                rows[cid] = np.asarray(vector, dtype=np.float32)
        dim = len(next(iter(rows.values()))) if rows else 0
        matrix = np.full((len(ids), dim), np.nan, dtype=np.float32)
        for i, cid in enumerate(ids):
            if cid in rows:
                matrix[i] = rows[cid]
        with np.errstate(invalid="ignore", divide="ignore"):
            return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)

    def get_chunks(self, ids: list[str], versions: dict[str, str] | None = None) -> dict[str, Chunk]:
        """Return chunks by id (those still stored, of the given document versions when `versions` is given)."""
        if not ids:
            return {}
        got = self.chunks.get(ids=ids, include=["documents", "metadatas"])
        return {
            cid: chunk_from(cid, text, meta)
            for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
            if meta
            and chunk_text(text, meta) is not None
            and (versions is None or versions.get(meta.get("doc_key")) == meta.get("sha256"))
        }

    def leftovers(self) -> int:
        """Count the chunks of no complete document version: what an interrupted ingest left."""
        complete = {(r.key, r.sha256) for r in self.documents()}
        return sum(1 for _, meta in self._all_chunk_meta() if (meta.get("doc_key"), meta.get("sha256")) not in complete)

    def _all_chunk_meta(self) -> Iterator[tuple[str, dict]]:
        offset, page = 0, 5000
        while True:
            got = self.chunks.get(include=["metadatas"], limit=page, offset=offset)
            if not got["ids"]:
                return
            yield from zip(got["ids"], got["metadatas"], strict=True)
            offset += page


def fingerprint(records: list[DocRecord]) -> str:
    """Hash a set of document versions, so derived indexes can tell they are stale."""
    lines = sorted(f"{r.key}\x00{r.sha256}" for r in records)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def _chunk_meta(c: Chunk, doc: Document) -> dict:
    return {
        "doc_key": c.doc_key,
        "root": doc.root,
        "source": c.source,
        "title": c.title,
        "kind": c.kind,
        "date": c.date,
        "year": c.year or 0,
        "page": c.page or 0,
        "page_label": c.page_label,
        "start": c.start,
        "end": c.end,
        "position": c.position,
        "sha256": doc.sha256,
        "text": c.text,
    }


def _text_meta(doc: Document) -> dict:
    return {"text_of": doc.key, "sha256": doc.sha256, "text": doc.text}


def _doc_meta(entry: Embedded) -> dict:
    doc = entry.document
    return {
        "key": doc.key,
        "root": doc.root,
        "source": doc.source,
        "title": doc.title,
        "kind": doc.kind,
        "date": doc.date,
        "url": doc.url,
        "format": doc.format,
        "sha256": doc.sha256,
        "pages": len(doc.pages),
        "chunks": len(entry.chunks),
        "acronyms": json.dumps(entry.acronyms, ensure_ascii=False),
        "page_spans": json.dumps([[p.number, p.label, p.start, p.end, *([1] if p.ocr else [])] for p in doc.pages]),
        "chunker": entry.chunker,
        "publisher": doc.publisher,
        "sections": json.dumps(
            [[s.heading, s.start, s.end, [list(i) for i in s.items]] for s in doc.sections], ensure_ascii=False
        ),
    }


def chunk_text(document: str | None, meta: dict | None) -> str | None:
    """Return a stored passage's text: from its metadata, or from Chroma's document field where stores made before
    that change keep it (both are read, so an old store needs no migration and loses nothing)."""
    text = meta.get("text") if meta else None
    return document if text is None else text


def chunk_from(cid: str, document: str | None, meta: dict) -> Chunk:
    """Rebuild a Chunk from what Chroma stored (`document`: its document field, empty for passages stored since
    their text went into the metadata)."""
    text = chunk_text(document, meta)
    return Chunk(
        id=cid,
        doc_key=meta["doc_key"],
        source=meta["source"],
        title=meta["title"],
        kind=meta["kind"],
        date=meta["date"],
        page=meta["page"] or None,
        page_label=meta["page_label"],
        start=meta["start"],
        end=meta["end"],
        position=meta["position"],
        text=text,
    )


def _record(meta: dict) -> DocRecord:
    # Records stored before OCR existed have four fields a page; a fifth (1) marks a page read by OCR.
    spans = tuple(
        Page(number=n, label=label, start=s, end=e, ocr=bool(rest and rest[0]))
        for n, label, s, e, *rest in json.loads(meta["page_spans"])
    )
    return DocRecord(
        key=meta["key"],
        root=meta["root"],
        source=meta["source"],
        title=meta["title"],
        kind=meta["kind"],
        date=meta["date"],
        url=meta["url"],
        format=meta["format"],
        sha256=meta["sha256"],
        pages=meta["pages"],
        chunks=meta["chunks"],
        acronyms=json.loads(meta["acronyms"]),
        page_spans=spans,
        chunker=meta.get("chunker", 0),
        publisher=meta.get("publisher", ""),
        sections=tuple(
            Section(h, s, e, tuple(tuple(i) for i in items))
            for h, s, e, items in json.loads(meta.get("sections") or "[]")
        ),
    )


def relabel_stored(store: Store, key: str) -> DocRecord:
    """Write a document's corrected title, kind, date and publisher into its record and its chunks."""
    record = next(r for r in store.documents() if r.key == key)  # corrections applied on reading
    got = store.docs.get(ids=[_doc_id(key)], include=["metadatas"])
    meta = dict(got["metadatas"][0])
    meta.update(title=record.title, kind=record.kind, date=record.date, publisher=record.publisher)
    store.docs.update(ids=[_doc_id(key)], metadatas=[meta])
    year = record.year or 0
    ids = store.chunks.get(where={"doc_key": key}, include=[])["ids"]
    from chromadb.utils.batch_utils import create_batches

    for part, *_ in create_batches(store.client, ids=ids) if ids else []:
        store.chunks.update(
            ids=part,
            metadatas=[{"title": record.title, "kind": record.kind, "date": record.date, "year": year} for _ in part],
        )
    return record


class StoreFull(StoreError):
    """The disk holding the store has no room left for a write."""


# What a full disk says through SQLite, Chroma's write-ahead log and the system.
FULL_WORDS = (
    "disk is full",
    "no space left",
    "disk full",
    "failed to apply logs",
    "not enough space",
    "quota exceeded",
)


def full_disk(exc: BaseException, settings: Settings) -> StoreFull | None:
    """Recognise a write that failed for want of space, and say so in words; None for any other failure."""
    import errno
    import shutil

    said = str(exc).lower()
    full = isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)
    if not full and any(word in said for word in FULL_WORDS):
        try:  # "failed to apply logs" has other causes too: believe it only when the disk is nearly full
            full = "failed to apply logs" not in said or shutil.disk_usage(settings.store).free < 64 * 1024 * 1024
        except OSError:
            full = True
    if not full or settings.chroma_url and not isinstance(exc, OSError):
        return None
    return StoreFull(
        f"the disk holding {settings.store} is full: free space and run `nsss ingest` again; "
        "nothing already stored was lost"
    )


@contextlib.contextmanager
def explained_writes(settings: Settings) -> Iterator[None]:
    """Turn a failure for want of disk space, anywhere in a change to the store, into a StoreFull that says so."""
    try:
        yield
    except StoreError:
        raise
    except Exception as exc:  # noqa: BLE001 - Chroma, SQLite and the system each raise their own type
        full = full_disk(exc, settings)
        if full is None:
            raise
        raise full from exc


class StoreBusy(StoreError):
    """Another process is writing to the store."""


@contextlib.contextmanager
def writing(settings: Settings) -> Iterator[None]:
    """Hold the store's write lock, refusing at once when another ingest holds it."""
    settings.store.mkdir(parents=True, exist_ok=True)
    path = lock_file(settings.store)
    with open(path, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise StoreBusy(
                f"another ingest ({holder}) is writing to the store {settings.store}; "
                "wait for it to finish and run this again"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        try:
            yield
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)


def generation(settings: Settings) -> str:
    """Return the store's generation: a counter every ingest and removal moves on, for readers to notice."""
    try:
        return generation_file(settings.store).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def bump_generation(settings: Settings) -> None:
    """Move the store's generation on (under the write lock), so every process that reads the store reloads."""
    path = generation_file(settings.store)
    old = generation(settings)
    number = int(old) + 1 if old.isdigit() else 1
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_text(f"{number}\n", encoding="ascii")
    os.replace(temporary, path)  # atomic: a reader sees the old number or the new, never half
