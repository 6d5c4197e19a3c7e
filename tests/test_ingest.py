"""Ingestion as a sync into a real Chroma store: changes, bad input, kill -9, two writers, a Chroma server, no network."""

import ctypes
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from nsss.core.layout import model_slug
from nsss.core.settings import BUNDLED_CORPUS
from nsss.index.store import Store, chunk_text
from nsss.ingest import ingest

CLI = [sys.executable, "-m", "nsss.cli"]
REPORT_KEYS = {"added", "updated", "removed", "unchanged", "failed", "documents", "chunks", "seconds"}


def store_of(settings) -> Store:
    return Store(settings, model_slug(settings.embed_model))


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def prose(topic: str, n: int = 30) -> str:
    return " ".join(f"The {topic} programme reached {i} thousand households in district {i}." for i in range(n))


def stored_chunks(store: Store) -> list[dict]:
    got = store.chunks.get(include=["documents", "metadatas"])
    return [
        {**meta, "id": cid, "text": chunk_text(text, meta)}
        for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
    ]


def last_json(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


def counts(report) -> tuple:
    return report.added, report.updated, report.removed, report.unchanged, len(report.failed)


# Sync, in process ------------------------------------------------------------------------------------------


@pytest.fixture
def docs(tmp_path) -> Path:
    return write(
        tmp_path / "docs",
        {
            "alpha.txt": prose("alpha"),
            "beta.md": "---\ntitle: Beta Notes\n---\n\n" + prose("beta"),
            "sub/gamma.txt": prose("gamma"),
        },
    )


def test_sync_adds_then_leaves_unchanged_files_alone(docs, settings):
    first = ingest([docs], settings, progress=False)
    store = store_of(settings)
    before = sorted(store.chunks.get()["ids"])

    again = ingest([docs], settings, progress=False)

    assert counts(first) == (3, 0, 0, 0, 0)
    assert counts(again) == (0, 0, 0, 3, 0)
    assert {r.source for r in store.documents()} == {"alpha.txt", "beta.md", "sub/gamma.txt"}
    assert first.chunks == again.chunks == store.count() == len(before) > 3
    assert sorted(store.chunks.get()["ids"]) == before, "a re-run must not add, drop or duplicate chunks"


def test_sync_reindexes_a_changed_file_and_drops_its_old_chunks(docs, settings):
    ingest([docs], settings, progress=False)
    (docs / "alpha.txt").write_text(prose("omicron", 10), encoding="utf-8")

    report = ingest([docs], settings, progress=False)

    assert counts(report) == (0, 1, 0, 2, 0)
    alpha = [c for c in stored_chunks(store_of(settings)) if c["source"] == "alpha.txt"]
    assert alpha and all("omicron" in c["text"] and "alpha" not in c["text"] for c in alpha)
    record = next(r for r in store_of(settings).documents() if r.source == "alpha.txt")
    assert record.chunks == len(alpha)
    assert report.chunks == store_of(settings).count()


def test_sync_removes_a_file_deleted_from_the_folder(docs, settings):
    ingest([docs], settings, progress=False)
    (docs / "sub" / "gamma.txt").unlink()

    report = ingest([docs], settings, progress=False)

    assert counts(report) == (0, 0, 1, 2, 0)
    assert report.documents == 2
    assert {c["source"] for c in stored_chunks(store_of(settings))} == {"alpha.txt", "beta.md"}


def test_sync_of_one_folder_leaves_other_folders_alone(docs, tmp_path, settings):
    other = write(tmp_path / "other", {"delta.txt": prose("delta"), "epsilon.txt": prose("epsilon")})
    ingest([docs, other], settings, progress=False)
    store = store_of(settings)
    other_ids = sorted(c["id"] for c in stored_chunks(store) if c["root"] == str(other))
    (docs / "beta.md").unlink()

    report = ingest([docs], settings, progress=False)

    assert counts(report) == (0, 0, 1, 2, 0)
    assert sorted(c["id"] for c in stored_chunks(store) if c["root"] == str(other)) == other_ids
    assert {r.source for r in store.documents() if r.root == str(other)} == {"delta.txt", "epsilon.txt"}


def test_sync_of_a_subfolder_or_file_keeps_paths_relative_to_the_ingested_folder(docs, settings):
    ingest([docs], settings, progress=False)
    (docs / "sub" / "new.txt").write_text(prose("zeta"), encoding="utf-8")

    sub = ingest([docs / "sub"], settings, progress=False)
    single = ingest([docs / "alpha.txt"], settings, progress=False)

    assert counts(sub) == (1, 0, 0, 1, 0)
    assert counts(single) == (0, 0, 0, 1, 0), "a single file is no folder: nothing else is removed"
    assert {r.source for r in store_of(settings).documents()} == {
        "alpha.txt",
        "beta.md",
        "sub/gamma.txt",
        "sub/new.txt",
    }


def test_the_model_is_loaded_once_per_process(seed_store, embedder):
    from nsss.index import open_index

    assert open_index(seed_store, lexical=False).embedder is embedder


# The command line --------------------------------------------------------------------------------------------


def test_cli_ingest_json_reports_each_change(docs, tmp_path, settings, cli):
    ingest([docs], settings, progress=False)
    (docs / "alpha.txt").write_text(prose("changed"), encoding="utf-8")
    (docs / "beta.md").unlink()
    (docs / "new.txt").write_text(prose("new"), encoding="utf-8")
    (docs / "table.xlsx").write_bytes(b"PK\x03\x04 not for us")

    code, out, err = cli("ingest", "--store", settings.store, "--json", docs)
    report = last_json(out)
    _, status_out, _ = cli("status", "--store", settings.store, "--json")
    status = last_json(status_out)

    assert code == 1, err
    assert set(report) == REPORT_KEYS
    assert {k: report[k] for k in ("added", "updated", "removed", "unchanged", "documents")} == {
        "added": 1,
        "updated": 1,
        "removed": 1,
        "unchanged": 1,
        "documents": 3,
    }
    assert report["failed"] == [{"path": str(docs / "table.xlsx"), "error": report["failed"][0]["error"]}]
    assert "not a supported type" in report["failed"][0]["error"]
    assert report["chunks"] == status["totals"]["chunks"] > 0
    assert isinstance(report["seconds"], float) and report["seconds"] > 0


def test_cli_status_json_shape_and_numbers(seed_store, cli):
    code, out, _ = cli("status", "--store", seed_store.store, "--json")
    info = last_json(out)

    assert code == 0
    assert set(info) >= {"store", "model", "collection", "documents", "totals"}
    assert info["store"] == str(seed_store.store) and info["model"] == "all-MiniLM-L6-v2"
    assert len(info["documents"]) == info["totals"]["documents"] == 5
    assert {d["source"] for d in info["documents"]} == {p.name for p in BUNDLED_CORPUS.glob("*.txt")}
    for d in info["documents"]:
        assert {"title", "kind", "pages", "chunks", "source", "date"} <= set(d)
        assert d["chunks"] > 0 and d["kind"] in {"dialogue", "workshop", "progress report", "meeting minutes"}
    assert info["totals"]["chunks"] == sum(d["chunks"] for d in info["documents"]) == store_of(seed_store).count()

    code, text, _ = cli("status", "--store", seed_store.store)
    assert code == 0
    assert "Progress Report 2023 of NSSS Action Plan II (2021-26)" in text
    assert f"5 documents, 0 pages, {info['totals']['chunks']} chunks" in text


def test_cli_help_is_instant_and_imports_nothing_heavy(cli):
    started = time.perf_counter()
    code, out, _ = cli("--help")
    elapsed = time.perf_counter() - started
    heavy = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, nsss.cli\ntry:\n    nsss.cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('torch', 'chromadb', 'gradio', 'llama_index', 'sentence_transformers', "
            "'transformers', 'pypdf', 'docx') if m in sys.modules), file=sys.stderr)",
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert code == 0 and all(verb in out for verb in ("ingest", "status", "ask", "serve", "eval"))
    assert elapsed < 1.0, f"nsss --help took {elapsed:.2f} s"
    assert heavy.stderr.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(
    "args, says",
    [
        (["ingest", "--no-such-flag"], "unrecognized arguments"),
        (["ingest", "/no/such/folder"], "/no/such/folder: no such file or folder"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_cli_usage_errors_exit_2(args, says, tmp_path, cli):
    code, _, err = cli(*args, "--store", tmp_path / "store") if args[0] == "ingest" else cli(*args)
    assert code == 2
    assert says in err
    assert "Traceback" not in err


# Bad input -----------------------------------------------------------------------------------------------------


def _no_file_permission_override():
    """Drop root's power to read any file, for the child only, so a mode-000 file is unreadable as for a user."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2
    for cap in (cap_dac_override, cap_dac_read_search):
        if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


BAD = {
    # file name: what the reason must say
    "report.pdf": "damaged or truncated",  # valid at the first ingest, truncated since
    "notes.txt": "permission denied",  # valid at the first ingest, unreadable since
    "private": "permission denied",  # a folder whose document was ingested, unreadable since
    "locked.pdf": "password-protected",
    "fake.pdf": "is named .pdf but is not a PDF",
    "scan.pdf": "has no readable text",
    "empty.txt": "is empty",
    "garbage.txt": "does not look like text",
    "huge.txt": "over the 0.05 MB limit",
    "loop.txt": "symbolic link loop",
    "again": "symbolic link loop",
    "photo.png": ".png is not a supported type",
}


@pytest.fixture(scope="module")
def bad_input(tmp_path_factory, make_pdf, cli, embedder):
    """Ingest a folder, break files in it, add bad ones, and sync it again as a user without root's file powers."""
    from nsss.core.settings import Settings

    base = tmp_path_factory.mktemp("bad")
    inbox = write(base / "inbox", {"notes.txt": prose("notes"), "private/salaries.txt": prose("salaries")})
    other = write(base / "other", {"kept.txt": prose("kept")})
    make_pdf(inbox / "report.pdf", [prose("pdfpage", 8), prose("pdfsecond", 8)])
    settings = Settings(store=base / "store")
    first = ingest([inbox, other], settings, progress=False)
    assert counts(first) == (4, 0, 0, 0, 0)

    pdf = (inbox / "report.pdf").read_bytes()
    (inbox / "report.pdf").write_bytes(pdf[: len(pdf) // 2])
    (inbox / "notes.txt").chmod(0)
    (inbox / "private").chmod(0)
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(make_pdf(inbox / "locked.pdf", ["Secret minutes of the meeting."])))
    writer.encrypt(user_password="secret", owner_password="owner")
    writer.write(str(inbox / "locked.pdf"))
    (inbox / "fake.pdf").write_text("<html><body>Not a PDF at all</body></html>", encoding="utf-8")
    from reportlab.pdfgen import canvas

    scan = canvas.Canvas(str(inbox / "scan.pdf"))
    scan.rect(50, 50, 400, 600, fill=1)  # a page of pictures, no text layer
    scan.showPage()
    scan.save()
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "garbage.txt").write_bytes(random.Random(2).randbytes(4096))
    (inbox / "huge.txt").write_text("Big file. " * 8000, encoding="utf-8")  # 80 kB, limit 0.05 MB
    (inbox / "loop.txt").symlink_to(inbox / "loop.txt")
    (inbox / "again").symlink_to(inbox, target_is_directory=True)
    (inbox / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    write(inbox, {"good.md": "# Good News\n\n" + prose("good")})

    code, out, err = cli(
        "ingest",
        "--store",
        settings.store,
        inbox,
        env={"NSSS_MAX_FILE_MB": "0.05"},
        preexec_fn=_no_file_permission_override,
    )
    _, status_out, _ = cli("status", "--store", settings.store, "--json")
    return {"inbox": inbox, "other": other, "code": code, "out": out, "err": err, "status": last_json(status_out)}


def test_bad_input_exits_1_and_ingests_the_rest(bad_input):
    assert bad_input["code"] == 1, bad_input["err"]
    assert re.search(r"^1 added, 0 updated, 0 removed, 0 unchanged; 5 documents", bad_input["out"], re.M), bad_input[
        "out"
    ]
    assert "Traceback" not in bad_input["err"]


def test_bad_input_loses_nothing_stored_before(bad_input):
    docs = {(Path(d["root"]).name, d["source"]): d for d in bad_input["status"]["documents"]}
    assert set(docs) == {
        ("inbox", "notes.txt"),
        ("inbox", "private/salaries.txt"),
        ("inbox", "report.pdf"),
        ("inbox", "good.md"),
        ("other", "kept.txt"),
    }
    assert docs[("inbox", "report.pdf")]["pages"] == 2
    assert all(d["chunks"] > 0 for d in docs.values())


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_reported_with_its_path_and_a_reason(bad_input, name):
    path = bad_input["inbox"] / name
    lines = [line for line in bad_input["err"].splitlines() if line.startswith(f"failed: {path}: ")]
    assert len(lines) == 1, f"{path} should be reported once; stderr:\n{bad_input['err']}"
    assert BAD[name] in lines[0], lines[0]


def test_bad_input_reports_nothing_else(bad_input):
    failed = [line for line in bad_input["err"].splitlines() if line.startswith("failed: ")]
    assert len(failed) == len(BAD), "\n".join(failed)


# Crashes and concurrent writers -----------------------------------------------------------------------------


def _read_into(stream, received: list[str]) -> threading.Thread:
    """Collect what a process writes, as it comes, in a thread (progress bars end lines with carriage returns)."""

    def read():
        while chunk := stream.read(1):
            received.append(chunk)

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def test_kill_9_midway_then_rerun_leaves_a_consistent_store(tmp_path, web_corpus, web_store, cli_env, cli):
    folder = tmp_path / "web"
    # Twice over, so the ingest runs long enough to be killed with groups of chunks (ingest/sync.py, GROUP_CHUNKS)
    # stored and later ones in flight.
    halves = ("a", "b")
    for half in halves:
        shutil.copytree(web_corpus, folder / half)
    store_dir = tmp_path / "store"
    proc = subprocess.Popen(
        [*CLI, "ingest", "--store", str(store_dir), str(folder)],
        env=cli_env,
        text=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    received: list[str] = []
    reader = _read_into(proc.stderr, received)
    stored = None
    deadline = time.monotonic() + 300
    while stored is None and proc.poll() is None and time.monotonic() < deadline:
        # The Embedding bar moves once a group of documents is stored: kill while later groups are in flight.
        for done, total in re.findall(r"Embedding:[^\r\n]*?\|\s*(\d+)/(\d+)", "".join(received)):
            if 0 < int(done) < int(total):
                stored = (int(done), int(total))
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    reader.join(timeout=10)
    assert stored is not None, "the ingest finished or stalled before it stored some chunks:\n" + "".join(received)
    assert proc.returncode == -signal.SIGKILL

    code, out, err = cli("ingest", "--store", store_dir, "--json", folder)
    report = last_json(out)
    clean = {(f"{half}/{r.source}", r.chunks) for r in store_of(web_store).documents() for half in halves}

    assert code == 0, err
    assert report["unchanged"] > 0 and report["added"] > 0, "the re-run resumes: finished documents are kept"
    assert report["added"] + report["unchanged"] == len(clean) == report["documents"]
    from nsss.core.settings import Settings

    store = store_of(Settings(store=store_dir))
    records = store.documents()
    chunks = stored_chunks(store)
    per_doc = Counter(c["doc_key"] for c in chunks)
    assert {r.key: r.chunks for r in records} == dict(per_doc), "each record's chunk count is what is stored"
    assert len({(c["doc_key"], c["position"]) for c in chunks}) == len(chunks), "no duplicate chunk"
    assert len({(c["doc_key"], c["text"]) for c in chunks}) == len(chunks), "no duplicate chunk text"
    assert {(r.source, r.chunks) for r in records} == clean, "same documents and chunks as a clean ingest"
    assert report["chunks"] == len(chunks) == sum(n for _, n in clean)


def test_a_second_ingest_into_the_same_store_is_refused(tmp_path, cli_env, cli):
    store_dir = tmp_path / "store"
    first = subprocess.Popen(
        [*CLI, "ingest", "--store", str(store_dir), "--json", str(BUNDLED_CORPUS)],
        env=cli_env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    lock = store_dir / "ingest.lock"
    deadline = time.monotonic() + 60
    while not (lock.exists() and lock.read_text().startswith("pid")) and time.monotonic() < deadline:
        assert first.poll() is None, first.communicate()
        time.sleep(0.02)

    code, _, err = cli("ingest", "--store", store_dir, "--json", BUNDLED_CORPUS)
    first_out, first_err = first.communicate(timeout=180)

    assert code == 1
    assert f"another ingest (pid {first.pid}) is writing to the store {store_dir}" in err
    assert first.returncode == 0, first_err
    assert last_json(first_out)["added"] == 5


# Chroma server mode and no network -----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_chroma_server_mode(tmp_path, cli):
    chroma = Path(sys.executable).parent / "chroma"
    if not chroma.exists():
        pytest.skip(f"no `chroma` command beside {sys.executable}")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(chroma), "run", "--path", str(tmp_path / "server-data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1).read()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "chroma run did not start"
                time.sleep(0.2)
        env = {"NSSS_CHROMA_URL": url}

        code, out, err = cli("ingest", "--store", tmp_path / "local", "--json", env=env)
        status_code, status_out, _ = cli("status", "--store", tmp_path / "local", "--json", env=env)
        status = last_json(status_out)
        _, local_out, _ = cli("status", "--store", tmp_path / "local", "--json")
        # A search reads the passages' vectors from the server (Store.vectors) and finds the answer there.
        ask_code, ask_out, ask_err = cli(
            "ask", "--store", tmp_path / "local", "--json", "Who chaired the focal point meeting?", env=env
        )
    finally:
        server.terminate()
        server.wait(timeout=30)

    assert code == 0, err
    assert last_json(out)["added"] == 5
    assert status_code == 0 and status["store"] == url
    assert status["totals"]["documents"] == 5 and status["totals"]["chunks"] == last_json(out)["chunks"]
    assert last_json(local_out)["totals"]["documents"] == 0, "the documents went to the server, not the local store"
    assert (tmp_path / "server-data").is_dir()
    assert ask_code == 0, ask_err
    answer = last_json(ask_out)
    assert not answer["abstained"]
    assert {c["source"] for c in answer["citations"]} == {"focal-point-meeting-2022-06-26.txt"}


def test_ingest_works_with_no_network(tmp_path, cli_env):
    unshare = shutil.which("unshare")
    if not unshare or subprocess.run([unshare, "-n", "true"], capture_output=True).returncode != 0:
        pytest.skip("`unshare -n` is not available here (it needs root or user namespaces)")
    proc = subprocess.run(
        [unshare, "-n", *CLI, "ingest", "--store", str(tmp_path / "store"), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        env=cli_env,
        stdin=subprocess.DEVNULL,
    )

    assert proc.returncode == 0, proc.stderr
    report = last_json(proc.stdout)
    assert (report["added"], report["documents"], report["failed"]) == (5, 5, [])
    assert report["chunks"] > 5


def test_a_store_made_before_passages_kept_their_text_in_metadata_is_read_whole_and_synced(docs, settings):
    """Stores written before the passages' text moved out of Chroma's document field need no migration."""
    from nsss.index import open_index

    ingest([docs], settings, progress=False)
    store = store_of(settings)
    got = store.chunks.get(include=["embeddings", "metadatas"])
    texts = {cid: meta["text"] for cid, meta in zip(got["ids"], got["metadatas"], strict=True)}
    store.chunks.delete(ids=got["ids"])  # written again the old way: the text in the document field only
    store.chunks.add(
        ids=got["ids"],
        embeddings=got["embeddings"],
        metadatas=[{k: v for k, v in m.items() if k != "text"} for m in got["metadatas"]],
        documents=[texts[cid] for cid in got["ids"]],
    )
    assert all("text" not in m for m in store_of(settings).chunks.get(include=["metadatas"])["metadatas"])

    assert {c.id: c.text for c in store_of(settings).all_chunks()} == texts
    index = open_index(settings)
    index.refresh_lexical()
    hit = index.search("alpha programme households", k=1)[0]
    assert hit.chunk.source == "alpha.txt" and hit.chunk.text == texts[hit.chunk.id]

    (docs / "alpha.txt").write_text(prose("omicron", 10), encoding="utf-8")
    report = ingest([docs], settings, progress=False)

    assert counts(report) == (0, 1, 0, 2, 0)
    after = {c["id"]: c for c in stored_chunks(store_of(settings))}
    kept = {cid: c["text"] for cid, c in after.items() if c["source"] != "alpha.txt"}
    assert kept and kept == {cid: t for cid, t in texts.items() if cid in kept}, "old passages must keep their text"
    assert all("omicron" in c["text"] for c in after.values() if c["source"] == "alpha.txt")
    assert report.chunks == len(after) == store_of(settings).count()


def test_a_documents_text_is_kept_beside_its_record_not_in_chromas_full_text_index(docs, settings):
    ingest([docs], settings, progress=False)
    store = store_of(settings)
    records = store.documents()
    rows = store.docs.get(include=["documents", "metadatas"])

    assert len(records) == 3 and len(rows["ids"]) == 6, "a record and a row with its text for each document"
    assert rows["documents"] == [None] * 6, "nothing in the field Chroma indexes for full-text search"
    assert store.document_text(next(r.key for r in records if r.source == "alpha.txt")) == prose("alpha")

    (docs / "alpha.txt").unlink()
    ingest([docs], settings, progress=False)
    assert len(store_of(settings).docs.get()["ids"]) == 4, "a removed document's text goes with its record"


def test_a_store_made_before_documents_kept_their_text_beside_their_records_is_read_whole_and_synced(docs, settings):
    """Records written with the document's whole text in Chroma's document field need no migration."""
    from nsss.index.store import RECORDS_ONLY

    ingest([docs], settings, progress=False)
    store = store_of(settings)
    texts = {r.source: store.document_text(r.key) for r in store.documents()}
    got = store.docs.get(include=["embeddings", "metadatas"], where=RECORDS_ONLY)
    store.docs.delete(ids=store.docs.get()["ids"])  # written again the old way: the text in the record's field
    store.docs.add(
        ids=got["ids"],
        embeddings=got["embeddings"],
        metadatas=got["metadatas"],
        documents=[texts[m["source"]] for m in got["metadatas"]],
    )
    assert store_of(settings).docs.count() == 3

    old = store_of(settings)
    assert {r.source: old.document_text(r.key) for r in old.documents()} == texts

    (docs / "alpha.txt").write_text(prose("omicron", 10), encoding="utf-8")
    report = ingest([docs], settings, progress=False)

    assert counts(report) == (0, 1, 0, 2, 0)
    after = store_of(settings)
    assert {r.source: after.document_text(r.key) for r in after.documents()} == {
        **texts,
        "alpha.txt": prose("omicron", 10),
    }
    assert after.docs.count() == 4, "the changed document's text beside its record, the others' kept in theirs"


def test_the_encoder_starts_on_the_first_documents_while_later_ones_are_still_read(
    tmp_path, web_corpus, settings, embedder, monkeypatch
):
    from nsss.ingest import guard, sync

    events: list[str] = []
    real_reader, real_embed = guard.reader, type(embedder).embed

    class Watched:
        def __init__(self, inner):
            self.inner = inner

        def load_all(self, jobs):
            for doc in self.inner.load_all(jobs):
                events.append("read")
                time.sleep(0.02)  # a slower reader (a PDF, a scan) makes the overlap plain
                yield doc

    def embed(self, texts, **kwargs):
        events.append("embed")
        return real_embed(self, texts, **kwargs)

    monkeypatch.setattr(sync, "reader", lambda *a: Watched(real_reader(*a)))
    monkeypatch.setattr(type(embedder), "embed", embed)
    report = ingest([web_corpus], settings, progress=False)

    assert not report.failed and report.chunks > 2 * sync.GROUP_CHUNKS
    assert events.count("read") == report.added == report.documents
    first_embed = events.index("embed")
    assert "read" in events[first_embed:], "the encoder began before the reader had read every file"
    assert events.count("embed") >= report.chunks // (2 * sync.GROUP_CHUNKS), "documents go to the encoder in groups"
    assert len(stored_chunks(store_of(settings))) == report.chunks


def test_a_group_that_fails_to_embed_fails_the_ingest_and_keeps_the_groups_stored_before(
    tmp_path, web_corpus, settings, embedder, monkeypatch
):
    from nsss.ingest import sync

    real_embed, calls = type(embedder).embed, []

    def embed(self, texts, **kwargs):
        calls.append(len(texts))
        if len(calls) == 3:
            raise RuntimeError("the encoder ran out of memory")
        return real_embed(self, texts, **kwargs)

    monkeypatch.setattr(type(embedder), "embed", embed)
    with pytest.raises(RuntimeError, match="out of memory"):
        ingest([web_corpus], settings, progress=False)
    kept = store_of(settings).documents()
    assert kept and sum(r.chunks for r in kept) >= 2 * sync.GROUP_CHUNKS, "the first two groups stay stored"
    assert {c["doc_key"] for c in stored_chunks(store_of(settings))} >= {r.key for r in kept}

    monkeypatch.setattr(type(embedder), "embed", real_embed)
    report = ingest([web_corpus], settings, progress=False)
    assert report.unchanged == len(kept) and report.added == report.documents - len(kept) and not report.failed
