"""eval/bench/scale.py's figure (retrieval at 100k chunks) is in eval/RESULTS.md: run it briefly so it cannot rot."""

import json
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def test_the_scale_benchmark_searches_stores_of_the_sizes_asked_with_the_real_index():
    """--quick builds stores of 300 and 1,000 chunks from the bundled corpus and times Index.search on each."""
    proc = subprocess.run(
        [sys.executable, "-m", "nsss.eval.bench.scale", "--quick", "--json"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=PROJECT,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
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
