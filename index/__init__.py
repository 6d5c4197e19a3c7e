"""Where chunks are stored and found: Chroma for vectors and records, BM25 beside it, fused search."""

from nsss.core.types import DocRecord, Filters, Hit
from nsss.index.search import FilterError, Index
from nsss.index.store import StoreBusy, StoreError


def open_index(settings, lexical: bool = True) -> Index:
    """Open the store named by the settings, with its embedding model and lexical index."""
    return Index(settings, lexical=lexical)


__all__ = ["DocRecord", "FilterError", "Filters", "Hit", "Index", "StoreBusy", "StoreError", "open_index"]
