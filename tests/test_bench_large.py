"""eval/bench/large.py runs (briefly here, so it cannot rot) and reports what eval/RESULTS.md quotes from it."""

import json
import subprocess
import sys

import pytest
from conftest import PROJECT


@pytest.mark.slow
def test_bench_large_measures_both_documents_against_the_model(cli_env):
    done = subprocess.run(
        [sys.executable, "-m", "nsss.eval.bench.large", "--pages", "4", "--paragraphs", "60", "--json"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=PROJECT,
        env=cli_env,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout.strip().splitlines()[-1])
    assert [r["document"] for r in results] == ["large-4-pages.pdf", "large-60-paragraphs.docx"]
    for r in results:
        assert r["chunks"] >= 4
        assert 0 < r["model_share"] <= 1 and r["ratio"] > 0
        assert r["pipeline_s"] > 0 and r["raw_encode_s"] > 0
