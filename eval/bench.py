"""What the benchmark scripts share: where the web corpus is, a store holding it, and a summary of timings."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from eval.metrics import percentile
from nsss.settings import PROJECT_ROOT, Settings, go_offline

WEB_QA = PROJECT_ROOT / "eval" / "web_qa.jsonl"


def web_corpus() -> Path:
    """Return the web corpus folder (NSSS_WEB_CORPUS, else ../shared/corpus-web beside the project); never copied."""
    folder = Path(os.environ.get("NSSS_WEB_CORPUS", PROJECT_ROOT.parent / "shared" / "corpus-web"))
    if not folder.is_dir():
        raise SystemExit(f"web corpus not found at {folder}; set NSSS_WEB_CORPUS to its folder")
    return folder


@contextlib.contextmanager
def corpus_store(corpus: Path, store: Path | None = None) -> Iterator[Settings]:
    """Yield settings for a store that holds the corpus: the given store (synced), else a temporary one."""
    from ingest import ingest

    go_offline()
    with contextlib.ExitStack() as stack:
        folder = Path(store) if store else Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="nsss-bench-")))
        settings = Settings.load(store=folder).replace(chroma_url="")
        ingest([corpus], settings, progress=True)
        yield settings


def summary(values_ms: list[float]) -> dict[str, float]:
    """Return n, p50, p95 and max of timings in ms, rounded."""
    return {
        "n": len(values_ms),
        "p50_ms": round(percentile(values_ms, 50), 2),
        "p95_ms": round(percentile(values_ms, 95), 2),
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
