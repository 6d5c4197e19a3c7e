"""Fit the subject model (assistant/domain.py): is a question about the documents' subject at all? Training data only.

    python -m nsss.eval.fit_domain                  # rewrites assistant/domain.json, prints the held-out figures
    python -m nsss.eval.fit_domain --out /tmp/d.json

On the subject: every question of the training sets, answerable or not (near misses are on the subject: the
answerability model declines them, not this one), conversation turns included. On another subject: the training
sets' off-topic questions ("type": "unanswerable" without "near_sources"), `eval/offtopic_qa.jsonl` and
`eval/offdomain_train.jsonl` (400 questions on other subjects, written for fitting); and beside the training sets,
`eval/onsubject_train.jsonl` (400 on the subject written for fitting, 300 in Bangla: the training sets hold few Bangla
questions), and 500 more in Bangla written for fitting (`eval/offdomain_bn_train.jsonl`, 300 on other subjects;
`eval/onsubject_bn_train.jsonl`, 200 on it). And the held-out sets once used for choosing, holdout7 up to FIRST_KEPT
(about 11,000 questions in Bangla). Never the test half nor the held-out sets kept for scoring.

The thresholds are chosen on held-out probabilities, each set (each writer) predicted by a model fitted without it (ten
folds of whole sets): for each language, the lowest at which at most MAX_ON_SUBJECT_DECLINED of its questions on the
subject that the assistant lets the model judge (not those naming the field's programmes) are judged off it. The
figures printed are those held-out ones, per set and per language.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from nsss.assistant.domain import BANGLA, DOMAIN_FILE, Domain, char_ngrams, field_features, names_field
from nsss.core.settings import PROJECT_ROOT, go_offline

MAX_ON_SUBJECT_DECLINED = 0.01
# Held-out sets numbered from this one on are never fitted on: they score the model (eval/RESULTS.md, session 28).
FIRST_KEPT = 216
# The held-out probabilities come from this many folds of whole sets (each set, each writer, predicted by a model
# fitted without it): one fit for each of two hundred sets would take most of an hour, ten take three minutes here.
FOLDS = 10
C = 10.0  # the inverse L2 penalty (scikit-learn's C); 1, 3 and 10 compared by this command's held-out figures
EVAL = PROJECT_ROOT / "eval"
# (file, the half of it to read, how its questions are labelled): "own" reads each question's own marks (an
# unanswerable one without near_sources is off the subject); "on" and "off" label the whole file.
SETS = (
    (EVAL / "dev_qa.jsonl", "tune", "own"),
    (EVAL / "web_qa.jsonl", None, "on"),  # its unanswerables carry no near_sources but are near misses
    (EVAL / "seed_qa.jsonl", None, "on"),
    (EVAL / "crosslang_qa.jsonl", None, "on"),
    (EVAL / "train_qa.jsonl", None, "own"),
    (EVAL / "train2_qa.jsonl", None, "own"),
    (EVAL / "holdout_qa.jsonl", None, "own"),
    (EVAL / "holdout3_qa.jsonl", None, "own"),
    # Held-out sets once scored for their end rows, fitted on without being read (as fit_answerability does).
    (EVAL / "holdout2_qa.jsonl", None, "own"),
    (EVAL / "holdout4_qa.jsonl", None, "own"),
    (EVAL / "holdout5_qa.jsonl", None, "own"),
    (EVAL / "holdout6_qa.jsonl", None, "own"),
    (EVAL / "train3_qa.jsonl", None, "own"),
    (EVAL / "train4_qa.jsonl", None, "own"),
    (EVAL / "offtopic_qa.jsonl", None, "off"),
    (EVAL / "offdomain_train.jsonl", None, "off"),
    (EVAL / "onsubject_train.jsonl", None, "on"),  # 400 written for fitting, 300 in Bangla
    # Written for fitting in session 20, all in Bangla: 300 on other subjects as people type them (44 sharing a word
    # with the field: a salary's ভাতা, a bank's loan), 200 on the subject (30 short ones naming a programme).
    (EVAL / "offdomain_bn_train.jsonl", None, "off"),
    (EVAL / "onsubject_bn_train.jsonl", None, "on"),
    # Every held-out set once scored and used for choosing (eval/RESULTS.md says when each was), each written by
    # another outsider from eval/question_set_brief.md: thousands more questions on the subject, in Bangla as people
    # type it among them, and eight on other subjects in each. Those from FIRST_KEPT on are kept for scoring.
    *((EVAL / f"holdout{n}_qa.jsonl", None, "own") for n in range(7, FIRST_KEPT)),
)


def read_sets(sets=SETS) -> tuple[list[str], np.ndarray, list[str]]:
    """Return the questions, their labels (1: on another subject) and the name of the set each comes from."""
    texts, labels, groups = [], [], []
    for path, half, how in sets:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                question = row["question"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise SystemExit(f"{path}:{n}: not a question record ({exc})") from None
            if half and row.get("split") != half:
                continue
            if how == "own":
                off = (
                    not row.get("answerable", True)
                    and row.get("type") == "unanswerable"
                    and not row.get("near_sources")
                )
            else:
                off = how == "off"
            texts.append(question)
            labels.append(int(off))
            groups.append(Path(path).stem)
    return texts, np.array(labels), groups


def _as_given(grams: list[str]) -> list[str]:
    """The n-grams of a question, worked out once (`read_features`) rather than once a fold."""
    return grams


def read_features(texts: list[str]) -> tuple[list[list[str]], np.ndarray]:
    """Return each question's character n-grams and field features, the same in every fold."""
    return [char_ngrams(t) for t in texts], np.array([field_features(t) for t in texts])


