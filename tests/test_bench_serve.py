"""The server's benchmarks (eval/bench/serve.py, memory.py, ui.py), run briefly on the bundled corpus and its
questions, each checking the figures it reports (see test_bench.py)."""

from pathlib import Path

import pytest
from conftest import PROJECT, bench
from nsss.eval.bench import CHROMIUM

SEED_QA = str(PROJECT / "eval" / "seed_qa.jsonl")


@pytest.mark.slow
def test_serve_benchmark_times_the_start_and_what_the_app_adds_to_an_answer():
    r = bench("serve", "--corpus", "corpus", "--qa", SEED_QA, "--runs", "1", "--questions", "3")
    start = r["startup"]
    assert 0 < start["page_s"] <= start["first_answer_s"] and len(start["runs"]) == 1
    added = r["added"]
    assert added["api"]["n"] == added["in_process"]["n"] == 3
    assert added["ratio_p50"] > 0 and added["api"]["p50_ms"] >= added["api_server_side"]["p50_ms"]


@pytest.mark.slow
def test_serve_benchmark_times_a_start_on_an_empty_store_against_importing_gradio():
    r = bench("serve", "--empty", "--runs", "1")
    assert r["first_answer_s"] > r["import_gradio_s"] > 0 and len(r["runs"]) == 1
    assert r["ratio_to_import_gradio"] == round(r["first_answer_s"] / r["import_gradio_s"], 2)


@pytest.mark.slow
def test_memory_benchmark_reads_the_servers_peak_against_a_process_that_only_encodes():
    r = bench("memory", "--corpus", "corpus", "--qa", SEED_QA, "--questions", "2")
    assert r["peak_mb"] >= r["idle_rss_mb"] > 50 and r["model_only_peak_mb"] > 0
    assert r["ratio_to_model_only"] == round(r["peak_mb"] / r["model_only_peak_mb"], 2)


@pytest.mark.slow
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed")
def test_ui_benchmark_times_questions_asked_in_the_page_against_the_assistant(seed_store):
    r = bench("ui", "--store", str(seed_store.store), "--qa", SEED_QA, "--questions", "2")
    assert r["page"]["n"] == r["in_process"]["n"] == 2
    assert r["page"]["p50_ms"] > 0 and r["ratio_p50"] > 0
