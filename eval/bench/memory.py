"""Measure the peak memory (VmHWM) of `nsss serve` on a store holding the web corpus, after a few questions.

    python -m nsss.eval.bench.memory [--store DIR] [--questions 5] [--port 7891] [--json]

Starts `nsss serve` as a subprocess, waits for its page, asks questions through the app's `/ask` API endpoint
with gradio_client, then reads VmHWM (peak resident set) and VmRSS from /proc/<pid>/status of the server (and of
any child process). For scale, the same run measures the peak of a bare process that only loads the bundled
model and encodes one question.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from nsss.eval.bench import WEB_QA, corpus_store, free_port, read_questions, stop_server, wait_for_page, web_corpus
from nsss.eval.bench.answer import ENCODE_ONLY

PEAK_OF_ENCODE = ENCODE_ONLY + "; print(open('/proc/self/status').read())"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="store holding the web corpus (synced); default: temporary")
    parser.add_argument("--questions", type=int, default=5)
    parser.add_argument("--port", type=int, default=0, help="port to serve on (default: a free one)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for the page")
    parser.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    parser.add_argument("--qa", type=Path, default=WEB_QA, help="question set to ask (default: eval/web_qa.jsonl)")
    parser.add_argument("--corpus", type=Path, help="folder of documents to serve (default: the web corpus)")
    args = parser.parse_args(argv)

    questions = read_questions(args.qa)[: args.questions]
    with corpus_store(args.corpus or web_corpus(), args.store) as settings:
        result = serve_and_ask(settings.store, questions, args.port or free_port(), args.timeout)
    bare = subprocess.run(
        [sys.executable, "-c", PEAK_OF_ENCODE.format(q=questions[0])], capture_output=True, text=True, check=True
    )
    result["model_only_peak_mb"] = _status_mb(bare.stdout, "VmHWM")
    result["ratio_to_model_only"] = round(result["peak_mb"] / result["model_only_peak_mb"], 2)
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    print(
        f"nsss serve: peak {result['peak_mb']} MB (VmHWM) after {len(questions)} questions; "
        f"{result['idle_rss_mb']} MB resident before the first; page up in {result['startup_s']} s; "
        f"a process that only loads the model and encodes: peak {result['model_only_peak_mb']} MB "
        f"(x{result['ratio_to_model_only']})",
        file=sys.stderr,
    )
    if args.json:
        print(json.dumps(result))
    return 0


def serve_and_ask(store: Path, questions: list[str], port: int, timeout: float) -> dict:
    """Start the server, wait for it, ask through the API, read its memory, and stop it."""
    nsss = shutil.which("nsss")
    command = ([nsss] if nsss else [sys.executable, "-m", "nsss.cli"]) + [
        "serve",
        "--store",
        str(store),
        "--port",
        str(port),
    ]
    url = f"http://127.0.0.1:{port}/"
    started = time.perf_counter()
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_page(url, server, timeout, poll=0.5)
        startup = time.perf_counter() - started
        idle = _memory(server.pid)
        from gradio_client import Client

        client = Client(url, verbose=False, download_files=False)
        endpoint = "/ask"
        answers = []
        for q in questions:
            t0 = time.perf_counter()
            out = client.predict(q, api_name=endpoint)
            answers.append(
                {
                    "question": q,
                    "seconds": round(time.perf_counter() - t0, 2),
                    "reply_chars": len(json.dumps(out, default=str)),
                }
            )
        peak = _memory(server.pid)
    finally:
        stop_server(server)
    if not all(a["reply_chars"] > 20 for a in answers):
        raise SystemExit(f"the server gave empty replies: {answers}")
    return {
        "peak_mb": peak["VmHWM"],
        "rss_mb": peak["VmRSS"],
        "idle_rss_mb": idle["VmRSS"],
        "idle_peak_mb": idle["VmHWM"],
        "startup_s": round(startup, 1),
        "answers": answers,
        "processes": peak["processes"],
        "endpoint": endpoint,
    }


def _memory(pid: int) -> dict:
    """Sum VmHWM and VmRSS (MB) over a process and its descendants."""
    pids = [pid]
    for p in pids:
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            pids.extend(int(c) for c in task.read_text().split())
    total = {"VmHWM": 0.0, "VmRSS": 0.0}
    for p in pids:
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        for key in total:
            total[key] += _status_mb(status, key)
    return {**{k: round(v, 1) for k, v in total.items()}, "processes": len(pids)}


def _status_mb(status: str, key: str) -> float:
    for row in status.splitlines():
        if row.startswith(key + ":"):
            return round(int(row.split()[1]) / 1024, 1)
    raise ValueError(f"{key} not in /proc status")


if __name__ == "__main__":
    sys.exit(main())
