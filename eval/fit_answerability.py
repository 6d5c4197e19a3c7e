"""Fit the answerability model: when do the passages answer the question? Fitted on training data only.

    python -m nsss.eval.fit_answerability                      # rewrites assistant/answerability.json
    python -m nsss.eval.fit_answerability --out /tmp/a.json --limit 40
    python -m nsss.eval.fit_answerability --by-set --out /tmp/a.json   # and each set judged by a fit without it
    python -m nsss.eval.fit_answerability --jobs 2 --save-features /tmp/f.npz   # answer in two processes, keep them
    python -m nsss.eval.fit_answerability --features /tmp/f.npz --out /tmp/a.json   # fit again without answering
    python -m nsss.eval.fit_answerability --first-kept 240 --max-false-abstain 0.045   # session 37's AR (turned down)
    python -m nsss.eval.fit_answerability --features /tmp/f.npz --compare assistant/answerability.json --out /tmp/a.json

It answers every training question (conversations turn by turn, as `nsss eval` does), records the evidence-alignment
features of each answer (assistant/answerability.py), and fits gradient-boosted trees (scikit-learn's
`HistGradientBoostingClassifier`, class-balanced) on them with the gold label "answerable". The model is kept
monotone in every feature assistant/answerability.py's SIGNS names (all but the language and slot_open: more of what
is asked found never argues for declining); what the trees add to a weighted sum is how the features combine. Its
size (TREES, DEPTH, LEAF, RATE below) was chosen on probabilities cross-validated by first-retrieved document, so
that it is judged on documents it never saw, not on near-repeats of questions other writers asked (eval/RESULTS.md,
session 25). The decision threshold is chosen on probabilities cross-validated by question set (each fold's writers
never fitted on), one for the questions asked in Bangla and one for the rest, each on its own questions: the most
unanswerable questions declined while at most MAX_FALSE_ABSTAIN of that language's answerable ones are, counting
those whose answer nothing retrieved holds (not fitted on: their features say nothing of answerability, but a user
meets them declined). Answering the questions is nearly all of the fit's time: `--jobs 2` splits the question sets
between two processes, each set whole so that its conversations are answered in order, and gives the rows one process
would, up to the last digits of a few scores (30,132 questions in 13.5 minutes here with `--first-kept 240`): a sum
over a set runs in each process's own order, so a near tie may fall the other way (eval/RESULTS.md, session 37).
`--save-features` keeps what was answered, so that the model can be fitted again from it (`--features`, seconds)
without answering anything.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import multiprocessing
import sys
import tempfile
from pathlib import Path

import numpy as np
from nsss.assistant.answerability import FEATURES, SIGNS
from nsss.assistant.weights import ANSWERABILITY_FILE, LEAD_WEIGHTS_BEFORE_KEPT, WEIGHTS, Answerability
from nsss.core.settings import BUNDLED_CORPUS, PROJECT_ROOT, Settings, go_offline
from nsss.eval.harness import answered, load_questions
from nsss.eval.metrics import Question

MAX_FALSE_ABSTAIN = 0.05
# Held-out sets numbered from this one on are never fitted on: they score the model (eval/RESULTS.md).
FIRST_KEPT = 125
# The size of the model: chosen on probabilities cross-validated by first-retrieved document (see above).
TREES, DEPTH, LEAF, RATE = 200, 5, 50, 0.05
FIXED_SETS = (
    (PROJECT_ROOT / "eval" / "dev_qa.jsonl", "tune"),
    (PROJECT_ROOT / "eval" / "web_qa.jsonl", None),
    (PROJECT_ROOT / "eval" / "seed_qa.jsonl", None),
    (PROJECT_ROOT / "eval" / "offtopic_qa.jsonl", None),  # questions about nothing in the corpora
    # Written by outsiders for fitting: 84 unanswerable, 70 of them near misses asked the way people ask them.
    (PROJECT_ROOT / "eval" / "train_qa.jsonl", None),
    # The first held-out set, once it had been used to choose between systems (eval/RESULTS.md says when).
    (PROJECT_ROOT / "eval" / "holdout_qa.jsonl", None),
    # The third held-out set, once scored for its end rows and then used for diagnosis (eval/RESULTS.md).
    (PROJECT_ROOT / "eval" / "holdout3_qa.jsonl", None),
    # Written by another outsider for fitting, terse and in everyday words: 55 unanswerable, 42 near misses.
    (PROJECT_ROOT / "eval" / "train2_qa.jsonl", None),
    # Held-out sets once scored for their end rows (eval/RESULTS.md says when), fitted on without being read: four
    # more writers' near misses.
    (PROJECT_ROOT / "eval" / "holdout2_qa.jsonl", None),
    (PROJECT_ROOT / "eval" / "holdout4_qa.jsonl", None),
    (PROJECT_ROOT / "eval" / "holdout5_qa.jsonl", None),
    (PROJECT_ROOT / "eval" / "holdout6_qa.jsonl", None),
    # Written by two more outsiders for fitting, 100 near misses each (one terse and everyday, one a desk officer
    # changing one constraint of an answerable question).
    (PROJECT_ROOT / "eval" / "train3_qa.jsonl", None),
    (PROJECT_ROOT / "eval" / "train4_qa.jsonl", None),
    # Written for fitting, conversations and plain questions (eval/RESULTS.md, sessions 12 and 14).
    (PROJECT_ROOT / "eval" / "train5_qa.jsonl", None),
    (PROJECT_ROOT / "eval" / "train6_qa.jsonl", None),
    (PROJECT_ROOT / "eval" / "train7_qa.jsonl", None),
    # Then every held-out set once scored and used for choosing (eval/RESULTS.md says when each was): 118 more
    # writers, holdout7 up to FIRST_KEPT (`training_sets`).
)


def training_sets(first_kept: int = FIRST_KEPT) -> tuple[tuple[Path, str | None], ...]:
    """The sets fitted on: those above, then the held-out sets numbered from 7 up to `first_kept`. The test half of
    dev_qa, crosslang_qa and the sets from holdout{first_kept} on are kept for scoring."""
    return FIXED_SETS + tuple((PROJECT_ROOT / "eval" / f"holdout{n}_qa.jsonl", None) for n in range(7, first_kept))


def collect_batches(
    batches: list[list[Question]], settings: Settings, progress: bool = True
) -> list[tuple[np.ndarray, np.ndarray, list[str], np.ndarray]]:
    """Answer each batch of questions with one assistant and return, for each batch, every question's features, its
    label and its id; and apart, the features of the answerable questions whose answer nothing retrieved holds."""
    from nsss.assistant.answer import Assistant
    from tqdm import tqdm

    # The passages are judged on today's sentence weights, which the model fitted on these features records.
    assistant = Assistant(settings, use_llm=False, judged_on=WEIGHTS.sentence)
    assistant.index.fill_sentences(progress=progress)  # the same answers either way, sooner
    bar = tqdm(total=sum(map(len, batches)), desc="Answering", unit="question", file=sys.stderr, disable=not progress)
    out = []
    for questions in batches:
        rows, labels, ids, unfound = [], [], [], []
        for q, answer in answered(questions, assistant, progress=False):
            bar.update()
            values = [answer.signals[f] for f in FEATURES]
            if q.answerable and not any(h.chunk.source in q.sources for h in answer.retrieved[:5]):
                # Nothing retrieved holds the answer: the features say nothing about answerability, so they are not
                # fitted on; but declining it counts against the budget of answerable questions declined.
                unfound.append(values)
                continue
            rows.append(values)
            labels.append(1 if q.answerable else 0)
            ids.append(q.id)
        out.append(
            (
                np.array(rows, dtype=float).reshape(-1, len(FEATURES)),
                np.array(labels, dtype=int),
                ids,
                np.array(unfound, dtype=float).reshape(-1, len(FEATURES)),
            )
        )
    bar.close()
    return out


def collect_in(
    jobs: int, batches: list[list[Question]], settings: Settings
) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray]:
    """Answer the batches (each a whole question set, so that its conversations are answered in order) in `jobs`
    processes, and join what `collect_batches` gives for each in the batches' order: the rows one process would give."""
    if jobs <= 1:
        parts = collect_batches(batches, settings)
    else:
        # The batches are dealt out largest first, each to the process with the fewest questions so far.
        shares: list[list[int]] = [[] for _ in range(jobs)]
        for i in sorted(range(len(batches)), key=lambda i: -len(batches[i])):
            min(shares, key=lambda share: sum(len(batches[j]) for j in share)).append(i)
        shares = [sorted(share) for share in shares if share]
        context = multiprocessing.get_context("spawn")  # a fresh interpreter each: no inherited model or store
        with concurrent.futures.ProcessPoolExecutor(len(shares), mp_context=context) as pool:
            futures = [
                pool.submit(collect_batches, [batches[i] for i in share], settings, n == 0)
                for n, share in enumerate(shares)
            ]
            got = {i: part for share, f in zip(shares, futures, strict=True) for i, part in zip(share, f.result())}
        parts = [got[i] for i in range(len(batches))]
    x = np.concatenate([p[0] for p in parts]).reshape(-1, len(FEATURES))
    y = np.concatenate([p[1] for p in parts])
    ids = [i for p in parts for i in p[2]]
    unfound = np.concatenate([p[3] for p in parts]).reshape(-1, len(FEATURES))
    return x, y, ids, unfound


