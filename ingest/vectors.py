"""Give chunks their vectors by encoding their sentences, each once: a chunk's vector is the mean of its title's and
its sentences' vectors, weighted by their word pieces, and the sentences' vectors are kept for answers.

One encode serves both jobs, so ingestion runs at the model's own speed on the chunks while answers look their
candidate sentences up instead of encoding them (eval/RESULTS.md, "Chunk vectors from sentence vectors"). On the
development set's tune half the pooled chunk vectors retrieve as well as encoding each chunk whole did.
"""

from __future__ import annotations

import numpy as np
from nsss.core.text import passage_parts
from nsss.core.types import Chunk
from nsss.index.embed import Embedder
from nsss.index.sentence_vectors import SentenceVectors
from nsss.ingest.chunk import embedding_text, title_prefix


def parts(chunk: Chunk) -> list[str]:
    """Return the texts whose vectors make a chunk's: its (cut) title, then its sentences' parts."""
    return [title_prefix(chunk.title), *passage_parts(chunk.text)]


def chunk_vectors(chunks: list[Chunk], embedder: Embedder, known: SentenceVectors) -> list[list[float]]:
    """Return the chunks' vectors; encode only the parts the sentence store lacks, and store those.

    A chunk with no sentence (symbols only) is encoded whole.
    """
    wanted = list(dict.fromkeys(p for c in chunks for p in parts(c) if p.strip()))
    vectors = {t: np.asarray(v, dtype=np.float32) for t, v in known.get(wanted).items()}
    todo = [t for t in wanted if t not in vectors]
    if todo:
        fresh = np.asarray(embedder.embed(todo), dtype=np.float32)
        vectors.update(zip(todo, fresh, strict=True))
        known.put(dict(zip(todo, fresh, strict=True)))
    out = []
    for c in chunks:
        texts = [p for p in parts(c) if p.strip()]
        if len(texts) < 2:  # the title alone says nothing of the passage
            out.append(embedder.embed([embedding_text(c)])[0])
            continue
        weights = np.array([max(1, len(embedder.tokenize(t))) for t in texts], dtype=np.float32)
        mean = (np.stack([vectors[t] for t in texts]) * weights[:, None]).sum(0)
        out.append((mean / max(float(np.linalg.norm(mean)), 1e-12)).tolist())
    return out
