"""Measure the web app: time from `nsss serve` to a usable page, and the latency the app adds to an answer.

    python -m nsss.eval.bench.serve [--store DIR] [--runs 3] [--questions 30] [--json]
    python -m nsss.eval.bench.serve --empty [--runs 3]   # start-up on an empty store (the bundled corpus goes in first)

Start-up: `nsss serve --store STORE` as a subprocess on a store already holding the web corpus; the clock runs
from just before the process starts until (a) the page answers HTTP 200 and (b) a first `/ask` call through
gradio_client returns an answer. Median of --runs starts. With --empty, each start is on a new empty store, which `nsss serve` fills with the bundled
corpus before answering; alternated, in the same run, with a bare `python -c "import gradio"`, the floor of any
start of the web app, so the start is also given as a ratio to it.
Added latency: one server, warmed with one question, then each question asked through `/ask` (gradio_client,
one at a time) and, right after, in this process with `Assistant.answer` over the same store; both use no LLM.
The app's overhead per call is the client's wall time minus the answer's own `timings_ms.total` from the server.
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

from nsss.eval.bench import (
    WEB_QA,
    corpus_store,
    free_port,
    read_questions,
    stop_server,
    summary,
    wait_for_page,
    web_corpus,
)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="store to use (synced with the web corpus); default: temporary")
    parser.add_argument("--runs", type=int, default=3, help="server starts to time")
    parser.add_argument("--questions", type=int, default=30, help="web questions to time the added latency on")
    parser.add_argument("--empty", action="store_true", help="time only starts on an empty store")
    parser.add_argument("--baseline", type=Path, help="with --empty: also time this checkout's server, in turn")
    parser.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    parser.add_argument("--qa", type=Path, default=WEB_QA, help="question set to ask (default: eval/web_qa.jsonl)")
    parser.add_argument("--corpus", type=Path, help="folder of documents to serve (default: the web corpus)")
    args = parser.parse_args(argv)
    if args.empty:
        result = empty_starts(args.runs, args.baseline)
        print(
            f"nsss serve on an empty store to first answer, median of {args.runs}: {result['first_answer_s']} s "
            f"(page {result['page_s']} s); import gradio {result['import_gradio_s']} s; ratio "
            f"{result['ratio_to_import_gradio']}; baseline checkout {result.get('baseline_first_answer_s')} s "
            f"(ratio {result.get('ratio_to_baseline')}); load {result['load_average']}",
            file=sys.stderr,
        )
        if args.json:
            print(json.dumps(result))
        return 0

    questions = read_questions(args.qa)
    questions = questions[: args.questions]
    load_before = os.getloadavg()
    with corpus_store(args.corpus or web_corpus(), args.store) as settings:
        starts = [start_up(settings.store, questions[0]) for _ in range(args.runs)]
        added = added_latency(settings, questions)
    result = {
        "startup": {
            "page_s": round(statistics.median(s["page_s"] for s in starts), 2),
            "first_answer_s": round(statistics.median(s["first_answer_s"] for s in starts), 2),
            "runs": starts,
        },
        "added": added,
        "load_average": [round(x, 2) for x in load_before + os.getloadavg()],
    }
    print(report(result), file=sys.stderr)
    if args.json:
        print(json.dumps(result))
    return 0


def _env() -> dict[str, str]:
    # No LLM and no developer settings: the app answers extractively, as `Assistant(use_llm=False)` below.
    return {k: v for k, v in os.environ.items() if not k.startswith("NSSS_")}


def _serve(store: Path, checkout: Path | None = None) -> tuple[subprocess.Popen, str, float]:
    port = free_port()
    env = _env() if checkout is None else {**_env(), "PYTHONPATH": str(checkout)}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "nsss.cli", "serve", "--store", str(store), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=checkout,
    )
    return proc, f"http://127.0.0.1:{port}/", started


def start_up(store: Path, question: str, checkout: Path | None = None) -> dict:
    """Start the server (of another checkout, if given); return seconds until the page answers and until a first
    /ask call is answered."""
    from gradio_client import Client

    proc, url, started = _serve(store, checkout)
    try:
        wait_for_page(url, proc, poll=0.05)
        page = time.perf_counter() - started
        result = Client(url, verbose=False, download_files=False).predict(question, api_name="/ask")
        first = time.perf_counter() - started
        if not result.get("retrieved"):
            raise SystemExit(f"/ask gave no passages: {result}")
    finally:
        stop_server(proc)
    return {"page_s": round(page, 2), "first_answer_s": round(first, 2)}


def empty_starts(runs: int, baseline: Path | None = None) -> dict:
    """Start the server on new empty stores, alternating with a bare `import gradio` (and with the server of a
    baseline checkout, if given); return medians and ratios."""
    import tempfile

    question = "Who chairs the Central Management Committee?"
    load_before = os.getloadavg()
    starts, gradio, before = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="nsss-empty-") as tmp:
            starts.append(start_up(Path(tmp) / "store", question))
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import gradio"], check=True, env=_env())
        gradio.append(round(time.perf_counter() - began, 2))
        if baseline is not None:
            with tempfile.TemporaryDirectory(prefix="nsss-empty-") as tmp:
                before.append(start_up(Path(tmp) / "store", question, baseline))
    first = statistics.median(s["first_answer_s"] for s in starts)
    if before:
        old = statistics.median(s["first_answer_s"] for s in before)
        extra = {"baseline": str(baseline), "baseline_runs": before, "baseline_first_answer_s": round(old, 2)}
        extra["ratio_to_baseline"] = round(first / old, 2)
    else:
        extra = {}
    return {
        **extra,
        "page_s": round(statistics.median(s["page_s"] for s in starts), 2),
        "first_answer_s": round(first, 2),
        "import_gradio_s": round(statistics.median(gradio), 2),
        "ratio_to_import_gradio": round(first / statistics.median(gradio), 2),
        "runs": starts,
        "import_gradio_runs": gradio,
        "load_average": [round(x, 2) for x in load_before + os.getloadavg()],
    }


def added_latency(settings, questions: list[str]) -> dict:
    """Time each question through /ask and in-process; return both and the app's overhead."""
    from gradio_client import Client
    from nsss.assistant import open_assistant

    proc, url, _ = _serve(settings.store)
    try:
        wait_for_page(url, proc, poll=0.05)
        client = Client(url, verbose=False, download_files=False)
        client.predict(questions[0], api_name="/ask")  # warm: first-call costs are start-up, not latency
        assistant = open_assistant(settings, use_llm=False)
        assistant.answer(questions[0])
        api_ms, server_ms, local_ms = [], [], []
        for q in questions:
            t0 = time.perf_counter()
            out = client.predict(q, api_name="/ask")
            api_ms.append((time.perf_counter() - t0) * 1000)
            server_ms.append(out["timings_ms"]["total"])
            t0 = time.perf_counter()
            assistant.answer(q)
            local_ms.append((time.perf_counter() - t0) * 1000)
    finally:
        stop_server(proc)
    overhead = [a - s for a, s in zip(api_ms, server_ms, strict=True)]
    return {
        "api": summary(api_ms),
        "api_server_side": summary(server_ms),
        "in_process": summary(local_ms),
        "overhead": summary(overhead),
        "ratio_p50": round(statistics.median(api_ms) / statistics.median(local_ms), 2),
        "difference_p50_ms": round(statistics.median(api_ms) - statistics.median(local_ms), 1),
    }


def report(r: dict) -> str:
    """Format the figures for a person."""
    s, a = r["startup"], r["added"]
    return "\n".join(
        [
            f"start-up to page: {s['page_s']} s, to first answer: {s['first_answer_s']} s (median of {len(s['runs'])})",
            f"/ask via gradio_client p50/p95: {a['api']['p50_ms']}/{a['api']['p95_ms']} ms; "
            f"server-side answer p50 {a['api_server_side']['p50_ms']} ms; "
            f"in-process Assistant.answer p50/p95: {a['in_process']['p50_ms']}/{a['in_process']['p95_ms']} ms",
            f"added by the app per call (wall minus server answer time) p50/p95: "
            f"{a['overhead']['p50_ms']}/{a['overhead']['p95_ms']} ms; ratio api/in-process p50 {a['ratio_p50']}, "
            f"difference {a['difference_p50_ms']} ms",
            f"load average {r['load_average']}",
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