def save_features(path: Path, x: np.ndarray, y: np.ndarray, ids: list[str], sets: list[str], unfound: np.ndarray):
    """Keep what the questions' answers gave, so that the model can be fitted again without answering them."""
    np.savez_compressed(
        path,
        features=np.array(FEATURES),
        lead_weights=np.array(WEIGHTS.sentence),
        x=x,
        y=y,
        ids=np.array(ids),
        sets=np.array(sets),
        unfound=unfound,
    )


def load_features(path: Path) -> tuple[np.ndarray, np.ndarray, list[str], list[str], np.ndarray]:
    """Read what `save_features` kept; its features must be today's, in today's order."""
    try:
        data = np.load(path, allow_pickle=False)
    except (OSError, ValueError) as e:
        raise ValueError(f"{path}: not a features file written by --save-features ({e})") from None
    missing = {"features", "x", "y", "ids", "sets", "unfound"} - set(data.files)
    if missing:
        raise ValueError(f"{path}: not a features file written by --save-features (no {', '.join(sorted(missing))})")
    if tuple(data["features"].tolist()) != FEATURES:
        raise ValueError(
            f"{path}: its features ({', '.join(data['features'].tolist())}) are not today's "
            f"(assistant/answerability.py FEATURES): answer the questions again"
        )
    # Its lead_score was measured on the sentence weights of its day (a file without them: before they were kept).
    kept = tuple(data["lead_weights"].tolist()) if "lead_weights" in data.files else LEAD_WEIGHTS_BEFORE_KEPT
    if not np.allclose(kept, WEIGHTS.sentence):
        raise ValueError(
            f"{path}: its lead scores were measured on the sentence weights {kept}, not today's {WEIGHTS.sentence} "
            "(assistant/weights.py lexical, dense, passage): answer the questions again"
        )
    return data["x"], data["y"], data["ids"].tolist(), data["sets"].tolist(), data["unfound"]


