"""Shared fixtures: the real bundled model, settings over a store in tmp, ingested stores, and the CLI as a process."""

import base64
import io
import json
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


SCAN = [  # the minutes a scanner made: image-only, read by OCR; lines 5-6 hold who chaired
    "Minutes of the Harbour Stipend Review Committee",
    "",
    "The committee met in Khulna on 12 March 2024 to review the stipend",
    "paid to the families of harbour workers in the three southern districts.",
    "The meeting was chaired by Mr. Tanvir Basharat, Joint Secretary of the",
    "Ministry of Shipping, and attended by eleven members of the committee.",
    "The committee agreed that the stipend would be paid through mobile",
    "accounts from July, and asked the district offices to update their lists.",
]


def yellow_rows(src: str) -> list[float]:
    """Return, as shares of the image height, the rows of a rendered page where the highlight's yellow shows."""
    from PIL import Image

    pixels = Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))).convert("RGB")
    rows = []
    for y in range(0, pixels.height, 2):
        hits = sum(
            1
            for x in range(0, pixels.width, 3)
            if (lambda p: p[0] > 230 and p[1] > 200 and p[2] < 190)(pixels.getpixel((x, y)))
        )
        if hits > 3:
            rows.append(y / pixels.height)
    return rows


def write_scan(path: Path, lines: list[str], dpi: int = 200) -> list[tuple[float, float]]:
    """Write an image-only PDF, as a scanner does: lines of text drawn by Pillow, with sensor grain; no text layer.

    Returns each line's top and bottom as shares of the page height, to check where a highlight falls.
    """
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    width, height = int(8.27 * dpi), int(11.69 * dpi)  # A4
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", round(12 * dpi / 72))
    bands, y = [], round(1.1 * dpi)
    for line in lines:
        _, top, _, bottom = draw.textbbox((0.8 * dpi, y), line or "x", font=font)
        draw.text((0.8 * dpi, y), line, font=font, fill=0)
        bands.append((top / height, bottom / height))
        y += round(0.31 * dpi)
    grain = np.random.default_rng(5).normal(0, 12, (height, width)).astype(np.int16)
    pixels = np.clip(np.asarray(image, dtype=np.int16) + grain, 0, 255).astype(np.uint8)
    Image.fromarray(pixels).save(path, "PDF", resolution=dpi)
    return bands


def _ingested(folder: Path, store: Path) -> Settings:
    from nsss.index import open_index
    from nsss.ingest import ingest

    settings = Settings(store=store)  # defaults only: no environment, no config file
    report = ingest([folder], settings, progress=False)
    assert not report.failed, report.failed
    open_index(settings, lexical=False).fill_sentences()  # as a running service has them
    return settings


# A short document on something else, beside the one a test asks about: the search must choose between documents.
COASTAL_NEIGHBOUR = (
    "# The coastal allowance\n\n"
    "In the financial year 2001-02 the coastal allowance was introduced to support poor fishing households. "
    "The allowance is paid every month through mobile banking.\n"
)


def ingested_documents(tmp_path_factory, name: str, documents: dict[str, str]) -> Settings:
    """Write short documents (file name -> text) to a fresh folder and ingest them into a fresh store."""
    folder = tmp_path_factory.mktemp(name)
    for file, text in documents.items():
        (folder / file).write_text(text, encoding="utf-8")
    return _ingested(folder, tmp_path_factory.mktemp(f"{name}-store") / "store")


def ask_in_turn(assistant, *questions):
    """Ask questions as one conversation; return the answers."""
    from nsss.assistant import Conversation

    chat, answers = Conversation(), []
    for question in questions:
        answer = assistant.answer(question, conversation=chat)
        chat = chat.add(answer)
        answers.append(answer)
    return answers


def cited(answer) -> set[str]:
    """Return the source files an answer cites."""
    return {c.source for c in answer.citations}


def seen(answer, assistant) -> str:
    """Say what an answer rests on, for a failure message: what it cites and quotes, how sure the model was, the
    passages found first, and which encoder the process ran (a lead that differs only on a fresh machine is read
    from this)."""
    embedder = assistant.index.embedder
    found = [(h.chunk.source, round(h.score, 4), round(h.dense, 4), round(h.lexical, 3)) for h in answer.retrieved[:5]]
    return (
        f"cited {[(c.source, c.quote[:80]) for c in answer.citations]}; probability "
        f"{answer.signals.get('probability')}; found {found}; encoder {type(embedder).__name__} "
        f"{getattr(embedder, 'path', '')}"
    )


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
def web_assistant(web_store):
    """The extractive assistant over the whole web corpus, opened once per session (no test changes it)."""
    from nsss.assistant import open_assistant

    return open_assistant(web_store, use_llm=False)


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


def bench(name: str, *args: str, env: dict | None = None):
    """Run `python -m nsss.eval.bench.NAME ARGS --json` and return the object on its last line."""
    proc = subprocess.run(
        [sys.executable, "-m", f"nsss.eval.bench.{name}", *args, "--json"],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=PROJECT,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])
