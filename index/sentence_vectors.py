"""Keep the model's vector of every sentence of the stored passages, computed once, so an answer looks its candidate
sentences up instead of encoding them (eval/RESULTS.md, "Speed of the query path").

The vectors live in one SQLite file beside the store, keyed by a hash of the text the model read: a key names its
own content, so a vector is never stale, a sentence shared by two passages is stored once, and a text not found is
simply encoded when asked for. A fill (`Index.fill_sentences`: a service's background work after each change, not
ingestion's) adds what the store's passages lack and drops what none of them holds.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from nsss.core.text import scored_texts


def _key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()[:16]


class SentenceVectors:
    """Sentence vectors by text; a store that has none (an old store, a Chroma server's) just finds none."""

    def __init__(self, path: Path, dim: int):
        self.path = path
        self.dim = dim
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _connect(self, write: bool = False) -> sqlite3.Connection | None:
        if self._db is None:
            if not write and not self.path.is_file():
                return None
            db = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
            db.execute("PRAGMA journal_mode=WAL")  # readers go on while an ingest writes
            db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL) WITHOUT ROWID")
            db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
            self._db = db
        return self._db

    def get(self, texts: list[str]) -> dict[str, list[float]]:
        """Return the stored vectors of those texts that have one."""
        with self._lock:
            try:
                db = self._connect()
                if db is None or not texts:
                    return {}
                keys = {_key(t): t for t in texts}
                found: dict[str, list[float]] = {}
                marks = ",".join("?" * len(keys))
                for key, blob in db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", list(keys)):
                    vector = np.frombuffer(blob, dtype=np.float32)
                    if len(vector) == self.dim:
                        found[keys[key]] = vector.tolist()
                return found
            except sqlite3.Error:
                return {}  # an unreadable file costs speed, never an answer

    def stamp(self) -> str:
        """Return the fingerprint of the store whose passages these vectors last covered in full."""
        with self._lock:
            try:
                db = self._connect()
                row = db.execute("SELECT value FROM meta WHERE name = 'covers'").fetchone() if db else None
                return row[0] if row else ""
            except sqlite3.Error:
                return ""

    def fill(self, passages: Iterable[str], embed, fingerprint: str, progress: bool = False) -> int:
        """Store the vectors of the passages' sentences that have none, drop those of no passage; return how many
        were encoded. Safe beside another fill or an ingest: a vector is keyed by its own text, so the worst a race
        does is leave a sentence to be encoded when an answer weighs it, or to the next fill."""
        if self.stamp() == fingerprint:
            return 0
        wanted: dict[bytes, str] = {}
        for passage in passages:
            for text in scored_texts(passage):
                wanted.setdefault(_key(text), text)
        with self._lock:
            db = self._connect(write=True)
            have = {row[0] for row in db.execute("SELECT key FROM vectors")}
        todo = [k for k in wanted if k not in have]
        bar = None
        if progress and todo:
            from tqdm import tqdm

            bar = tqdm(total=len(todo), unit="sentence", desc="Sentences")
        step = 512
        for start in range(0, len(todo), step):
            part = todo[start : start + step]
            vectors = np.asarray(embed([wanted[k] for k in part]), dtype=np.float32)
            with self._lock, db:
                db.executemany(
                    "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
                    [(k, v.tobytes()) for k, v in zip(part, vectors, strict=True)],
                )
            if bar is not None:
                bar.update(len(part))
        if bar is not None:
            bar.close()
        with self._lock, db:
            stale = [(k,) for k in have if k not in wanted]
            db.executemany("DELETE FROM vectors WHERE key = ?", stale)
            db.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('covers', ?)", (fingerprint,))
        return len(todo)

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            if self._db is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._db.close()
                self._db = None
