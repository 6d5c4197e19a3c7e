"""What the web app talks to: one assistant over one store, loaded once and shared by every browser session."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nsss.assistant.types import Answer, Conversation
from nsss.core.layout import chroma_dir, uploads_dir
from nsss.core.settings import BUNDLED_CORPUS, Settings
from nsss.core.types import DocRecord, Filters
from nsss.ui.uploads import receive


@dataclass(frozen=True)
class InUse:
    """What the web app is using: its LLM (model and URL, None when answers are extractive), store and model."""

    llm: tuple[str, str] | None
    store: str
    model: str
    documents: int
    chunks: int
    uploads: str


class QuestionTooLong(ValueError):
    """A question longer than the web app takes."""


def check_question(question: str, limit: int) -> None:
    """Refuse a question over the length limit, before any work is spent on it."""
    if isinstance(question, str) and len(question) > limit:
        raise QuestionTooLong(
            f"the question is {len(question):,} characters long, over the limit of {limit:,}; "
            "ask it in fewer words (the limit is NSSS_MAX_QUESTION_CHARS)"
        )


def is_new(settings: Settings) -> bool:
    """Say whether the store was never made (an embedded store whose folder is absent): the bundled corpus goes in."""
    return not settings.chroma_url and not chroma_dir(settings.store).exists()


def fill_bundled(settings: Settings) -> None:
    """Ingest the bundled corpus into an empty store, with progress on the terminal."""
    from nsss.ingest import ingest

    print(f"The store {settings.store} is empty: adding the bundled documents first.", flush=True)
    report = ingest([BUNDLED_CORPUS], settings, progress=True)
    print(f"Added {report.added} documents ({report.chunks} passages) in {report.seconds:.1f} s.", flush=True)
    for failure in report.failed:
        print(f"failed: {failure.path}: {failure.error}", flush=True)


class Service:
    """The store, the model and the assistant; opened in the background so the web page can load meanwhile."""

    def __init__(
        self, settings: Settings, use_llm: bool = True, bootstrap: bool = False, torch_threads: int | None = None
    ):
        self.settings = settings
        self.torch_threads = torch_threads
        self.use_llm = use_llm
        self._assistant = None
        self._error: BaseException | None = None
        self._changing = threading.Lock()  # one library change at a time; answers go on meanwhile
        self._loader = threading.Thread(target=self._load, args=(bootstrap,), name="nsss-load", daemon=True)
        self._loader.start()

    def _load(self, bootstrap: bool) -> None:
        try:
            if bootstrap and is_new(self.settings):
                self._fill_apart()
            self._open()
            if self.torch_threads:
                self._assistant.index.embedder.set_threads(self.torch_threads)
            if bootstrap and not self._assistant.index.records:
                fill_bundled(self.settings)
                self._open()
            threading.Thread(target=self._warm_up, name="nsss-warm-up", daemon=True).start()
        except BaseException as exc:  # noqa: BLE001 - kept and raised to whoever waits for the service
            self._error = exc

    def _fill_apart(self) -> None:
        """Ingest the bundled corpus into a new store in a child process, on the other core while this one imports
        the web app (threads share one interpreter lock; eval/RESULTS.md, "Speed of the query path"). A child that
        fails leaves the store empty, and it is filled in this process instead."""
        import os
        import subprocess
        import sys

        code = "from nsss.core.settings import Settings; from nsss.ui.service import fill_bundled; fill_bundled(Settings.load())"
        child = subprocess.Popen(
            [sys.executable, "-c", code], env={**os.environ, **self.settings.as_env()}, stdin=subprocess.DEVNULL
        )
        try:
            # Meanwhile, what opening the store needs and the child does not share: the libraries and the model.
            import bm25s  # noqa: F401
            import chromadb  # noqa: F401
            from nsss.index.embed import load_embedder

            embedder = load_embedder(self.settings.embed_model, self.settings.onnx)
            embedder.set_threads(self.torch_threads or 0)
            embedder.embed(["warm up"])
        finally:
            child.wait()

    def _warm_up(self) -> None:
        """Answer one question before the first person does: the first call pays for lazy set-up in the libraries."""
        # A failed warm-up only means the first answer is slower.
        with contextlib.suppress(Exception):
            if self._assistant.index.records:
                self._assistant.answer("What is the National Social Security Strategy?")

    def _open(self) -> None:
        from nsss.assistant import Assistant
        from nsss.index import open_index

        index = open_index(self.settings)
        # The sentences answers weigh are encoded once, in the background, now and after every change this
        # service notices: answers asked meanwhile encode their own, with the same vectors.
        index.keeps_sentences = True
        index.fill_sentences(wait=False)
        # One assignment swaps index and assistant together; answers already running keep the old pair.
        self._assistant = Assistant(self.settings, index=index, use_llm=self.use_llm)

    def wait(self) -> Service:
        """Block until the store and model are open; raise what stopped them."""
        self._loader.join()
        if self._error is not None:
            raise self._error
        return self

    @property
    def assistant(self):
        """Return the shared Assistant, waiting for it to load."""
        return self.wait()._assistant

    def answer(self, question: str, conversation: Conversation | None = None, filters: Filters | None = None) -> Answer:
        """Answer a question with the shared assistant."""
        check_question(question, self.settings.max_question_chars)
        return self.assistant.answer(question, conversation=conversation, filters=filters)

    def records(self) -> list[DocRecord]:
        """List the documents in the store, by title (re-read when another process changed the store)."""
        index = self.assistant.index
        index.check()
        return list(index.records)

    def record(self, key: str) -> DocRecord | None:
        """Return a document's record, or None when it is gone."""
        return next((r for r in self.records() if r.key == key), None)

    def document_text(self, key: str) -> str:
        """Return a document's extracted text."""
        return self.assistant.document_text(key)

    def add(self, files: list[tuple[Path, str]], on_file: Callable[[str], None] | None = None):
        """Receive uploads into the store's folder and ingest them; return (saved paths, refusals, report)."""
        from nsss.index.store import explained_writes
        from nsss.ingest import ingest

        with explained_writes(self.settings):  # a full disk is said in words here too
            saved, refused = receive(files, uploads_dir(self.settings.store), self.settings.max_file_mb)
        if not saved:
            return saved, refused, None
        with self._changing:
            report = ingest(saved, self.settings, progress=False, on_file=on_file)
            self._open()
        return saved, refused, report

    def delete(self, key: str) -> DocRecord | None:
        """Remove a document from the store (and its uploaded file, if it was uploaded here)."""
        from nsss.ingest.sync import forget

        with self._changing:
            record = self.record(key)
            if record is None:
                return None
            forget([key], self.settings)
            folder = uploads_dir(self.settings.store).resolve()
            if Path(record.root).resolve() == folder:
                (folder / record.source).unlink(missing_ok=True)
            self._open()
        return record

    def matches(self, filters: Filters | None) -> bool:
        """Say whether any passage passes the filters (no filters: yes)."""
        index = self.assistant.index
        keys, kinds, years = index.resolve(filters)
        if index.lexical is None:
            return True
        mask = index.lexical.mask(keys, kinds, years)
        return mask is None or bool(mask.any())

    def brief(self, topic: str):
        """Collect a topic's passages from every document, oldest document first."""
        from nsss.assistant.brief import brief

        return brief(topic, self.assistant.index)

    def relabel(self, key: str, fields: dict[str, str]) -> DocRecord:
        """Correct a document's title, kind, date or publisher; kept across re-ingests."""
        from nsss.ingest.sync import relabel

        with self._changing:
            record = relabel(key, fields, self.settings)
            self._open()
        return record

    def info(self) -> InUse:
        """Describe what is in use, for the settings panel and the header."""
        s = self.settings
        records = self.assistant.index.records
        return InUse(
            llm=(s.llm_model or "", s.llm_url) if self.assistant.llm is not None else None,
            store=self.assistant.index.store.location,
            model=s.embed_model,
            documents=len(records),
            chunks=sum(r.chunks for r in records),
            uploads=str(uploads_dir(s.store)),
        )
