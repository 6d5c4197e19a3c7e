"""Fit the answerability model: when do the passages answer the question? Fitted on training data only.

    python -m nsss.eval.fit_answerability                      # rewrites assistant/answerability.json
    python -m nsss.eval.fit_answerability --out /tmp/a.json --limit 40
    python -m nsss.eval.fit_answerability --by-set --out /tmp/a.json   # and fitted without each set (writer) in turn

It answers every training question (conversations turn by turn, as `nsss eval` does), records the evidence-alignment
features of each answer (assistant/answerability.py), and fits a logistic regression (scikit-learn) on them with the
gold label "answerable". Each weight is kept on the side assistant/answerability.py's SIGNS gives it (more of the
question found never argues for declining), fitted by L-BFGS-B with an L2 penalty. The decision threshold is chosen
on cross-validated probabilities, not on the fitted ones, one for the questions asked in Bangla and one for the rest,
each on its own questions: the most unanswerable questions declined while at most MAX_FALSE_ABSTAIN of that
language's answerable ones are, counting those whose answer nothing retrieved holds (not fitted on: their features
say nothing of answerability, but a user meets them declined).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from pathlib import Path

import numpy as np
from nsss.assistant.answerability import FEATURES, SIGNS
from nsss.assistant.weights import ANSWERABILITY_FILE, Answerability
from nsss.core.settings import BUNDLED_CORPUS, PROJECT_ROOT, Settings, go_offline
from nsss.eval.harness import load_questions
from nsss.eval.metrics import Question

MAX_FALSE_ABSTAIN = 0.05
DEFAULT_SETS = (
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
    # more writers' near misses. The seventh to eleventh held-out sets and the test half are kept for scoring.
    (PROJECT_ROOT / "eval" / "holdout2_qa.jsonl", None),
    (PROJECT_ROOT / "eval" / "holdout4_qa.jsonl", None),
    (PROJECT_ROOT / "eval" / "holdout5_qa.jsonl", None),
    (PROJECT_ROOT / "eval" / "holdout6_qa.jsonl", None),
    # Written by two more outsiders for fitting, 100 near misses each (one terse and everyday, one a desk officer
    # changing one constraint of an answerable question).
    (PROJECT_ROOT / "eval" / "train3_qa.jsonl", None),
    (PROJECT_ROOT / "eval" / "train4_qa.jsonl", None),
)


def collect(questions: list[Question], settings: Settings) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray]:
    """Answer each question and return its features, its label and its id; and apart, the features of the answerable
    questions whose answer nothing retrieved holds."""
    from nsss.assistant import Conversation, open_assistant
    from tqdm import tqdm

    assistant = open_assistant(settings, use_llm=False)
    assistant.index.fill_sentences(progress=True)  # the same answers either way, sooner
    rows, labels, ids, unfound = [], [], [], []
    chat = Conversation()
    for q in tqdm(questions, desc="Answering", unit="question", file=sys.stderr):
        if not q.conversation or q.turn <= 1:
            chat = Conversation()
        answer = assistant.answer(q.question, conversation=chat)
        chat = chat.add(answer)
        values = [answer.signals[f] for f in FEATURES]
        if q.answerable and not any(h.chunk.source in q.sources for h in answer.retrieved[:5]):
            # Nothing retrieved holds the answer: the features say nothing about answerability, so they are not
            # fitted on; but declining it counts against the budget of answerable questions declined.
            unfound.append(values)
            continue
        rows.append(values)
        labels.append(1 if q.answerable else 0)
        ids.append(q.id)
    return np.array(rows, dtype=float), np.array(labels), ids, np.array(unfound, dtype=float).reshape(-1, len(FEATURES))


def fit(x: np.ndarray, y: np.ndarray, source: str, unfound: np.ndarray | None = None) -> Answerability:
    """Fit the sign-constrained logistic model and choose its threshold on cross-validated probabilities.

    `unfound` holds the features of answerable questions whose answer nothing retrieved holds: not fitted on, but
    the threshold's budget of answerable questions declined counts them, as a user meets them.
    """
    from sklearn.model_selection import StratifiedKFold

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    unfound = unfound if unfound is not None else np.zeros((0, len(FEATURES)))
    z_unfound = (unfound - mean) / scale
    held_out, unfound_p = np.zeros(len(y)), np.zeros(len(z_unfound))
    for train, test in StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(z, y):
        coef, intercept = _logistic(z[train], y[train])
        held_out[test] = _sigmoid(z[test] @ coef + intercept)
        unfound_p += _sigmoid(z_unfound @ coef + intercept) / 5
    p_all = np.concatenate([held_out, unfound_p])
    y_all = np.concatenate([y, np.ones(len(unfound_p), dtype=y.dtype)])
    # One threshold for each language, each within the budget on its own questions (Answerability.threshold_bn).
    column = FEATURES.index("bangla")
    bangla = np.concatenate([x[:, column], unfound[:, column]]) > 0.5
    threshold = choose_threshold(p_all[~bangla], y_all[~bangla])
    threshold_bn = choose_threshold(p_all[bangla], y_all[bangla]) if len(set(y_all[bangla].tolist())) == 2 else None
    cut = np.where(bangla, threshold if threshold_bn is None else threshold_bn, threshold)
    declined = p_all < cut
    coef, intercept = _logistic(z, y)
    return Answerability(
        features=FEATURES,
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        coef=tuple(round(float(c), 6) for c in coef),
        intercept=round(float(intercept), 6),
        threshold=round(threshold, 4),
        threshold_bn=None if threshold_bn is None else round(threshold_bn, 4),
        fitted_on=source,
        extra={
            "questions": int(len(y)),
            "answerable": int(y.sum()),
            "l2": L2,
            "unfound": int(len(unfound_p)),
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


L2 = 10.0  # the penalty on the weights (features are standardised)


def _sigmoid(v: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(v, -30, 30)))


def _logistic(z: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Fit a class-balanced logistic regression whose weights keep the signs SIGNS gives them."""
    from scipy.optimize import minimize

    weight = np.where(y == 1, 0.5 / max(1, y.sum()), 0.5 / max(1, (1 - y).sum()))

    def loss(params):
        coef, intercept = params[:-1], params[-1]
        p = _sigmoid(z @ coef + intercept)
        eps = 1e-9
        value = -np.sum(weight * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))) + L2 * coef @ coef / len(y)
        grad_z = weight * (p - y)
        return value, np.concatenate([z.T @ grad_z + 2 * L2 * coef / len(y), [grad_z.sum()]])

    bounds = [(0, None) if SIGNS[f] > 0 else (None, 0) if SIGNS[f] < 0 else (None, None) for f in FEATURES]
    result = minimize(loss, np.zeros(len(FEATURES) + 1), jac=True, method="L-BFGS-B", bounds=bounds + [(None, None)])
    return result.x[:-1], float(result.x[-1])


