"""Measure retrieval latency (`Index.search` as the assistant calls it) as the store grows to 10k and 100k chunks.

    python -m nsss.eval.bench.scale [--store DIR] [--sizes 1000,10000,100000] [--json]
    python -m nsss.eval.bench.scale --quick          # 300 and 1,000 chunks from the bundled corpus, for a test

Embedding 100k chunks takes most of an hour here, so the large stores are made from a real store's chunks (the web
corpus by default): copy j > 0 of a chunk keeps its metadata and document, its text is the chunk's sentences
rotated by j with one sentence of another real chunk put in (so BM25 sees real words, real term frequencies and a
vocabulary of real text, not one document repeated), and its vector is the chunk's vector plus gaussian noise
(norm 0.1), renormalised; copy 0 is the chunk itself. Each size is a fresh store: a Chroma collection written by
`index.store.Store`, the real document records, and the BM25 index saved where `Index` finds it. Then the
project's own `Index` opens it and every question is searched with `Index.search(question, k)`: acronym and
glossary expansion, BM25 over every chunk, the exact dense search over every passage's vector, score fusion,
fetching the chunks. The query encode is timed apart (the model is the same at every size): the search figures reuse
each question's vector from a first pass, and the encode is given as its own figure. p50/p95 per size, and the ratio
to the smallest size, all in one process. Also per size: how long `Index` takes to open (it reads every passage's
vector from Chroma), and, for the same question vectors in the same process, the exact dense search
(`index.search.nearest`) against the Chroma query searches made before it (60 candidates with their texts).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from nsss.core.settings import BUNDLED_CORPUS
from nsss.eval.bench import WEB_QA, corpus_store, read_questions, summary, web_corpus

NOISE = 0.1  # norm of the noise added to each copied vector (cosine to the original about 0.995)
PASSES = 2  # each question is searched this many times per size
K = 12  # what the assistant asks for (Weights.considered)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="store holding the corpus (synced); default: temporary")
    parser.add_argument("--corpus", type=Path, help="corpus whose chunks are copied (default: the web corpus)")
    parser.add_argument("--sizes", default="1000,10000,100000", help="store sizes in chunks, comma-separated")
    parser.add_argument("--questions", type=int, default=0, help="use only the first N web questions (0: all)")
    parser.add_argument("--quick", action="store_true", help="bundled corpus, 300 and 1,000 chunks, 10 questions")
    parser.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    parser.add_argument("--qa", type=Path, default=WEB_QA, help="question set to ask (default: eval/web_qa.jsonl)")
    args = parser.parse_args(argv)
    if args.quick:
        args.corpus, args.sizes, args.questions = args.corpus or BUNDLED_CORPUS, "300,1000", args.questions or 10
    sizes = [int(s) for s in args.sizes.split(",")]

    from nsss.index import open_index
    from nsss.index.store import chunk_text

    questions = read_questions(args.qa)[: args.questions or None]
    with corpus_store(args.corpus or web_corpus(), args.store) as settings:
        index = open_index(settings, lexical=False)
        real = index.store.chunks.get(include=["embeddings", "documents", "metadatas"])
        # Each passage's text as `copies` takes it, wherever the store keeps it (index/store.py, chunk_text).
        real["documents"] = [chunk_text(d, m) for d, m in zip(real["documents"], real["metadatas"], strict=True)]
        real["metadatas"] = [{k: v for k, v in m.items() if k != "text"} for m in real["metadatas"]]
        records = index.store.docs.get(include=["embeddings", "documents", "metadatas"])
        embedder = index.embedder
    rows = []
    for size in sizes:
        row = measure(size, real, records, questions, embedder)
        rows.append(row)
        print(line(row, rows[0]), file=sys.stderr, flush=True)
    base = rows[0]
    for row in rows:
        row["ratio_p50"] = round(row["search"]["p50_ms"] / base["search"]["p50_ms"], 2)
        row["ratio_p95"] = round(row["search"]["p95_ms"] / base["search"]["p95_ms"], 2)
    result = {
        "real_chunks": len(real["ids"]),
        "noise_norm": NOISE,
        "questions": len(questions),
        "passes": PASSES,
        "k": K,
        "sizes": rows,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    if args.json:
        print(json.dumps(result))
    return 0


def copies(real: dict, size: int, seed: int = 0):
    """Yield (ids, vectors, texts, metadatas) for `size` chunks made from the real ones, in batches of 5000."""
    import numpy as np
    from nsss.core.text import split_sentences

    rng = np.random.default_rng(seed)
    base = np.asarray(real["embeddings"], dtype=np.float32)
    n, dim = base.shape
    pieces = [[text[s:e] for s, e in split_sentences(text)] or [text] for text in real["documents"]]
    for start in range(0, size, 5000):
        idx = np.arange(start, min(size, start + 5000))
        j = idx // n  # copy number
        v = base[idx % n] + (j[:, None] > 0) * rng.normal(0.0, NOISE / np.sqrt(dim), (len(idx), dim)).astype(np.float32)
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        ids = [f"{real['ids'][i % n]}-{c}" for i, c in zip(idx, j, strict=True)]
        texts = [_variant(pieces, int(i % n), int(c), rng) for i, c in zip(idx, j, strict=True)]
        metas = [real["metadatas"][i % n] for i in idx]
        yield ids, v, texts, metas


def _variant(pieces: list[list[str]], i: int, copy: int, rng) -> str:
    """Return copy `copy` of chunk i's text: its sentences rotated, one sentence of another chunk put in."""
    if copy == 0:
        return " ".join(pieces[i])
    own = pieces[i]
    shift = copy % len(own)
    other = pieces[int(rng.integers(len(pieces)))]
    borrowed = other[int(rng.integers(len(other)))]
    rotated = own[shift:] + own[:shift]
    at = int(rng.integers(len(rotated) + 1))
    return " ".join(rotated[:at] + [borrowed] + rotated[at:])


