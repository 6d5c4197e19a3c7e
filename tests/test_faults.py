"""Faults an operator meets: a full disk says so and loses nothing; the web app refuses over-long questions,
slows down password guessing per address, and never lets an upload replace a different document."""

import json
import os
import shutil
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import clean_env
from nsss.core.settings import Settings

DOC = "# {name}\n\n" + " ".join(
    f"Sentence {i} of the {{name}} note is about social protection programme {i * 7}." for i in range(200)
)


@pytest.fixture
def small_disk(tmp_path):
    """A real 24 MB file system (tmpfs) to fill; skipped where this user may not mount one."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)], capture_output=True, text=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here (needs root): {done.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(mount: Path, leave: int) -> Path:
    """Take all the free space of a file system but `leave` bytes."""
    filler = mount / "filler"
    free = shutil.disk_usage(mount).free
    with open(filler, "wb") as fh:
        os.posix_fallocate(fh.fileno(), 0, max(0, free - leave))
    return filler


@pytest.mark.slow
def test_a_full_disk_says_so_exits_1_and_loses_nothing(small_disk, tmp_path, cli, embedder):
    from nsss.index.status import status
    from nsss.ingest import ingest

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "first.md").write_text(DOC.format(name="first"), encoding="utf-8")
    settings = Settings(store=small_disk / "store")
    assert ingest([docs], settings, progress=False).added == 1
    for name in ("second", "third"):
        (docs / f"{name}.md").write_text(DOC.format(name=name), encoding="utf-8")

    filler = fill(small_disk, leave=64 * 1024)
    code, out, err = cli("ingest", "--store", settings.store, docs)
    assert code == 1
    assert (
        f"the disk holding {settings.store} is full: free space and run `nsss ingest` again; nothing already "
        "stored was lost" in err
    )
    assert "Traceback" not in err

    filler.unlink()
    assert [d["source"] for d in status(settings)["documents"]] == ["first.md"], "what was stored is still there"
    code, out, err = cli("ingest", "--store", settings.store, "--json", docs)
    assert code == 0, err
    report = json.loads(out.strip().splitlines()[-1])
    assert report["documents"] == 3 and report["unchanged"] == 1
    assert status(settings)["leftovers"] == 0


def test_an_upload_never_replaces_a_different_document(tmp_path):
    from nsss.ui.uploads import receive

    folder = tmp_path / "uploads"
    first, second, same = tmp_path / "a" / "report.md", tmp_path / "b" / "report.md", tmp_path / "c" / "report.md"
    for path, text in (
        (first, "# Report\n\nThe first report."),
        (second, "# Report\n\nA different report."),
        (same, "# Report\n\nThe first report."),
    ):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    saved, refused = receive([(first, "report.md")], folder, 50)
    assert [p.name for p in saved] == ["report.md"] and not refused

    saved, refused = receive([(second, "report.md")], folder, 50)
    assert [p.name for p in saved] == ["report (2).md"]
    assert "a different document named report.md is already in the library" in refused[0][1]
    assert (folder / "report.md").read_text(encoding="utf-8").endswith("The first report.")
    assert (folder / "report (2).md").read_text(encoding="utf-8").endswith("A different report.")

    saved, refused = receive([(same, "report.md")], folder, 50)
    assert [p.name for p in saved] == ["report.md"] and not refused, "the same file again is the same document"


def test_a_web_upload_batch_with_a_hostile_file_indexes_the_good_one(tmp_path, make_pdf, embedder):
    from nsss.ui.service import Service
    from pypdf import PdfWriter

    locked = make_pdf(tmp_path / "locked.pdf", ["The Maternity Allowance pays 800 taka a month."])
    writer = PdfWriter(clone_from=str(locked))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    writer.write(str(locked))
    good = tmp_path / "good.md"
    good.write_text("# Good\n\nThe Old Age Allowance reaches four million elderly people.", encoding="utf-8")
    service = Service(Settings(store=tmp_path / "store"), use_llm=False).wait()
    saved, refused, report = service.add([(locked, "locked.pdf"), (good, "good.md")])
    assert [Path(f.path).name for f in report.failed] == ["locked.pdf"]
    assert "password-protected" in report.failed[0].error
    assert [r.source for r in service.records()] == ["good.md"]


@pytest.fixture(scope="module")
def guarded_server(tmp_path_factory, embedder):
    from nsss.core.settings import BUNDLED_CORPUS
    from nsss.ingest import ingest
    from ui_server import start, stop

    store = tmp_path_factory.mktemp("guarded") / "store"
    ingest([BUNDLED_CORPUS], Settings(store=store), progress=False)
    env = clean_env(
        tmp_path_factory.mktemp("guarded-home"), NSSS_AUTH="ana:s3cret-words", NSSS_MAX_QUESTION_CHARS="300"
    )
    running = start(store, env)
    yield running
    stop(running)


def login(url: str, password: str) -> tuple[int, str]:
    data = urllib.parse.urlencode({"username": "ana", "password": password}).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url + "login", data=data), timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


@pytest.mark.slow
def test_failed_logins_are_throttled_per_address_with_a_growing_delay(guarded_server):
    import time

    codes = [login(guarded_server.url, "wrong")[0] for _ in range(4)]
    assert codes == [400, 400, 400, 400], "the first failures are only told the password is wrong"
    code, body = login(guarded_server.url, "wrong")
    assert code == 429 and "Too many failed logins" in body
    code, _ = login(guarded_server.url, "s3cret-words")
    assert code == 429, "even the right password waits: guessing cannot go on at speed"
    time.sleep(1.2)
    assert login(guarded_server.url, "wrong")[0] == 400  # the delay is over: one more try, and it failed
    code, body = login(guarded_server.url, "wrong")
    wait = int(json.loads(body)["detail"].split("wait ")[1].split(" s")[0])
    assert code == 429 and wait >= 2, "the delay doubles"
    time.sleep(wait + 0.2)
    assert login(guarded_server.url, "s3cret-words")[0] == 200
    assert login(guarded_server.url, "wrong")[0] == 400, "a success clears the address"


@pytest.mark.slow
def test_an_over_long_question_is_refused_with_a_clear_message(guarded_server):
    from gradio_client import Client

    client = Client(guarded_server.url, auth=("ana", "s3cret-words"), verbose=False)
    with pytest.raises(Exception) as refused:
        client.predict("What is the NSSS? " * 1000, api_name="/ask")
    assert "over the limit of 300" in str(refused.value) and "NSSS_MAX_QUESTION_CHARS" in str(refused.value)
    answer = client.predict("Who chaired the focal point meeting?", api_name="/ask")
    assert answer["citations"], "a question within the limit is answered as before"
