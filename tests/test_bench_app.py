"""The web app's benchmarks (eval/bench/serve.py, memory.py, ui.py) have figures in eval/RESULTS.md: each is run
here briefly, on the bundled corpus and its own questions, so none can rot."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT
from nsss.eval.bench import CHROMIUM

pytestmark = pytest.mark.slow
SEED_QA = str(PROJECT / "eval" / "seed_qa.jsonl")


def run(*args: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", *args, "--json"], capture_output=True, text=True, timeout=900, cwd=PROJECT
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_serve_benchmark_times_the_start_and_what_the_app_adds_to_an_answer():
    r = run("nsss.eval.bench.serve", "--corpus", "corpus", "--qa", SEED_QA, "--runs", "1", "--questions", "3")
    start = r["startup"]
    assert 0 < start["page_s"] <= start["first_answer_s"] and len(start["runs"]) == 1
    added = r["added"]
    assert added["api"]["n"] == added["in_process"]["n"] == 3
    assert added["ratio_p50"] > 0 and added["api"]["p50_ms"] >= added["api_server_side"]["p50_ms"]


def test_serve_benchmark_times_a_start_on_an_empty_store_against_importing_gradio():
    r = run("nsss.eval.bench.serve", "--empty", "--runs", "1")
    assert r["first_answer_s"] > r["import_gradio_s"] > 0 and len(r["runs"]) == 1
    assert r["ratio_to_import_gradio"] == round(r["first_answer_s"] / r["import_gradio_s"], 2)


def test_memory_benchmark_reads_the_servers_peak_against_a_process_that_only_encodes():
    r = run("nsss.eval.bench.memory", "--corpus", "corpus", "--qa", SEED_QA, "--questions", "2", "--port", "0")
    assert r["peak_mb"] >= r["idle_rss_mb"] > 50 and r["model_only_peak_mb"] > 0
    assert r["ratio_to_model_only"] == round(r["peak_mb"] / r["model_only_peak_mb"], 2)


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed")
def test_ui_benchmark_times_questions_asked_in_the_page_against_the_assistant(seed_store):
    r = run("nsss.eval.bench.ui", "--store", str(seed_store.store), "--qa", SEED_QA, "--questions", "2")
    assert r["page"]["n"] == r["in_process"]["n"] == 2
    assert r["page"]["p50_ms"] > 0 and r["ratio_p50"] > 0