class Remembered:
    """The store's embedder, remembering each text's vector so a search can be timed without the encode."""

    def __init__(self, embedder):
        self.inner, self.slug, self.vectors = embedder, embedder.slug, {}
        self.encode_ms: list[float] = []

    def embed(self, texts: list[str], **kwargs) -> list[list[float]]:
        """Embed texts, timing the model for texts not seen before."""
        missing = [t for t in texts if t not in self.vectors]
        if missing:
            started = time.perf_counter()
            vectors = self.inner.embed(missing, **kwargs)
            self.encode_ms.append((time.perf_counter() - started) * 1000)
            self.vectors.update(zip(missing, vectors, strict=True))
        return [self.vectors[t] for t in texts]


def measure(size: int, real: dict, records: dict, questions: list[str], embedder) -> dict:
    """Build a store of `size` chunks, open it with `Index`, and time `Index.search` for every question."""
    from nsss.core.layout import bm25_dir
    from nsss.core.settings import Settings
    from nsss.index.lexical import LexicalIndex
    from nsss.index.search import CANDIDATES, Index, nearest
    from nsss.index.store import Store, chunk_from

    with tempfile.TemporaryDirectory(prefix="nsss-scale-") as tmp:
        settings = Settings(store=Path(tmp), embed_model=embedder.name)
        store = Store(settings, embedder.slug)
        chunks = []
        started = time.perf_counter()
        for ids, v, texts, metas in copies(real, size):
            # Stored as ingest stores passages: the text in the metadata (index/store.py, Store.write).
            store.chunks.add(
                ids=ids, embeddings=v, metadatas=[{**m, "text": t} for m, t in zip(metas, texts, strict=True)]
            )
            chunks.extend(chunk_from(i, t, m) for i, t, m in zip(ids, texts, metas, strict=True))
        store.docs.add(
            ids=records["ids"],
            embeddings=records["embeddings"],
            documents=records["documents"],
            metadatas=records["metadatas"],
        )
        add_s = time.perf_counter() - started
        started = time.perf_counter()
        LexicalIndex.build(chunks).save(bm25_dir(settings.store, embedder.slug), store.fingerprint())
        bm25_s = time.perf_counter() - started
        del chunks

        started = time.perf_counter()
        index = Index(settings)
        open_s = time.perf_counter() - started
        remembered = Remembered(index.embedder)
        index.embedder = remembered
        for q in questions:  # first pass: the encodes, and Chroma's and BM25's first touches
            index.search(q, k=K)
        timings, dense_counts = [], []
        for _ in range(PASSES):
            for q in questions:
                t0 = time.perf_counter()
                hits = index.search(q, k=K)
                timings.append((time.perf_counter() - t0) * 1000)
                dense_counts.append(sum(h.dense > 0 for h in hits))
        assert index.store.count() == size, (index.store.count(), size)
        rss = _rss_mb()
        # The dense side alone, the same question vectors in turn: exact over every vector, and Chroma's query.
        exact_ms, chroma_ms = [], []
        for q in questions:
            vector = remembered.embed([q])[0]
            t0 = time.perf_counter()
            nearest(index.lexical.ids, index.vectors, vector, CANDIDATES)
            t1 = time.perf_counter()
            index.store.chunks.query(
                query_embeddings=[vector], n_results=CANDIDATES, include=["documents", "metadatas", "distances"]
            )
            t2 = time.perf_counter()
            exact_ms.append((t1 - t0) * 1000)
            chroma_ms.append((t2 - t1) * 1000)
    return {
        "chunks": size,
        "build_add_s": round(add_s, 1),
        "build_bm25_s": round(bm25_s, 1),
        "rss_mb": rss,
        "open_s": round(open_s, 2),
        "dense_exact": summary(exact_ms),
        "dense_chroma_query": summary(chroma_ms),
        "search": summary(timings),
        "encode_query": summary(remembered.encode_ms),
        "hits_with_dense_score": round(sum(dense_counts) / len(dense_counts), 1),
    }


def _rss_mb() -> float:
    for row in Path("/proc/self/status").read_text().splitlines():
        if row.startswith("VmRSS:"):
            return round(int(row.split()[1]) / 1024, 1)
    return 0.0


def line(row: dict, base: dict) -> str:
    """Format one size's figures for people."""
    t = row["search"]
    return (
        f"{row['chunks']:>7} chunks: Index.search p50 {t['p50_ms']:.1f} ms, p95 {t['p95_ms']:.1f} ms "
        f"(x{t['p50_ms'] / base['search']['p50_ms']:.2f} / x{t['p95_ms'] / base['search']['p95_ms']:.2f} of "
        f"{base['chunks']}); query encode p50 {row['encode_query']['p50_ms']:.1f} ms; "
        f"built in {row['build_add_s']} s (Chroma) + {row['build_bm25_s']} s (BM25); RSS {row['rss_mb']} MB; "
        f"opened in {row['open_s']} s; dense alone p50 {row['dense_exact']['p50_ms']:.1f} ms exact, "
        f"{row['dense_chroma_query']['p50_ms']:.1f} ms Chroma's query"
    )


if __name__ == "__main__":
    sys.exit(main())
