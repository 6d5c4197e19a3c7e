"""Measure ingestion throughput against the embedding model's own, in chunks per second, in one process.

    python -m nsss.eval.bench.ingest [CORPUS] [--repeat N] [--pack-tokens N] [--group-chunks N] [--without-model]

Loads the model first (its load time counts in neither figure), then alternates: ingest CORPUS into a fresh
temporary store with the real pipeline (`ingest.ingest`: read, chunk, embed, store, BM25), and encode exactly the
chunk texts that run stored with the model the pipeline uses (the ONNX export, or PyTorch where there is none), at
the batch size the pipeline uses; then the same chunk texts with the model in PyTorch (sentence-transformers'
`encode`, at its own batch size), to compare the two encoders. The texts the pipeline encodes are counted (the
chunks, nothing else). The sentence vectors answers look up are a running service's background work after an
ingest (`Index.fill_sentences`), not ingestion's: that fill is timed too, apart, and set against the model encoding
the same sentences alone. The first ingest also pays the one-time imports (Chroma, llama-index, punkt); later ones
do not. Goal: pipeline >= 0.9 x raw.
On a shared machine two runs see different loads, so two steadier figures are given too: the CPU-time ratio,
and the model's share of the pipeline's own wall time (its encode calls timed inside the same run), which puts
the pipeline's own cost (reading, chunking, Chroma, BM25) next to the model's under the same load.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
import tempfile
import time
from pathlib import Path

from nsss.core.settings import PROJECT_ROOT, Settings, go_offline
from nsss.eval.bench import time_inside

DEFAULT_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus-web"


def main(argv: list[str] | None = None) -> int:
    """Print pipeline and raw-encode throughput, and their ratio, for each round."""
    parser = argparse.ArgumentParser(description="Ingestion throughput against raw encode of the same chunks.")
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS, help="folder to ingest")
    parser.add_argument("--repeat", type=int, default=2, help="rounds of (ingest, encode); default 2")
    parser.add_argument(
        "--pack-tokens", type=int, default=0, help="pack short texts into sequences of this many word pieces (tuning)"
    )
    parser.add_argument(
        "--group-chunks", type=int, default=0, help="embed and store documents in groups of this many chunks (tuning)"
    )
    parser.add_argument("--json", action="store_true", help="print the rounds as JSON")
    parser.add_argument(
        "--without-model",
        action="store_true",
        help="time only what is not the model: the pipeline with its encoder giving fixed vectors (steady under load)",
    )
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus}: no such folder")
    if args.without_model:
        return _without_model(args.corpus, args.repeat, args.json)

    go_offline()
    from nsss.core.text import scored_texts
    from nsss.index import onnx_embed, open_index
    from nsss.index.embed import load_embedder
    from nsss.index.store import Store
    from nsss.ingest import ingest, sync
    from nsss.ingest.chunk import embedding_text

    if args.pack_tokens:
        onnx_embed.PACK_TOKENS = args.pack_tokens
    if args.group_chunks:
        sync.GROUP_CHUNKS = args.group_chunks
    started = time.perf_counter()
    embedder = load_embedder()
    print(f"model loaded in {time.perf_counter() - started:.1f} s (not counted)", file=sys.stderr)
    batch_size = inspect.signature(embedder.embed).parameters["batch_size"].default
    raw_embed = embedder.embed  # the encoder alone, before time_inside wraps it
    torch_embedder = load_embedder(onnx=False)
    torch_model, torch_batch = torch_embedder.model, inspect.signature(torch_embedder.embed).parameters["batch_size"]
    # Time the model's share inside the pipeline too: measured in the same run, under the same load as the rest,
    # it tells the pipeline's own cost even when other processes share the machine.
    in_model = time_inside(embedder)
    encoded: list[int] = []
    counted = embedder.embed

    def counting_embed(texts, **kwargs):
        encoded.append(len(texts))
        return counted(texts, **kwargs)

    embedder.embed = counting_embed

    rounds = []
    for n in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="nsss-bench-", ignore_cleanup_errors=True) as tmp:
            settings = Settings(store=Path(tmp) / "store")
            in_model.clear()
            encoded.clear()
            started, cpu = time.perf_counter(), time.process_time()
            report = ingest([args.corpus], settings, progress=False)
            pipeline, pipeline_cpu = time.perf_counter() - started, time.process_time() - cpu
            pipeline_model = sum(in_model)
            ingest_encoded = sum(encoded)
            started = time.perf_counter()
            open_index(settings, lexical=False).fill_sentences()
            fill = time.perf_counter() - started
            stored = list(Store(settings, embedder.slug).all_chunks())
            texts = [embedding_text(c) for c in stored]
            sentences = list(dict.fromkeys(t for c in stored for t in scored_texts(c.text)))
        assert len(texts) == report.chunks and not report.failed, report
        started, cpu = time.perf_counter(), time.process_time()
        raw_embed(texts, batch_size=batch_size)
        raw, raw_cpu = time.perf_counter() - started, time.process_time() - cpu
        started = time.perf_counter()
        raw_embed(sentences)
        raw_sentences = time.perf_counter() - started
        started = time.perf_counter()
        torch_model.encode(texts, batch_size=torch_batch.default, normalize_embeddings=True, convert_to_numpy=True)
        raw_torch = time.perf_counter() - started
        rounds.append(
            {
                "round": n + 1,
                "cold": n == 0,
                "documents": report.documents,
                "chunks": len(texts),
                "pipeline_s": round(pipeline, 2),
                "raw_encode_s": round(raw, 2),
                "pipeline_chunks_per_s": round(len(texts) / pipeline, 2),
                "raw_chunks_per_s": round(len(texts) / raw, 2),
                "ratio": round(raw / pipeline, 3),
                "pipeline_cpu_s": round(pipeline_cpu, 2),
                "raw_encode_cpu_s": round(raw_cpu, 2),
                "cpu_ratio": round(raw_cpu / pipeline_cpu, 3),
                "texts_encoded": ingest_encoded,
                "sentences": len(sentences),
                "sentence_fill_s": round(fill, 2),
                "raw_encode_sentences_s": round(raw_sentences, 2),
                "sentence_fill_ratio": round(raw_sentences / fill, 3),
                "encoder": type(embedder).__name__,
                "pack_tokens": onnx_embed.PACK_TOKENS if isinstance(embedder, onnx_embed.OnnxEmbedder) else None,
                "group_chunks": sync.GROUP_CHUNKS,
                "raw_encode_pytorch_s": round(raw_torch, 2),
                "encoder_speed_over_pytorch": round(raw_torch / raw, 2),
                "pipeline_model_s": round(pipeline_model, 2),
                "model_share": round(pipeline_model / pipeline, 3),
            }
        )
        r = rounds[-1]
        print(
            f"round {r['round']} ({'cold: first-use imports included' if r['cold'] else 'warm'}): "
            f"{r['documents']} documents, {r['chunks']} chunks, batch {batch_size}; "
            f"pipeline {r['pipeline_s']} s = {r['pipeline_chunks_per_s']} chunks/s; "
            f"raw encode {r['raw_encode_s']} s = {r['raw_chunks_per_s']} chunks/s; ratio {r['ratio']} "
            f"({r['texts_encoded']} texts encoded); then a service's fill of {r['sentences']} sentences "
            f"{r['sentence_fill_s']} s against {r['raw_encode_sentences_s']} s encoding them alone; "
            f"{r['encoder']} is "
            f"x{r['encoder_speed_over_pytorch']} PyTorch's speed on the chunks ({r['raw_encode_pytorch_s']} s) "
            f"(CPU time: pipeline {r['pipeline_cpu_s']} s, raw {r['raw_encode_cpu_s']} s, ratio {r['cpu_ratio']}); "
            f"model share of the pipeline's wall time {r['model_share']} "
            f"({r['pipeline_model_s']} s in encode, {round(pipeline - r['pipeline_model_s'], 2)} s the rest)",
            flush=True,
        )
    if args.json:
        print(json.dumps(rounds))
    return 0


def _without_model(corpus: Path, repeat: int, as_json: bool) -> int:
    """Time ingestion with the encoder's vectors made from a hash of each text: what reading, chunking, Chroma and
    BM25 cost, wall and CPU time, without the model's load on the machine."""
    import hashlib

    import numpy as np

    go_offline()
    from nsss.index.embed import load_embedder
    from nsss.ingest import ingest

    embedder = load_embedder()

    def fixed(texts, **kwargs):
        out = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
            v = np.random.default_rng(seed).normal(size=embedder.dim)
            out.append((v / np.linalg.norm(v)).tolist())
        return out

    embedder.embed = fixed
    rounds = []
    for n in range(repeat):
        with tempfile.TemporaryDirectory(prefix="nsss-bench-", ignore_cleanup_errors=True) as tmp:
            started, cpu = time.perf_counter(), time.process_time()
            report = ingest([corpus], Settings(store=Path(tmp) / "store"), progress=False)
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        assert report.chunks and not report.failed, report
        rounds.append({"round": n + 1, "cold": n == 0, "chunks": report.chunks, "wall_s": round(wall, 3)})
        rounds[-1]["cpu_s"] = round(cpu, 3)
        print(f"round {n + 1}: {report.chunks} chunks, all but the model {wall:.3f} s ({cpu:.3f} s CPU)", flush=True)
    if as_json:
        print(json.dumps(rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
