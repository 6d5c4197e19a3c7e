"""eval/bench/ingest.py's figure is in eval/RESULTS.md: run it briefly so it cannot rot."""

import json
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def test_the_ingestion_benchmark_runs_and_times_the_model_inside_the_pipeline():
    """eval/bench/ingest.py's figure is in RESULTS.md: run it briefly so it cannot rot."""
    proc = subprocess.run(
        [sys.executable, "-m", "nsss.eval.bench.ingest", "corpus", "--repeat", "1", "--json"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=PROJECT,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (row,) = json.loads(proc.stdout.strip().splitlines()[-1])
    assert row["chunks"] > 0 and row["raw_encode_s"] > 0
    assert 0 < row["pipeline_model_s"] <= row["pipeline_s"] and 0 < row["model_share"] <= 1
    assert row["sentences"] > row["chunks"] and row["encoder_speed_over_pytorch"] > 0
