"""Answer again only the questions a change can touch, and score the whole sets as if all had been answered again.

    python -m nsss.eval.subset pick QA.jsonl OUT.jsonl ID...         # those questions, each with its whole conversation
    python -m nsss.eval.subset splice BASE_DIR PART_DIR OUT_DIR       # BASE's scores, PART's in place of the same ids

A change to how some questions are read (say, only those asking two things) leaves every other answer as it was:
`nsss eval` answers a question on its own, or after the earlier turns of its own conversation. So a candidate need only
answer the questions it can touch (`pick`, with every turn of their conversations, so that a follow-up is asked as in
the whole set), and their scores replace the same questions' in the baseline's report of the whole set (`splice`).
`python -m nsss.eval.pool OUT_DIR... --against BASE_DIR...` then gives the whole sets' figures and their change. Which
questions a change can touch is the change's own matter (eval/RESULTS.md says, for each, how they were chosen); a
question left out that the change does touch is scored as the baseline answered it, so choose widely. Not for runs as
one conversation (`--as-conversation`): there every turn follows every other.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


class SubsetError(ValueError):
    """A file or id that cannot be used: the message names it and the reason."""


def _rows(path: Path) -> list[dict]:
    if not path.is_file():
        raise SubsetError(f"{path}: not found")
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SubsetError(f"{path} line {n}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or "id" not in row:
            raise SubsetError(f"{path} line {n}: a record with no id")
        rows.append(row)
    return rows


def pick(questions: Path, ids: list[str]) -> list[dict]:
    """Return the records of a question set with the given ids, each with every turn of its conversation, in order."""
    rows = _rows(questions)
    known = {r["id"] for r in rows}
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise SubsetError(f"{questions}: no question with id {', '.join(unknown[:5])}")
    wanted = set(ids)
    talks = {r["conversation"] for r in rows if r["id"] in wanted and r.get("conversation")}
    return [r for r in rows if r["id"] in wanted or (r.get("conversation") and r["conversation"] in talks)]


def splice(base: Path, part: Path) -> list[str]:
    """Return the lines of BASE's per_question.jsonl, each question PART answered again in place of BASE's."""
    base_rows = _rows(base / "per_question.jsonl")
    again = {r["id"]: r for r in _rows(part / "per_question.jsonl")}
    missing = set(again) - {r["id"] for r in base_rows}
    if missing:
        raise SubsetError(f"{part}: ids not in {base} ({', '.join(sorted(missing)[:5])}): not the same question set")
    return [json.dumps(again.get(r["id"], r), ensure_ascii=False) for r in base_rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nsss.eval.subset", description=__doc__.split("\n\n")[0])
    verbs = parser.add_subparsers(dest="verb", required=True)
    p = verbs.add_parser("pick", help="write the questions with these ids, with their whole conversations")
    p.add_argument("questions", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("ids", nargs="+")
    s = verbs.add_parser("splice", help="write BASE's scores with PART's in place of the same questions")
    s.add_argument("base", type=Path)
    s.add_argument("part", type=Path)
    s.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.verb == "pick":
            rows = pick(args.questions, args.ids)
            args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
            print(f"{args.out}: {len(rows)} questions ({len(args.ids)} asked for, the rest their conversations' turns)")
        else:
            lines = splice(args.base, args.part)
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / "per_question.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
            print(f"{args.out}/per_question.jsonl: {len(lines)} questions")
    except SubsetError as exc:
        print(f"nsss.eval.subset: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