def fit_model(
    texts: list[str],
    y: np.ndarray,
    vectors: np.ndarray,
    model: str,
    c: float = C,
    given: tuple[list[list[str]], np.ndarray] | None = None,
):
    """Fit the logistic model on n-gram tf-idf, sentence vectors and field features; return it (threshold 0.5 until
    chosen). `given` is `read_features(texts)` when the caller has it already."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    grams_of, field = given or read_features(texts)
    tfidf = TfidfVectorizer(analyzer=_as_given, min_df=2, sublinear_tf=True)
    grams = tfidf.fit_transform(grams_of)
    x = hstack([grams, csr_matrix(vectors), csr_matrix(field)]).tocsr()
    fitted = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x, y)
    coef = fitted.coef_[0]
    n = grams.shape[1]
    names = tfidf.get_feature_names_out()
    ngrams = {str(g): (float(tfidf.idf_[j]), float(coef[j])) for j, g in enumerate(names)}
    return Domain(
        ngrams=ngrams,
        vector_coef=tuple(float(v) for v in coef[n : n + vectors.shape[1]]),
        field_coef=tuple(float(v) for v in coef[n + vectors.shape[1] :]),
        model=model,
        intercept=float(fitted.intercept_[0]),
        threshold=0.5,
    )


def held_out(
    texts: list[str],
    y: np.ndarray,
    vectors: np.ndarray,
    groups: list[str],
    model: str,
    c: float = C,
    given: tuple[list[list[str]], np.ndarray] | None = None,
):
    """Return each question's probability from a model fitted without its set."""
    p = np.zeros(len(y))
    grams_of, field = given or read_features(texts)
    order = list(dict.fromkeys(groups))
    fold_of = {name: i % FOLDS for i, name in enumerate(order)}
    for fold_n in range(min(FOLDS, len(order))):
        out = np.array([fold_of[g] == fold_n for g in groups])
        keep = np.where(~out)[0]
        fold = ([grams_of[i] for i in keep], field[keep])
        domain = fit_model([texts[i] for i in keep], y[keep], vectors[keep], model, c, fold)
        for i in np.where(out)[0]:
            p[i] = domain.probability(texts[i], vectors[i])
    return p


def choose_threshold(p: np.ndarray, y: np.ndarray, budget: float = MAX_ON_SUBJECT_DECLINED) -> float:
    """The lowest threshold judging at most `budget` of the questions on the subject off it."""
    on = np.sort(p[y == 0])[::-1]
    allowed = int(np.floor(budget * len(on)))
    return float(on[allowed]) + 1e-6 if allowed < len(on) else 0.5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nsss.eval.fit_domain", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DOMAIN_FILE, help="where to write the model")
    parser.add_argument("--c", type=float, default=C, help="inverse L2 penalty")
    args = parser.parse_args(argv)
    go_offline()
    from nsss.index.embed import load_embedder

    texts, y, groups = read_sets()
    embedder = load_embedder()
    vectors = np.array(embedder.embed(texts), dtype=float)
    given = read_features(texts)
    p = held_out(texts, y, vectors, groups, embedder.slug, args.c, given)
    # As the assistant judges: never a question naming the field's programmes (domain.names_field); each language its
    # own threshold, its budget a share of the questions of that language the model judges.
    bangla = np.array([bool(BANGLA.search(t)) for t in texts])
    asked = ~np.array([names_field(t) for t in texts])
    thresholds = {
        lang: choose_threshold(p[asked & mask], y[asked & mask]) for lang, mask in (("en", ~bangla), ("bn", bangla))
    }
    judged = asked & (p >= np.where(bangla, thresholds["bn"], thresholds["en"]))
    names = np.array(groups)
    print(
        f"{len(texts)} questions, {int(y.sum())} on other subjects; held out by set in {FOLDS} folds; thresholds: English"
        f" {thresholds['en']:.4f}, Bangla {thresholds['bn']:.4f} (a question naming the field's programmes never judged):"
    )
    print(f"{'set':<22} {'on subject':>10} {'judged off':>10} {'off subject':>11} {'judged off':>10}")
    for name in [*dict.fromkeys(groups), "all"]:
        mine = names == name if name != "all" else np.ones(len(y), dtype=bool)
        on, off = mine & (y == 0), mine & (y == 1)
        rate_on = f"{np.mean(judged[on]):.3f}" if on.any() else "-"
        rate_off = f"{np.mean(judged[off]):.3f}" if off.any() else "-"
        print(f"{name:<22} {int(on.sum()):>10} {rate_on:>10} {int(off.sum()):>11} {rate_off:>10}")
    for lang, mask in (("English", ~bangla), ("Bangla", bangla)):
        on, off = mask & (y == 0), mask & (y == 1)
        print(
            f"{lang:<22} {int(on.sum()):>10} {np.mean(judged[on]):>10.3f} {int(off.sum()):>11} {np.mean(judged[off]):>10.3f}"
        )
    domain = fit_model(texts, y, vectors, embedder.slug, args.c, given)
    sources = ", ".join(f"{Path(s).name}" + (f" ({h} half)" if h else "") for s, h, _ in SETS)
    final = Domain(
        ngrams=domain.ngrams,
        vector_coef=domain.vector_coef,
        field_coef=domain.field_coef,
        model=domain.model,
        intercept=domain.intercept,
        threshold=round(thresholds["en"], 4),
        threshold_bn=round(thresholds["bn"], 4),
        fitted_on=f"python -m nsss.eval.fit_domain (C={args.c}, at most {MAX_ON_SUBJECT_DECLINED:.0%} of the "
        f"questions of each language on the subject judged off it, held out by set in {FOLDS} folds): {sources}",
    )
    final.save(args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
