"""Run the assistant and three baselines on the same questions over the same store, and score them."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from nsss.core.settings import BUNDLED_CORPUS, Settings
from nsss.eval.metrics import (
    METRICS,
    EvalResult,
    Output,
    Question,
    Score,
    fmt,
    followup_rows,
    later_turn_slices,
    same_source,
    score,
    summarize,
)
from nsss.eval.systems import BUILDERS, SYSTEMS, System


class EvalError(ValueError):
    """The question set or the options cannot be used; the message says what to fix."""


def load_questions(path: Path, split: str | None = None) -> list[Question]:
    """Read a question set: one JSON object per line with id, question, answer, sources, evidence, type, answerable
    (and for conversations, conversation and turn); keep one half of it when split names one."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise EvalError(f"{path}: question set not found") from None
    questions = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
            questions.append(
                Question(
                    id=str(r["id"]),
                    question=r["question"],
                    answer=r.get("answer", ""),
                    sources=tuple(r.get("sources", ())),
                    evidence=tuple(r.get("evidence", ())),
                    type=r.get("type", "") or "other",
                    answerable=bool(r.get("answerable", True)),
                    conversation=str(r.get("conversation") or ""),
                    turn=int(r.get("turn") or 0),
                    lang=str(r.get("lang") or ""),
                    split=str(r.get("split") or ""),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise EvalError(
                f"{path} line {number}: not a question record ({exc}); see eval/seed_qa.jsonl for the shape"
            ) from None
    if split:
        questions = [q for q in questions if q.split == split]
    if not questions:
        raise EvalError(f"{path}: holds no questions" + (f" in the {split!r} half" if split else ""))
    return questions


def run_eval(
    questions: Path,
    settings: Settings,
    corpus: Path | list[Path] | None = None,
    report: Path | None = None,
    systems: tuple[str, ...] | None = None,
    store_given: bool = False,
    split: str | None = None,
    as_conversation: bool = False,
) -> EvalResult:
    """Ingest the corpus (or use the store), answer every question with every system, score, and report.

    The assistant answers a conversation's turns in order, each with the turns before it; every other question on
    its own, or (as_conversation) the whole set as one conversation, as a user who never starts a new chat would.
    """
    from nsss.ingest import ingest
    from nsss.ingest.sync import UsageError

    gold = load_questions(questions, split)
    corpora = [Path(c) for c in (corpus if isinstance(corpus, list | tuple) else [corpus])] if corpus else []
    names = tuple(systems or SYSTEMS)
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        raise UsageError(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(SYSTEMS)}")
    for folder in corpora:
        if not folder.is_dir():
            raise UsageError(f"{folder}: no such folder")

    with contextlib.ExitStack() as stack:
        if not store_given:
            tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="nsss-eval-"))
            settings = settings.replace(store=Path(tmp), chroma_url="")
        if not store_given or corpora:
            done = ingest(corpora or [BUNDLED_CORPUS], settings, progress=True)
            for failure in done.failed:
                print(f"nsss eval: not ingested: {failure.path}: {failure.error}", file=sys.stderr)
        started = time.time()
        runs, scores, mode = _run(gold, settings, names, as_conversation)
        elapsed = time.time() - started

    later = {n: later_turn_slices(scores[n]) for n in names}
    result = EvalResult(
        systems={n: summarize(scores[n]) for n in names},
        by_type={
            t: {n: summarize([s for s in scores[n] if s.type == t]) for n in names}
            for t in dict.fromkeys(q.type for q in gold)
        },
        questions=len(gold),
        answerable=sum(q.answerable for q in gold),
        types={t: sum(q.type == t for q in gold) for t in dict.fromkeys(q.type for q in gold)},
        question_set=str(questions),
        corpus=", ".join(str(c.resolve()) for c in corpora)
        if corpora
        else (None if store_given else str(BUNDLED_CORPUS)),
        split=split or "all",
        as_conversation=as_conversation,
        store=str(settings.store) if store_given else "temporary",
        assistant_mode=mode,
        seconds=round(elapsed, 1),
        by_language={
            lang: {n: summarize([s for s in scores[n] if s.lang == lang]) for n in names}
            for lang in sorted({s.lang for s in scores[names[0]]})
        },
        later_turns={part: {n: summarize(later[n][part]) for n in names} for part in later[names[0]]},
        followups=followup_rows(scores["assistant"]) if "assistant" in scores else [],
    )
    if report is not None:
        from nsss.eval.report import write_report

        write_report(Path(report), result, gold, runs, scores)
        result = dataclasses.replace(result, report=str(Path(report) / "report.md"))
    return result


