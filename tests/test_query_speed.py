"""The fast query path gives the answers of the slow one: the ONNX export encodes as PyTorch does, the stored
sentence vectors (a service's background work, not ingestion's) are the ones an answer would compute, and `nsss ask`
runs without importing PyTorch."""

import json
import sqlite3
import subprocess
import sys

import numpy as np
import pytest
from conftest import PROJECT
from nsss.core.settings import BUNDLED_CORPUS


@pytest.fixture(scope="module")
def torch_embedder():
    from nsss.index.embed import load_embedder

    return load_embedder(onnx=False)


def test_the_onnx_export_encodes_and_tokenizes_as_the_pytorch_model(embedder, torch_embedder):
    """Same word pieces (chunk sizes) and the same vectors, on real documents in English and Bangla."""
    from nsss.index.onnx_embed import OnnxEmbedder

    assert isinstance(embedder, OnnxEmbedder), "the bundled model should run from its ONNX export"
    texts = [p.read_text(encoding="utf-8") for p in sorted(BUNDLED_CORPUS.glob("*.txt"))]
    texts += ["Who chairs the Central Management Committee?", "বয়স্ক ভাতা কত টাকা?", "NSSS"]
    assert [embedder.tokenize(t) for t in texts] == [torch_embedder.tokenize(t) for t in texts]
    mine, theirs = np.array(embedder.embed(texts)), np.array(torch_embedder.embed(texts))
    assert mine.shape == theirs.shape == (len(texts), 384)
    assert (mine * theirs).sum(axis=1).min() > 0.99999
    assert embedder.slug == torch_embedder.slug  # one collection: the vectors are the same


def test_texts_packed_into_one_sequence_encode_as_each_alone(embedder, torch_embedder):
    """Many short texts share a run, each attending only to itself: the vectors are PyTorch's, text by text."""
    from nsss.index.onnx_embed import PACK_TOKENS, _packs

    text = (BUNDLED_CORPUS / "focal-point-meeting-2022-06-26.txt").read_text(encoding="utf-8")
    texts = [line.strip() for line in text.splitlines() if len(line.split()) > 2]
    texts += ["বয়স্ক ভাতা কত টাকা?", "NSSS", text]  # Bangla, one word, a text past the model's window
    lengths = [min(len(embedder.tokenize(t)) + 2, embedder.max_tokens) for t in texts]  # with [CLS] and [SEP]
    packs = _packs(lengths, PACK_TOKENS)
    assert len(packs) < len(texts) / 2  # they were packed, several to a run
    assert sorted(i for p in packs for i in p) == list(range(len(texts)))
    assert all(len(p) == 1 or sum(lengths[i] for i in p) <= PACK_TOKENS for p in packs)
    mine, theirs = np.array(embedder.embed(texts)), np.array(torch_embedder.embed(texts))
    assert (mine * theirs).sum(axis=1).min() > 0.99999
    alone = np.array([embedder.embed([t])[0] for t in texts[:5]])
    assert (alone * mine[:5]).sum(axis=1).min() > 0.99999


def test_ingest_encodes_only_the_passages_and_a_fill_each_sentence_once(settings, tmp_path, embedder):
    """Ingestion encodes what search needs; a fill encodes each sentence once, and after a change only new ones."""
    from nsss.index import open_index
    from nsss.index.store import Store
    from nsss.ingest import ingest
    from nsss.ingest.chunk import embedding_text

    folder = tmp_path / "docs"
    folder.mkdir()
    body = "The old age allowance rose to 600 taka. It is paid monthly through mobile accounts. Widows qualify too."
    (folder / "a.md").write_text(f"# Allowance rules\n\n{body}\n")
    encoded: list[str] = []
    embed = embedder.embed
    embedder.embed = lambda texts, **kw: encoded.extend(texts) or embed(texts, **kw)
    try:
        ingest([folder], settings, progress=False)
        (passage,) = [embedding_text(c) for c in Store(settings, embedder.slug).all_chunks()]
        assert encoded == [passage]  # the passage only: search needs nothing else
        encoded.clear()
        assert open_index(settings).fill_sentences() == 4
        sentences = ["# Allowance rules", *body.replace(". ", ".\n").splitlines()]
        assert sorted(encoded) == sorted(sentences)  # each sentence once
        encoded.clear()
        assert open_index(settings).fill_sentences() == 0 and encoded == []  # nothing changed, nothing encoded
        (folder / "a.md").write_text(f"# Allowance rules\n\n{body} Payments are made every quarter.\n")
        ingest([folder], settings, progress=False)
        (passage,) = [embedding_text(c) for c in Store(settings, embedder.slug).all_chunks()]
        assert encoded == [passage]
        encoded.clear()
        open_index(settings).fill_sentences()
        assert encoded == ["Payments are made every quarter."]  # the sentences it had are kept
    finally:
        embedder.embed = embed


