"""Measure how well and how fast each PDF path reads pages: character error rate per path, OCR pages per second,
and the time to ingest a long report against the embedding model's own time on the same chunks.

    python -m nsss.eval.bench.pdf [--pages 200] [--json] [--no-embed]

Every PDF is made here (eval/samples.py): Bangla printed by Chromium in Lohit Bengali and Noto Serif Bengali with
an English page, the same pages scanned (200 dpi, turned 1.2 degrees, grain and dust), a SutonnyMJ (Bijoy) page,
and a long report with running header, footer, page numbers and roman-numbered front matter. The character error
rate compares the text each path gives with the text the pages were made from (whitespace runs count as one space).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from nsss.core.settings import Settings, go_offline


def main(argv: list[str] | None = None) -> int:
    """Print the figures as a table, then as one JSON line."""
    parser = argparse.ArgumentParser(description="Character error rate per PDF path, OCR speed, long-PDF ingest.")
    parser.add_argument("--pages", type=int, default=200, help="pages of the long report (default 200)")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--no-embed", action="store_true", help="skip the ingest-against-encoder timing")
    args = parser.parse_args(argv)
    go_offline()

    import pypdf
    from nsss.eval import samples
    from nsss.ingest.bangla import repair
    from nsss.ingest.load import load

    if not samples.have_chromium():
        print("needs /usr/bin/chromium and the fonts-lohit-beng-bengali and fonts-noto-core fonts", file=sys.stderr)
        return 2
    figures: dict = {"cer": {}}
    with tempfile.TemporaryDirectory(prefix="nsss-bench-pdf-") as tmp:
        folder = Path(tmp)
        bangla = [samples.page_source(b) for b in samples.BANGLA_PAGES]
        english = samples.page_source(samples.ENGLISH_PAGE)
        printed = samples.chromium_pdf([*samples.BANGLA_PAGES, samples.ENGLISH_PAGE], folder / "printed.pdf")
        raw = [p.extract_text() or "" for p in pypdf.PdfReader(printed).pages]
        doc = load(printed)
        pages = [doc.text[p.start : p.end] for p in doc.pages]
        cer = figures["cer"]
        cer["text layer (English)"] = samples.cer(pages[2], english)
        cer["text layer (Bangla, as pypdf reads it)"] = samples.cer(" ".join(raw[:2]), " ".join(bangla))
        cer["fixed text layer (vowel order repaired)"] = samples.cer(
            " ".join(repair(r.replace("\x00", "")) for r in raw[:2]), " ".join(bangla)
        )
        cer["OCR of a broken Bangla layer"] = samples.cer(" ".join(pages[:2]), " ".join(bangla))

        bijoy = load(samples.bijoy_pdf(folder / "bijoy.pdf"))
        cer["Bijoy converted"] = samples.cer(bijoy.text, samples.bijoy_source())

        scan = samples.scanned_pdf(printed, folder / "scan.pdf", skew=1.2, noise=0.02, dpi=200)
        started = time.perf_counter()
        scanned = load(scan)
        ocr_seconds = time.perf_counter() - started
        cer["OCR of a scan (200 dpi, skew, noise)"] = samples.cer(
            " ".join(scanned.text[p.start : p.end] for p in scanned.pages), " ".join([*bangla, english])
        )
        figures["ocr_pages_per_s"] = sum(p.ocr for p in scanned.pages) / ocr_seconds
        figures["cer"] = {k: round(v, 4) for k, v in cer.items()}

        (folder / "long").mkdir()
        long_pdf = samples.long_pdf(folder / "long" / "review.pdf", pages=args.pages)
        started = time.perf_counter()
        long_doc = load(long_pdf)
        figures["long_pdf_pages"] = len(long_doc.pages)
        figures["long_pdf_load_s"] = round(time.perf_counter() - started, 3)
        if not args.no_embed:
            figures.update(_ingest_against_encoder(long_pdf.parent, folder / "store"))
    figures["ocr_pages_per_s"] = round(figures["ocr_pages_per_s"], 3)
    if not args.json:
        for path, value in figures["cer"].items():
            print(f"CER  {path:<45} {value:.3f}")
        for key, value in figures.items():
            if key != "cer":
                print(f"{key:<50} {value}")
    print(json.dumps(figures, ensure_ascii=False))
    return 0


def _ingest_against_encoder(folder: Path, store: Path) -> dict:
    """Ingest the long report into a fresh store, then encode the same chunks with the model alone."""
    from nsss.index.embed import load_embedder
    from nsss.index.store import Store
    from nsss.ingest import ingest
    from nsss.ingest.chunk import embedding_text

    settings = Settings(store=store)
    embedder = load_embedder(settings.embed_model)
    embedder.embed(["warm up the model"])
    started = time.perf_counter()
    report = ingest([folder], settings, progress=False)
    ingest_s = time.perf_counter() - started
    assert not report.failed, report.failed
    chunks = list(Store(settings, embedder.slug).all_chunks())
    started = time.perf_counter()
    embedder.embed([embedding_text(c) for c in chunks])
    encode_s = time.perf_counter() - started
    return {
        "long_pdf_chunks": len(chunks),
        "long_pdf_ingest_s": round(ingest_s, 2),
        "encoder_alone_s": round(encode_s, 2),
        "encoder_over_ingest": round(encode_s / ingest_s, 3),
    }


if __name__ == "__main__":
    sys.exit(main())
