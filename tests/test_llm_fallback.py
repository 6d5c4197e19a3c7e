"""The LLM path when the endpoint is down, slow, or says things the passages do not support.

The replies come from a small deterministic OpenAI-compatible server in this module: the real llama.cpp server
cannot be made to return a chosen wrong answer on demand. tests/test_llm_real.py runs the real one.
"""

import json
import os
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from nsss.assistant import Assistant, open_assistant
from nsss.assistant.format import answer_text
from nsss.core.settings import Settings
from nsss.core.types import Filters

FOCAL = "focal-point-meeting-2022-06-26.txt"
QUESTION = "Who was the Chair of the meeting of the Social Protection Focal Points?"
MARKER = re.compile(r"\[(\d+)\]")
PASSAGE = re.compile(r"^\[(\d+)\] \(.*\)\n(.*)$", re.M)


class ChatServer(ThreadingHTTPServer):
    """Answers every chat completion with reply(request) after `delay` seconds, and keeps the requests."""

    daemon_threads = True
    block_on_close = False

    def __init__(self):
        super().__init__(("127.0.0.1", 0), ChatHandler)
        self.reply = lambda request: "NOT FOUND"
        self.delay = 0.0
        self.requests: list[dict] = []
        self.errors: list[str] = []  # failures of reply(), which would otherwise vanish in the server's thread
        self.released = threading.Event()  # set at teardown, so a slow reply stops waiting

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


class ChatHandler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - the name http.server calls
        request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        self.server.requests.append({"path": self.path, **request})
        if self.server.delay:
            self.server.released.wait(self.server.delay)
        try:
            content = self.server.reply(request)
        except Exception as exc:  # noqa: BLE001 - reported by the test through server.errors
            self.server.errors.append(repr(exc))
            content = ""
        body = json.dumps(
            {
                "id": "chatcmpl-test",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": request.get("model", "test"),
                "choices": [
                    {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}
                ],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }
        ).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting, as it should

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def chat_server():
    server = ChatServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.released.set()
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def extractive(seed_store):
    """The assistant without an LLM; its index is shared by the LLM assistants below."""
    return open_assistant(seed_store, use_llm=False)


@pytest.fixture
def with_llm(extractive, seed_store, tmp_path, monkeypatch):
    """Return make(url, timeout): an assistant over the seed store using the LLM at url, set as a user would."""

    def make(url: str, timeout: str = "20") -> Assistant:
        for name in [k for k in os.environ if k.startswith("NSSS_")]:
            monkeypatch.delenv(name)
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
        monkeypatch.setenv("NSSS_LLM_URL", url)
        monkeypatch.setenv("NSSS_LLM_TIMEOUT", timeout)
        settings = Settings.load(store=seed_store.store)
        assert settings.llm_url == url and settings.llm_timeout == float(timeout)
        return Assistant(settings, index=extractive.index, use_llm=True)

    return make


def passages(request: dict) -> dict[int, str]:
    """Return the numbered passages of the prompt the assistant sent."""
    prompt = request["messages"][-1]["content"]
    return {int(n): text for n, text in PASSAGE.findall(prompt)}


def assert_quotes_exact(answer, assistant) -> None:
    for c in answer.citations:
        assert assistant.index.store.document_text(c.doc_key)[c.start : c.end] == c.quote


def assert_falls_back(answer, extractive_answer) -> None:
    assert answer.mode == "extractive"
    assert answer.notice.startswith("The language model did not give a usable answer"), answer.notice
    assert answer.text == extractive_answer.text
    assert f"Note: {answer.notice}" in answer_text(answer)


@pytest.fixture(scope="module")
def extractive_answer(extractive):
    return extractive.answer(QUESTION, top_k=2)


def test_endpoint_down_falls_back_quickly_with_a_notice(with_llm, extractive_answer):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assistant = with_llm(f"http://127.0.0.1:{port}/v1")

    started = time.perf_counter()
    answer = assistant.answer(QUESTION, top_k=2)
    elapsed = time.perf_counter() - started

    assert elapsed < 5, f"the fallback took {elapsed:.1f} s"
    assert_falls_back(answer, extractive_answer)
    assert f"127.0.0.1:{port}" in answer.notice and "did not answer" in answer.notice
    assert "Connection" in answer.notice, "the notice names the failure"


