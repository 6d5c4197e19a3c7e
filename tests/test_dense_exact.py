"""The same question finds the same passages in every process. Chroma's vector index is approximate and rebuilt each
time a process opens the store: the 60 nearest passages it returned differed between two processes for a few
questions in a hundred (one passage its graph sometimes could not reach at all), and an answer could change after a
restart, or when another process opened the store at the same moment. The dense search is now exact, over every
passage's vector as Chroma stores it. Real model, real Chroma, over the web corpus."""

import json

import numpy as np
import pytest
from conftest import PROJECT
from nsss.index import open_index
from nsss.index.search import CANDIDATES, nearest
from nsss.index.store import Store

QUESTIONS = [
    json.loads(line)["question"]
    for n in (440, 441, 442)
    for line in (PROJECT / "eval" / f"holdout{n}_qa.jsonl").read_text(encoding="utf-8").splitlines()
]


def test_the_dense_search_returns_the_exact_nearest_passages(web_store):
    index = open_index(web_store)
    got = index.store.chunks.get(include=["embeddings"])
    ids = got["ids"]
    matrix = np.asarray(got["embeddings"], dtype=np.float64)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    for question in QUESTIONS[:60]:
        vector = np.asarray(index.encode([question])[0], dtype=np.float64)
        sims = matrix @ (vector / np.linalg.norm(vector))
        exact = {ids[i] for i in np.argsort(-sims)[: CANDIDATES - 1]}  # (the last place may be a tie)
        found = nearest(index.lexical.ids, index.vectors, vector, CANDIDATES)

        assert exact <= {cid for cid, _ in found}, question
        assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)


def test_a_store_opened_afresh_gives_every_question_the_same_passages(web_store):
    index = open_index(web_store)
    before = {q: [(h.chunk.id, h.score) for h in index.search(q, k=12)] for q in QUESTIONS}
    # A new Chroma system, as another process would open: its vector index is built anew.
    index.reload(store=Store(web_store, index.embedder.slug, fresh=True), save=False)
    after = {q: [(h.chunk.id, h.score) for h in index.search(q, k=12)] for q in QUESTIONS}

    assert after == before


def test_a_filter_keeps_the_dense_search_to_its_documents(web_store):
    index = open_index(web_store)
    key = next(r.key for r in index.records if r.source.endswith("sp-gov-bd-central-management-committee.md"))
    mask = index.lexical.mask((key,))
    vector = index.encode(["Who chairs the Central Management Committee?"])[0]
    found = nearest(index.lexical.ids, index.vectors, vector, CANDIDATES, mask)

    assert found
    assert {index.lexical.doc_keys[index.lexical.position[cid]] for cid, _ in found} == {key}


def test_the_repeat_check_finds_no_question_whose_passages_differ(web_store, tmp_path):
    from nsss.eval.repeat import RepeatError, questions, repeat

    counts = repeat(web_store.store, QUESTIONS[:20])

    assert counts == {"questions": 20, "passages differ": 0, "scores differ": 0}
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"question": "Who chairs the CMC?"}\n{"id": 2}\n', encoding="utf-8")
    with pytest.raises(RepeatError, match=r"broken.jsonl line 2: not a record with a question"):
        questions([broken])
