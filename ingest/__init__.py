"""Where documents enter: read files, cut them into chunks, and sync them into the store."""

from nsss.core.types import Chunk, Document, Page
from nsss.ingest.chunk import chunk
from nsss.ingest.load import load
from nsss.ingest.sync import Report, UsageError, ingest
from nsss.ingest.types import Failure, LoadError

__all__ = ["Chunk", "Document", "Failure", "LoadError", "Page", "Report", "UsageError", "chunk", "ingest", "load"]
