"""Read files in a separate process with a memory cap and a time limit, so a hostile file fails alone.

A parser that loops, eats memory or crashes in C code takes only its helper process down: the file becomes a
failure with its reason, the helper is started again, and the ingest goes on with the next file.
"""

from __future__ import annotations

import atexit
import contextlib
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from nsss.core.types import Document
from nsss.ingest.types import LoadError

MB = 1024 * 1024


class Reader:
    """A helper process that reads one file at a time with `ingest.load`, under limits from the settings."""

    def __init__(self, max_seconds: float, max_mb: int):
        self.max_seconds = max_seconds
        self.max_mb = max_mb
        self._proc = None
        self._conn = None
        self._lock = threading.Lock()  # one file at a time through the pipe

    def load(self, path: Path, root: Path, **kwargs) -> Document:
        """Read one file in the helper process; raise LoadError for any failure, with the limit that stopped it."""
        for result in self.load_all([(path, root, kwargs)]):
            if isinstance(result, LoadError):
                raise result
            return result
        raise AssertionError("unreachable: one file asked, one answer")

    def load_all(self, jobs: Iterable[tuple[Path, Path, dict]]) -> Iterator[Document | LoadError]:
        """Read files (path, root, keyword arguments of `ingest.load`) in order, each the Document or its LoadError.

        The helper reads the next file while the caller works on the one just given (chunking it): reading
        then costs the ingest nothing on a second core. Each file still has `max_seconds` from when it was sent.
        """
        with self._lock:
            jobs = iter(jobs)
            pending = self._send(next(jobs, None))
            try:
                while pending is not None:
                    result = self._receive(*pending)
                    pending = None  # answered: nothing to clear up if the caller stops here
                    pending = self._send(next(jobs, None))
                    yield result
            finally:
                if pending is not None:  # the caller stopped early: an answer to nobody would come next
                    self._stop()

    def _send(self, job: tuple[Path, Path, dict] | None) -> tuple[str, float] | None:
        """Hand a file to the helper; return what `_receive` needs to wait for it."""
        if job is None:
            return None
        path, root, kwargs = job
        self._start()
        try:
            self._conn.send((str(path), str(root), kwargs))
        except (BrokenPipeError, EOFError, OSError):
            return str(path), -1.0  # the helper is gone: its answer is the failure below
        return str(path), time.monotonic()

    def _receive(self, shown: str, sent: float) -> Document | LoadError:
        """Wait for the helper's answer about a file sent at `sent`, restarting it after a limit stopped it."""
        ready = None
        if sent >= 0:
            try:
                ready = self._conn.poll(max(0.0, sent + self.max_seconds - time.monotonic()))
            except (BrokenPipeError, EOFError, OSError):
                ready = None
        if ready is False:
            self._stop()
            return LoadError(
                shown,
                f"took longer than {self.max_seconds:g} s to read, the limit (raise NSSS_MAX_PARSE_SECONDS to allow more)",
            )
        try:
            result = self._conn.recv() if ready else None
        except (EOFError, OSError):
            result = None
        if result is None:
            self._stop()
            return LoadError(
                shown,
                f"stopped the reader (it needs more than {self.max_mb:,} MB of memory, "
                "or it crashed the parser; raise NSSS_MAX_PARSE_MB to allow more memory)",
            )
        if result[0] == "ok":
            return result[1]
        return LoadError(result[1], result[2])

    def _start(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            return
        import multiprocessing

        # spawn, not fork: the caller may hold threads (the web server, torch) that a fork would copy half-way.
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        self._proc = context.Process(target=_serve, args=(child, self.max_mb), name="nsss-reader", daemon=True)
        self._proc.start()
        child.close()
        self._conn = parent

    def _stop(self) -> None:
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.kill()
            self._proc.join(timeout=10)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def close(self) -> None:
        """Stop the helper process."""
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(OSError):
                    self._conn.send(None)
            self._stop()


_readers: dict[tuple[float, int], Reader] = {}
_readers_lock = threading.Lock()


def reader(max_seconds: float, max_mb: int) -> Reader:
    """Return this process's helper for these limits, started on first use and kept for the next ingest."""
    with _readers_lock:
        key = (float(max_seconds), int(max_mb))
        if key not in _readers:
            _readers[key] = Reader(*key)
        return _readers[key]


@atexit.register
def _close_all() -> None:
    for r in list(_readers.values()):
        r.close()


def _serve(conn, max_mb: int) -> None:
    """Run in the helper: cap memory, then read files until told to stop."""
    import resource

    from nsss.ingest.load import load

    cap = max_mb * MB
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        # The cap is on address space: glibc reserves 64 MB of it for each thread's malloc arena, so a parser
        # with many threads (OCR) would hit it without using the memory. Two arenas are plenty here.
        ctypes.CDLL("libc.so.6").mallopt(-8, 2)  # M_ARENA_MAX
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        path, root, kwargs = job
        try:
            reply = ("ok", load(Path(path), Path(root), **kwargs))
        except LoadError as exc:
            reply = ("fail", exc.path, exc.reason)
        except MemoryError:
            reply = (
                "fail",
                path,
                f"needs more than {max_mb:,} MB of memory to read, the limit (raise NSSS_MAX_PARSE_MB to allow more)",
            )
        except RecursionError:
            reply = ("fail", path, "is nested too deeply to read (damaged or hostile)")
        except Exception as exc:  # noqa: BLE001 - any parser failure is this file's failure, never the run's
            reply = ("fail", path, f"could not be read ({type(exc).__name__}: {exc})")
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(
                (
                    "fail",
                    path,
                    f"needs more than {max_mb:,} MB of memory to read, the limit "
                    "(raise NSSS_MAX_PARSE_MB to allow more)",
                )
            )
