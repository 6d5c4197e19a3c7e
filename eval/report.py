"""Write an evaluation's report: a Markdown page, per-question results and two PNG plots."""

from __future__ import annotations

import datetime
import json
import os
import platform
import shlex
import sys
from pathlib import Path

from nsss.eval.metrics import (
    CORRECT_SHARE,
    DEFINITIONS,
    METRICS,
    SUPPORT_RULE,
    EvalResult,
    Output,
    Question,
    Score,
    fmt,
)
from nsss.eval.systems import BASELINE_PASSAGES, LLAMAINDEX_CHUNK_SIZE, LLAMAINDEX_OVERLAP, LLAMAINDEX_TOP_K

QUALITY = [m for m in METRICS if not m.endswith("_ms") and m != "answer_words"]
LANGUAGES = {"en": "English", "bn": "Bangla"}
SHORT = 240  # characters of each answer kept in per_question.jsonl


def write_report(
    folder: Path,
    result: EvalResult,
    gold: list[Question],
    runs: dict[str, list[Output]],
    scores: dict[str, list[Score]],
) -> None:
    """Write report.md, per_question.jsonl, metrics.png and latency.png into a folder."""
    folder.mkdir(parents=True, exist_ok=True)
    _plot_metrics(folder / "metrics.png", result)
    _plot_latency(folder / "latency.png", scores)
    with open(folder / "per_question.jsonl", "w", encoding="utf-8") as fh:
        for i, q in enumerate(gold):
            row = {
                "id": q.id,
                "type": q.type,
                "answerable": q.answerable,
                "question": q.question,
                "lang": q.lang or "en",
            }
            if q.conversation:
                row |= {"conversation": q.conversation, "turn": q.turn}
            # (Whether a gold document is in another language than the question: the same for every system.)
            row["across_languages"] = next(iter(scores.values()))[i].across if scores else None
            for name in runs:
                out, s = runs[name][i], scores[name][i]
                row[name] = {
                    "rank": s.rank,
                    "correct": s.correct,
                    "glossed": s.glossed,
                    "abstained": s.abstained,
                    "evidence": s.evidence,
                    "citations": s.citations,
                    "precise": s.precise,
                    "statements": s.statements,
                    "supported": s.supported,
                    "quotes": s.quotes,
                    "exact": s.exact,
                    "words": s.words,
                    "ms": s.ms,
                    "followup": s.followup,
                    "gold_in_previous": s.gold_previous,
                    "sources": list(dict.fromkeys(p.source for p in out.retrieved))[:5],
                    "cited": [c.source for c in out.citations],  # each citation's document, in marker order
                    "gold_cited": s.gold_cited,  # how many of them are at a gold source (answerable questions)
                    "holding_cited": s.holding_cited,  # or at a document holding a gold evidence quote
                    "answer": out.text[:SHORT],
                }
            fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    (folder / "report.md").write_text(_markdown(result), encoding="utf-8")


