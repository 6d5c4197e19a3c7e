"""Split the development question set once, with a fixed seed, into a tune half and a test half.

A conversation's turns stay together; each question type is split evenly. Every document that holds one of a
question's evidence quotes word for word is one of its sources (the bundled corpus and the web corpus repeat some
texts). Run once (it was, before any tuning):
    python -m nsss.eval.split_dev PARTS... > eval/dev_qa.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from nsss.core.settings import BUNDLED_CORPUS, PROJECT_ROOT

SEED = 20261201


def split(rows: list[dict], seed: int = SEED) -> list[dict]:
    """Mark every row "tune" or "test": half of each type's groups (a conversation is one group) to each."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row.get("conversation") or row["id"]].append(row)
    by_type: dict[str, list[str]] = defaultdict(list)
    for name, members in groups.items():
        by_type[members[0]["type"]].append(name)
    rng = random.Random(seed)
    half = {}
    for kind in sorted(by_type):
        names = sorted(by_type[kind])
        rng.shuffle(names)
        for i, name in enumerate(names):
            half[name] = "tune" if i % 2 == 0 else "test"
    return [{**row, "split": half[row.get("conversation") or row["id"]]} for row in rows]


def complete_sources(rows: list[dict], folders: list[Path]) -> list[dict]:
    """Add to each answerable question every document that holds one of its evidence quotes."""
    texts = {
        f.name: " ".join(f.read_text(encoding="utf-8").split())
        for folder in folders
        for f in sorted(folder.iterdir())
        if f.suffix in (".md", ".txt")
    }
    out = []
    for row in rows:
        quotes = [" ".join(e.split()) for e in row.get("evidence", ())]
        extra = [
            name
            for name, text in texts.items()
            if row.get("answerable") and name not in row["sources"] and any(q in text for q in quotes)
        ]
        out.append({**row, "sources": row["sources"] + extra})
    return out


def main(paths: list[str]) -> None:
    rows = [
        json.loads(line)
        for path in paths
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rows = complete_sources(rows, [BUNDLED_CORPUS, PROJECT_ROOT.parent / "shared" / "corpus-web"])
    for row in split(rows):
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