def test_a_fill_stores_the_vector_of_every_sentence_an_answer_weighs(seed_store, torch_embedder):
    from nsss.core.layout import sentences_file
    from nsss.core.text import scored_texts
    from nsss.index.store import Store

    path = sentences_file(seed_store.store, torch_embedder.slug)
    chunks = list(Store(seed_store, torch_embedder.slug).all_chunks())
    texts = {t for c in chunks for t in scored_texts(c.text)}
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM vectors").fetchone()[0] == len(texts)
    from nsss.index.search import Index

    stored = Index(seed_store).sentence_vectors.get(sorted(texts))
    assert len(stored) == len(texts)
    stored = {t: stored[t] for t in sorted(stored)[:20]}
    fresh = torch_embedder.embed(list(stored))
    assert min(float(np.dot(stored[t], v)) for t, v in zip(stored, fresh, strict=True)) > 0.99999


def test_an_answer_encodes_only_its_question_and_says_what_it_said_without_stored_vectors(seed_store):
    from nsss.assistant import Assistant
    from nsss.index.sentence_vectors import SentenceVectors

    fast = Assistant(seed_store, use_llm=False)
    encoded: list[str] = []
    embed = fast.index.embedder.embed
    fast.index.embedder.embed = lambda texts, **kw: encoded.extend(texts) or embed(texts, **kw)
    try:
        question = "Who chairs the Central Management Committee?"
        answer = fast.answer(question)
        # The query (with its expansions); and the question as asked when the subject model is asked of it
        # (assistant/domain.py: an answer of doubtful evidence); no sentence.
        assert question in encoded[0] and encoded[1:] in ([], [question])
        slow = Assistant(seed_store, use_llm=False)
        slow.index.sentence_vectors = SentenceVectors(seed_store.store / "none.sqlite", 384)
        encoded.clear()
        again = slow.answer(question)
        assert len(encoded) > 1  # without stored vectors the sentences are encoded
    finally:
        fast.index.embedder.embed = embed
    assert (again.text, again.citations, again.abstained) == (answer.text, answer.citations, answer.abstained)


def test_nsss_ask_answers_without_importing_pytorch(seed_store, cli_env):
    """The query path imports neither torch, transformers nor what only ingestion and the web app need."""
    code = (
        "import sys, runpy; sys.argv = ['nsss', 'ask', 'Who chaired the focal point meeting?', '--no-llm', "
        f"'--json', '--store', {str(seed_store.store)!r}]\n"
        "try:\n    runpy.run_module('nsss', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "heavy = ['torch', 'transformers', 'sentence_transformers', 'llama_index', 'gradio', 'pypdf', 'docx']\n"
        "print(json.dumps([m for m in heavy if m in sys.modules]))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", "import json\n" + code],
        capture_output=True,
        text=True,
        timeout=180,
        env=cli_env,
        cwd=PROJECT,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    answer, imported = proc.stdout.strip().splitlines()[-2:]
    assert json.loads(answer)["citations"]
    assert json.loads(imported) == []


def test_a_fill_adds_the_sentences_of_new_passages_and_drops_those_of_removed_ones(settings, tmp_path):
    import sqlite3

    from nsss.core.layout import sentences_file
    from nsss.index import open_index
    from nsss.ingest import ingest

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.md").write_text("# Allowance\n\nThe old age allowance rose to 600 taka. It is paid monthly.\n")
    (folder / "b.md").write_text("# Committee\n\nThe Central Management Committee met twice in 2023.\n")
    path = sentences_file(settings.store, "all-minilm-l6-v2")

    def synced() -> int:
        ingest([folder], settings, progress=False)
        open_index(settings, lexical=False).fill_sentences()
        with sqlite3.connect(path) as db:
            return db.execute("SELECT count(*) FROM vectors").fetchone()[0]

    both = synced()
    (folder / "b.md").unlink()
    assert 0 < synced() < both
    (folder / "b.md").write_text("# Committee\n\nThe Central Management Committee met twice in 2023.\n")
    assert synced() == both


def test_a_running_service_fills_the_sentences_in_the_background_and_after_another_ingest(settings, tmp_path):
    """`nsss serve` encodes the sentences after opening the store, and again when another process ingests."""
    import time

    from nsss.index.store import Store
    from nsss.ingest import ingest
    from nsss.ui.service import Service

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.md").write_text("# Allowance\n\nThe old age allowance rose to 600 taka. It is paid monthly.\n")
    ingest([folder], settings, progress=False)
    service = Service(settings, use_llm=False).wait()
    vectors = service.assistant.index.sentence_vectors

    def filled_soon() -> bool:
        """Wait until the vectors say they cover the store as it is."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if vectors.stamp() == Store(settings, "all-minilm-l6-v2").fingerprint():
                return True
            time.sleep(0.1)
        return False

    assert filled_soon() and vectors.get(["It is paid monthly."])
    (folder / "b.md").write_text("# Committee\n\nThe Central Management Committee met twice in 2023.\n")
    ingest([folder / "b.md"], settings, progress=False)  # as `nsss ingest` in another terminal would
    added = "The Central Management Committee met twice in 2023."
    assert not vectors.get([added])
    assert len(service.records()) == 2  # the service notices the change when next asked anything
    assert filled_soon() and vectors.get([added])
