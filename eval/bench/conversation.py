"""Measure what reading a later turn within the turn before's documents costs: conversations answered turn by turn.

    python -m nsss.eval.bench.conversation [--store DIR] [--qa eval/holdout50_qa.jsonl] [--json]
    python -m nsss.eval.bench.conversation --quick    # the bundled corpus, one short conversation: for a test

One process, the store opened once. Every conversation of the question set is answered turn by turn, as `nsss eval`
answers it, by two assistants over the same store in turn, question by question: the assistant as it is, and the
same assistant with the topic reading of a later turn switched off (`Weights.topic_reading`, session 18). Each
keeps its own conversation. The figures are the wall times of the later turns (the only ones the topic reading can
touch) and of all turns, both ways, their ratio, and how many answers differ.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from nsss.core.settings import BUNDLED_CORPUS, PROJECT_ROOT
from nsss.eval.bench import corpus_store, summary, web_corpus

DEFAULT_QA = PROJECT_ROOT / "eval" / "holdout50_qa.jsonl"  # a development set: 94 of its 126 questions are later turns
QUICK = [
    {"question": "When was the focal point meeting held?", "conversation": "q", "turn": 1},
    {"question": "And who chaired it?", "conversation": "q", "turn": 2},
    {"question": "Which ministries took part?", "conversation": "q", "turn": 3},
    {"question": "What did the progress report say about Action Plan II?", "conversation": "q", "turn": 4},
]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="store to use (synced with the corpus); default: temporary")
    parser.add_argument("--qa", type=Path, default=DEFAULT_QA, help="question set with conversations")
    parser.add_argument("--quick", action="store_true", help="bundled corpus, one four-turn conversation (a test)")
    parser.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    args = parser.parse_args(argv)

    records = QUICK if args.quick else [json.loads(line) for line in args.qa.read_text("utf-8").splitlines() if line]
    load_before = os.getloadavg()
    with corpus_store(BUNDLED_CORPUS if args.quick else web_corpus(), args.store) as settings:
        result = timed_turns(settings, records)
    result["load_average"] = [round(x, 2) for x in load_before + os.getloadavg()]
    print(report(result), file=sys.stderr)
    if args.json:
        print(json.dumps(result))
    return 0


def timed_turns(settings, records: list[dict]) -> dict:
    """Answer the records' conversations turn by turn with the topic reading on and off, in turn; return summaries."""
    from dataclasses import replace

    from nsss.assistant import Assistant, Conversation
    from nsss.assistant.weights import WEIGHTS

    on = Assistant(settings, use_llm=False)
    off = Assistant(settings, use_llm=False, weights=replace(WEIGHTS, topic_reading=False))  # that reading alone off
    for assistant in (on, off):
        assistant.answer(records[0]["question"])  # warm: the first answer loads what the rest reuse
    chats = {"on": Conversation(), "off": Conversation()}
    times: dict[str, list[float]] = {"on": [], "off": [], "on_later": [], "off_later": []}
    differ = later = 0
    previous = None
    for record in records:
        if not record.get("conversation") or record.get("turn", 1) <= 1 or record["conversation"] != previous:
            chats = {"on": Conversation(), "off": Conversation()}
        previous = record.get("conversation")
        answers = {}
        for name, assistant in (("on", on), ("off", off)):
            started = time.perf_counter()
            answers[name] = assistant.answer(record["question"], conversation=chats[name])
            elapsed = (time.perf_counter() - started) * 1000
            times[name].append(elapsed)
            if record.get("turn", 1) > 1:
                times[f"{name}_later"].append(elapsed)
            chats[name] = chats[name].add(answers[name])
        later += record.get("turn", 1) > 1
        differ += (answers["on"].text, answers["on"].abstained) != (answers["off"].text, answers["off"].abstained)
    out = {name: summary(values) for name, values in times.items()}
    out["questions"], out["later_turns"], out["answers_differing"] = len(records), later, differ
    for which in ("", "_later"):
        for p in ("p50_ms", "p95_ms"):
            out[f"ratio{which}_{p[:3]}"] = round(out[f"on{which}"][p] / out[f"off{which}"][p], 2)
    return out


def report(r: dict) -> str:
    """Format the figures for people."""
    return "\n".join(
        [
            f"{r['questions']} questions, {r['later_turns']} later turns, answered turn by turn in one process, in turn:",
            f"later turns, topic reading on: p50 {r['on_later']['p50_ms']:.0f} ms, p95 {r['on_later']['p95_ms']:.0f} ms; "
            f"off: p50 {r['off_later']['p50_ms']:.0f} ms, p95 {r['off_later']['p95_ms']:.0f} ms; on / off: p50 "
            f"x{r['ratio_later_p50']}, p95 x{r['ratio_later_p95']}",
            f"all turns, on: p50 {r['on']['p50_ms']:.0f} ms, p95 {r['on']['p95_ms']:.0f} ms; on / off: p50 "
            f"x{r['ratio_p50']}, p95 x{r['ratio_p95']}; {r['answers_differing']} answers differ",
            f"load average before/after: {r['load_average']}",
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
