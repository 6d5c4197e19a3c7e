"""eval/bench/answer.py's figures (warm answers, cold start) are in eval/RESULTS.md: run it briefly so it cannot rot."""

import json
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def test_the_answer_benchmark_times_both_query_paths_in_turn_and_a_cold_start():
    proc = subprocess.run(
        [sys.executable, "-m", "nsss.eval.bench.answer", "--quick", "--json"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=PROJECT,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    warm, cold = result["warm"], result["cold"]
    assert warm["wall"]["n"] == warm["before_issue_12"]["n"] == result["questions"] == 8
    assert warm["encoder"] == "OnnxEmbedder"
    assert warm["ratio_p50_to_before"] > 0 and warm["answers_differing_from_before"] <= 1
    assert cold["runs"] == 1 and cold["median_s"]["nsss_ask"] > 0
