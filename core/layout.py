"""Where each part of a store lives inside its folder: the one place that names the files and folders."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from nsss.core.settings import BUNDLED_MODEL


def model_slug(name: str) -> str:
    """Turn a model name or path into a short, safe, distinct name for its collection and files."""
    base = re.sub(r"[^a-zA-Z0-9]+", "-", name.rstrip("/").rsplit("/", 1)[-1]).strip("-").lower()[:40] or "model"
    if name == BUNDLED_MODEL:
        return base
    return f"{base}-{hashlib.sha256(name.encode()).hexdigest()[:8]}"


def chroma_dir(store: Path) -> Path:
    """Return the folder of the embedded Chroma database (chunks, vectors, document records)."""
    return Path(store) / "chroma"


def bm25_dir(store: Path, model_slug: str) -> Path:
    """Return where the lexical index of a store is kept, beside the vectors of the same model."""
    return Path(store) / f"bm25-{model_slug}"


def sentences_file(store: Path, model_slug: str) -> Path:
    """Return where the vectors of every stored passage's sentences are kept (encoded once, by Index.fill_sentences)."""
    return Path(store) / f"sentences-{model_slug}.sqlite"


def generation_file(store: Path) -> Path:
    """Return the counter every change to the store moves on, for readers in other processes to notice."""
    return Path(store) / "generation"


def lock_file(store: Path) -> Path:
    """Return the lock an ingest holds while it writes."""
    return Path(store) / "ingest.lock"


def overrides_file(store: Path) -> Path:
    """Return where the corrections people made to documents' titles, kinds, dates and publishers are kept."""
    return Path(store) / "metadata.json"


def uploads_dir(store: Path) -> Path:
    """Return the store-managed folder uploaded documents are kept in."""
    return Path(store) / "uploads"


def notes_file(store: Path, user: str = "") -> Path:
    """Return where a person's notes are kept (one file per login; one shared file without login)."""
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", user)[:40] if user else "default"
    if user:  # two logins that clean to the same name must not share a file
        name += "-" + hashlib.sha256(user.encode()).hexdigest()[:8]
    return Path(store) / "notes" / f"{name}.json"
