"""Describe a store without loading the embedding model: where it is, what model filled it, what it holds."""

from __future__ import annotations

from dataclasses import dataclass

from nsss.core.layout import model_slug
from nsss.core.settings import Settings
from nsss.core.types import DocRecord
from nsss.index.store import Store


@dataclass(frozen=True)
class StoreStatus:
    """A store's location, model, LLM, documents and what an interrupted ingest left."""

    store: str
    model: str
    collection: str
    llm: str  # "" when answers are extractive
    documents: tuple[DocRecord, ...]
    leftovers: int  # passages of unfinished documents, which searches skip

    @property
    def pages(self) -> int:
        """Count the pages of every paged document."""
        return sum(r.pages for r in self.documents)

    @property
    def chunks(self) -> int:
        """Count the stored passages."""
        return sum(r.chunks for r in self.documents)

    def to_json(self) -> dict:
        """Return the object `nsss status --json` prints."""
        return {
            "store": self.store,
            "model": self.model,
            "collection": self.collection,
            "llm": self.llm,
            "documents": [
                {
                    "key": r.key,
                    "root": r.root,
                    "source": r.source,
                    "title": r.title,
                    "kind": r.kind,
                    "date": r.date,
                    "format": r.format,
                    "pages": r.pages or None,
                    "chunks": r.chunks,
                    "url": r.url,
                }
                for r in self.documents
            ],
            "leftovers": self.leftovers,
            "totals": {"documents": len(self.documents), "pages": self.pages, "chunks": self.chunks},
        }


def status(settings: Settings) -> StoreStatus:
    """Describe the store the settings name."""
    store = Store(settings, model_slug(settings.embed_model))
    llm = f"{settings.llm_model or 'default model'} at {settings.llm_url}" if settings.llm_url else ""
    return StoreStatus(
        store=store.location,
        model=settings.embed_model,
        collection=store.chunks.name,
        llm=llm,
        documents=tuple(store.documents()),
        leftovers=store.leftovers(),
    )
