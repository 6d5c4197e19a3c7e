"""Fit the search's fusion weights (index/search.py, `Fusion`) on training questions only.

    python -m nsss.eval.fit_retrieval --store /tmp/dev-store      # prints the best weights and the runners-up

It searches every answerable training question (first turns of conversations: later turns are searched within the
earlier answer's documents) with each weighting of a small grid, ranks the right document as `nsss eval` does (the
first passage from a gold source among the first five), and prints the weights with the highest mean reciprocal rank.
Copy them into `Fusion`'s defaults. The sets: the outsiders' training questions, the first held-out set once used for
choosing, and the tune half of the development set; never the test half nor the held-out sets kept for scoring.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
from pathlib import Path

from nsss.core.settings import PROJECT_ROOT, Settings, go_offline
from nsss.eval.harness import load_questions
from nsss.eval.metrics import source_rank

TRAINING = (
    (PROJECT_ROOT / "eval" / "train_qa.jsonl", None),
    (PROJECT_ROOT / "eval" / "holdout_qa.jsonl", None),
    (PROJECT_ROOT / "eval" / "dev_qa.jsonl", "tune"),
)
GRID = {
    "dense": (0.5, 0.6, 0.7),
    "expansions": (0.2, 0.3, 0.5, 1.0),
    "everyday": (0.0, 1.0),
    "document": (0.0, 0.3, 0.5, 0.7),
}
PASSAGES = 5  # as many as an answer reports (Answer.retrieved), which is what `nsss eval` ranks
SEARCHED = 8  # as many as an answer reads (Weights.considered)


def fit(settings: Settings, sets=TRAINING, grid=GRID) -> list[tuple[float, dict[str, float]]]:
    """Return every weighting of the grid with its MRR on the training questions, best first."""
    from nsss.index import open_index
    from nsss.index.search import Fusion

    index = open_index(settings)
    questions = [
        q
        for path, split in sets
        for q in load_questions(path, split)
        if q.answerable and (not q.conversation or q.turn <= 1)
    ]
    weightings = [dict(zip(grid, values, strict=True)) for values in itertools.product(*grid.values())]
    totals = [0.0] * len(weightings)
    for q in questions:  # each question under every weighting in turn: its query vector is encoded once
        for n, weights in enumerate(weightings):
            hits = index.search(q.question, k=SEARCHED, fusion=Fusion(**weights))[:PASSAGES]
            rank = source_rank([h.chunk.source for h in hits], q.sources)
            totals[n] += 1.0 / rank if rank else 0.0
    ranked = sorted(((t / len(questions), w) for t, w in zip(totals, weightings, strict=True)), key=lambda r: -r[0])
    return ranked


def main(argv: list[str] | None = None) -> None:
    go_offline()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="a store holding the corpora the questions ask of")
    args = parser.parse_args(argv)
    from nsss.index.search import FUSION, TOPIC

    ranked = fit(Settings.load(store=args.store))
    current = dataclasses.asdict(FUSION)
    for mrr, weights in ranked[:10]:
        print(f"MRR {mrr:.4f}  " + "  ".join(f"{k}={v}" for k, v in weights.items()))
    now = next(m for m, w in ranked if w == current) if current in [w for _, w in ranked] else None
    print(f"best: {ranked[0][1]}; the weights now in index/search.py: {current}" + (f" (MRR {now:.4f})" if now else ""))
    before = dataclasses.asdict(TOPIC)  # the search's weighing before this fit
    print(f"before the fit: {before}: MRR {next(m for m, w in ranked if w == before):.4f}")


if __name__ == "__main__":
    main()
