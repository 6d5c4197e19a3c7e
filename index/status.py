"""Describe a store without loading the embedding model: where it is, what model filled it, what it holds."""

from __future__ import annotations

from nsss.core.settings import Settings
from nsss.index.embed import model_slug
from nsss.index.store import Store


def status(settings: Settings) -> dict:
    """Return the store's location, model and documents, in the shape `nsss status --json` prints."""
    store = Store(settings, model_slug(settings.embed_model))
    docs = [
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
        for r in store.documents()
    ]
    leftovers = store.leftovers()
    llm = f"{settings.llm_model or 'default model'} at {settings.llm_url}" if settings.llm_url else ""
    return {
        "store": store.location,
        "model": settings.embed_model,
        "collection": store.chunks.name,
        "llm": llm,
        "documents": docs,
        "leftovers": leftovers,
        "totals": {
            "documents": len(docs),
            "pages": sum(d["pages"] or 0 for d in docs),
            "chunks": sum(d["chunks"] for d in docs),
        },
    }