def test_unsupported_nonsense_with_bogus_markers_falls_back(with_llm, chat_server, extractive_answer):
    chat_server.delay = 0
    chat_server.reply = lambda request: (
        "The focal points agreed to build a bridge to the moon [9]. "
        "Purple elephants will chair every future meeting [9]."
    )

    answer = with_llm(chat_server.url).answer(QUESTION, top_k=2)

    assert_falls_back(answer, extractive_answer)
    assert "none of its sentences is supported" in answer.notice
    assert answer.notice_kind == "llm_failed" and answer.notice_detail in answer.notice
    assert "[9]" not in answer.text and "moon" not in answer.text


def test_supported_sentence_is_kept_with_a_corrected_marker_and_the_rest_dropped(with_llm, chat_server):
    chat_server.delay = 0
    chat_server.requests.clear()
    chat_server.errors.clear()

    def reply(request):
        given = passages(request)
        holding = [n for n, text in given.items() if "Shamsul Arefin" in text]
        assert holding, f"the passages sent should hold the chair's name: {given}"
        wrong = next(n for n in given if n not in holding)
        return (
            f"The meeting was chaired by Mr. Md Shamsul Arefin, Secretary, Coordination and Reforms, Cabinet "
            f"Division [{wrong}]. The meeting also approved a monthly pension of 5000 taka for every "
            f"fisherman in Sylhet [{holding[0]}]."
        )

    chat_server.reply = reply
    assistant = with_llm(chat_server.url)
    answer = assistant.answer(QUESTION, filters=Filters(documents=(FOCAL,)), top_k=2)

    assert not chat_server.errors, chat_server.errors
    request = chat_server.requests[-1]
    assert request["path"] == "/v1/chat/completions"
    assert sorted(passages(request)) == [1, 2], "top_k=2 puts two numbered passages in the prompt"
    assert f"Question: {QUESTION}" in request["messages"][-1]["content"]
    assert answer.mode == "llm" and not answer.abstained
    assert "Shamsul Arefin" in answer.text and "Sylhet" not in answer.text and "pension" not in answer.text
    assert [int(n) for n in MARKER.findall(answer.text)] == [c.n for c in answer.citations] == [1]
    (c,) = answer.citations
    assert c.source == FOCAL and "Shamsul Arefin" in c.quote
    assert_quotes_exact(answer, assistant)
    assert "1 sentence(s)" in answer.notice and "left out" in answer.notice, answer.notice
    assert (answer.notice_kind, answer.notice_detail) == ("llm_trimmed", "1")


def test_not_found_reply_abstains(with_llm, chat_server):
    chat_server.delay = 0
    chat_server.reply = lambda request: "NOT FOUND"
    before = len(chat_server.requests)

    answer = with_llm(chat_server.url).answer(QUESTION, top_k=2)

    assert answer.mode == "llm" and len(chat_server.requests) == before + 1
    assert answer.abstained and not answer.citations
    assert "Nearest passages:" in answer_text(answer)


def test_a_question_the_documents_do_not_answer_is_declined_before_the_llm_is_asked(with_llm, chat_server):
    """The LLM path uses the same answerability check: nothing is sent when the passages do not answer."""
    chat_server.delay = 0
    chat_server.reply = lambda request: "The monthly amount is Tk 500 [1]."
    before = len(chat_server.requests)

    answer = with_llm(chat_server.url).answer("What is the monthly amount of the old age allowance?", top_k=2)

    assert answer.abstained and not answer.citations and "Tk 500" not in answer.text
    assert len(chat_server.requests) == before


def test_reply_slower_than_the_timeout_falls_back(with_llm, chat_server, extractive_answer):
    chat_server.delay = 60  # far beyond NSSS_LLM_TIMEOUT
    chat_server.reply = lambda request: "The meeting was chaired by Mr. Md Shamsul Arefin [1]."

    started = time.perf_counter()
    answer = with_llm(chat_server.url, timeout="2").answer(QUESTION, top_k=2)
    elapsed = time.perf_counter() - started

    assert elapsed < 15, f"waited {elapsed:.1f} s for a reply due after 2 s"
    assert_falls_back(answer, extractive_answer)
    assert "Timeout" in answer.notice, answer.notice
