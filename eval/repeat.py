"""Ask the same questions of a store opened twice, the second time afresh as another process opens it, and count the
questions whose passages differ: a question must find the same passages, with the same scores, in every process.

    python -m nsss.eval.repeat QA.jsonl... --store S [--k 12] [--chroma-query]

With --chroma-query the dense side is Chroma's own approximate search (as before the search was made exact), to
measure what that gave (eval/RESULTS.md, session 46, DET).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


class RepeatError(ValueError):
    """A question file that cannot be read: the message names it and the reason."""


def questions(paths: list[Path]) -> list[str]:
    """Return the questions of the sets, in order, each once."""
    found: list[str] = []
    for path in paths:
        if not path.is_file():
            raise RepeatError(f"{path}: not found")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                found.append(json.loads(line)["question"])
            except (json.JSONDecodeError, KeyError, TypeError):
                raise RepeatError(f"{path} line {n}: not a record with a question") from None
    return list(dict.fromkeys(found))


def _chroma_nearest(index):
    """A stand-in for index.search.nearest that asks Chroma's approximate index, as searches did before."""

    def ask(ids, vectors, vector, k, mask=None):
        got = index.store.chunks.query(query_embeddings=[vector], n_results=k, include=["distances"])
        allowed = None if mask is None else {ids[i] for i in range(len(ids)) if mask[i]}
        pairs = [(cid, 1.0 - d) for cid, d in zip(got["ids"][0], got["distances"][0], strict=True)]
        return [(cid, s) for cid, s in pairs if allowed is None or cid in allowed]

    return ask


def repeat(store: Path, asked: list[str], k: int = 12, chroma_query: bool = False) -> dict[str, int]:
    """Search every question in a store opened once, then again after opening it afresh; count the differences."""
    from nsss.core.settings import Settings
    from nsss.index import open_index
    from nsss.index import search as search_module
    from nsss.index.store import Store

    settings = Settings.load(config=None, store=store)
    index = open_index(settings)
    exact = search_module.nearest
    if chroma_query:
        search_module.nearest = _chroma_nearest(index)
    try:
        first = {q: [(h.chunk.id, h.score) for h in index.search(q, k=k)] for q in asked}
        index.reload(store=Store(settings, index.embedder.slug, fresh=True), save=False)
        second = {q: [(h.chunk.id, h.score) for h in index.search(q, k=k)] for q in asked}
    finally:
        search_module.nearest = exact
    return {
        "questions": len(asked),
        "passages differ": sum(1 for q in asked if [c for c, _ in first[q]] != [c for c, _ in second[q]]),
        "scores differ": sum(1 for q in asked if first[q] != second[q]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nsss.eval.repeat", description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path, help="question sets (JSON lines with a 'question' field)")
    parser.add_argument("--store", type=Path, required=True, help="the store to search")
    parser.add_argument("--k", type=int, default=12, help="passages compared per question (12, as answers search)")
    parser.add_argument("--chroma-query", action="store_true", help="search with Chroma's approximate index instead")
    args = parser.parse_args(argv)
    try:
        counts = repeat(args.store, questions(args.sets), args.k, args.chroma_query)
    except RepeatError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
