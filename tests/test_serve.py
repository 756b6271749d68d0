"""`plankg serve` for real: a read-only Oxigraph server on a snapshot, while the live store stays writable."""
from __future__ import annotations

import json
import queue
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import plankg_command, run_cli

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))
READY_LINE = "Ctrl-C stops the server."


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serving:
    """A `plankg serve` process with its banner lines read as they come."""

    def __init__(self, store: Path, port: int, *extra: str) -> None:
        self.port = port
        self.process = subprocess.Popen(
            [plankg_command(), "serve", "--store", str(store), "--port", str(port), "--timeout", "5", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.banner: list[str] = []

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_ready(self, limit: float = 30) -> list[str]:
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
            self.process.kill()
            self.process.wait()


@pytest.fixture
def serving(store_copy):
    """`plankg serve` on a private store copy, ready; killed if a test leaves it running."""
    server = Serving(store_copy, free_port())
    try:
        server.wait_ready()
        yield server
    finally:
        server.kill()


def get(url: str, **headers: str):
    """GET ``url``; the response (status, headers, body) whatever its status."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with NO_PROXY.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def post(url: str, data: dict, **headers: str):
    request = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode(), headers=headers, method="POST")
    try:
        with NO_PROXY.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def saved_query_url(banner: list[str], name: str) -> str:
    line = next(ln for ln in banner if ln.strip().startswith(f"{name}: "))
    return line.split(": ", 1)[1]


def plans_over_http(url: str) -> list[str]:
    status, _, body = get(url, Accept="application/sparql-results+json")
    assert status == 200
    return [b["plan"]["value"] for b in json.loads(body)["results"]["bindings"]]


def test_serve_answers_read_only_without_cors(serving):
    """The YASGUI page, the saved-query URLs and the SPARQL endpoint answer; updates are refused;
    no response carries Access-Control-Allow-Origin."""
    base = f"http://127.0.0.1:{serving.port}"
    assert f"  YASGUI page:      {base}/" in serving.banner
    status, headers, body = get(f"{base}/", Origin="http://elsewhere.example")
    assert status == 200 and headers.get_content_type() == "text/html" and b"yasgui" in body.lower()
    assert "Access-Control-Allow-Origin" not in headers

    url = saved_query_url(serving.banner, "plans")
    assert url.startswith(f"{base}/query?query=")
    assert len(plans_over_http(url)) == 2
    needs = next(ln for ln in serving.banner if ln.strip().startswith("agency-tasks: "))
    assert "needs parameters" in needs and "--param agency=" in needs

    status, headers, _ = get(url, Accept="application/sparql-results+json", Origin="http://elsewhere.example")
    assert status == 200 and "Access-Control-Allow-Origin" not in headers
    status, headers, _ = post(f"{base}/update", {"update": "CLEAR ALL"}, Origin="http://elsewhere.example")
    assert 400 <= status < 500 and "Access-Control-Allow-Origin" not in headers
    assert len(plans_over_http(url)) == 2  # still all there


def test_live_store_stays_writable_while_serving(serving, store_copy, seed_paths):
    """While serving, `plankg load` and `plankg remove` work on the live store; the server keeps its snapshot."""
    loaded = run_cli("load", str(seed_paths[0]), "--force", "--store", str(store_copy))
    assert loaded.returncode == 0, loaded.stderr
    removed = run_cli("remove", "001_c6078f0173379ff0", "--store", str(store_copy))
    assert removed.returncode == 0, removed.stderr
    assert len(plans_over_http(saved_query_url(serving.banner, "plans"))) == 2


def test_remote_query_through_served_endpoint(serving, seeded_store):
    """`plankg query --endpoint` against the served snapshot prints what the store prints."""
    endpoint = f"http://127.0.0.1:{serving.port}/query"
    remote = run_cli("query", "agency-tasks", "--param", "agency=市市场监管局", "--endpoint", endpoint, "--format", "json")
    local = run_cli("query", "agency-tasks", "--param", "agency=市市场监管局", "--store", str(seeded_store), "--format", "json")
    assert remote.returncode == 0, remote.stderr
    assert json.loads(remote.stdout) == json.loads(local.stdout) != []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_stops_server_and_removes_snapshot(serving, signum):
    """SIGTERM or Ctrl-C (SIGINT) stops the server, deletes the snapshot and exits 0."""
    snapshot = serving.snapshot
    assert snapshot.is_dir() and (snapshot / "CURRENT").is_file()
    assert serving.stop(signum) == 0
    assert not snapshot.exists() and not snapshot.parent.exists()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", serving.port), timeout=2).close()


def test_busy_port_is_one_error_and_leaves_no_snapshot(store_copy):
    """A port already in use is reported at once (exit 2) and no snapshot is left behind."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--store", str(store_copy), "--port", str(port), timeout=30)
    assert result.returncode == 2
    assert result.stderr.startswith("Error: --bind 127.0.0.1 --port") and "cannot listen" in result.stderr
    assert not [p for p in store_copy.parent.iterdir() if ".serve-" in p.name]


def test_missing_store_is_exit_3(tmp_path):
    """Serving a store that does not exist is the usual store error, exit 3."""
    result = run_cli("serve", "--store", str(tmp_path / "nothing"), "--port", str(free_port()))
    assert result.returncode == 3 and "no store at" in result.stderr
