"""Measure what share of answering one function of the assistant takes: question sets answered as `nsss eval` does.

    python -m nsss.eval.bench.share question._slot --qa eval/holdout200_qa.jsonl ... [--store DIR] [--json]
    python -m nsss.eval.bench.share answer.bridge_counted --quick    # the bundled corpus, four questions: for a test

One process, the store opened once. The function (MODULE.NAME, a module of `nsss.assistant`) is wrapped where the
assistant looks it up, and its time is summed inside the answers; every question is answered in turn, a
conversation's turns in their conversation. The figure is that time over the answers' whole time: a ratio measured in
the same process, so it holds on a loaded machine as on an idle one (eval/RESULTS.md, session 27).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from pathlib import Path

from nsss.core.settings import BUNDLED_CORPUS
from nsss.eval.bench import corpus_store, web_corpus
from nsss.eval.harness import EvalError, load_questions

QUICK = [
    {"question": "How many ministries took part in the focal point meeting?"},
    {"question": "ফোকাল পয়েন্ট সভায় কতজন অংশগ্রহণকারী ছিলেন?"},
    {"question": "When was the focal point meeting held?", "conversation": "q", "turn": 1},
    {"question": "সভাপতি কেডা আছিল?", "conversation": "q", "turn": 2},
]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("function", help="MODULE.NAME of nsss.assistant, as the assistant calls it: question._slot")
    parser.add_argument("--qa", type=Path, action="append", default=[], help="question set; repeatable")
    parser.add_argument("--store", type=Path, help="store to use (synced with the corpus); default: temporary")
    parser.add_argument("--quick", action="store_true", help="bundled corpus, four questions (a test)")
    parser.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    args = parser.parse_args(argv)
    if not args.quick and not args.qa:
        parser.error("give --qa (one or more question sets) or --quick")

    module_name, _, name = args.function.rpartition(".")
    module = importlib.import_module(f"nsss.assistant.{module_name}")
    if not callable(getattr(module, name, None)):
        parser.error(f"nsss.assistant.{module_name} has no function {name}")
    try:
        # (read as `nsss eval` reads a set: a bad line is named by its file and number)
        records = QUICK if args.quick else [_record(q) for qa in args.qa for q in load_questions(qa)]
    except EvalError as exc:
        parser.error(str(exc))
    load_before = os.getloadavg()
    # (the web corpus and the bundled one, as the question sets' figures were scored on)
    with corpus_store(BUNDLED_CORPUS if args.quick else [web_corpus(), BUNDLED_CORPUS], args.store) as settings:
        result = share(settings, records, module, name)
    result |= {"function": args.function, "load_average": [round(x, 2) for x in load_before + os.getloadavg()]}
    print(
        f"{args.function}: {result['share']:.6f} of answering ({result['spent_s']:.3f} s of {result['total_s']:.1f} s, "
        f"{result['calls']} calls, {result['questions']} questions)",
        file=sys.stderr,
    )
    if args.json:
        print(json.dumps(result))
    return 0


def _record(question) -> dict:
    """The question and its conversation (none for a question asked alone), as QUICK gives them."""
    return {"question": question.question, "conversation": question.conversation or None}


def share(settings, records: list[dict], module, name: str) -> dict:
    """Answer the records (a conversation's turns in their conversation) with the function timed inside the answers."""
    from nsss.assistant import Conversation, open_assistant

    assistant = open_assistant(settings, use_llm=False)
    original, spent, calls = getattr(module, name), [0.0], [0]

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started
            calls[0] += 1

    assistant.answer(records[0]["question"])  # warm: the first answer loads what the rest reuse
    total, chat, conversation = 0.0, Conversation(), None
    setattr(module, name, timed)
    try:
        for record in records:
            if record.get("conversation") != conversation:
                chat, conversation = Conversation(), record.get("conversation")
            started = time.perf_counter()
            answer = assistant.answer(record["question"], conversation=chat if conversation else None)
            total += time.perf_counter() - started
            chat = chat.add(answer) if conversation else chat
    finally:
        setattr(module, name, original)
    return {
        "questions": len(records),
        "calls": calls[0],
        "spent_s": round(spent[0], 4),
        "total_s": round(total, 3),
        "share": round(spent[0] / total, 6) if total else 0.0,
    }


if __name__ == "__main__":
    sys.exit(main())
