"""Keep the questions of a set that no question of other sets already asks, to score on what is new.

    python -m nsss.eval.novel eval/holdout3_qa.jsonl --against eval/dev_qa.jsonl eval/train_qa.jsonl \
        eval/holdout_qa.jsonl eval/web_qa.jsonl eval/seed_qa.jsonl --out /tmp/holdout3-novel.jsonl
    python -m nsss eval /tmp/holdout3-novel.jsonl --store STORE --json

Writers who never saw each other's sets still ask the same things of a corpus this small ("Who chairs the Central
Management Committee?"): a held-out question that a training question already asks, in other words or the same,
measures memory more than reading. A question is new when its vector (the bundled model's) is below SIMILAR to every
question of the other sets; a conversation is kept whole, or not at all, so its later turns keep what they lean on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from nsss.core.settings import go_offline

# Two questions this alike under the bundled model ask the same thing or nearly (read by hand on pairs of train_qa
# and dev_qa questions: from 0.90 to 0.93, mostly the same fact in other words, else another fact of the same event;
# from 0.86 to 0.89, mostly another fact). A strict cut: what is kept is new.
SIMILAR = 0.9


def novel(records: list[dict], others: list[str], embed) -> list[dict]:
    """Return the records whose question is like none of others (a conversation only when every turn is new)."""
    if not records or not others:
        return list(records)
    mine = np.array(embed([r["question"] for r in records]))
    theirs = np.array(embed(others))
    new = (mine @ theirs.T).max(axis=1) < SIMILAR
    old_talks = {r.get("conversation") for r, n in zip(records, new, strict=True) if not n and r.get("conversation")}
    return [r for r, n in zip(records, new, strict=True) if n and r.get("conversation") not in old_talks]


def main(argv: list[str] | None = None) -> int:
    """Write the new questions of a set as JSON lines, and say how many they are."""
    parser = argparse.ArgumentParser(prog="python -m nsss.eval.novel", description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path, help="the set to filter (JSON lines)")
    parser.add_argument("--against", type=Path, nargs="+", required=True, help="the sets already asked")
    parser.add_argument("--out", type=Path, required=True, help="where to write the new questions")
    args = parser.parse_args(argv)
    for path in [args.questions, *args.against]:
        if not path.is_file():
            parser.error(f"{path}: no such file")
    go_offline()
    from nsss.index.embed import load_embedder

    def read(path: Path) -> list[dict]:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    records = read(args.questions)
    others = [r["question"] for path in args.against for r in read(path)]
    kept = novel(records, others, load_embedder().embed)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept), encoding="utf-8")
    print(
        f"{len(kept)} of {len(records)} questions of {args.questions} are new against {len(others)} "
        f"({sum(not r['answerable'] for r in kept)} unanswerable); written to {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
