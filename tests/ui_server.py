"""Start `nsss serve` as a real process for the web app's tests and benchmarks; plain functions, no fixtures."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """Return a TCP port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A running `nsss serve` process, its URL and everything it printed."""

    proc: subprocess.Popen
    url: str
    port: int
    output: list[str] = field(default_factory=list)

    def log(self) -> str:
        """Return what the server printed so far."""
        return "".join(self.output)


def start(store: Path, env: dict[str, str], *args: str, port: int | None = None, timeout: float = 180) -> Server:
    """Run `nsss serve --store STORE --port PORT` and wait until it says it is ready and the page answers."""
    port = port or free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "nsss.cli", "serve", "--store", str(store), "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=PROJECT,
    )
    server = Server(proc, f"http://127.0.0.1:{port}/", port)

    def pump():
        for line in proc.stdout:
            server.output.append(line)

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"nsss serve exited with {proc.returncode}:\n{server.log()}")
        if "ready at" in server.log() and page_answers(server.url):
            return server
        time.sleep(0.1)
    stop(server)
    raise TimeoutError(f"nsss serve did not become ready in {timeout} s:\n{server.log()}")


def page_answers(url: str) -> bool:
    """Say whether the web page answers with HTTP 200."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def stop(server: Server) -> None:
    """Stop the server process (Ctrl+C first, as a person would)."""
    import signal

    if server.proc.poll() is None:
        server.proc.send_signal(signal.SIGINT)
        try:
            server.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.proc.kill()
            server.proc.wait(timeout=15)