def by_set(x: np.ndarray, y: np.ndarray, sets: list[str]) -> list[str]:
    """Fit without each question set (one writer) in turn; return lines saying how many of the left-out set's
    unanswerable and answerable questions the model declines: how it holds on a writer it never saw."""
    lines = []
    names = np.array(sets)
    for name in dict.fromkeys(sets):
        held = names == name
        model = fit(x[~held], y[~held], name)
        rows = [dict(zip(FEATURES, row, strict=True)) for row in x[held]]
        p = np.array([model.probability(values) for values in rows])
        declined, gold = p < np.array([model.threshold_for(values) for values in rows]), y[held]
        recall = f"{declined[gold == 0].mean():.2f}" if (gold == 0).any() else "-"
        false = f"{declined[gold == 1].mean():.2f}" if (gold == 1).any() else "-"
        lines.append(
            f"{name:<28} {int((gold == 0).sum()):>3} unanswerable, {recall} declined; {int(gold.sum()):>3} answerable, {false} declined"
        )
    return lines


def choose_threshold(p: np.ndarray, y: np.ndarray) -> float:
    """Return the threshold that declines the most unanswerable questions within the false-abstain budget."""
    best, best_recall = 0.5, -1.0
    for t in np.unique(np.concatenate([p, [0.5]])):
        false_abstain = float(np.mean(p[y == 1] < t)) if (y == 1).any() else 0.0
        recall = float(np.mean(p[y == 0] < t)) if (y == 0).any() else 0.0
        if false_abstain <= MAX_FALSE_ABSTAIN and recall > best_recall:
            best, best_recall = float(t), recall
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nsss.eval.fit_answerability", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ANSWERABILITY_FILE, help="where to write the model")
    parser.add_argument(
        "--store",
        type=Path,
        help="a store already holding the corpora, used as it is (an empty one is filled); default: a temporary one",
    )
    parser.add_argument("--limit", type=int, default=0, help="use only the first N questions of each set (for tests)")
    parser.add_argument(
        "--by-set", action="store_true", help="also print how the model declines each set when fitted without it"
    )
    args = parser.parse_args(argv)
    go_offline()
    from nsss.index.status import status
    from nsss.ingest import ingest

    questions: list[Question] = []
    set_of: dict[str, str] = {}
    for path, split in DEFAULT_SETS:
        chosen = load_questions(path, split)
        chosen = chosen[: args.limit] if args.limit else chosen
        questions += chosen
        set_of |= {q.id: path.name + (f" ({split})" if split else "") for q in chosen if q.id not in set_of}
    with contextlib.ExitStack() as stack:
        store = args.store or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="nsss-fit-")))
        settings = Settings.load(store=store).replace(chroma_url="")
        # A store given is used as it is: syncing this checkout's corpus folder into a store filled from another
        # checkout would add every bundled document a second time, under the other folder's name.
        if not args.store or not status(settings).documents:
            from nsss.eval.bench import web_corpus

            ingest([web_corpus(), BUNDLED_CORPUS], settings, progress=True)
        x, y, ids, unfound = collect(questions, settings)
    if len(set(y.tolist())) < 2:
        print("fit_answerability: the questions need answerable and unanswerable ones", file=sys.stderr)
        return 1
    names = ", ".join(f"{p.name}" + (f" ({s} half)" if s else "") for p, s in DEFAULT_SETS)
    model = fit(x, y, names, unfound)
    model.save(args.out)
    print(
        f"fitted on {len(y)} questions ({int(y.sum())} answerable): threshold {model.threshold} "
        f"(Bangla questions: {model.threshold_bn}), cross-validated abstain_recall {model.extra['cv_abstain_recall']}, "
        f"false_abstain {model.extra['cv_false_abstain']} (English {model.extra.get('cv_en_abstain_recall')} / "
        f"{model.extra.get('cv_en_false_abstain')}, Bangla {model.extra.get('cv_bn_abstain_recall')} / "
        f"{model.extra.get('cv_bn_false_abstain')}); written to {args.out}"
    )
    for name, c in sorted(zip(FEATURES, model.coef, strict=True), key=lambda fc: -abs(fc[1])):
        print(f"  {name:<15} {c:+.3f}")
    if args.by_set:
        print("fitted without each set in turn:")
        for line in by_set(x, y, [set_of[i] for i in ids]):
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
