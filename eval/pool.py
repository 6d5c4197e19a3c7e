"""Pool the reports of many `nsss eval` runs into one set of figures, with how far they can be trusted.

    python -m nsss.eval.pool REPORT_DIR...                          # pooled figures, by language, later turns
    python -m nsss.eval.pool REPORT_DIR... --against BASE_DIR...    # and the change from a baseline, set by set
    python -m nsss.eval.pool REPORT_DIR... --json                   # the same as one JSON object

Each REPORT_DIR is the folder `nsss eval ... --report DIR` wrote; its `per_question.jsonl` holds every question's
scores. Pooling is over questions: the figures are those `nsss eval` would print for all the sets' questions in one
file (`metrics.summarize`). The interval beside each is a 95% bootstrap over the sets, not the questions: one writer's
questions rise and fall together, so a set is the unit that varies (`--boot` resamples, `--seed` fixes them).
Reports that say whether each question's gold documents are in its own language (`across_languages`) are also shown
as the questions asked in their documents' language, with every unanswerable one (the kinds issue 8 measured), and
those asked across languages (issue 9's kind: a Bangla question over an English report).

With `--against`, the sets are paired in the order given (each pair the same questions, answered by two checkouts)
and the change is the pooled figure of the first list less the second's, with its interval from resampling the
pairs: a change whose interval holds 0 is not shown to be one; the questions one side answers and the other declines
are counted (`declines`); and the judging rule a candidate must pass to be merged is checked (`verdict`). The targets
of issue 8 are printed beside the pooled figures they apply to.

    python -m nsss.eval.pool NEW... --against MAIN_NEW... --also DEV_AND_EARLIER... --also-against MAIN_SAME...

The rule's counts of answers newly given (parts 2 and 5) are over everything a candidate was judged on: `--also`
adds further pairs (its development part and earlier blind runs) to those counts only; the figures, and part 3, are
the new sets' own.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from nsss.eval.metrics import Score, summarize

# The figures a pooled report shows, and issue 8's target for each (at least; false_abstain at most).
# (Citations at a document that holds the answer: `citation_source` counts the gold sources only, `citation_holding`
# also the documents that hold a gold evidence quote; shown when every report measured it.)
SHOWN = ("MRR", "R@5", "correct", "citation_source", "citation_holding", "abstain_recall", "false_abstain")
TARGETS = {
    "MRR": 0.88,
    "R@5": 0.95,
    "correct": 0.75,
    "citation_source": 0.85,
    "citation_holding": 0.85,
    "abstain_recall": 0.60,
}
MAX_FALSE_ABSTAIN = 0.10
# The judging rule (eval/RESULTS.md, revised in session 48), against main in the same store, on sets written after
# the candidate was built: 1. right answers lost (answerables whose baseline answer held its key terms or cited a gold
# page, now declined) are at most RULE_MARGIN of the answerables; 2. twice the net unanswerables newly answered is at
# most the net answerables newly answered; 3. MRR, key terms and citations each fall by at most RULE_MARGIN; 5. the
# answerables newly answered citing no gold page are no more than those citing one. Parts 2 and 5 count over the
# development part and every blind run (`--also`); 1 and 3 are the new sets' own. (4: the suite must pass too.)
RULE_MARGIN = 0.002
RULE_HELD = ("MRR", "correct", "citation_source")


class PoolError(ValueError):
    """A report folder that cannot be pooled: the message names the folder and the reason."""


def read_report(folder: Path, system: str = "assistant") -> list[Score]:
    """Read one report's per-question scores for a system back into `Score`s."""
    path = Path(folder) / "per_question.jsonl"
    if not path.is_file():
        raise PoolError(f"{folder}: no per_question.jsonl (is it a folder `nsss eval --report` wrote?)")
    scores = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                row = json.loads(line)
                s = row[system]
                scores.append(
                    Score(
                        id=row["id"],
                        type=row["type"],
                        answerable=row["answerable"],
                        abstained=s["abstained"],
                        rank=s["rank"],
                        evidence=s["evidence"],
                        correct=s["correct"],
                        citations=s["citations"],
                        precise=s["precise"],
                        statements=s["statements"],
                        supported=s["supported"],
                        gold_cited=s["gold_cited"],
                        holding_cited=s.get("holding_cited"),  # (None in a report written before it was measured)
                        cited_answerable=len(s["cited"]) if row["answerable"] else 0,
                        quotes=s["quotes"],
                        exact=s["exact"],
                        words=s["words"],
                        ms=s["ms"],
                        lang=row.get("lang") or "en",
                        later=(row.get("turn") or 1) > 1,
                        followup=s.get("followup"),
                        gold_previous=s.get("gold_in_previous"),
                        across=row.get("across_languages"),
                    )
                )
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise PoolError(f"{path}, line {n}: not a per-question row of system {system!r} ({exc!r})") from None
    if not scores:
        raise PoolError(f"{path}: no questions")
    return scores


