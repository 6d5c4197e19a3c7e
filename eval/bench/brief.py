"""Measure topic briefs: recall of the passages a person picked for each topic, and how much else comes with them.

    python -m nsss.eval.bench.brief --store DIR [--topics eval/brief_topics.jsonl]

The store must hold the documents the topics name (the bundled corpus and ../shared/corpus-web). A gold passage
is found when a passage of the brief from the same file holds it (whitespace collapsed).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from nsss.core.settings import Settings, go_offline

TOPICS = Path(__file__).parents[1] / "brief_topics.jsonl"


def _flat(text: str) -> str:
    return " ".join(text.split()).lower()


def score(topics: list[dict], index) -> dict:
    """Run a brief per topic and compare it with the gold passages; return totals and one row per topic."""
    from nsss.assistant.brief import brief

    rows = []
    for t in topics:
        started = time.perf_counter()
        b = brief(t["topic"], index)
        took = time.perf_counter() - started
        got = {}
        for d in b.documents:
            got.setdefault(Path(d.source).name, []).extend(_flat(c.quote) for c in d.passages)
        found = [any(_flat(g["quote"]) in q for q in got.get(g["source"], [])) for g in t["passages"]]
        gold_docs = {g["source"] for g in t["passages"]}
        dates = [d.date for d in b.documents if d.date]
        rows.append(
            {
                "topic": t["topic"],
                "gold": len(found),
                "found": sum(found),
                "gold_documents": len(gold_docs),
                "documents_found": len(gold_docs & set(got)),
                "documents": len(b.documents),
                "passages": b.passages,
                "in_date_order": dates == sorted(dates),
                "seconds": round(took, 3),
            }
        )
    total = sum(r["gold"] for r in rows)
    return {
        "topics": len(rows),
        "passage_recall": round(sum(r["found"] for r in rows) / max(1, total), 3),
        "document_recall": round(
            sum(r["documents_found"] for r in rows) / max(1, sum(r["gold_documents"] for r in rows)), 3
        ),
        "gold_document_share": round(
            sum(r["documents_found"] for r in rows) / max(1, sum(r["documents"] for r in rows)), 3
        ),
        "passages_per_brief": round(sum(r["passages"] for r in rows) / max(1, len(rows)), 1),
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    """Print the brief measurements as JSON."""
    go_offline()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--topics", type=Path, default=TOPICS)
    args = parser.parse_args(argv)
    from nsss.index import open_index

    topics = [json.loads(line) for line in args.topics.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = score(topics, open_index(Settings.load(store=args.store)))
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
