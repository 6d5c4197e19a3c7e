"""Cross-validate answerability models on collected features (session 25; scratch, kept on branch i25gb).

    python collect.py FEATURE_DIR SET...          # the answers main gives: features per question, as fit does
    python compare.py FEATURE_DIR RUNS_PREFIX     # RUNS_PREFIX-<set>/per_question.jsonl give each question's first document

Prints unanswerables declined at 5% and 8% of answerables declined, English and Bangla, with five folds by question
set and five folds by first-retrieved document.
"""

import glob
import json
import os
import sys
from pathlib import Path

import numpy as np
from nsss.assistant.answerability import FEATURES
from nsss.eval import fit_answerability as fa
from sklearn.ensemble import HistGradientBoostingClassifier

folder, runs = sys.argv[1], sys.argv[2]
R = [r for f in sorted(glob.glob(f"{folder}/*.json")) for r in json.loads(Path(f).read_text()) if not r["unfound"]]
cache = {}


def first_doc(r):
    s = r["set"].split(" ")[0].replace("_qa.jsonl", "")
    lab = s.replace("holdout", "") if s.startswith("holdout") and s != "holdout" else s
    if lab not in cache:
        f = f"{runs}-{lab}/per_question.jsonl"
        cache[lab] = (
            {json.loads(row)["id"]: json.loads(row)["assistant"]["sources"] for row in Path(f).read_text().splitlines()}
            if os.path.exists(f)
            else {}
        )
    src = cache[lab].get(r["id"])
    return src[0] if src else None


X = np.array([r["values"] for r in R])
y = np.array([int(r["answerable"]) for r in R])
bn = X[:, FEATURES.index("bangla")] > 0.5


def folds(keys, seed):
    u = sorted(set(keys))
    rng = np.random.RandomState(seed)
    rng.shuffle(u)
    f = {k: i % 5 for i, k in enumerate(u)}
    return np.array([f[k] for k in keys])


def cv(make, g, keep):
    p = np.full(len(y), np.nan)
    for k in range(5):
        tr, te = keep & (g != k), keep & (g == k)
        p[te] = make(X[tr], y[tr], X[te])
    return p


def at(p, mask, rate):
    pa = np.sort(p[mask & (y == 1)])
    t = pa[int(rate * len(pa))]
    return np.mean(p[mask & (y == 0)] < t)


def lin(a, b, c):
    m, s = a.mean(0), a.std(0)
    s[s == 0] = 1
    w, i = fa._logistic((a - m) / s, b)
    return fa._sigmoid(((c - m) / s) @ w + i)


def trees(**kw):
    return lambda a, b, c: (
        HistGradientBoostingClassifier(learning_rate=0.05, class_weight="balanced", random_state=0, **kw)
        .fit(a, b)
        .predict_proba(c)[:, 1]
    )


signs_all = {f: v for f, v in fa.SIGNS.items()}
eight = {
    "window_missing": -1,
    "asked_missing": -1,
    "slot_missing": -1,
    "unit_missing": -1,
    "figures_ok": 1,
    "kind_filled": 1,
    "slot_filled": 1,
    "section_found": 1,
}
MODELS = {
    "logistic (shipped code)": lin,
    "trees depth 4, 200, free": trees(max_depth=4, max_iter=200),
    "trees depth 5, leaf 50, free": trees(max_depth=5, max_iter=200, min_samples_leaf=50),
    "same, monotone in 8": trees(
        max_depth=5, max_iter=200, min_samples_leaf=50, monotonic_cst=[eight.get(f, 0) for f in FEATURES]
    ),
}
docs = [first_doc(r) for r in R]
keep = np.array([d is not None for d in docs])
by_set = folds([r["set"] for r in R], 0)
by_doc = folds([d or "" for d in docs], 1)
print(
    f"{len(R)} questions, {keep.sum()} with a first document; monotone-in-all uses the SIGNS of the checkout ({len(signs_all)} features)"
)
MODELS["same, monotone in SIGNS"] = trees(
    max_depth=5, max_iter=200, min_samples_leaf=50, monotonic_cst=[signs_all.get(f, 0) for f in FEATURES]
)
for name, make in MODELS.items():
    ps, pd = cv(make, by_set, keep), cv(make, by_doc, keep)
    print(
        f"{name:30} by set: en {at(ps, keep & ~bn, 0.05):.3f} bn {at(ps, keep & bn, 0.05):.3f} | by document: en {at(pd, keep & ~bn, 0.05):.3f}/{at(pd, keep & ~bn, 0.08):.3f} bn {at(pd, keep & bn, 0.05):.3f}/{at(pd, keep & bn, 0.08):.3f}",
        flush=True,
    )
