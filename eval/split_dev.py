"""Split the development question set once, with a fixed seed, into a tune half and a test half.

A conversation's turns stay together; each question type is split evenly. Run once (it was, before any tuning):
    python -m eval.split_dev PARTS... > eval/dev_qa.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict

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


def main(paths: list[str]) -> None:
    rows = [json.loads(line) for path in paths for line in open(path, encoding="utf-8") if line.strip()]
    for row in split(rows):
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
