"""The answerability model is fitted by a script that must keep running: fit it briefly on a few questions."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from nsss.assistant.answerability import FEATURES, SIGNS
from nsss.assistant.weights import Answerability
from nsss.eval.fit_answerability import choose_threshold, fit
from nsss.eval.harness import load_questions

PROJECT = Path(__file__).resolve().parents[1]


def test_the_fit_keeps_each_weight_on_its_side_and_the_threshold_within_the_false_abstain_budget():
    rng = np.random.default_rng(0)
    y = np.array([1] * 80 + [0] * 40)
    x = rng.normal(size=(120, len(FEATURES)))
    cover = FEATURES.index("window_cover")
    x[:, cover] += 1.5 * y  # answerable questions are covered better
    x[:, FEATURES.index("own_cover")] -= 1.0 * y  # a misleading feature that should push the wrong way

    model = fit(x, y, "synthetic")

    for name, c in zip(model.features, model.coef, strict=True):
        assert SIGNS[name] == 0 or c * SIGNS[name] >= 0, f"{name} weighs {c} against its sign"
    assert model.coef[cover] > 0.5
    p = np.array([model.probability(dict(zip(FEATURES, row, strict=True))) for row in x])
    assert np.mean(p[y == 1] < model.threshold) <= 0.1
    assert choose_threshold(np.array([0.9, 0.8, 0.2, 0.1]), np.array([1, 1, 0, 0])) > 0.2


def test_the_question_vector_adds_what_the_features_miss_and_survives_a_save(tmp_path):
    """Questions of one kind (here: one direction of their vector) went unanswered though the evidence looked alike:
    the fitted model learns to doubt that kind, and a model read back from its file decides as the fitted one."""
    rng = np.random.default_rng(1)
    y = np.array([1] * 150 + [0] * 75)
    x = rng.normal(size=(len(y), len(FEATURES)))
    x[:, FEATURES.index("window_cover")] += 0.5 * y  # the evidence separates the two only weakly
    vectors = rng.normal(size=(len(y), 16))
    vectors[:, 3] += 2.0 * (1 - y)  # unanswerable questions lean one way
    vectors[:, 7] = 0.25  # a dimension that never varies weighs nothing and divides by nothing

    plain, both = fit(x, y, "features"), fit(x, y, "features and questions", vectors)

    assert plain.question_coef == () and len(both.question_coef) == 16
    assert both.question_coef[3] < 0 and both.question_coef[7] == 0
    assert both.extra["cv_abstain_recall"] > plain.extra["cv_abstain_recall"] + 0.2
    both.save(tmp_path / "model.json")
    again = Answerability.load(tmp_path / "model.json")
    for row, vector in zip(x[:20], vectors[:20], strict=True):
        values = dict(zip(FEATURES, row, strict=True))
        assert again.probability(values, list(vector)) == pytest.approx(both.probability(values, list(vector)))
    values = dict(zip(FEATURES, x[0], strict=True))
    assert again.probability(values) == again.probability(values, [0.0] * 3)  # no vector, or not its size: none


def test_split_keeps_one_half_of_the_development_set():
    tune = load_questions(PROJECT / "eval" / "dev_qa.jsonl", "tune")
    test = load_questions(PROJECT / "eval" / "dev_qa.jsonl", "test")

    assert {q.split for q in tune} == {"tune"} and {q.split for q in test} == {"test"}
    assert not {q.id for q in tune} & {q.id for q in test}


@pytest.mark.slow
def test_the_fit_script_runs_end_to_end_and_writes_a_model_the_assistant_reads(tmp_path, web_corpus):
    out = tmp_path / "answerability.json"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "nsss.eval.fit_answerability",
            "--limit",
            "4",
            "--out",
            str(out),
            "--store",
            str(tmp_path / "store"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=PROJECT,
        env={**os.environ, "NSSS_WEB_CORPUS": str(web_corpus)},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "fitted on" in proc.stdout
    model = Answerability.load(out)
    assert model.features == FEATURES and 0 < model.threshold < 1
    assert json.loads(out.read_text())["fitted_on"].startswith("dev_qa.jsonl (tune half)")
