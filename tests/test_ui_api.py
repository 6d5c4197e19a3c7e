"""The web app's `/ask` API through gradio_client against a real `nsss serve`: many users at once, the
`nsss ask --json` shape, errors; and the server's defaults: bound to 127.0.0.1, a login when NSSS_AUTH is set."""

import json
import threading
from pathlib import Path

import pytest
from conftest import clean_env
from nsss.core.settings import BUNDLED_CORPUS, Settings

QUESTIONS = [
    "Who chaired the focal point meeting?",
    "What were the outcomes of the dissemination workshop?",
    "What does the progress report say about Action Plan II?",
    "What is the role of the Central Management Committee?",
    "When was the focal point meeting held?",
    "What did the policy dialogue discuss about inter-ministerial coordination?",
    "What is the reflective overview consultation workshop about?",
    "Which ministries took part in the focal point meeting?",
]
ANSWER_KEYS = {"question", "answer", "abstained", "citations", "retrieved", "timings_ms"}
CITATION_KEYS = {"n", "source", "title", "page", "quote"}


@pytest.fixture(scope="module")
def api_store(tmp_path_factory, embedder) -> Path:
    from nsss.ingest import ingest

    store = tmp_path_factory.mktemp("api") / "store"
    report = ingest([BUNDLED_CORPUS], Settings(store=store), progress=False)
    assert not report.failed
    return store


@pytest.fixture(scope="module")
def api_server(api_store, tmp_path_factory):
    from ui_server import start, stop

    running = start(api_store, clean_env(tmp_path_factory.mktemp("api-home")))
    yield running
    stop(running)


def check_shape(result: dict, question: str) -> None:
    assert set(result) >= ANSWER_KEYS, result.keys()
    assert result["question"] == question
    assert isinstance(result["answer"], str) and result["answer"]
    assert set(result["timings_ms"]) >= {"retrieve", "answer", "total"}
    assert len(result["retrieved"]) >= 5
    for c in result["citations"]:
        assert set(c) >= CITATION_KEYS
        text = (BUNDLED_CORPUS / c["source"]).read_text(encoding="utf-8")
        assert c["quote"] in text, "a quote is an exact substring of its source"
        assert f"[{c['n']}]" in result["answer"]


def test_sixteen_simultaneous_users_are_all_answered(api_server):
    from gradio_client import Client

    results: dict[int, dict] = {}
    errors: list[str] = []
    start = threading.Barrier(16)

    def user(i: int):
        try:
            # (the gradio client's own 5 s request timeout is not the server's: a browser waits for the queue)
            client = Client(api_server.url, verbose=False, httpx_kwargs={"timeout": 120})
            start.wait(timeout=120)
            results[i] = client.predict(QUESTIONS[i % len(QUESTIONS)], api_name="/ask")
        except Exception as exc:  # noqa: BLE001 - collected and reported below
            errors.append(f"user {i}: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=user, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    assert sorted(results) == list(range(16))
    for i, result in results.items():
        check_shape(result, QUESTIONS[i % len(QUESTIONS)])
    first = results[0]
    assert not first["abstained"]
    assert first["citations"][0]["source"] == "focal-point-meeting-2022-06-26.txt"
    same = [results[i] for i in range(0, 16, len(QUESTIONS))]
    assert len({json.dumps(r["citations"], sort_keys=True) for r in same}) == 1, "the same question, the same answer"


def test_api_gives_the_same_object_as_nsss_ask_json(api_server, api_store, cli):
    from gradio_client import Client

    question = "Who chaired the focal point meeting?"
    via_api = Client(api_server.url, verbose=False).predict(question, api_name="/ask")
    code, out, err = cli("ask", question, "--json", "--store", api_store)
    assert code == 0, err
    via_cli = json.loads(out)
    assert set(via_api) == set(via_cli)
    for key in set(via_cli) - {"timings_ms"}:
        assert via_api[key] == via_cli[key], key


def test_only_ask_is_in_the_api_and_a_bad_request_does_not_break_it(api_server):
    from gradio_client import Client

    client = Client(api_server.url, verbose=False)
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert set(endpoints) == {"/ask"}
    with pytest.raises(Exception, match="question is empty"):
        client.predict("   ", api_name="/ask")
    check_shape(client.predict(QUESTIONS[1], api_name="/ask"), QUESTIONS[1])


def listening(port: int) -> list[str]:
    """Return the local addresses (hex, as in /proc/net/tcp*) listening on a port."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.split(":")
            if state == "0A" and int(port_hex, 16) == port:
                found.append(address)
    return found


def test_serve_fills_an_empty_store_binds_locally_and_asks_for_a_login(tmp_path_factory):
    import urllib.error
    import urllib.request

    from gradio_client import Client
    from ui_server import start, stop

    env = clean_env(tmp_path_factory.mktemp("auth-home"), NSSS_AUTH="ana:s3cret-words")
    empty = tmp_path_factory.mktemp("empty") / "store"
    running = start(empty, env, timeout=600)
    try:
        log = running.log()
        assert "is empty: adding the bundled documents first" in log and "Embedding" in log  # progress shown
        assert log.index("Added 5 documents") < log.index("ready at")
        assert (empty / "chroma").is_dir()
        assert listening(running.port) == ["0100007F"], "bound to 127.0.0.1 only, not 0.0.0.0"
        assert f"ready at http://127.0.0.1:{running.port}/ (this computer only)" in log
        for path in ("config", "gradio_api/info"):  # nothing about the app is served before a login
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(f"{running.url}{path}", timeout=10)
            assert refused.value.code == 401
        with pytest.raises(Exception):  # noqa: B017 - gradio_client raises a plain ValueError or an HTTP error
            Client(running.url, verbose=False).predict(QUESTIONS[0], api_name="/ask")
        with pytest.raises(Exception):  # noqa: B017
            Client(running.url, auth=("ana", "wrong"), verbose=False)
        result = Client(running.url, auth=("ana", "s3cret-words"), verbose=False).predict(QUESTIONS[0], api_name="/ask")
        check_shape(result, QUESTIONS[0])
    finally:
        stop(running)
