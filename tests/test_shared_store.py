"""One store, many processes: a running reader (the web app, a search in this process) sees what a command-line
ingest adds, changes and removes, with no restart and no failed answer; a store left by a kill between the chunk
and the record writes is never half-read, and `nsss status` says to run the ingest again."""

import json
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from conftest import PROJECT, clean_env
from nsss.core.settings import Settings

ALPHA = (
    "The Zorbat Allowance Programme pays elderly citizens of Kurigram a monthly stipend. "
    "The Zorbat Allowance Programme is chaired by the Ministry of Social Welfare."
)
ALPHA_CHANGED = (
    "The Zorbat Allowance Programme pays elderly citizens of Kurigram a monthly stipend. "
    "The Zorbat Allowance Programme is chaired by the Ministry of Finance since 2024."
)
BETA = (
    "The Quillon Nutrition Scheme feeds pregnant mothers in Sunamganj. "
    "The Quillon Nutrition Scheme is run by the Directorate of Health Services."
)
FILLER = (
    "The National Social Security Strategy of Bangladesh brings the country's many safety net programmes "
    "together under one life-cycle framework, coordinated by the Cabinet Division."
)


def write_docs(folder: Path, docs: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / name).write_text(f"# {name[:-3].title()}\n\n{text}\n\n{FILLER}\n", encoding="utf-8")
    return folder


def sources(answer: dict) -> set[str]:
    return {c["source"] for c in answer["citations"]}


KILL_BETWEEN_CHUNKS_AND_RECORDS = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from nsss.index.store import Store
    from nsss.core.settings import Settings

    write = Store.write

    def write_then_die(self, entries):
        # The process dies right after the chunks are stored, before any document record is written:
        # the moment a kill -9 or a power cut would leave the worst store.
        self.docs.upsert = lambda **kwargs: os._exit(9)
        write(self, entries)

    Store.write = write_then_die
    from nsss.ingest import ingest
    ingest([Path(sys.argv[1])], Settings(store=Path(sys.argv[2])), progress=False)
""")


def test_a_kill_between_chunk_and_record_writes_is_never_half_read(tmp_path, embedder, cli, cli_env):
    from nsss.assistant import open_assistant
    from nsss.index.status import status
    from nsss.ingest import ingest

    folder = write_docs(tmp_path / "docs", {"alpha.md": ALPHA, "filler.md": FILLER})
    settings = Settings(store=tmp_path / "store")
    assert not ingest([folder], settings, progress=False).failed
    write_docs(folder, {"beta.md": BETA, "alpha.md": ALPHA_CHANGED})
    died = subprocess.run(
        [sys.executable, "-c", KILL_BETWEEN_CHUNKS_AND_RECORDS, str(folder), str(settings.store)],
        env=cli_env,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert died.returncode == 9, died.stderr

    code, out, err = cli(
        "ask", "--store", settings.store, "--json", "Which ministry chairs the Zorbat Allowance Programme?"
    )
    assert code == 0, err
    answer = json.loads(out)
    assert "Ministry of Social Welfare" in answer["answer"], "the last complete version answers, whole"
    assert all("Ministry of Finance" not in c["quote"] for c in answer["citations"])
    code, out, err = cli("status", "--store", settings.store)
    assert code == 0, err
    assert "interrupted ingest: run `nsss ingest` again" in out

    code, out, err = cli("ask", "--store", settings.store, "--json", "What does the Quillon Nutrition Scheme do?")
    assert code == 0, err
    beta = json.loads(out)
    assert "beta.md" not in sources(beta) | {r["source"] for r in beta["retrieved"]}, (
        "the chunks of a document without its record are not read"
    )
    assert status(settings)["leftovers"] > 0
    assistant = open_assistant(settings, use_llm=False)

    assert not ingest([folder], settings, progress=False).failed
    assert status(settings)["leftovers"] == 0
    assert "beta.md" in {c.source for c in assistant.answer("What does the Quillon Nutrition Scheme do?").citations}


@pytest.fixture
def running_app(tmp_path, embedder, cli):
    from ui_server import start, stop

    folder = write_docs(tmp_path / "docs", {"alpha.md": ALPHA, "filler.md": FILLER})
    store = tmp_path / "store"
    code, _, err = cli("ingest", "--store", store, folder)
    assert code == 0, err
    server = start(store, clean_env(tmp_path / "home"))
    yield server, folder, store
    stop(server)


def test_the_app_answers_after_a_command_line_add_change_and_remove_while_it_runs(running_app, cli):
    from gradio_client import Client

    server, folder, store = running_app
    client = Client(server.url, verbose=False)
    errors: list[str] = []
    asked = [0]
    stop = threading.Event()

    def keep_asking():  # people asking all along, while the ingests run
        own = Client(server.url, verbose=False)
        while not stop.is_set():
            try:
                own.predict("Who chairs the Zorbat Allowance Programme?", api_name="/ask")
                asked[0] += 1
            except Exception as exc:  # noqa: BLE001 - counted below
                errors.append(f"{type(exc).__name__}: {exc}")

    askers = [threading.Thread(target=keep_asking) for _ in range(2)]
    for t in askers:
        t.start()
    try:
        before = client.predict("Which ministry chairs the Zorbat Allowance Programme?", api_name="/ask")
        assert "Ministry of Social Welfare" in before["answer"]

        write_docs(folder, {"beta.md": BETA, "alpha.md": ALPHA_CHANGED})
        code, _, err = cli("ingest", "--store", store, folder)
        assert code == 0, err
        added = client.predict("What does the Quillon Nutrition Scheme do?", api_name="/ask")
        assert "beta.md" in sources(added), "a document added on the command line is answered from at once"
        changed = client.predict("Which ministry chairs the Zorbat Allowance Programme?", api_name="/ask")
        assert "Ministry of Finance" in changed["answer"], "a changed document is quoted in its new version"
        assert "Social Welfare" not in changed["answer"]

        (folder / "beta.md").unlink()
        code, _, err = cli("ingest", "--store", store, folder)
        assert code == 0, err
        removed = client.predict("What does the Quillon Nutrition Scheme do?", api_name="/ask")
        assert "beta.md" not in sources(removed) | {r["source"] for r in removed["retrieved"]}
    finally:
        stop.set()
        for t in askers:
            t.join(timeout=120)
    assert not errors, errors[:5]
    assert asked[0] > 0


def test_a_document_removed_between_the_search_and_the_quote_does_not_fail_the_answer(tmp_path, embedder):
    """Another process removes the document an answer is about while it is being answered: the answer is made again
    from the store as it is now, and the request does not fail."""
    from nsss.assistant import open_assistant
    from nsss.ingest import ingest
    from nsss.ingest.sync import forget

    folder = write_docs(tmp_path / "docs", {"alpha.md": ALPHA, "beta.md": BETA})
    settings = Settings(store=tmp_path / "store")
    ingest([folder], settings, progress=False)
    assistant = open_assistant(settings, use_llm=False)
    search = assistant.index.search
    alpha = next(r.key for r in assistant.index.records if r.source == "alpha.md")
    removed = []

    def search_then_lose_alpha(*args, **kwargs):
        hits = search(*args, **kwargs)
        if not removed:  # the first search finds alpha; then, before quoting, alpha is gone
            removed.append(forget([alpha], settings))
            assistant._texts.clear()
        return hits

    assistant.index.search = search_then_lose_alpha
    answer = assistant.answer("Who chairs the Zorbat Allowance Programme?")

    assert removed == [1]
    assert "alpha.md" not in {c.source for c in answer.citations}
