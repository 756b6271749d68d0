"""A real `plankg serve` process for the tests, and a plain HTTP client that never uses a proxy."""
from __future__ import annotations

import queue
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from conftest import plankg_command

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))
READY_LINE = "Ctrl-C stops the server."


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serving:
    """A `plankg serve` process with its banner lines read as they come."""

    def __init__(self, store: Path, port: int, *extra: str, timeout: str = "5") -> None:
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [plankg_command(), "serve", "--store", str(store), "--port", str(port), "--timeout", timeout, *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.banner: list[str] = []

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_ready(self, limit: float = 60) -> list[str]:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            if line is None:
                raise AssertionError(f"serve ended early: {self.process.wait()} {self.process.stderr.read()}")
            self.banner.append(line)
            if line == READY_LINE:
                return self.banner
        raise AssertionError(f"serve not ready within {limit} s: {self.banner}")

    @property
    def snapshot(self) -> Path:
        first = self.banner[0]
        return Path(first.split("(snapshot ")[1].rstrip(")"))

    def stop(self, signum: int, limit: float = 15) -> int:
        self.process.send_signal(signum)
        return self.process.wait(limit)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def request(url: str, data: bytes | None = None, method: str | None = None, timeout: float = 30, **headers: str):
    """One HTTP request; (status, headers, body) whatever the status."""
    req = urllib.request.Request(url, data=data, headers={k.replace("_", "-"): v for k, v in headers.items()},
                                 method=method)
    try:
        with NO_PROXY.open(req, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def get(url: str, **headers: str):
    return request(url, **headers)


def post(url: str, fields: dict, **headers: str):
    return request(url, urllib.parse.urlencode(fields).encode(), "POST",
                   **{"Content_Type": "application/x-www-form-urlencoded", **headers})
