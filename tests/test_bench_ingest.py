"""Ingestion's benchmarks (eval/bench/ingest.py, large.py), run briefly on the bundled corpus and generated
documents, each checking the figures it reports (see test_bench.py)."""

import pytest
from conftest import bench


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
