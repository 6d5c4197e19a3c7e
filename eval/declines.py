"""Tell why the assistant declines the answerable questions of question sets: issue 8's false declines, each counted
once, under the first reason that holds.

    python -m nsss.eval.declines eval/holdout240_qa.jsonl ... --store S [--json]

The questions are answered as `nsss eval` answers them set by set: a conversation's turns in order, every other
question in a chat of its own. The reasons, in the order they are tried:

- `slot`: the slot veto (`answerability.slot_missing`): the quote lacks the one definite kind of thing asked;
- `veto`: another veto (a figure the documents lack, a sibling, a count unlisted, a place not named, a sum quoted
  only of another subject or year, the subject model);
- `model`: no veto; the answerability model's probability is under its threshold;
- `wider`: no veto and the model would answer: a follow-up whose answer was found beyond its topic, and whose lead
  does not name the topic (`Assistant._wider`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from nsss.core.settings import Settings, go_offline
from nsss.eval.harness import EvalError, answered, load_questions

REASONS = ("slot", "veto", "model", "wider")


def reason(signals: dict[str, float], threshold: float) -> str:
    """Return why an answer with these signals was declined (one of REASONS)."""
    from nsss.assistant.answerability import vetoes

    vetoed = vetoes(signals)
    if "slot_missing" in vetoed:
        return "slot"
    if vetoed or signals.get("judged_off_subject", 0.0) > 0:  # (the subject model's, Assistant._answer)
        return "veto"
    if signals.get("probability", 1.0) < threshold:
        return "model"
    return "wider"


def tally(paths: list[Path], settings: Settings) -> dict:
    """Answer every question of the sets and count the answerable ones declined, by reason and by turn."""
    from nsss.assistant import answerability, open_assistant

    assistant = open_assistant(settings, use_llm=False)
    assistant.index.fill_sentences(progress=False)
    questions = [q for path in paths for q in load_questions(path)]
    counts: Counter = Counter()
    answerable = declined = 0
    for q, answer in answered(questions, assistant):
        if not q.answerable:
            continue
        answerable += 1
        if answer.abstained:
            declined += 1
            why = reason(answer.signals, answerability.model().threshold_for(answer.signals))
            counts[(why, "follow-up" if answer.followup else "first")] += 1
    return {
        "answerable": answerable,
        "declined": declined,
        "reasons": {why: sum(n for (w, _), n in counts.items() if w == why) for why in REASONS},
        "follow_ups": {why: counts[(why, "follow-up")] for why in REASONS},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nsss.eval.declines", description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path, help="question sets (JSONL), as `nsss eval` reads them")
    parser.add_argument("--store", type=Path, required=True, help="a store holding the documents the sets ask of")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    go_offline()
    from nsss.index.status import status

    settings = Settings.load(store=args.store).replace(chroma_url="")
    if not args.store.is_dir() or not status(settings).documents:
        print(f"error: {args.store}: the store holds no documents (ingest them first)", file=sys.stderr)
        return 2
    try:
        result = tally(args.sets, settings)
    except EvalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{result['declined']} of {result['answerable']} answerable questions declined:")
    for why in REASONS:
        print(f"  {why:<6} {result['reasons'][why]:>5}  ({result['follow_ups'][why]} of them follow-ups)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
