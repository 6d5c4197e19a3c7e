"""Collect every passage about a topic, grouped by document and ordered by the documents' dates: a dossier."""

from __future__ import annotations

from dataclasses import dataclass

from nsss.assistant.types import Citation
from nsss.index.lexical import tokenize
from nsss.index.search import TOPIC

K = 80  # passages searched for: a topic runs through many documents
CUT = 0.3  # keep passages scoring at least this share of the best passage's score
COVER = 0.6  # ... and holding this share of the topic's words, weighted by how rare each is (or its acronym)


@dataclass(frozen=True)
class Dossier:
    """One document's passages about the topic, in document order."""

    key: str
    source: str
    title: str
    date: str
    url: str
    publisher: str
    passages: tuple[Citation, ...]


@dataclass(frozen=True)
class Brief:
    """A topic and the documents that speak of it, oldest first (undated last)."""

    topic: str
    documents: tuple[Dossier, ...]

    @property
    def passages(self) -> int:
        """Count the passages in the brief."""
        return sum(len(d.passages) for d in self.documents)


def _covers(core: list[str], extra: list[str], weights: dict[str, float], text: str) -> bool:
    """Say whether a passage speaks of the topic: most of its words, weighted by rarity, or its acronym."""
    have = set(tokenize(text))
    if any(t in have for t in extra):
        return True
    total = sum(weights[t] for t in core)
    return total > 0 and sum(weights[t] for t in core if t in have) >= COVER * total


def brief(topic: str, index, k: int = K) -> Brief:
    """Find the passages about a topic, merge overlapping ones, group them by document and order by date."""
    topic = " ".join(topic.split())
    if not topic:
        raise ValueError("name a topic, for example “Central Management Committee”")
    hits = index.search(topic, k=k, fusion=TOPIC)
    if not hits:
        return Brief(topic, ())
    core = list(dict.fromkeys(tokenize(topic)))
    extra = [t for t in dict.fromkeys(tokenize(index.expand(topic))) if t not in core]  # acronyms, long forms
    weights = {t: index.lexical.idf(t) for t in core}
    best = hits[0].score
    kept = [h for h in hits if h.score >= CUT * best and h.lexical > 0 and _covers(core, extra, weights, h.chunk.text)]
    records = {r.key: r for r in index.records}
    spans: dict[str, list[list]] = {}
    for h in kept:
        c = h.chunk
        merged = spans.setdefault(c.doc_key, [])
        for m in merged:  # chunks overlap by a few sentences: one passage, not two
            if c.start <= m[1] and c.end >= m[0]:
                m[0], m[1] = min(m[0], c.start), max(m[1], c.end)
                m[2] = min(m[2], c.page or 10**9)
                break
        else:
            merged.append([c.start, c.end, c.page or 10**9, c])
    documents = []
    for key, parts in spans.items():
        record = records.get(key)
        if record is None:
            continue
        text = index.store.document_text(key)
        cites = []
        for n, (start, end, page, _) in enumerate(sorted(parts, key=lambda p: p[0]), 1):
            cites.append(
                Citation(
                    n=n,
                    source=record.source,
                    title=record.title,
                    page=None if page == 10**9 else page,
                    quote=text[start:end],
                    doc_key=key,
                    start=start,
                    end=end,
                    passage=text[start:end],
                    passage_start=start,
                    date=record.date,
                    url=record.url,
                    publisher=record.publisher,
                )
            )
        documents.append(
            Dossier(key, record.source, record.title, record.date, record.url, record.publisher, tuple(cites))
        )
    documents.sort(key=lambda d: (not d.date, d.date, d.title.lower()))
    return Brief(topic, tuple(documents))


def brief_json(b: Brief) -> dict:
    """Return a brief in the `nsss brief --json` shape."""
    return {
        "topic": b.topic,
        "documents": [
            {
                "source": d.source,
                "title": d.title,
                "date": d.date or None,
                "url": d.url or None,
                "passages": [{"quote": c.quote, "page": c.page} for c in d.passages],
            }
            for d in b.documents
        ],
    }


def brief_text(b: Brief, style: str = "author-date") -> str:
    """Format a brief for a terminal: each document with its date, then its passages."""
    from nsss.assistant.references import long_date, reference

    if not b.documents:
        return f"Nothing in the documents is about “{b.topic}”.\n"
    lines = [f"Brief: {b.topic} — {b.passages} passages from {len(b.documents)} documents, oldest first", ""]
    for d in b.documents:
        lines.append(f"## {long_date(d.date) or 'undated'} · {d.title}")
        for c in d.passages:
            snippet = " ".join(c.quote.split())
            lines.append(f"- {snippet[:400]}{'…' if len(snippet) > 400 else ''}")
            lines.append(f"  {reference(c, style, quote=False)}")
        lines.append("")
    return "\n".join(lines)
