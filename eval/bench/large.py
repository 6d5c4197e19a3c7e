"""Measure ingestion of one large PDF and one large DOCX against the embedding model's own speed on their chunks.

    python -m nsss.eval.bench.large [--pages 1000] [--paragraphs 5000] [--json]

Makes the documents (a PDF of PAGES pages with reportlab, a DOCX of PARAGRAPHS paragraphs with python-docx),
loads the model (not counted), then for each: ingests it alone into a fresh store with the real pipeline
(`ingest.ingest`: read in the helper process, chunk, embed, store, BM25, sentence vectors) and encodes exactly the
chunk texts that run stored with the encoder the pipeline uses. The ratio raw / pipeline is 1.0 when everything but
the model is free (since issue 12 the pipeline also encodes every sentence once, about as much again: see
RESULTS.md, "Speed of the query path");
the model's share of the pipeline's own wall time (its calls timed inside the run) is given too, steadier on a
shared machine.
"""

from __future__ import annotations

import argparse
import inspect
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from nsss.core.settings import Settings, go_offline
from nsss.eval.bench import time_inside

WORDS = (
    "social protection programme allowance ministry district household poverty cash transfer coordination "
    "strategy reform pension disability widow child nutrition employment safety net cabinet division monitoring "
    "evaluation budget targeting registry digital payment union parishad upazila beneficiary"
).split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    return f"{' '.join(words).capitalize()} in {rng.randint(2015, 2026)}."


def make_pdf(path: Path, pages: int, rng: random.Random) -> Path:
    """Write a PDF of `pages` pages of about 450 words each."""
    import textwrap

    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    for _ in range(pages):
        text = pdf.beginText(40, 810)
        text.setFont("Helvetica", 8)
        for _ in range(6):
            for line in textwrap.wrap(" ".join(sentence(rng) for _ in range(6)), 130):
                text.textLine(line)
            text.textLine("")
        pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return path


def make_docx(path: Path, paragraphs: int, rng: random.Random) -> Path:
    """Write a DOCX of `paragraphs` paragraphs of two to four sentences, a heading every fifty."""
    import docx

    document = docx.Document()
    for i in range(paragraphs):
        if i % 50 == 0:
            document.add_heading(f"Section {i // 50 + 1}", 1)
        document.add_paragraph(" ".join(sentence(rng) for _ in range(rng.randint(2, 4))))
    document.save(str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    """Print, for each large document, the pipeline's and the raw model's time on the same chunks."""
    parser = argparse.ArgumentParser(description="Large documents: ingestion against raw encode of the same chunks.")
    parser.add_argument("--pages", type=int, default=1000, help="pages of the PDF (default 1000)")
    parser.add_argument("--paragraphs", type=int, default=5000, help="paragraphs of the DOCX (default 5000)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--sample",
        type=float,
        default=0.0,
        metavar="F",
        help="instead of a full ingest, time reading and chunking the whole document and encode a "
        "fraction F of its chunks, to estimate the model's time (for a busy machine)",
    )
    args = parser.parse_args(argv)

    go_offline()
    from nsss.index.embed import load_embedder
    from nsss.index.store import Store
    from nsss.ingest import ingest
    from nsss.ingest.chunk import embedding_text

    embedder = load_embedder()
    batch_size = inspect.signature(embedder.embed).parameters["batch_size"].default
    raw_embed = embedder.embed  # the encoder alone (ONNX or PyTorch, as the pipeline runs it), before the timer
    in_model = time_inside(embedder)
    raw_embed(["warm up"] * 8)
    rng = random.Random(11)
    results = []
    with tempfile.TemporaryDirectory(prefix="nsss-large-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        docs = [
            make_pdf(folder / f"large-{args.pages}-pages.pdf", args.pages, rng),
            make_docx(folder / f"large-{args.paragraphs}-paragraphs.docx", args.paragraphs, rng),
        ]
        # One small ingest first pays the one-time imports (Chroma, llama-index, punkt, the reader process).
        (folder / "warm").mkdir()
        (folder / "warm" / "w.md").write_text("# Warm\n\nA warm-up document.", encoding="utf-8")
        ingest([folder / "warm"], Settings(store=folder / "warm-store"), progress=False)
        for n, path in enumerate(docs):
            if args.sample:
                results.append(_sampled(path, embedder, batch_size, args.sample, rng))
                continue
            settings = Settings(store=folder / f"store-{n}")
            in_model.clear()
            started = time.perf_counter()
            report = ingest([path], settings, progress=False)
            pipeline = time.perf_counter() - started
            assert not report.failed, report.failed
            texts = [embedding_text(c) for c in Store(settings, embedder.slug).all_chunks()]
            started = time.perf_counter()
            raw_embed(texts, batch_size=batch_size)
            raw = time.perf_counter() - started
            results.append(
                {
                    "document": path.name,
                    "chunks": len(texts),
                    "pipeline_s": round(pipeline, 2),
                    "raw_encode_s": round(raw, 2),
                    "ratio": round(raw / pipeline, 3),
                    "model_share": round(sum(in_model) / pipeline, 3),
                }
            )
    if args.sample:
        for r in results:
            print(
                f"{r['document']}: {r['chunks']} chunks; read {r['read_s']} s + chunk {r['chunk_s']} s; the model "
                f"would take {r['encode_est_s']} s (from {r['sampled']} chunks); ratio {r['ratio']:.2f}"
            )
        return 0
    if args.json:
        print(json.dumps(results))
    else:
        for r in results:
            print(
                f"{r['document']}: {r['chunks']} chunks; pipeline {r['pipeline_s']} s, raw encode "
                f"{r['raw_encode_s']} s, ratio {r['ratio']:.2f}; model {r['model_share']:.0%} of the pipeline"
            )
    return 0


def _sampled(path: Path, embedder, batch_size: int, fraction: float, rng: random.Random) -> dict:
    """Time reading (in the helper process) and chunking of a whole document; estimate the model's time on it."""
    from nsss.ingest.chunk import chunk, embedding_text
    from nsss.ingest.guard import reader

    settings = Settings()
    started = time.perf_counter()
    doc = reader(settings.max_parse_seconds, settings.max_parse_mb).load(path, path.parent)
    read = time.perf_counter() - started
    started = time.perf_counter()
    chunks = chunk([doc], embedder.count_tokens, embedder.max_tokens, settings.chunk_overlap)
    cut = time.perf_counter() - started
    sample = rng.sample(chunks, max(batch_size, int(len(chunks) * fraction)))
    started = time.perf_counter()
    embedder.embed([embedding_text(c) for c in sample], batch_size=batch_size)
    encode = (time.perf_counter() - started) * len(chunks) / len(sample)
    return {
        "document": path.name,
        "chunks": len(chunks),
        "read_s": round(read, 2),
        "chunk_s": round(cut, 2),
        "sampled": len(sample),
        "encode_est_s": round(encode, 1),
        "ratio": round(encode / (encode + read + cut), 3),
    }


if __name__ == "__main__":
    sys.exit(main())
