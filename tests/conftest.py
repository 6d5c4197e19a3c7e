"""Shared fixtures: the real bundled model, settings over a store in tmp, ingested stores, and the CLI as a process."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from nsss.core.settings import BUNDLED_CORPUS, Settings

PROJECT = Path(__file__).resolve().parents[1]
WEB_CORPUS = Path(os.environ.get("NSSS_WEB_CORPUS", PROJECT.parent / "shared" / "corpus-web"))
CLI = [sys.executable, "-m", "nsss.cli"]


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """Return this process's environment without the developer's NSSS_* settings, config file or data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NSSS_")}
    env.update(XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def embedder():
    """The bundled all-MiniLM-L6-v2, loaded once per session."""
    from nsss.index.embed import load_embedder

    return load_embedder()


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    """Settings over an empty store in tmp, untouched by the developer's NSSS_* variables and config file."""
    for name in [k for k in os.environ if k.startswith("NSSS_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return Settings.load(store=tmp_path / "store")


def write_pdf(path: Path, pages: list[str], title: str = "", labels: tuple[tuple, ...] = ()) -> Path:
    """Write a real PDF with one text page per string, an optional /Title, and page label ranges for pypdf."""
    from pypdf import PdfWriter
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    pdf.setTitle(title)  # reportlab writes "untitled" unless told
    for page in pages:
        lines = pdf.beginText(50, 800)
        lines.setFont("Helvetica", 10)
        for paragraph in page.split("\n"):
            for line in textwrap.wrap(paragraph, 100) or [""]:
                lines.textLine(line)
        pdf.drawText(lines)
        pdf.showPage()
    pdf.save()
    if labels:  # each (first page index, last page index, style like "/r" or "/D", start number)
        writer = PdfWriter(clone_from=str(path))
        for first, last, style, start in labels:
            writer.set_page_label(first, last, style=style, start=start)
        writer.write(str(path))
    return Path(path)


def _ingested(folder: Path, store: Path) -> Settings:
    from nsss.ingest import ingest

    settings = Settings(store=store)  # defaults only: no environment, no config file
    report = ingest([folder], settings, progress=False)
    assert not report.failed, report.failed
    return settings


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, embedder) -> Settings:
    """Settings whose store holds the bundled corpus, ingested once per session."""
    return _ingested(BUNDLED_CORPUS, tmp_path_factory.mktemp("seed") / "store")


@pytest.fixture(scope="session")
def web_corpus() -> Path:
    """The folder of web documents (NSSS_WEB_CORPUS or ../shared/corpus-web); skip when absent."""
    if not WEB_CORPUS.is_dir():
        pytest.skip(f"web corpus not found at {WEB_CORPUS}; set NSSS_WEB_CORPUS to its folder")
    return WEB_CORPUS


@pytest.fixture(scope="session")
def web_store(tmp_path_factory, web_corpus, embedder) -> Settings:
    """Settings whose store holds the web corpus, ingested once per session."""
    return _ingested(web_corpus, tmp_path_factory.mktemp("web") / "store")


@pytest.fixture(scope="session")
def make_pdf():
    """Return write_pdf(path, pages, title="", labels=()): real PDFs made by the tests."""
    return write_pdf


@pytest.fixture(scope="session")
def cli_env(tmp_path_factory) -> dict[str, str]:
    """An environment for CLI processes that no developer setting can leak into."""
    return clean_env(tmp_path_factory.mktemp("cli-home"))


@pytest.fixture(scope="session")
def cli(cli_env):
    """Run `nsss ARGS...` as a process; return (exit status, stdout, stderr)."""

    def run(*args, env: dict[str, str] | None = None, timeout: float = 180, **kwargs) -> tuple[int, str, str]:
        proc = subprocess.run(
            [*CLI, *map(str, args)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**cli_env, **(env or {})},
            cwd=PROJECT,
            stdin=subprocess.DEVNULL,
            **kwargs,
        )
        return proc.returncode, proc.stdout, proc.stderr

    return run