def fit(
    x: np.ndarray,
    y: np.ndarray,
    source: str,
    unfound: np.ndarray | None = None,
    groups: np.ndarray | None = None,
    budget: float = MAX_FALSE_ABSTAIN,
) -> Answerability:
    """Fit the boosted trees and choose their thresholds on cross-validated probabilities.

    `unfound` holds the features of answerable questions whose answer nothing retrieved holds: not fitted on, but
    the threshold's budget of answerable questions declined counts them, as a user meets them. `groups` names each
    row's question set: the folds keep a set whole, so the threshold is chosen on writers the fold never fitted on
    (without groups, rows are split at random).
    """
    from sklearn.model_selection import GroupKFold, StratifiedKFold

    unfound = unfound if unfound is not None else np.zeros((0, len(FEATURES)))
    held_out, unfound_p = np.zeros(len(y)), np.zeros(len(unfound))
    by_group = groups is not None and len(set(groups.tolist())) >= 5
    if by_group:
        folds = GroupKFold(n_splits=5).split(x, y, groups)
    else:
        folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(x, y)
    for train, test in folds:
        trees = _boost(x[train], y[train])
        held_out[test] = trees.predict_proba(x[test])[:, 1]
        if len(unfound):
            unfound_p += trees.predict_proba(unfound)[:, 1] / 5
    p_all = np.concatenate([held_out, unfound_p])
    y_all = np.concatenate([y, np.ones(len(unfound_p), dtype=y.dtype)])
    # One threshold for each language, each within the budget on its own questions (Answerability.threshold_bn).
    column = FEATURES.index("bangla")
    bangla = np.concatenate([x[:, column], unfound[:, column]]) > 0.5
    threshold = choose_threshold(p_all[~bangla], y_all[~bangla], budget)
    threshold_bn = (
        choose_threshold(p_all[bangla], y_all[bangla], budget) if len(set(y_all[bangla].tolist())) == 2 else None
    )
    cut = np.where(bangla, threshold if threshold_bn is None else threshold_bn, threshold)
    declined = p_all < cut
    baseline, trees = export(_boost(x, y))
    return Answerability(
        features=FEATURES,
        trees=trees,
        baseline=baseline,
        threshold=round(threshold, 4),
        threshold_bn=None if threshold_bn is None else round(threshold_bn, 4),
        defaults=tuple(round(float(v), 6) for v in x.mean(axis=0)),
        fitted_on=source,
        lead_weights=WEIGHTS.sentence,
        extra={
            "questions": int(len(y)),
            "answerable": int(y.sum()),
            "trees": TREES,
            "depth": DEPTH,
            "leaf": LEAF,
            "rate": RATE,
            "unfound": int(len(unfound_p)),
            "max_false_abstain": budget,
            "cv": "by question set" if by_group else "by question",
            "cv_abstain_recall": round(float(np.mean(declined[y_all == 0])), 3),
            "cv_false_abstain": round(float(np.mean(declined[y_all == 1])), 3),
            **{
                f"cv_{name}_{what}": round(float(np.mean(declined[mask & (y_all == gold)])), 3)
                for name, mask in (("en", ~bangla), ("bn", bangla))
                for what, gold in (("abstain_recall", 0), ("false_abstain", 1))
                if (mask & (y_all == gold)).any()
            },
        },
    )


