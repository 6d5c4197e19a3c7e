"""Every benchmark whose figures are in eval/RESULTS.md (eval/bench/) is run here briefly, so none can rot: on the
bundled corpus and its own questions where the benchmark takes them, each checking the figures it reports."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT
from nsss.eval.bench import CHROMIUM

SEED_QA = str(PROJECT / "eval" / "seed_qa.jsonl")


def bench(name: str, *args: str, env: dict | None = None):
    """Run `python -m nsss.eval.bench.NAME ARGS --json` and return the object on its last line."""
    proc = subprocess.run(
        [sys.executable, "-m", f"nsss.eval.bench.{name}", *args, "--json"],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=PROJECT,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_the_answer_benchmark_times_both_query_paths_in_turn_and_a_cold_start():
    result = bench("answer", "--quick")
    warm, cold = result["warm"], result["cold"]
    assert warm["wall"]["n"] == warm["before_issue_12"]["n"] == result["questions"] == 8
    assert warm["encoder"] == "OnnxEmbedder"
    assert warm["ratio_p50_to_before"] > 0 and warm["answers_differing_from_before"] <= 1
    assert warm["sentences_encoded_per_question"]["n"] == 8
    assert warm["subject_check"]["n"] == 8 and 0 < warm["ratio_subject_check_to_answer_p50"] < 1
    assert cold["runs"] == 1 and cold["median_s"]["nsss_ask"] > 0


def test_the_conversation_benchmark_times_later_turns_with_the_topic_reading_on_and_off():
    result = bench("conversation", "--quick")

    assert result["questions"] == 4 and result["later_turns"] == 3
    assert result["on_later"]["n"] == result["off_later"]["n"] == 3 and result["on"]["n"] == 4
    assert result["on_later"]["p50_ms"] > 0 and result["off_later"]["p50_ms"] > 0 and result["ratio_later_p50"] > 0
    assert 0 <= result["answers_differing"] <= 4


def test_the_ingestion_benchmark_times_the_model_inside_the_pipeline():
    (row,) = bench("ingest", "corpus", "--repeat", "1")
    assert row["chunks"] > 0 and row["raw_encode_s"] > 0
    assert 0 < row["pipeline_model_s"] <= row["pipeline_s"] and 0 < row["model_share"] <= 1
    assert row["texts_encoded"] == row["chunks"] and row["encoder_speed_over_pytorch"] > 0  # passages only
    assert row["sentences"] > row["chunks"] and row["sentence_fill_s"] > 0


def test_the_ingestion_benchmark_times_all_but_the_model():
    rows = bench("ingest", "corpus", "--repeat", "2", "--without-model")
    assert [r["cold"] for r in rows] == [True, False]
    for r in rows:
        assert r["chunks"] > 0 and r["wall_s"] > 0 and r["cpu_s"] > 0


@pytest.mark.slow
def test_bench_large_measures_both_documents_against_the_model(cli_env):
    results = bench("large", "--pages", "4", "--paragraphs", "60", env=cli_env)
    assert [r["document"] for r in results] == ["large-4-pages.pdf", "large-60-paragraphs.docx"]
    for r in results:
        assert r["chunks"] >= 4
        assert 0 < r["model_share"] <= 1 and r["ratio"] > 0
        assert r["pipeline_s"] > 0 and r["raw_encode_s"] > 0


def test_the_scale_benchmark_searches_stores_of_the_sizes_asked_with_the_real_index():
    """--quick builds stores of 300 and 1,000 chunks from the bundled corpus and times Index.search on each."""
    result = bench("scale", "--quick")
    assert [row["chunks"] for row in result["sizes"]] == [300, 1000]
    for row in result["sizes"]:
        assert row["search"]["n"] == result["questions"] * result["passes"] == 20
        assert 0 < row["search"]["p50_ms"] <= row["search"]["p95_ms"]
        assert row["hits_with_dense_score"] > 0  # the dense half of the fusion found chunks of the copied store
    assert result["sizes"][0]["ratio_p50"] == 1.0


def test_copies_keep_real_sentences_and_differ_from_each_other():
    """Copies of a chunk are made of its own sentences and one borrowed from another chunk, not one repeated text."""
    import numpy as np
    from nsss.eval.bench.scale import copies

    real = {
        "ids": ["a", "b"],
        "embeddings": [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]],
        "documents": ["The committee met in Dhaka. It chose a chair. It set a date.", "Allowances rose in 2023."],
        "metadatas": [{"doc_key": "x"}, {"doc_key": "y"}],
    }
    ((ids, vectors, texts, metas),) = list(copies(real, 6))
    assert ids == ["a-0", "b-0", "a-1", "b-1", "a-2", "b-2"]
    assert texts[0] == real["documents"][0] and texts[1] == real["documents"][1]
    assert texts[2] != texts[4] and "It chose a chair." in texts[2]
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0) and vectors[2] @ vectors[0] > 0.98
    assert metas[3] == {"doc_key": "y"}


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
