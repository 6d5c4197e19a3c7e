"""`nsss eval` end to end on the bundled corpus and the seed questions, as a user runs it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from nsss.eval.metrics import METRICS

PROJECT = Path(__file__).resolve().parents[1]
SEED = PROJECT / "eval" / "seed_qa.jsonl"
SYSTEMS = ("assistant", "bm25", "dense", "llamaindex-default")


def nsss(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nsss.cli", *args], capture_output=True, text=True, cwd=PROJECT, timeout=timeout
    )


@pytest.fixture(scope="module")
def seed_eval(tmp_path_factory):
    """Run the whole evaluation once: every system on the seed questions, with a report."""
    report = tmp_path_factory.mktemp("report")
    done = nsss("eval", str(SEED), "--report", str(report), "--json")
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1]), report, done


@pytest.mark.slow
def test_json_last_line_has_every_system_with_every_metric(seed_eval):
    result, _, _ = seed_eval
    assert tuple(result["systems"]) == SYSTEMS
    for name, metrics in result["systems"].items():
        assert set(METRICS) <= set(metrics), name
        for metric in METRICS:
            assert isinstance(metrics[metric], int | float), (name, metric, metrics[metric])
    assert result["questions"] == 40 and result["answerable"] == 36


@pytest.mark.slow
def test_scores_are_sane_on_the_seed_set(seed_eval):
    systems = seed_eval[0]["systems"]
    assistant = systems["assistant"]
    assert assistant["R@5"] >= 0.8
    assert assistant["quote_exact"] == 1.0  # every quote is cut from its document
    assert assistant["false_abstain"] <= 0.25
    assert systems["bm25"]["R@5"] >= 0.9  # the seed questions share many words with their sources
    for name in ("bm25", "dense", "llamaindex-default"):
        assert systems[name]["abstain_recall"] == 0.0 and systems[name]["false_abstain"] == 0.0, name
        assert systems[name]["quote_exact"] == 1.0, name  # their quotes are the passages themselves
    for name, metrics in systems.items():
        assert 0 < metrics["p50_ms"] <= metrics["p95_ms"], name
        assert metrics["R@1"] <= metrics["R@5"] and metrics["R@1"] <= metrics["MRR"] <= metrics["R@5"], name


@pytest.mark.slow
def test_by_type_breakdown_covers_every_question_type(seed_eval):
    result = seed_eval[0]
    assert result["types"] == {"lookup": 20, "list": 9, "paraphrase": 5, "multi-doc": 2, "unanswerable": 4}
    assert set(result["by_type"]) == set(result["types"])
    unanswerable = result["by_type"]["unanswerable"]["bm25"]
    assert unanswerable["R@5"] is None and unanswerable["abstain_recall"] == 0.0


@pytest.mark.slow
def test_report_has_tables_plots_and_per_question_rows(seed_eval):
    _, report, _ = seed_eval
    page = (report / "report.md").read_text(encoding="utf-8")
    assert "nsss eval" in page and "seed_qa.jsonl" in page
    for name in SYSTEMS:
        assert f"| {name} |" in page
    assert "### unanswerable (4 questions)" in page
    for png in ("metrics.png", "latency.png"):
        data = (report / png).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000, png
    rows = [json.loads(line) for line in (report / "per_question.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows][:2] == ["s001", "s002"] and len(rows) == 40
    assert all(set(SYSTEMS) <= set(r) for r in rows)
    size = sum(p.stat().st_size for p in report.iterdir())
    assert size < 1_000_000, f"report folder is {size} bytes"


@pytest.mark.slow
def test_progress_goes_to_stderr_and_only_json_to_stdout(seed_eval):
    _, _, done = seed_eval
    assert "Evaluating" in done.stderr
    json.loads(done.stdout.strip().splitlines()[-1])


def test_unknown_system_is_named_with_the_choices(tmp_path):
    done = nsss("eval", str(SEED), "--systems", "bm25,gpt", "--store", str(tmp_path / "store"))
    assert done.returncode == 2
    assert "unknown system(s) gpt" in done.stderr and "llamaindex-default" in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_question_set_is_reported_by_name(tmp_path):
    done = nsss("eval", str(tmp_path / "nope.jsonl"), "--store", str(tmp_path / "store"))
    assert done.returncode != 0
    assert "nope.jsonl: question set not found" in done.stderr and "Traceback" not in done.stderr


def test_a_question_set_that_is_not_json_lines_names_the_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "question": "q?", "answer": "x"}\nnot json\n', encoding="utf-8")
    done = nsss("eval", str(bad), "--store", str(tmp_path / "store"))
    assert done.returncode != 0
    assert "bad.jsonl line 2: not a question record" in done.stderr