def _boost(x: np.ndarray, y: np.ndarray):
    """Fit class-balanced boosted trees, monotone in the features SIGNS names."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(
        max_iter=TREES,
        max_depth=DEPTH,
        min_samples_leaf=LEAF,
        learning_rate=RATE,
        monotonic_cst=[SIGNS.get(f, 0) for f in FEATURES],
        class_weight="balanced",
        early_stopping=False,
        random_state=0,
    ).fit(x, y)


def export(trees) -> tuple[float, tuple]:
    """Write a fitted `HistGradientBoostingClassifier` as its baseline log-odds and its trees as plain tuples
    (`weights.Tree`): each node's feature, threshold, children and value, -1 for a leaf's feature. scikit-learn keeps
    them in `_baseline_prediction` and `_predictors`, attributes it does not document: tests/test_fit_answerability.py
    checks that the exported model gives its probabilities."""
    out = []
    for (predictor,) in trees._predictors:
        nodes = predictor.nodes
        out.append(
            tuple(
                (
                    -1 if nodes["is_leaf"][i] else int(nodes["feature_idx"][i]),
                    float(nodes["num_threshold"][i]),
                    int(nodes["left"][i]),
                    int(nodes["right"][i]),
                    float(nodes["value"][i]) if nodes["is_leaf"][i] else 0.0,
                )
                for i in range(len(nodes))
            )
        )
    return float(np.ravel(trees._baseline_prediction)[0]), tuple(out)


def by_set(x: np.ndarray, y: np.ndarray, sets: list[str], budget: float = MAX_FALSE_ABSTAIN) -> list[str]:
    """Judge each question set (one writer) by a model fitted without it: five fits, each leaving out a fifth of the
    sets. Return lines saying how many of each set's unanswerable and answerable questions are declined."""
    from sklearn.model_selection import GroupKFold

    names = np.array(sets)
    declined = np.zeros(len(y), dtype=bool)
    splits = min(5, len(set(sets)))
    if splits < 2:
        return []
    for train, test in GroupKFold(n_splits=splits).split(x, y, names):
        model = fit(x[train], y[train], "fold", groups=names[train], budget=budget)
        rows = [dict(zip(FEATURES, row, strict=True)) for row in x[test]]
        declined[test] = [model.probability(v) < model.threshold_for(v) for v in rows]
    lines = []
    for name in dict.fromkeys(sets):
        held = names == name
        gold, said = y[held], declined[held]
        recall = f"{said[gold == 0].mean():.2f}" if (gold == 0).any() else "-"
        false = f"{said[gold == 1].mean():.2f}" if (gold == 1).any() else "-"
        lines.append(
            f"{name:<28} {int((gold == 0).sum()):>3} unanswerable, {recall} declined; {int(gold.sum()):>3} answerable, {false} declined"
        )
    return lines


