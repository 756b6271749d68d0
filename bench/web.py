"""`plankg serve` under load, on the two seeds (docs/web.md, "Load").

    python bench/web.py                         # 20 clients x 200 requests, 30 repeats per API call
    python bench/web.py --clients 2 --requests 5 --repeats 3    # a smoke run

1. Load: CLIENTS threads, each with its own keep-alive connection, send REQUESTS requests each over
   a fixed mix of routes (catalogue, query pages, JSON and CSV API, SPARQL, plan, agency and task
   pages, Turtle, OpenAPI), round-robin from a different start per client. Any answer but 200 (or
   an exception) is an error; the run fails (exit 1) unless there are none. Prints p50/p95/max
   latency, per route p95, and the throughput.
2. One client: each of a few saved queries through ``/api/NAME.json`` (request, body, JSON parsed
   into dicts) against the same query in-process through the Python API (``PlanGraph.query``,
   rows as dicts), medians of REPEATS after a warm-up; prints the ratios (target <= 1.5x).

Only 127.0.0.1 is contacted: the server is started here on a free port and stopped at the end.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = "001_c6078f0173379ff0"
AGENCY = "https://w3id.org/plankg/id/agency/440100/市市场监督管理局"


def q(path: str, **params) -> str:
    items = [(k, v) for k, vs in params.items() for v in (vs if isinstance(vs, list) else [vs])]
    return urllib.parse.quote(path, safe="/%") + (f"?{urllib.parse.urlencode(items)}" if items else "")


# (name, path, Accept)
MIX = [
    ("catalogue", "/", "text/html"),
    ("query page", q("/queries/agency-tasks", agency="市市场监管局", role="lead"), "text/html"),
    ("api json", "/api/assignments.json", "application/json"),
    ("api json params", q("/api/agency-tasks.json", agency=["市市场监管局", "市公安局"]), "application/json"),
    ("api csv", q("/api/targets.csv", key=PLAN), "text/csv"),
    ("sparql", q("/sparql", query="SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?t a pk:Task } }"),
     "application/sparql-results+json"),
    ("plan page", f"/id/plan/{PLAN}", "text/html"),
    ("agency page", q("/id/agency/440100/市市场监督管理局"), "text/html"),
    ("task page", f"/id/plan/{PLAN}/task/46", "text/html"),
    ("task turtle", f"/id/plan/{PLAN}/task/46", "text/turtle"),
    ("openapi", "/openapi.json", "application/json"),
]
# saved queries compared one client vs in-process: (name, params)
SINGLE = [
    ("assignments", {}),
    ("plans", {}),
    ("agency-tasks", {"agency": "市市场监管局"}),
    ("plan-tasks", {"plan": PLAN}),
    ("agency-resource-tasks", {"resource": AGENCY}),
]


def plankg() -> str:
    beside = Path(sys.executable).with_name("plankg")
    return str(beside) if beside.exists() else shutil.which("plankg")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(store: Path, port: int, workers: int) -> subprocess.Popen:
    process = subprocess.Popen([plankg(), "serve", "--store", str(store), "--port", str(port), "--workers", str(workers)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout] and lines.put(None), daemon=True).start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        if line is None:
            raise SystemExit(f"serve ended early: {process.stderr.read()}")
        if line.startswith("Ctrl-C stops the server."):
            return process
    process.kill()
    raise SystemExit("serve did not start within 60 s")


def fetch(conn: http.client.HTTPConnection, path: str, accept: str) -> tuple[int, bytes]:
    conn.request("GET", path, headers={"Accept": accept})
    response = conn.getresponse()
    return response.status, response.read()


def load_run(port: int, clients: int, requests: int) -> dict:
    """CLIENTS threads x REQUESTS requests over MIX; latencies per route and the errors."""
    latencies: dict[str, list[float]] = {name: [] for name, _, _ in MIX}
    errors: list[str] = []
    lock = threading.Lock()

    def client(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine: list[tuple[str, float]] = []
        bad: list[str] = []
        for i in range(requests):
            name, path, accept = MIX[(index + i) % len(MIX)]
            started = time.perf_counter()
            try:
                status, _ = fetch(conn, path, accept)
            except (OSError, http.client.HTTPException) as exc:
                bad.append(f"{name}: {type(exc).__name__} {exc}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            mine.append((name, time.perf_counter() - started))
            if status != 200:
                bad.append(f"{name}: HTTP {status}")
        conn.close()
        with lock:
            for name, seconds in mine:
                latencies[name].append(seconds)
            errors.extend(bad)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"latencies": latencies, "errors": errors, "seconds": time.perf_counter() - started}


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))] if ordered else float("nan")


def single_client(port: int, store: Path, repeats: int) -> list[tuple[str, float, float]]:
    """(query, HTTP median s, in-process median s) for each of SINGLE."""
    from plankg.api import PlanGraph

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    out = []
    with PlanGraph(store, read_only=True) as graph:  # the server reads its snapshot: no lock taken here
        for name, params in SINGLE:
            path = q(f"/api/{name}.json", **params)

            def over_http():
                status, body = fetch(conn, path, "application/json")
                assert status == 200, (name, status)
                return json.loads(body)["rows"]

            def in_process():
                return list(graph.query(name, **params))

            assert over_http() == in_process()  # the same rows, and a warm-up of both
            http_times, local_times = [], []
            for _ in range(repeats):  # alternate, so a busy moment of the machine hits both sides
                t = time.perf_counter()
                over_http()
                http_times.append(time.perf_counter() - t)
                t = time.perf_counter()
                in_process()
                local_times.append(time.perf_counter() - t)
            out.append((name, statistics.median(http_times), statistics.median(local_times)))
    conn.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=200, help="requests per client")
    parser.add_argument("--repeats", type=int, default=30, help="timed calls per query, one client")
    parser.add_argument("--workers", type=int, default=2, help="the server's --workers")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="plankg-bench-web-"))
    server = None
    try:
        store = work / "store"
        done = subprocess.run([plankg(), "load", str(ROOT / "examples"), "--store", str(store)], capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"load failed: {done.stderr}")
        port = free_port()
        server = start_server(store, port, args.workers)
        print(f"plankg serve on the seeds, {args.workers} workers; {os.cpu_count()} cores; "
              f"{args.clients} clients x {args.requests} requests")
        run = load_run(port, args.clients, args.requests)
        every = [s for values in run["latencies"].values() for s in values]
        total = len(every) + len(run["errors"])
        print(f"load: {total} requests in {run['seconds']:.1f} s ({total / run['seconds']:.0f}/s), "
              f"errors {len(run['errors'])}, latency p50 {pct(every, 50) * 1000:.0f} ms, "
              f"p95 {pct(every, 95) * 1000:.0f} ms, max {max(every) * 1000:.0f} ms")
        for name, values in run["latencies"].items():
            print(f"  {name:<16} n={len(values):<5} p50 {pct(values, 50) * 1000:6.1f} ms  p95 {pct(values, 95) * 1000:6.1f} ms")
        for error in run["errors"][:10]:
            print(f"  error: {error}")
        print(f"one client, /api/NAME.json (request + JSON parse) vs PlanGraph.query in-process, medians of {args.repeats}:")
        ratios = []
        for name, over_http, local in single_client(port, store, args.repeats):
            ratio = over_http / local
            ratios.append(ratio)
            mark = "ok" if ratio <= 1.5 else "MISSED (target <= 1.5x)"
            print(f"  {name:<14} http {over_http * 1000:7.2f} ms  in-process {local * 1000:7.2f} ms  ratio {ratio:5.2f}x  {mark}")
        print(f"ratio median {statistics.median(ratios):.2f}x, worst {max(ratios):.2f}x")
        return 1 if run["errors"] else 0
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(15)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
