"""The benchmark script runs end to end at tiny sizes and prints every row of its table."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

ROWS = (
    "atomic ingest: 4 plans",
    "atomic ingest, the same with --jobs 1",
    "atomic ingest, for comparison: the faster of the two vs one extend per plan graph with plankg's flush",
    "bulk ingest: 4 plans",
    "bulk ingest, the same with --jobs 1",
    "growth: +1 plan to a store of 4 plans",
    "growth: +3 plans to a store of 4 plans",
    "similarity: analyze after +10 plans",
    "queries at N = 4: ",  # then the number of saved queries that need no parameter
    "plan-summary p95 over the 4 plans",
    "start-up: plankg --help",
    "start-up: plankg queries",
    "memory: peak of load --no-analysis",
    "memory: peak of load --bulk",
)


# 90 s on 2 cores: with the fault and fuzz loops, run by .ci/run (make test MARKERS="slow or not slow")
@pytest.mark.slow
def test_bench_prints_every_row(tmp_path):
    """`bench/run.py --plans 4 --no-rdflib` (tiny sizes) finishes and prints each check's row."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--plans", "4", "--no-rdflib", "--quick", "--jobs", "2",
         "--similarity-plans", "2", "--growth-plans", "3", "--work", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode in (0, 1), done.stderr[-3000:]  # 1: a ratio missed its target (tiny sizes)
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    table = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    assert table and table[0].startswith("| check"), done.stdout
    for row in ROWS:
        assert sum(line.startswith(f"| {row}") for line in table) == 1, f"no row {row!r} in\n{done.stdout}"
    assert len(table) == len(ROWS) + 1
    for line in table[1:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert len(cells) == 6 and cells[1], line
    assert done.stdout.startswith("plankg benchmark, N = 4 plans")
    assert "machine: " in done.stdout and "nproc" in done.stdout
