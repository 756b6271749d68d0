"""`plankg serve` as a process: a snapshot served while the live store stays writable, clean stops
on SIGTERM and Ctrl-C, one-line errors for a busy port or a missing store, CORS and SERVICE only
when asked. (The routes themselves: tests/test_web.py.)"""
from __future__ import annotations

import json
import signal
import socket
import subprocess
import time
import urllib.parse

import pytest

from conftest import run_cli
from serving import Serving, free_port, get

PLANS = "SELECT ?key WHERE { GRAPH ?g { ?p a pk:Plan ; dcterms:identifier ?key } }"


@pytest.fixture
def serving(store_copy):
    """`plankg serve` on a private store copy, ready; stopped if a test leaves it running."""
    server = Serving(store_copy, free_port())
    try:
        server.wait_ready()
        yield server
    finally:
        server.kill()


def plans_over_http(base: str) -> list[str]:
    status, _, body = get(f"{base}/sparql?{urllib.parse.urlencode({'query': PLANS})}",
                          Accept="application/sparql-results+json")
    assert status == 200
    return [b["key"]["value"] for b in json.loads(body)["results"]["bindings"]]


def running(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie waiting for its parent does not)."""
    state = subprocess.run(["ps", "-o", "stat=", "-p", str(pid)], capture_output=True, text=True).stdout.strip()
    return bool(state) and not state.startswith("Z")


def workers_of(pid: int) -> list[int]:
    """The query worker processes of the server with ``pid``."""
    out = subprocess.run(["ps", "-o", "pid=,args=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(line.split()[0]) for line in out.splitlines() if "plankg.web.worker" in line]


def test_banner_names_the_routes(serving):
    base = serving.base
    assert serving.banner[0].startswith("serving a read-only snapshot of ")
    assert f"  saved queries:    {base}/" in serving.banner
    assert any(line.startswith(f"  SPARQL endpoint:  {base}/sparql") for line in serving.banner)
    assert len(workers_of(serving.process.pid)) == 2


def test_live_store_stays_writable_while_serving(serving, store_copy, seed_paths):
    """While serving, `plankg load` and `plankg remove` work on the live store; the server keeps its snapshot."""
    loaded = run_cli("load", str(seed_paths[0]), "--force", "--store", str(store_copy))
    assert loaded.returncode == 0, loaded.stderr
    removed = run_cli("remove", "001_c6078f0173379ff0", "--store", str(store_copy))
    assert removed.returncode == 0, removed.stderr
    assert len(plans_over_http(serving.base)) == 2
    status, _, _ = get(f"{serving.base}/id/plan/001_c6078f0173379ff0", Accept="text/html")
    assert status == 200


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_stops_server_workers_and_removes_snapshot(serving, signum):
    """SIGTERM or Ctrl-C (SIGINT) stops the server and its workers, deletes the snapshot and exits 0."""
    snapshot = serving.snapshot
    workers = workers_of(serving.process.pid)
    assert snapshot.is_dir() and (snapshot / "CURRENT").is_file() and workers
    assert serving.stop(signum) == 0
    assert not snapshot.exists() and not snapshot.parent.exists()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", serving.port), timeout=2).close()
    time.sleep(0.2)
    assert not [pid for pid in workers if running(pid)]


def test_a_killed_server_leaves_no_worker_and_its_snapshot_goes_next_time(store_copy):
    """SIGKILL: the workers die with the server (parent-death signal); the next serve deletes the
    snapshot left behind."""
    server = Serving(store_copy, free_port())
    server.wait_ready()
    workers, snapshot = workers_of(server.process.pid), server.snapshot
    server.process.kill()
    server.process.wait()
    time.sleep(0.5)
    assert workers and not [pid for pid in workers if running(pid)]
    assert snapshot.exists()
    again = Serving(store_copy, free_port())
    try:
        again.wait_ready()
        assert not snapshot.parent.exists()
    finally:
        again.kill()


def test_busy_port_is_one_error_and_leaves_no_snapshot(store_copy):
    """A port already in use is reported at once (exit 2) and no snapshot is left behind."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--store", str(store_copy), "--port", str(port), timeout=30)
    assert result.returncode == 2
    assert result.stderr.startswith("Error: --bind 127.0.0.1 --port") and "cannot listen" in result.stderr
    assert "Traceback" not in result.stderr
    assert not [p for p in store_copy.parent.iterdir() if ".serve-" in p.name]


def test_missing_store_is_exit_3(tmp_path):
    """Serving a store that does not exist is the usual store error, exit 3."""
    result = run_cli("serve", "--store", str(tmp_path / "nothing"), "--port", str(free_port()))
    assert result.returncode == 3 and result.stderr.startswith("Error: no store at") and "Traceback" not in result.stderr


def test_cors_and_service_only_when_asked(store_copy):
    """--cors ORIGIN sends CORS headers for that origin only; --allow-service makes federated
    queries runnable (shown in the catalogue, listed in the OpenAPI description)."""
    server = Serving(store_copy, free_port(), "--cors", "http://allowed.example", "--allow-service")
    try:
        server.wait_ready()
        _, headers, _ = get(f"{server.base}/api/plans.json", Origin="http://allowed.example")
        assert headers["Access-Control-Allow-Origin"] == "http://allowed.example"
        _, headers, _ = get(f"{server.base}/api/plans.json", Origin="http://elsewhere.example")
        assert "Access-Control-Allow-Origin" not in headers
        _, _, body = get(f"{server.base}/", Accept="text/html")
        row = body.decode().split('href="/queries/wikidata-divisions"')[1].split("</tr>")[0]
        assert "not runnable" not in row
        _, _, body = get(f"{server.base}/openapi.json")
        assert "/api/wikidata-divisions.json" in json.loads(body)["paths"]
    finally:
        server.kill()
