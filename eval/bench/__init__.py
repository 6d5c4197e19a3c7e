"""What the benchmark scripts (and the browser tests) share: where the web corpus is, a store holding it, a summary
of timings, the embedding model timed inside a pipeline, and the headless Chromium they drive."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from nsss.core.settings import PROJECT_ROOT, Settings, go_offline

WEB_QA = PROJECT_ROOT / "eval" / "web_qa.jsonl"
# Debian's Chromium, driven by Playwright (its own browser download fails offline); see ../shared/FACTS.md.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    """Return a TCP port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read_questions(path: Path = WEB_QA, n: int | None = None) -> list[str]:
    """Return the first n questions of a question set (one JSON object per line), all when n is None."""
    lines = [line for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(line)["question"] for line in lines][:n]


def web_corpus() -> Path:
    """Return the web corpus folder (NSSS_WEB_CORPUS, else ../shared/corpus-web beside the project); never copied."""
    folder = Path(os.environ.get("NSSS_WEB_CORPUS", PROJECT_ROOT.parent / "shared" / "corpus-web"))
    if not folder.is_dir():
        raise SystemExit(f"web corpus not found at {folder}; set NSSS_WEB_CORPUS to its folder")
    return folder


@contextlib.contextmanager
def corpus_store(corpus: Path | list[Path], store: Path | None = None) -> Iterator[Settings]:
    """Yield settings for a store that holds the corpus (or corpora), with its sentence vectors as a running service
    has them: the given store (synced), else a temporary one."""
    from nsss.index import open_index
    from nsss.ingest import ingest

    go_offline()
    with contextlib.ExitStack() as stack:
        folder = Path(store) if store else Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="nsss-bench-")))
        settings = Settings.load(store=folder).replace(chroma_url="")
        ingest(list(corpus) if isinstance(corpus, list) else [corpus], settings, progress=True)
        open_index(settings, lexical=False).fill_sentences(progress=True)
        yield settings


def summary(values_ms: list[float]) -> dict[str, float]:
    """Return n, p50, p95 and max of timings in ms, rounded."""
    return {
        "n": len(values_ms),
        "p50_ms": round(float(np.percentile(values_ms, 50)), 2),
        "p95_ms": round(float(np.percentile(values_ms, 95)), 2),
        "max_ms": round(max(values_ms), 2),
    }


def wait_for_page(url: str, server: subprocess.Popen, timeout: float = 180, poll: float = 0.1) -> None:
    """Wait until `nsss serve` answers HTTP 200 at url; stop with a message if it exits or takes too long."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"nsss serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as page:
                if page.status == 200:
                    return
        except OSError:
            pass
        time.sleep(poll)
    raise SystemExit(f"nsss serve did not answer at {url} within {timeout:.0f} s")


def stop_server(server: subprocess.Popen) -> None:
    """Stop `nsss serve` as Ctrl-C would, killing it if it does not exit within 20 s."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def time_inside(embedder) -> list[float]:
    """Wrap an embedder's embed() so each call's seconds are appended to the returned list (the model's share of a
    pipeline, measured in the same run and under the same load as the rest)."""
    spent: list[float] = []
    embed = embedder.embed

    def timed_embed(texts, **kwargs):
        started = time.perf_counter()
        try:
            return embed(texts, **kwargs)
        finally:
            spent.append(time.perf_counter() - started)

    embedder.embed = timed_embed
    return spent
