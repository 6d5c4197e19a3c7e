"""What ingestion reports of files it could not read (documents and chunks are core.types)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Failure:
    """A file that could not be ingested, and why, in words for a person."""

    path: str
    error: str


class LoadError(Exception):
    """A file cannot be read as a document; the message says why."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
