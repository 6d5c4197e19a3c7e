"""Where documents enter: read files, cut them into chunks, and sync them into the store."""

from ingest.chunk import chunk
from ingest.load import load
from ingest.sync import Report, UsageError, ingest
from ingest.types import Chunk, Document, Failure, LoadError, Page

__all__ = ["Chunk", "Document", "Failure", "LoadError", "Page", "Report", "UsageError", "chunk", "ingest", "load"]
