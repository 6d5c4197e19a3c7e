"""Slow down password guessing: after a few failed logins from one address, it must wait, longer each time."""

from __future__ import annotations

import json
import threading
import time

FREE_FAILURES = 3  # typing mistakes cost nothing
FIRST_DELAY = 1.0  # seconds; doubles with each further failure
MAX_DELAY = 300.0


class LoginThrottle:
    """ASGI middleware in front of Gradio's /login: count failures per client address and refuse early logins.

    Gradio's password check sees neither the address nor the time, so the throttle sits in front of it: a login
    from an address that failed more than FREE_FAILURES times is refused (429, with Retry-After) until its delay is
    over, even with the right password, so guessing runs at a few tries an hour. A success clears the address.
    """

    def __init__(self, app, clock=time.monotonic):
        self.app = app
        self.clock = clock
        self.failures: dict[str, tuple[int, float]] = {}  # address -> (failures in a row, when it may try again)
        self.lock = threading.Lock()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST" or not scope["path"].rstrip("/").endswith("/login"):
            await self.app(scope, receive, send)
            return
        address = (scope.get("client") or ("unknown", 0))[0]
        wait = self.wait(address)
        if wait > 0:
            await _refuse(send, wait)
            return
        status = {}

        async def watch(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        await self.app(scope, receive, watch)
        self.record(address, status.get("code") == 200)

    def wait(self, address: str) -> float:
        """Return the seconds an address must still wait before it may try to log in again."""
        with self.lock:
            _, until = self.failures.get(address, (0, 0.0))
        return max(0.0, until - self.clock())

    def record(self, address: str, ok: bool) -> None:
        """Note a login's outcome: a success clears the address, a failure lengthens its wait."""
        with self.lock:
            if ok:
                self.failures.pop(address, None)
                return
            count = self.failures.get(address, (0, 0.0))[0] + 1
            delay = 0.0 if count <= FREE_FAILURES else min(MAX_DELAY, FIRST_DELAY * 2 ** (count - FREE_FAILURES - 1))
            self.failures[address] = (count, self.clock() + delay)
            if len(self.failures) > 10_000:  # a flood of addresses must not grow memory without end
                now = self.clock()
                self.failures = {a: v for a, v in self.failures.items() if v[1] > now}


async def _refuse(send, wait: float) -> None:
    seconds = max(1, round(wait + 0.5))
    body = json.dumps({"detail": f"Too many failed logins from your address: wait {seconds} s and try again."})
    await send(
        {
            "type": "http.response.start",
            "status": 429,
            "headers": [(b"content-type", b"application/json"), (b"retry-after", str(seconds).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body.encode()})


def middleware() -> list:
    """Return the middleware list to give Gradio's app (launch(app_kwargs={"middleware": ...}))."""
    from starlette.middleware import Middleware

    return [Middleware(LoginThrottle)]