def slices(scores: Sequence[Score]) -> dict[str, list[Score]]:
    """The groups a pooled report shows: all questions, each language, the turns past a conversation's first; and
    when the reports say where each gold document's language stands (`Score.across`), the questions asked in the
    language of their documents (with every unanswerable one) and those asked across languages."""
    out = {"all": list(scores)}
    for lang in sorted({s.lang for s in scores}):
        out[lang] = [s for s in scores if s.lang == lang]
    later = [s for s in scores if s.later]
    if later:
        out["later turns"] = later
    if any(s.across is not None for s in scores):
        out["in the documents' language"] = [s for s in scores if s.across is False or not s.answerable]
        if across := [s for s in scores if s.across]:
            out["across languages"] = across
    return out


# Each figure shown is a ratio of two sums over questions (as `metrics.summarize` defines it): these are the sums.
PARTS = (
    "reciprocal",
    "top5",
    "correct",
    "gold_cited",
    "holding_cited",
    "cited",
    "answerable",
    "declined",
    "unanswerable",
    "false",
)
RATIOS = {
    "MRR": ("reciprocal", "answerable"),
    "R@5": ("top5", "answerable"),
    "correct": ("correct", "answerable"),
    "citation_source": ("gold_cited", "cited"),
    "citation_holding": ("holding_cited", "cited"),
    "abstain_recall": ("declined", "unanswerable"),
    "false_abstain": ("false", "answerable"),
}


def _sums(scores: Sequence[Score]) -> np.ndarray:
    a = [s for s in scores if s.answerable]
    return np.array(
        [
            sum(1.0 / s.rank for s in a if s.rank),
            sum(1 for s in a if s.rank and s.rank <= 5),
            sum(1 for s in a if s.correct),
            sum(s.gold_cited for s in a),
            sum(s.holding_cited or 0 for s in a),
            sum(s.cited_answerable for s in a),
            len(a),
            sum(1 for s in scores if not s.answerable and s.abstained),
            sum(1 for s in scores if not s.answerable),
            sum(1 for s in a if s.abstained),
        ],
        dtype=float,
    )


def _ratios(totals: np.ndarray) -> dict[str, np.ndarray]:
    """Each figure from the sums (the last axis is PARTS); NaN where nothing applies."""
    out = {}
    with np.errstate(invalid="ignore", divide="ignore"):
        for metric, (top, bottom) in RATIOS.items():
            out[metric] = totals[..., PARTS.index(top)] / totals[..., PARTS.index(bottom)]
    return out


def pool(
    sets: Sequence[Sequence[Score]],
    against: Sequence[Sequence[Score]] | None = None,
    boot: int = 1000,
    seed: int = 0,
    also: Sequence[tuple[Sequence[Score], Sequence[Score]]] = (),
) -> dict:
    """Pool sets of scores: for each slice and figure, the pooled value and a 95% interval from resampling the sets;
    with `against` (paired with `sets`), the change and its interval from resampling the pairs, and the judging rule,
    whose counts of answers newly given also take in the `also` pairs (candidate, baseline)."""
    if against is not None:
        if len(against) != len(sets):
            raise PoolError(f"{len(sets)} report folders against {len(against)}: pair them one to one")
        for n, (a, b) in enumerate([*zip(sets, against, strict=True), *also], 1):
            if [s.id for s in a] != [s.id for s in b]:
                raise PoolError(f"pair {n}: the two reports do not hold the same questions in the same order")
    elif also:
        raise PoolError("--also needs --against: the further pairs only add to the judging rule's counts")
    rng = np.random.default_rng(seed)
    # How often each set is drawn in each resample: the resampled sums are these counts times each set's sums.
    weights = np.stack([np.bincount(rng.integers(0, len(sets), len(sets)), minlength=len(sets)) for _ in range(boot)])
    out: dict = {"sets": len(sets), "questions": sum(len(s) for s in sets), "boot": boot, "slices": {}}
    mine_by_set = [slices(scores) for scores in sets]
    theirs_by_set = [slices(scores) for scores in against] if against is not None else []
    for name in slices([s for scores in sets for s in scores]):
        mine = [by.get(name, []) for by in mine_by_set]
        pooled = summarize([s for part in mine for s in part])
        sums = np.stack([_sums(part) for part in mine])
        drawn = _ratios(weights @ sums)
        if against is not None:
            theirs = [by.get(name, []) for by in theirs_by_set]
            base = summarize([s for part in theirs for s in part])
            base_drawn = _ratios(weights @ np.stack([_sums(part) for part in theirs]))
        row = {}
        for metric in SHOWN:
            if pooled[metric] is None:
                continue
            # One report alone says nothing of how another writer's set would score: no interval.
            cell = {"value": pooled[metric], "interval": _interval(drawn[metric]) if len(sets) > 1 else None}
            if against is not None and base[metric] is not None:
                cell |= {
                    "against": base[metric],
                    "change": round(pooled[metric] - base[metric], 4),
                    "change_interval": _interval(drawn[metric] - base_drawn[metric]) if len(sets) > 1 else None,
                }
            row[metric] = cell
        q = sum(len(part) for part in mine)
        answerable = sum(s.answerable for part in mine for s in part)
        out["slices"][name] = row | {"questions": {"answerable": answerable, "unanswerable": q - answerable}}
        if name != "later turns":
            out["slices"][name]["targets_met"] = targets_met(row)
    if against is not None:
        out["declines"] = declines(sets, against)
        pooled = out["declines"]
        if also:
            out["also_declines"] = declines([a for a, _ in also], [b for _, b in also])
            pooled = out["pooled_declines"] = _added(out["declines"], out["also_declines"])
        out["verdict"] = verdict(out["slices"]["all"], out["declines"], pooled)
    return out


