"""The LLM path against a real OpenAI-compatible server: llama.cpp serving SmolLM2-135M (poor answers, real wiring).

Two LLM calls in all: SmolLM2 is slow with long prompts here, so answers use top_k=2 (two passages in the prompt).
"""

import re

import pytest
from llm_server import MODEL_ALIAS, start_llama_server, stop, unavailable_reason
from nsss.assistant import Assistant, Conversation, open_assistant
from nsss.assistant.format import answer_text

FOCAL = "focal-point-meeting-2022-06-26.txt"
MARKER = re.compile(r"\[(\d+)\]")

pytestmark = pytest.mark.skipif(unavailable_reason() is not None, reason=unavailable_reason() or "")


@pytest.fixture(scope="module")
def llama():
    """A llama.cpp server with SmolLM2, started once for this module; yields (process, base URL)."""
    proc, url = start_llama_server(timeout=180)
    yield proc, url
    stop(proc)


@pytest.fixture(scope="module")
def assistant(llama, seed_store):
    _, url = llama
    base = open_assistant(seed_store, use_llm=False)
    return Assistant(seed_store.replace(llm_url=url, llm_model=MODEL_ALIAS, llm_timeout=240), index=base.index)


def check_verified(answer, assistant) -> None:
    """The answer is the LLM's, verified, or the extractive one with a notice; either way every word is cited."""
    if answer.mode == "extractive":
        assert answer.notice.startswith("The language model did not give a usable answer"), answer.notice
        assert f"Note: {answer.notice}" in answer_text(answer)
    else:
        assert answer.mode == "llm", answer.mode
    if answer.abstained:
        assert not answer.citations and not MARKER.search(answer.text)
        return
    assert answer.citations, answer.text
    for c in answer.citations:
        assert assistant.index.store.document_text(c.doc_key)[c.start : c.end] == c.quote, c
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    assert {int(n) for n in MARKER.findall(answer.text)} == {c.n for c in answer.citations}, answer.text
    sentences = MARKER.split(answer.text)[::2]
    assert all(s.strip(" \n-") for s in sentences[:-1]) and not sentences[-1].strip(), (
        f"every kept sentence ends with a marker:\n{answer.text}"
    )


def test_llm_answers_and_follow_ups_are_verified(llama, assistant):
    proc, _ = llama
    first = assistant.answer("When was the focal point meeting held?", top_k=2)
    check_verified(first, assistant)

    second = assistant.answer("and who chaired it?", Conversation().add(first), top_k=2)
    check_verified(second, assistant)
    assert FOCAL in {h.chunk.source for h in second.retrieved[:2]}, "the follow-up is read with the first question"

    log = proc.log_path.read_text(errors="replace")
    assert log.count("POST /v1/chat/completions") == 2, "each answer asked the real server once"