def compare(
    x: np.ndarray, y: np.ndarray, sets: list[str], other: Answerability, budget: float, unfound: np.ndarray
) -> list[str]:
    """Judge a model fitted now against another (`other`, e.g. the one the assistant uses) on the question sets the
    other was never fitted on (its `fitted_on`): this fit's probabilities cross-validated by set, the other's as it
    stands. Return lines giving, for each language, each model's AUC and the unanswerable questions each declines
    when it declines `budget` of the answerable ones; and first, what the other declines at its own thresholds over
    all the questions (the answerable ones counting those whose answer nothing retrieved holds, `unfound`)."""
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    column = FEATURES.index("bangla")
    bangla, unfound_bangla = x[:, column] > 0.5, unfound[:, column] > 0.5
    values = [dict(zip(FEATURES, row, strict=True)) for row in x]
    theirs = np.array([other.probability(v) for v in values])
    thresholds = np.array([other.threshold_for(v) for v in values])
    unfound_values = [dict(zip(FEATURES, row, strict=True)) for row in unfound]
    unfound_said = np.array([other.probability(v) < other.threshold_for(v) for v in unfound_values], dtype=bool)
    lines = []
    for language, rows, extra in (("English", ~bangla, ~unfound_bangla), ("Bangla", bangla, unfound_bangla)):
        said = np.concatenate([(theirs < thresholds)[rows], unfound_said[extra]])
        answerable = np.concatenate([y[rows] == 1, np.ones(int(extra.sum()), dtype=bool)])
        if answerable.any() and (~answerable).any():
            lines.append(
                f"compared model at its own thresholds, {language}: {said[~answerable].mean():.3f} of "
                f"{int((~answerable).sum())} unanswerables declined, {said[answerable].mean():.3f} of "
                f"{int(answerable.sum())} answerables (those not found counted)"
            )
    seen = {name.split(" ")[0] for name in other.fitted_on.split(", ")}
    names = np.array(sets)
    unseen = np.array([name.split(" ")[0] not in seen for name in sets])
    if not unseen.any():
        return [*lines, "no question set the compared model was not fitted on"]
    held_out = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=min(5, len(set(sets)))).split(x, y, names):
        held_out[test] = _boost(x[train], y[train]).predict_proba(x[test])[:, 1]
    lines.append(f"on {int(unseen.sum())} questions of {len(set(names[unseen]))} sets the compared model never saw:")
    for language, mask in (("English", unseen & ~bangla), ("Bangla", unseen & bangla)):
        if len(set(y[mask].tolist())) < 2:
            continue
        said = []
        for label, p in (("this fit (cross-validated)", held_out[mask]), ("compared", theirs[mask])):
            cut = np.quantile(p[y[mask] == 1], budget)
            declined = float(np.mean(p[y[mask] == 0] < cut))
            said.append(f"{label} AUC {roc_auc_score(y[mask], p):.3f}, {declined:.3f} declined")
        lines.append(f"{language} ({int(mask.sum())}): " + "; ".join(said) + f" at {budget} of answerables declined")
    return lines


def choose_threshold(p: np.ndarray, y: np.ndarray, budget: float = MAX_FALSE_ABSTAIN) -> float:
    """Return the threshold that declines the most unanswerable questions within the false-abstain budget."""
    best, best_recall = 0.5, -1.0
    for t in np.unique(np.concatenate([p, [0.5]])):
        false_abstain = float(np.mean(p[y == 1] < t)) if (y == 1).any() else 0.0
        recall = float(np.mean(p[y == 0] < t)) if (y == 0).any() else 0.0
        if false_abstain <= budget + 1e-12 and recall > best_recall:
            best, best_recall = float(t), recall
    return best


