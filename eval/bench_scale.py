"""Measure retrieval latency as the store grows to 10k and 100k chunks, built from perturbed copies of real ones.

    python eval/bench_scale.py [--store DIR] [--sizes 1000,10000,100000] [--json]

Embedding 100k chunks takes about 50 minutes here, so the large stores are made from the web corpus's real chunks:
copy j of a chunk keeps its metadata, gets the text plus " (copy j)" (so the BM25 vocabulary and postings grow
too) and the chunk's vector plus gaussian noise (norm about 0.1), renormalised; copy 0 is the chunk itself.
Each size gets a fresh Chroma store (the project's `index.store.Store`) and a fresh `index.lexical.LexicalIndex`.
For every web question (vectors computed once: encoding does not depend on the store's size) the script times
what `Index.search` does after encoding: the Chroma query for the dense candidates, BM25 scoring and ranking of
every chunk, and the reciprocal-rank fusion; p50/p95 per size and the ratio to the smallest size.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nsss.eval.bench import WEB_QA, corpus_store, summary, web_corpus  # noqa: E402

NOISE = 0.1  # norm of the noise added to each copied vector (cosine to the original about 0.995)
PASSES = 2  # each question is asked this many times per size


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="store holding the web corpus (synced); default: temporary")
    parser.add_argument("--sizes", default="1000,10000,100000", help="store sizes in chunks, comma-separated")
    parser.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]

    from nsss.index import open_index

    questions = [
        json.loads(line)["question"] for line in WEB_QA.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    with corpus_store(web_corpus(), args.store) as settings:
        index = open_index(settings, lexical=False)
        real = index.store.chunks.get(include=["embeddings", "documents", "metadatas"])
        vectors = index.embedder.embed(questions)
    rows = []
    for size in sizes:
        row = measure(size, real, questions, vectors, index.embedder.slug)
        rows.append(row)
        print(line(row, rows[0]), file=sys.stderr, flush=True)
    base = rows[0]
    for row in rows:
        row["ratio_p50"] = round(row["total"]["p50_ms"] / base["total"]["p50_ms"], 2)
        row["ratio_p95"] = round(row["total"]["p95_ms"] / base["total"]["p95_ms"], 2)
    result = {
        "real_chunks": len(real["ids"]),
        "noise_norm": NOISE,
        "questions": len(questions),
        "passes": PASSES,
        "sizes": rows,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    if args.json:
        print(json.dumps(result))
    return 0


def copies(real: dict, size: int, seed: int = 0):
    """Yield (id, vector, text, metadata) for `size` chunks made from the real ones, in batches of 5000."""
    import numpy as np

    rng = np.random.default_rng(seed)
    base = np.asarray(real["embeddings"], dtype=np.float32)
    n, dim = base.shape
    for start in range(0, size, 5000):
        idx = np.arange(start, min(size, start + 5000))
        j = idx // n  # copy number
        v = base[idx % n] + (j[:, None] > 0) * rng.normal(0.0, NOISE / np.sqrt(dim), (len(idx), dim)).astype(np.float32)
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        ids = [f"{real['ids'][i % n]}-{c}" for i, c in zip(idx, j, strict=True)]
        texts = [real["documents"][i % n] + (f" (copy {c})" if c else "") for i, c in zip(idx, j, strict=True)]
        metas = [real["metadatas"][i % n] for i in idx]
        yield ids, v, texts, metas


def measure(size: int, real: dict, questions: list[str], vectors: list[list[float]], slug: str) -> dict:
    """Build a store of `size` chunks and time the dense, lexical and fused parts of a search."""
    import numpy as np
    from nsss.core.settings import Settings
    from nsss.index.lexical import LexicalIndex, tokenize
    from nsss.index.search import CANDIDATES, DENSE_WEIGHT, LEXICAL_WEIGHT, RRF_K
    from nsss.index.store import Store, chunk_from

    with tempfile.TemporaryDirectory(prefix="nsss-scale-") as tmp:
        store = Store(Settings(store=Path(tmp)), slug)
        chunks = []
        started = time.perf_counter()
        for ids, v, texts, metas in copies(real, size):
            store.chunks.add(ids=ids, embeddings=v.tolist(), documents=texts, metadatas=metas)
            chunks.extend(chunk_from(i, t, m) for i, t, m in zip(ids, texts, metas, strict=True))
        add_s = time.perf_counter() - started
        started = time.perf_counter()
        lexical = LexicalIndex.build(chunks)
        bm25_s = time.perf_counter() - started

        def search(question: str, vector: list[float]) -> tuple[float, float, float]:
            t0 = time.perf_counter()
            dense = store.query(vector, CANDIDATES)
            t1 = time.perf_counter()
            scores = lexical.scores(tokenize(question))
            order = np.argsort(-scores)[:CANDIDATES]
            ranked = [(lexical.ids[i], float(scores[i])) for i in order if scores[i] > 0]
            t2 = time.perf_counter()
            fused: dict[str, float] = {}
            for rank, (cid, _) in enumerate(ranked):
                fused[cid] = fused.get(cid, 0.0) + LEXICAL_WEIGHT / (RRF_K + rank)
            for rank, (c, _) in enumerate(dense):
                fused[c.id] = fused.get(c.id, 0.0) + DENSE_WEIGHT / (RRF_K + rank)
            sorted(fused, key=fused.get, reverse=True)[:10]
            t3 = time.perf_counter()
            return (t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t0) * 1000

        search(questions[0], vectors[0])  # warm up
        timings = [search(q, v) for _ in range(PASSES) for q, v in zip(questions, vectors, strict=True)]
        rss = _rss_mb()
    return {
        "chunks": size,
        "build_add_s": round(add_s, 1),
        "build_bm25_s": round(bm25_s, 1),
        "rss_mb": rss,
        "dense": summary([t[0] for t in timings]),
        "bm25": summary([t[1] for t in timings]),
        "total": summary([t[2] for t in timings]),
    }


def _rss_mb() -> float:
    for row in Path("/proc/self/status").read_text().splitlines():
        if row.startswith("VmRSS:"):
            return round(int(row.split()[1]) / 1024, 1)
    return 0.0


def line(row: dict, base: dict) -> str:
    """Format one size's figures for people."""
    t = row["total"]
    return (
        f"{row['chunks']:>7} chunks: search p50 {t['p50_ms']:.1f} ms, p95 {t['p95_ms']:.1f} ms "
        f"(x{t['p50_ms'] / base['total']['p50_ms']:.2f} / x{t['p95_ms'] / base['total']['p95_ms']:.2f} of "
        f"{base['chunks']}); dense p50 {row['dense']['p50_ms']:.1f}, bm25 p50 {row['bm25']['p50_ms']:.1f} ms; "
        f"built in {row['build_add_s']} s (Chroma) + {row['build_bm25_s']} s (BM25); RSS {row['rss_mb']} MB"
    )


if __name__ == "__main__":
    sys.exit(main())