def verdict(row: dict, counts: dict, pooled: dict | None = None) -> dict:
    """Check the judging rule: parts 1 and 3 on the new sets (`counts`, and the pooled change `row`, to four
    decimals), parts 2 and 5 on the answers newly given over everything judged (`pooled`, by default `counts`); each
    part, whether all hold, and the net answers gained of each kind."""
    pooled = counts if pooled is None else pooled
    net_answerable = pooled["answerable_answered"] - pooled["answerable_declined"]
    net_unanswerable = pooled["unanswerable_answered"] - pooled["unanswerable_declined"]
    change = {m: row[m]["change"] for m in RULE_HELD if m in row and "change" in row[m]}
    added_gold = pooled["answerable_answered_cited"]
    parts = {
        "right_answers_lost": counts["answerable_declined_right"] <= RULE_MARGIN * counts["answerables"] + 1e-9,
        "unanswerables_answered": 2 * net_unanswerable <= net_answerable,
        "figures_held": all(change.get(m, 0.0) >= -RULE_MARGIN - 1e-9 for m in RULE_HELD),
        "added_answers_cite": pooled["answerable_answered"] - added_gold <= added_gold,
    }
    return parts | {
        "passes": all(parts.values()),
        "net": {"answerable": net_answerable, "unanswerable": net_unanswerable},
    }


def declines(sets: Sequence[Sequence[Score]], against: Sequence[Sequence[Score]]) -> dict:
    """Count the questions answered by one side and declined by the other, paired question by question: the
    answerable and the unanswerable ones newly answered and newly declined against the baseline; of the answerables,
    those whose answer (as given) cites a gold page, and the right answers lost (newly declined where the baseline's
    answer held its key terms or cited a gold page)."""
    out = {f"{kind}_{change}": 0 for kind in ("answerable", "unanswerable") for change in ("answered", "declined")}
    out |= {"answerable_answered_cited": 0, "answerable_declined_cited": 0, "answerable_declined_right": 0}
    out["answerables"] = sum(s.answerable for scores in against for s in scores)
    for mine, theirs in zip(sets, against, strict=True):
        for a, b in zip(mine, theirs, strict=True):
            if a.abstained != b.abstained:
                kind = "answerable" if a.answerable else "unanswerable"
                out[f"{kind}_{'declined' if a.abstained else 'answered'}"] += 1
                if a.answerable and (a if b.abstained else b).gold_cited:
                    out[f"answerable_{'declined' if a.abstained else 'answered'}_cited"] += 1
                if a.answerable and a.abstained and (b.correct or b.gold_cited):
                    out["answerable_declined_right"] += 1
    return out


def _added(*counts: dict) -> dict:
    """Sum `declines` counts (the new sets' and the further pairs')."""
    return {k: sum(c[k] for c in counts) for k in counts[0]}


def _interval(values: np.ndarray) -> list[float] | None:
    values = values[~np.isnan(values)]
    if not len(values):
        return None
    low, high = np.percentile(values, [2.5, 97.5])
    return [round(float(low), 4), round(float(high), 4)]


def targets_met(row: dict) -> dict[str, bool]:
    """Say, for one pooled slice, which of issue 8's targets its figures meet (declines count only within the bound on
    answerable questions declined)."""
    met = {m: row[m]["value"] >= t for m, t in TARGETS.items() if m in row}
    if "abstain_recall" in met and "false_abstain" in row:
        met["abstain_recall"] = met["abstain_recall"] and row["false_abstain"]["value"] <= MAX_FALSE_ABSTAIN
    return met