def answer_sets(args: argparse.Namespace) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray, dict[str, str]]:
    """Answer the training sets (each cut to `--limit` questions) in a store, and return `collect`'s arrays with the
    set each question comes from."""
    from nsss.index.status import status
    from nsss.ingest import ingest

    batches: list[list[Question]] = []
    set_of: dict[str, str] = {}
    for path, split in training_sets(args.first_kept):
        chosen = load_questions(path, split)
        chosen = chosen[: args.limit] if args.limit else chosen
        batches.append(chosen)
        set_of |= {q.id: path.name + (f" ({split})" if split else "") for q in chosen if q.id not in set_of}
    with contextlib.ExitStack() as stack:
        store = args.store or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="nsss-fit-")))
        settings = Settings.load(store=store).replace(chroma_url="")
        # A store given is used as it is: syncing this checkout's corpus folder into a store filled from another
        # checkout would add every bundled document a second time, under the other folder's name.
        if not args.store or not status(settings).documents:
            from nsss.eval.bench import web_corpus

            ingest([web_corpus(), BUNDLED_CORPUS], settings, progress=True)
        x, y, ids, unfound = collect_in(args.jobs, batches, settings)
    return x, y, ids, unfound, set_of


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nsss.eval.fit_answerability", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ANSWERABILITY_FILE, help="where to write the model")
    parser.add_argument(
        "--store",
        type=Path,
        help="a store already holding the corpora, used as it is (an empty one is filled); default: a temporary one",
    )
    parser.add_argument("--limit", type=int, default=0, help="use only the first N questions of each set (for tests)")
    parser.add_argument("--jobs", type=int, default=1, help="answer in this many processes (each question set in one)")
    parser.add_argument("--save-features", type=Path, help="also keep the answers' features in this .npz file")
    parser.add_argument(
        "--features", type=Path, help="fit on features kept by --save-features instead of answering the questions"
    )
    parser.add_argument(
        "--first-kept",
        type=int,
        default=FIRST_KEPT,
        help=f"when answering, fit on the held-out sets numbered below this one (default {FIRST_KEPT}; the rest score "
        "the model)",
    )
    parser.add_argument(
        "--max-false-abstain",
        type=float,
        default=MAX_FALSE_ABSTAIN,
        help=f"the share of each language's answerable questions the threshold may decline (default {MAX_FALSE_ABSTAIN})",
    )
    parser.add_argument(
        "--compare",
        type=Path,
        help="also judge this fit against another model file on the question sets that model was never fitted on",
    )
    parser.add_argument(
        "--by-set",
        action="store_true",
        help="also print how a model fitted without each set declines its questions (five folds of sets)",
    )
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error(f"--jobs must be at least 1, not {args.jobs}")
    if not 0 < args.max_false_abstain < 1:
        parser.error(f"--max-false-abstain must be between 0 and 1, not {args.max_false_abstain}")
    other = None
    if args.compare:  # read first: a file that cannot be compared with stops the run before anything is answered
        try:
            other = Answerability.load(args.compare)
        except (OSError, ValueError) as e:
            print(f"fit_answerability: {args.compare}: {e}", file=sys.stderr)
            return 1
    go_offline()
    if args.features:
        try:
            x, y, ids, sets, unfound = load_features(args.features)
        except ValueError as e:
            print(f"fit_answerability: {e}", file=sys.stderr)
            return 1
        set_of = dict(zip(ids, sets, strict=True))
    else:
        x, y, ids, unfound, set_of = answer_sets(args)
        if args.save_features:
            save_features(args.save_features, x, y, ids, [set_of[i] for i in ids], unfound)
    if len(set(y.tolist())) < 2:
        print("fit_answerability: the questions need answerable and unanswerable ones", file=sys.stderr)
        return 1
    names = ", ".join(dict.fromkeys(set_of.values())).replace(" (tune)", " (tune half)")
    model = fit(x, y, names, unfound, np.array([set_of[i] for i in ids]), args.max_false_abstain)
    model.save(args.out)
    print(
        f"fitted on {len(y)} questions ({int(y.sum())} answerable): threshold {model.threshold} "
        f"(Bangla questions: {model.threshold_bn}), cross-validated abstain_recall {model.extra['cv_abstain_recall']}, "
        f"false_abstain {model.extra['cv_false_abstain']} (English {model.extra.get('cv_en_abstain_recall')} / "
        f"{model.extra.get('cv_en_false_abstain')}, Bangla {model.extra.get('cv_bn_abstain_recall')} / "
        f"{model.extra.get('cv_bn_false_abstain')}); written to {args.out}"
    )
    splits = {f: sum(node[0] == i for tree in model.trees for node in tree) for i, f in enumerate(FEATURES)}
    print(f"{len(model.trees)} trees; splits on each feature:")
    for name, n in sorted(splits.items(), key=lambda fn: -fn[1]):
        print(f"  {name:<17} {n:>5}" + ("  (monotone)" if name in SIGNS else ""))
    if other is not None:
        for line in compare(x, y, [set_of[i] for i in ids], other, args.max_false_abstain, unfound):
            print(f"  {line}")
    if args.by_set:
        print("each set judged by a fit without it (five folds of sets):")
        for line in by_set(x, y, [set_of[i] for i in ids], args.max_false_abstain):
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