def answered(questions: list[Question], assistant, progress: bool = True):
    """Answer questions as `nsss eval` answers them set by set, and yield each with its answer: a conversation's
    turns in order, each with the turns before it, every other question in a chat of its own."""
    from nsss.assistant import Conversation
    from tqdm import tqdm

    chat = Conversation()
    for q in tqdm(questions, desc="Answering", unit="question", file=sys.stderr, disable=not progress):
        if not q.conversation or q.turn <= 1:
            chat = Conversation()
        answer = assistant.answer(q.question, conversation=chat)
        chat = chat.add(answer)
        yield q, answer


def _run(gold: list[Question], settings: Settings, names: tuple[str, ...], as_conversation: bool = False):
    from nsss.index import open_index
    from tqdm import tqdm

    index = open_index(settings)
    if not index.records:
        raise EvalError(f"the store {settings.store} holds no documents: give --corpus, or ingest first")
    index.fill_sentences(progress=True)  # as a running service has them: the timed answers look them up
    texts: dict[str, str] = {}

    def document(key: str) -> str:
        if key not in texts:
            texts[key] = index.store.document_text(key)
        return texts[key]

    systems: dict[str, System] = {}
    for name in names:
        systems[name] = BUILDERS[name](index, settings, document)
    # One unscored question per system first, so lazy loading is not charged to the first question.
    for system in systems.values():
        system(gold[0].question)
    if "assistant" in systems:
        systems["assistant"].reset()
    similarity = _Similarity(index.embedder)

    runs: dict[str, list[Output]] = {n: [] for n in names}
    scores: dict[str, list[Score]] = {n: [] for n in names}
    across = _across_languages(index.records, document)
    for q in tqdm(gold, desc="Evaluating", unit="question", file=sys.stderr, dynamic_ncols=True, mininterval=0.5):
        q_across = across(q)
        for name, system in systems.items():
            if name == "assistant" and not as_conversation and (not q.conversation or q.turn <= 1):
                system.reset()  # a question on its own, or the first turn of a conversation: a new chat
            out = system(q.question)
            runs[name].append(out)
            scores[name].append(dataclasses.replace(score(q, out, document, similarity), across=q_across))
    modes = getattr(systems.get("assistant"), "modes", None)
    return runs, scores, ", ".join(sorted(modes)) if modes else None


def _across_languages(records, document: Callable[[str], str]) -> Callable[[Question], bool | None]:
    """Return a function telling whether an answerable question's gold documents include one in another language
    than the question (by the letters of the document's text, `core.text.language`); None for an unanswerable one or
    when no stored document is a gold one."""
    from nsss.core.text import language

    languages: dict[str, str] = {}  # document key -> its language, read once

    def of(key: str) -> str:
        if key not in languages:
            languages[key] = language(document(key))
        return languages[key]

    def across(q: Question) -> bool | None:
        gold = [r.key for r in records if any(same_source(r.source, g) for g in q.sources)]
        if not q.answerable or not gold:
            return None
        return any(of(key) != (q.lang or "en") for key in gold)

    return across


class _Similarity:
    """Cosine similarity of two texts under the bundled model, with vectors cached."""

    def __init__(self, embedder):
        self.embedder = embedder
        self.cache: dict[str, list[float]] = {}

    def __call__(self, a: str, b: str) -> float:
        missing = [t for t in dict.fromkeys((a, b)) if t not in self.cache]
        if missing:
            self.cache.update(zip(missing, self.embedder.embed(missing), strict=True))
        return float(sum(x * y for x, y in zip(self.cache[a], self.cache[b], strict=True)))


def summary_text(result: EvalResult) -> str:
    """Format the overall metrics as a plain table for people."""
    names = list(result.systems)
    width = max(len(n) for n in names) + 2
    lines = [f"{'metric':<20}" + "".join(f"{n:>{width}}" for n in names)]
    for metric in METRICS:
        cells = [fmt(result.systems[n].get(metric), metric) for n in names]
        lines.append(f"{metric:<20}" + "".join(f"{c:>{width}}" for c in cells))
    lines.append(f"\n{result.questions} questions ({result.answerable} answerable)")
    if result.report:
        lines.append(f"report: {result.report}")
    return "\n".join(lines)
