"""Measure how the assistant tells questions on its subject from questions on others, end to end.

    python -m nsss.eval.subject eval/offbn_probe.jsonl --store STORE [--json]

The set is one JSON object a line with `question` and `on_subject` (true or false). Every question is asked alone, as
`nsss ask` asks it (no conversation, no LLM). Off the subject, the figure is the share declined (for any reason: the
subject model, or evidence that does not answer); on it, the share declined *as off the subject* (notice_kind
"off_subject"), the mistake this measures: a question on the subject that the documents do not answer is declined
as not found, which is right. Each share is given by language, with its count.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from nsss.core.settings import Settings, go_offline
from nsss.core.text import language


def read_set(path: Path) -> list[dict]:
    """Read the set, naming the line and the field of a record that is not usable."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SystemExit(f"{path}:{n}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("question"), str) or not row["question"].strip():
            raise SystemExit(f"{path}:{n}: field 'question' must be a non-empty string")
        if not isinstance(row.get("on_subject"), bool):
            raise SystemExit(f"{path}:{n}: field 'on_subject' must be true or false")
        rows.append(row)
    if not rows:
        raise SystemExit(f"{path}: no questions")
    return rows


def measure(rows: list[dict], settings: Settings) -> dict:
    """Ask every question alone; return the counts and shares by language and overall."""
    from nsss.assistant import open_assistant

    assistant = open_assistant(settings, use_llm=False)
    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        answer = assistant.answer(row["question"])
        for lang in (language(row["question"]), "all"):
            c = counts.setdefault(lang, {"off": 0, "off_declined": 0, "on": 0, "on_judged_off": 0})
            if row["on_subject"]:
                c["on"] += 1
                c["on_judged_off"] += answer.notice_kind == "off_subject"
            else:
                c["off"] += 1
                c["off_declined"] += answer.abstained
    for c in counts.values():
        c["off_declined_share"] = round(c["off_declined"] / c["off"], 4) if c["off"] else None
        c["on_judged_off_share"] = round(c["on_judged_off"] / c["on"], 4) if c["on"] else None
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nsss.eval.subject", description=__doc__.split("\n\n")[0])
    parser.add_argument("qa", type=Path, help="the set: JSON lines with question and on_subject")
    parser.add_argument("--store", type=Path, help="the store to answer from (default: the configured one)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    go_offline()
    rows = read_set(args.qa)
    settings = Settings.load(**({"store": args.store} if args.store else {}))
    counts = measure(rows, settings)
    if args.json:
        print(json.dumps(counts))
        return 0
    for lang, c in counts.items():
        off = f"{c['off_declined']} / {c['off']}" if c["off"] else "-"
        on = f"{c['on_judged_off']} / {c['on']}" if c["on"] else "-"
        print(f"{lang:<4} off the subject declined {off:<10} on the subject judged off it {on}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
