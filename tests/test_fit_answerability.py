"""The answerability model is fitted by a script that must keep running: fit it briefly on a few questions."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from nsss.assistant.answerability import FEATURES, SIGNS
from nsss.assistant.weights import WEIGHTS, Answerability
from nsss.eval.fit_answerability import _boost, choose_threshold, export, fit, load_features, main, save_features
from nsss.eval.harness import load_questions

PROJECT = Path(__file__).resolve().parents[1]


def test_the_fit_keeps_the_model_monotone_in_each_signed_feature_and_the_threshold_within_the_budget():
    rng = np.random.default_rng(0)
    y = np.array([1] * 400 + [0] * 200)
    x = rng.normal(size=(600, len(FEATURES)))
    missing = FEATURES.index("window_missing")
    x[:, missing] -= 1.5 * y  # answerable questions miss fewer of their words
    x[:, FEATURES.index("slot_filled")] -= 1.0 * y  # a misleading feature that pushes the wrong way

    model = fit(x, y, "synthetic")

    p = np.array([model.probability(dict(zip(FEATURES, row, strict=True))) for row in x])
    assert p[y == 1].mean() > p[y == 0].mean() + 0.2
    assert np.mean(p[y == 1] < model.threshold) <= 0.1
    for name, sign in SIGNS.items():  # more of what is asked found never argues for declining
        i = FEATURES.index(name)
        for row in x[:60]:
            low, high = row.copy(), row.copy()
            high[i] += 2.0
            p_low = model.probability(dict(zip(FEATURES, low, strict=True)))
            p_high = model.probability(dict(zip(FEATURES, high, strict=True)))
            assert (p_high - p_low) * sign >= -1e-12, f"{name} pushes against its sign"
    assert choose_threshold(np.array([0.9, 0.8, 0.2, 0.1]), np.array([1, 1, 0, 0])) > 0.2


def test_the_trees_written_out_give_scikit_learns_probabilities_and_survive_a_save(tmp_path):
    """The model is walked by assistant/weights.py, not by scikit-learn: its trees, read from attributes scikit-learn
    does not document, must give the same probabilities, before and after the file round trip."""
    rng = np.random.default_rng(3)
    y = np.array([1] * 300 + [0] * 200)
    x = rng.normal(size=(500, len(FEATURES)))
    x[:, FEATURES.index("window_missing")] -= 1.2 * y
    x[:, FEATURES.index("lead_dense")] += 0.8 * y * (x[:, FEATURES.index("bangla")] > 0)

    trees = _boost(x, y)
    baseline, exported = export(trees)
    model = Answerability(features=FEATURES, trees=exported, threshold=0.5, baseline=baseline)
    model.save(tmp_path / "model.json")
    again = Answerability.load(tmp_path / "model.json")

    expected = trees.predict_proba(x)[:, 1]
    for m in (model, again):
        got = np.array([m.probability(dict(zip(FEATURES, row, strict=True))) for row in x])
        assert np.abs(got - expected).max() < 1e-9


def test_answerable_questions_whose_answer_was_not_retrieved_count_against_the_threshold_but_are_not_fitted():
    rng = np.random.default_rng(1)
    y = np.array([1] * 400 + [0] * 200)
    x = rng.normal(size=(600, len(FEATURES)))
    x[:, FEATURES.index("window_missing")] -= 1.5 * y
    unfound = rng.normal(size=(50, len(FEATURES)))
    unfound[:, FEATURES.index("window_missing")] += 1.0  # nothing found: they look like the unanswerable ones

    alone, counted = fit(x, y, "synthetic"), fit(x, y, "synthetic", unfound)

    assert counted.trees == alone.trees  # the features of a miss say nothing about answerability
    assert counted.threshold < alone.threshold  # declining them spends the budget: decline less of the rest
    assert counted.extra["unfound"] == 50
    assert counted.extra["cv_false_abstain"] <= 0.05


def test_each_language_gets_its_own_threshold_each_within_the_budget_on_its_own_questions(tmp_path):
    """Questions asked in Bangla are read across languages and their evidence separates less well: one pooled
    threshold declines their answerable questions more often than the budget allows. Each language gets its own."""
    rng = np.random.default_rng(2)
    y = np.array(([1] * 160 + [0] * 80) * 2)
    x = rng.normal(size=(480, len(FEATURES)))
    bangla = np.array([0.0] * 240 + [1.0] * 240)
    x[:, FEATURES.index("bangla")] = bangla
    x[:, FEATURES.index("window_cover")] += np.where(bangla > 0, 0.8, 2.0) * y

    model = fit(x, y, "synthetic")

    assert model.threshold_bn is not None and model.threshold_bn != model.threshold
    assert model.extra["cv_en_false_abstain"] <= 0.05 and model.extra["cv_bn_false_abstain"] <= 0.05
    assert model.extra["cv_bn_abstain_recall"] < model.extra["cv_en_abstain_recall"]
    english, bengali = dict(zip(FEATURES, x[0], strict=True)), dict(zip(FEATURES, x[-1], strict=True))
    assert model.threshold_for(english) == model.threshold and model.threshold_for(bengali) == model.threshold_bn
    model.save(tmp_path / "model.json")
    assert Answerability.load(tmp_path / "model.json").threshold_bn == model.threshold_bn


def test_a_model_fitted_before_the_bangla_threshold_uses_its_one_threshold_for_all(tmp_path):
    data = json.loads((PROJECT / "assistant" / "answerability.json").read_text())
    data.pop("threshold_bn")
    (tmp_path / "old.json").write_text(json.dumps(data))

    old = Answerability.load(tmp_path / "old.json")

    assert old.threshold_bn is None and old.threshold_for({"bangla": 1.0}) == old.threshold


def test_a_model_records_the_sentence_weights_its_lead_scores_were_measured_on(tmp_path, capsys):
    """The model's lead_score reads the lead sentence's score: a fit writes today's sentence weights beside the trees
    (the assistant judges on them), and features measured on other weights are refused, not fitted."""
    rng = np.random.default_rng(5)
    y = np.array([1] * 150 + [0] * 90)
    x = rng.normal(size=(240, len(FEATURES)))
    x[:, FEATURES.index("window_missing")] -= 1.5 * y
    sets = [f"set{i % 6}_qa.jsonl" for i in range(240)]

    model = fit(x, y, "synthetic")
    model.save(tmp_path / "m.json")
    assert model.lead_weights == WEIGHTS.sentence == Answerability.load(tmp_path / "m.json").lead_weights

    # A model file written before the weights were kept was fitted on session 37's (0.45, 0.3, 0.15).
    data = json.loads((tmp_path / "m.json").read_text())
    (tmp_path / "old.json").write_text(json.dumps({k: v for k, v in data.items() if k != "lead_weights"}))
    assert Answerability.load(tmp_path / "old.json").lead_weights == (0.45, 0.3, 0.15)
    (tmp_path / "bad.json").write_text(json.dumps({**data, "lead_weights": [0.4, 0.3]}))
    with pytest.raises(ValueError, match=r"bad\.json: 'lead_weights' must be three numbers"):
        Answerability.load(tmp_path / "bad.json")

    other = tmp_path / "other.npz"
    np.savez_compressed(
        other,
        features=np.array(FEATURES),
        lead_weights=np.array([0.5, 0.25, 0.25]),
        x=x,
        y=y,
        ids=np.array([f"q{i}" for i in range(240)]),
        sets=np.array(sets),
        unfound=x[:0],
    )
    capsys.readouterr()
    assert main(["--features", str(other), "--out", str(tmp_path / "o.json")]) == 1
    err = capsys.readouterr().err
    assert str(other) in err and "sentence weights (0.5, 0.25, 0.25)" in err and "answer the questions again" in err
    assert not (tmp_path / "o.json").exists()


def test_a_model_file_of_the_old_logistic_kind_is_refused_with_the_file_and_what_to_run(tmp_path):
    old = tmp_path / "answerability.json"
    old.write_text(
        json.dumps({"features": list(FEATURES), "coef": [0.0] * len(FEATURES), "intercept": 0.0, "threshold": 0.3})
    )

    with pytest.raises(ValueError, match=r"answerability\.json: no 'trees'.*fit_answerability"):
        Answerability.load(old)


def test_kept_features_fit_again_to_the_same_model_and_a_file_of_other_features_is_refused(tmp_path, capsys):
    rng = np.random.default_rng(7)
    y = np.array([1] * 150 + [0] * 90)
    x = rng.normal(size=(240, len(FEATURES)))
    x[:, FEATURES.index("window_missing")] -= 1.5 * y
    ids = [f"q{i}" for i in range(240)]
    sets = [f"set{i % 6}_qa.jsonl" for i in range(240)]
    save_features(tmp_path / "f.npz", x, y, ids, sets, np.zeros((3, len(FEATURES))))

    assert main(["--features", str(tmp_path / "f.npz"), "--out", str(tmp_path / "a.json")]) == 0
    assert main(["--features", str(tmp_path / "f.npz"), "--out", str(tmp_path / "b.json")]) == 0
    assert (tmp_path / "a.json").read_text() == (tmp_path / "b.json").read_text()
    model = Answerability.load(tmp_path / "a.json")
    assert model.extra["cv"] == "by question set" and model.extra["unfound"] == 3
    assert json.loads((tmp_path / "a.json").read_text())["fitted_on"].startswith("set0_qa.jsonl, set1_qa.jsonl")
    assert model.extra["max_false_abstain"] == 0.05
    assert (
        main(["--features", str(tmp_path / "f.npz"), "--max-false-abstain", "0.02", "--out", str(tmp_path / "d.json")])
        == 0
    )
    strict = Answerability.load(tmp_path / "d.json")
    assert strict.extra["max_false_abstain"] == 0.02 and strict.extra["cv_false_abstain"] <= 0.02
    assert strict.threshold <= model.threshold

    # Judged against a model fitted on two of the six sets: on the four it never saw, each model's AUC.
    partial = json.loads((tmp_path / "a.json").read_text())
    (tmp_path / "two.json").write_text(json.dumps({**partial, "fitted_on": "set0_qa.jsonl, set1_qa.jsonl"}))
    capsys.readouterr()
    assert (
        main(
            [
                "--features",
                str(tmp_path / "f.npz"),
                "--compare",
                str(tmp_path / "two.json"),
                "--out",
                str(tmp_path / "e.json"),
            ]
        )
        == 0
    )
    said = capsys.readouterr().out
    assert "compared model at its own thresholds, English" in said
    assert "on 160 questions of 4 sets the compared model never saw" in said and "compared AUC" in said
    assert (
        main(
            [
                "--features",
                str(tmp_path / "f.npz"),
                "--compare",
                str(tmp_path / "a.json"),
                "--out",
                str(tmp_path / "e.json"),
            ]
        )
        == 0
    )
    assert "no question set the compared model was not fitted on" in capsys.readouterr().out
    assert (
        main(
            [
                "--features",
                str(tmp_path / "f.npz"),
                "--compare",
                str(tmp_path / "junk.json"),
                "--out",
                str(tmp_path / "g.json"),
            ]
        )
        == 1
    )
    assert "junk.json" in capsys.readouterr().err and not (tmp_path / "g.json").exists()

    old = tmp_path / "old.npz"
    np.savez_compressed(old, features=np.array(FEATURES[:-1]), x=x[:, :-1], y=y, ids=ids, sets=sets, unfound=x[:0])
    (tmp_path / "junk.npz").write_text("not a features file")
    capsys.readouterr()
    for bad, why in ((old, "are not today's"), (tmp_path / "junk.npz", "not a features file")):
        assert main(["--features", str(bad), "--out", str(tmp_path / "c.json")]) == 1
        err = capsys.readouterr().err
        assert str(bad) in err and why in err
    assert not (tmp_path / "c.json").exists()
    with pytest.raises(ValueError, match="no ids"):
        np.savez_compressed(tmp_path / "part.npz", features=np.array(FEATURES), x=x, y=y)
        load_features(tmp_path / "part.npz")


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
            "--jobs",
            "2",
            "--save-features",
            str(tmp_path / "features.npz"),
            "--by-set",
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
    assert "each set judged by a fit without it" in proc.stdout and "holdout_qa.jsonl" in proc.stdout
    model = Answerability.load(out)
    assert model.features == FEATURES and 0 < model.threshold < 1
    assert json.loads(out.read_text())["fitted_on"].startswith("dev_qa.jsonl (tune half)")
    # Answered in two processes, the sets' rows are kept in the one-process order; fitted again, the same model.
    kept = np.load(tmp_path / "features.npz")
    assert kept["sets"][0] == "dev_qa.jsonl (tune)" and list(dict.fromkeys(kept["sets"]))[1] == "web_qa.jsonl"
    assert main(["--features", str(tmp_path / "features.npz"), "--out", str(tmp_path / "again.json")]) == 0
    assert (tmp_path / "again.json").read_text() == out.read_text()