def _markdown(result: EvalResult) -> str:
    names = list(result.systems)
    lines = [
        "# Evaluation report",
        "",
        f"- Command: `{_command()}`",
        f"- Date: {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"- Question set: `{result.question_set}`: {result.questions} questions, {result.answerable} "
        f"answerable; by type: " + ", ".join(f"{t} {n}" for t, n in result.types.items()),
        f"- Corpus: `{result.corpus or '(the store as it was)'}`; store: {result.store}",
        f"- Assistant mode: {result.assistant_mode or 'not run'}",
        f"- Machine: {machine()}",
        f"- Wall time of the run: {result.seconds} s",
        "",
        "## Overall",
        "",
        *_table(result.systems, names),
        "",
        "![metrics by system](metrics.png)",
        "",
        "![latency by system](latency.png)",
        "",
        "## By question type",
        "",
    ]
    for kind, by_system in result.by_type.items():
        lines += [f"### {kind} ({result.types[kind]} questions)", "", *_table(by_system, names), ""]
    lines += ["## By language", ""]
    for lang, by_system in result.by_language.items():
        lines += [f"### {LANGUAGES.get(lang, lang)}", "", *_table(by_system, names), ""]
    if result.later_turns:
        lines += [
            "## Later turns of conversations",
            "",
            "Turns past the first of their conversation, asked after the turns before them"
            + (
                " (the whole set is one conversation here, so only the set's own conversations count)."
                if result.as_conversation
                else "."
            ),
            "",
        ]
        for part, by_system in result.later_turns.items():
            title = "All later turns" if part == "all" else f"Later turns in {LANGUAGES.get(part, part)}"
            lines += [f"### {title}", "", *_table(by_system, names), ""]
    if result.followups:
        lines += [
            "### Why later turns are missed (assistant)",
            "",
            "Answerable later turns by how the assistant read them (a follow-up of the turn before, or a question of "
            "its own) and by where their answer stands (in a file the turn before was about, or elsewhere); then "
            "where the right file was ranked.",
            "",
            "| language | read as | answer in | turns | ranked first | ranked 2-5 | missed | MRR |",
            "|---|---|---|---:|---:|---:|---:|---:|",
            *(
                f"| {LANGUAGES.get(r['lang'], r['lang'])} | {r['read_as']} | "
                f"{'the turn before' if r['gold_in'] == 'previous' else 'elsewhere'} | {r['turns']} | {r['first']} | "
                f"{r['top5']} | {r['missed']} | {r['MRR']:.3f} |"
                for r in result.followups
            ),
            "",
        ]
    lines += [
        "## Systems",
        "",
        "- `assistant`: `assistant.open_assistant(settings).answer(question)`, each question on its own.",
        "- `bm25`: BM25 alone (bm25s, the project's English/Bangla tokenizer, no acronym expansion) over the "
        "store's chunks.",
        "- `dense`: the bundled all-MiniLM-L6-v2 alone, a Chroma query over the store's chunk vectors.",
        f"- `llamaindex-default`: private-gpt's default pipeline: llama-index `SentenceSplitter(chunk_size="
        f"{LLAMAINDEX_CHUNK_SIZE}, chunk_overlap={LLAMAINDEX_OVERLAP})` over the store's extracted document texts, "
        f"an in-memory `VectorStoreIndex` with `HuggingFaceEmbedding` of the bundled model, retriever top "
        f"{LLAMAINDEX_TOP_K}.",
        f"- The baselines answer extractively: their top {BASELINE_PASSAGES} passages verbatim, one citation each "
        "(the quote is the passage). They never abstain. Their citation metrics are therefore near 1 by "
        "construction; `correct`, `citation_source` and the retrieval metrics are what compare them.",
        "- Ranks count the passages each system returns, up to 10: the assistant returns its top 5 (`retrieved`), "
        "`bm25` and `dense` 10, `llamaindex-default` 2 (as private-gpt retrieves).",
        "- Latency is the wall time of one call per question, after one unscored warm-up call per system.",
        "",
        "## Metrics",
        "",
        *(f"- `{m}`: {DEFINITIONS[m]}." for m in METRICS),
        f"- Support rule for the citation metrics: {SUPPORT_RULE}.",
        f"- Key terms (for `correct` and support): numbers (Bangla digits read as ASCII, thousands separators "
        f"dropped) and the words left by the project's BM25 tokenizer (English stemmed without stop words; Bangla "
        f"words whole, common inflections stripped), without filler such as 'yes' or 'both'. Threshold "
        f"{CORRECT_SHARE:.0%}.",
        "- Retrieval metrics, `evidence_recall`, `correct`, `citation_source` and `citation_holding` count "
        "answerable questions only; "
        "`-` means no question applies.",
        "- Per-question results: [per_question.jsonl](per_question.jsonl).",
        "",
    ]
    return "\n".join(lines)


def _table(by_system: dict, names: list[str]) -> list[str]:
    rows = ["| system | " + " | ".join(METRICS) + " |", "|---|" + "---:|" * len(METRICS)]
    for name in names:
        rows.append(f"| {name} | " + " | ".join(fmt(by_system[name].get(m), m) for m in METRICS) + " |")
    return rows


def _command() -> str:
    argv = sys.argv
    if argv and (Path(argv[0]).name == "nsss" or argv[0].endswith("nsss/cli.py")):
        return shlex.join(["nsss", *argv[1:]])
    return shlex.join(argv)


def machine() -> str:
    """Describe this computer and how busy it is, for anyone comparing figures."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory = f", {kb / 2**20:.0f} GiB RAM"
    except (OSError, IndexError, ValueError):
        pass
    torch = sys.modules.get("torch")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
        + (f", torch {torch.__version__}" if torch else "")
        + f"; load average at the end {load} (other work on the machine slows every system)"
    )


def _plot_metrics(path: Path, result: EvalResult) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(result.systems)
    width = 0.8 / max(1, len(names))
    fig, ax = plt.subplots(figsize=(12, 4.8), dpi=100)
    for i, name in enumerate(names):
        values = [result.systems[name].get(m) for m in QUALITY]
        xs = [j + (i - (len(names) - 1) / 2) * width for j in range(len(QUALITY))]
        ax.bar(xs, [v if v is not None else 0 for v in values], width, label=name)
    ax.set_xticks(range(len(QUALITY)), QUALITY, rotation=25, ha="right")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("share (higher is better, except false_abstain)")
    ax.set_title(f"Metrics by system: {Path(result.question_set).name}, {result.questions} questions")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(ncol=len(names), loc="upper center", bbox_to_anchor=(0.5, -0.28), frameon=False)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _plot_latency(path: Path, scores: dict[str, list[Score]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(scores)
    fig, ax = plt.subplots(figsize=(8, 4.2), dpi=100)
    data = [[max(s.ms, 0.01) for s in scores[n]] for n in names]
    ax.boxplot(data, tick_labels=names, whis=(5, 95), showfliers=True)
    ax.set_yscale("log")
    ax.set_ylabel("wall time per question (ms, log scale)")
    ax.set_title("Latency by system (whiskers: p5-p95)")
    ax.grid(axis="y", which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