def text(result: dict) -> str:
    """The pooled figures as a plain table per slice."""
    over = "95% intervals over the sets" if result["sets"] > 1 else "one report: no interval"
    lines = [f"{result['sets']} report(s), {result['questions']} questions; {over}"]
    for name, row in result["slices"].items():
        q = row["questions"]
        met = row.get("targets_met", {})
        lines.append(f"\n{name} ({q['answerable']} answerable, {q['unanswerable']} unanswerable)")
        for metric in SHOWN:
            if metric not in row:
                continue
            cell = row[metric]
            span = "" if cell["interval"] is None else f"  [{cell['interval'][0]:.3f}, {cell['interval'][1]:.3f}]"
            line = f"  {metric:16s} {cell['value']:.3f}{span}"
            if "change" in cell:
                ci = cell["change_interval"]
                line += f"   against {cell['against']:.3f}: {cell['change']:+.4f}"
                line += "" if ci is None else f" [{ci[0]:+.4f}, {ci[1]:+.4f}]"
            if metric in met:
                line += f"   target {TARGETS[metric]:.2f}: {'met' if met[metric] else 'not met'}"
            lines.append(line)
    if "declines" in result:
        d = result["declines"]
        lines.append(
            f"\nagainst the baseline: answerables newly answered {d['answerable_answered']}, newly declined "
            f"{d['answerable_declined']}; unanswerables newly answered {d['unanswerable_answered']}, newly declined "
            f"{d['unanswerable_declined']}"
        )
        lines.append(
            f"  citing a gold page: {d['answerable_answered_cited']} of the answerables newly answered, "
            f"{d['answerable_declined_cited']} of those newly declined (as the baseline answered them)"
        )
    if "pooled_declines" in result:
        d = result["pooled_declines"]
        lines.append(
            f"with the further pairs (--also): answerables newly answered {d['answerable_answered']} "
            f"({d['answerable_answered_cited']} citing a gold page), newly declined {d['answerable_declined']}; "
            f"unanswerables newly answered {d['unanswerable_answered']}, newly declined {d['unanswerable_declined']}"
        )
    if "verdict" in result:
        v, d = result["verdict"], result["declines"]
        net_a, net_u = v["net"]["answerable"], v["net"]["unanswerable"]
        ok = {True: "holds", False: "FAILS"}
        over = " (with the further pairs)" if "pooled_declines" in result else ""
        added = result.get("pooled_declines", d)
        lines += [
            f"judging rule: {'passes' if v['passes'] else 'FAILS'} (the suite must pass too)",
            f"  1. right answers lost ({d['answerable_declined_right']} of {d['answerables']} answerables) at most "
            f"{RULE_MARGIN} of the answerables: {ok[v['right_answers_lost']]}",
            f"  2. 2 x net unanswerables answered ({2 * net_u}) <= net answerables answered ({net_a}){over}: "
            f"{ok[v['unanswerables_answered']]}",
            f"  3. MRR, key terms (correct) and citations each fall by at most {RULE_MARGIN}: {ok[v['figures_held']]}",
            f"  5. answers added citing no gold page ({added['answerable_answered'] - added['answerable_answered_cited']})"
            f" <= citing one ({added['answerable_answered_cited']}){over}: {ok[v['added_answers_cite']]}",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nsss.eval.pool", description=__doc__.split("\n\n")[0])
    parser.add_argument("reports", nargs="+", type=Path, help="folders `nsss eval --report` wrote")
    parser.add_argument("--against", nargs="+", type=Path, help="the baseline's folders, paired in the same order")
    parser.add_argument(
        "--also",
        nargs="+",
        type=Path,
        default=[],
        help="further candidate folders (its development part,"
        " earlier blind runs) counted in the judging rule's answers newly given only",
    )
    parser.add_argument("--also-against", nargs="+", type=Path, default=[], help="the baseline's folders for --also")
    parser.add_argument("--system", default="assistant", help="the system to pool (default: assistant)")
    parser.add_argument("--boot", type=int, default=1000, help="bootstrap resamples of the sets (default: 1000)")
    parser.add_argument("--seed", type=int, default=0, help="the resampling seed (default: 0)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    try:
        sets = [read_report(d, args.system) for d in args.reports]
        against = [read_report(d, args.system) for d in args.against] if args.against else None
        if len(args.also) != len(args.also_against):
            raise PoolError(f"{len(args.also)} --also folders against {len(args.also_against)}: pair them one to one")
        also = [
            (read_report(a, args.system), read_report(b, args.system)) for a, b in zip(args.also, args.also_against)
        ]
        result = pool(sets, against, boot=args.boot, seed=args.seed, also=also)
    except PoolError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result) if args.json else text(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
