"""Every benchmark whose figures are in eval/RESULTS.md (eval/bench/) is run briefly, so none can rot: on the bundled
corpus and its own questions where the benchmark takes them, each checking the figures it reports. Here the query
path's (answer, conversation, scale); the server's are in test_bench_serve.py, ingestion's in test_bench_ingest.py
(three files, so that the suite's two workers share them)."""

from conftest import bench


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


def test_the_scale_benchmark_searches_stores_of_the_sizes_asked_with_the_real_index():
    """--quick builds stores of 300 and 1,000 chunks from the bundled corpus and times Index.search on each."""
    result = bench("scale", "--quick")
    assert [row["chunks"] for row in result["sizes"]] == [300, 1000]
    for row in result["sizes"]:
        assert row["search"]["n"] == result["questions"] * result["passes"] == 20
        assert 0 < row["search"]["p50_ms"] <= row["search"]["p95_ms"]
        assert row["hits_with_dense_score"] > 0  # the dense half of the fusion found chunks of the copied store
        assert row["open_s"] > 0 and row["dense_exact"]["p50_ms"] > 0 and row["dense_chroma_query"]["p50_ms"] > 0
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


def test_the_share_benchmark_times_one_function_inside_the_answers():
    """--quick answers four questions (two of them a conversation) over the bundled corpus with the function that
    bridges a Bangla count to English timed inside the answers (eval/RESULTS.md, session 27)."""
    result = bench("share", "answer.bridge_counted", "--quick")

    assert result["questions"] == 4 and result["function"] == "answer.bridge_counted"
    assert result["calls"] >= 4 and result["total_s"] > 0 and 0 < result["share"] < 0.5
