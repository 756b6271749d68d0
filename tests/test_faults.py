"""Faults during a load: kill -9 at random points and a full disk leave every plan graph whole or
absent, every reported load present, and a store that opens again."""
from __future__ import annotations

import hashlib
import os
import random
import re
import subprocess
import time
from pathlib import Path

import pytest
from pyoxigraph import Store

import plankg
from conftest import fill_disk, plankg_command, run_cli
from generate import document, slow_size, write
from plankg.loaders import load_document
from plankg.enrich import enrich
from plankg.ontology.mapping import graph_iri, plan_quads
from plankg.store import graph_hash, load_record, plan_graphs

LOADED = re.compile(r"^(?:\[\d+/\d+\] )?loaded (?P<path>.+) as (?P<key>\S+): ")


def fresh(path: Path) -> tuple[str, int]:
    """Canonical hash and quad count of the graph a fresh parse of ``path`` gives."""
    plan = load_document(path)
    memory = Store()
    quads = list(dict.fromkeys(plan_quads(enrich(plan))))
    memory.extend(quads)
    return graph_hash(memory, graph_iri(plan.key)), len(quads)


def state(store_path: Path) -> dict[str, tuple[str, int, str | None]]:
    """Plan key -> (graph hash, quad count, recorded byte hash) of every plan graph in the store."""
    with plankg.open(store_path) as graph:
        out = {}
        for key, g in zip(graph.plan_keys(), plan_graphs(graph.store)):
            size = sum(1 for _ in graph.store.quads_for_pattern(None, None, None, g))
            out[key] = (graph_hash(graph.store, g), size, load_record(graph.store, key).get("byteHash"))
        return out


def reported(stdout: str) -> set[str]:
    """Keys of the files a load reported as loaded (complete lines only)."""
    return {m["key"] for line in stdout.splitlines(keepends=True) if line.endswith("\n") and (m := LOADED.match(line))}


def _kill_after_loaded(process: subprocess.Popen, count: int, timeout: float) -> tuple[str, str]:
    """Kill a load right after its ``count``-th `loaded` report (or at its end); its stdout and stderr.

    Click flushes each progress line, so the report of a file reaches the pipe right after its
    transaction; a kill sent then falls between two files whatever the machine's speed, which a
    kill at a random time (fitted to one load's duration) cannot promise on a busy machine."""
    import queue
    import threading

    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    seen, loaded, deadline = [], 0, time.monotonic() + timeout
    while loaded < count:
        line = lines.get(timeout=max(0.1, deadline - time.monotonic()))  # queue.Empty here means a hung load
        if line is None:
            break
        seen.append(line)
        loaded += bool(LOADED.match(line))
    process.kill()
    reader.join(timeout=60)
    while not lines.empty() and (line := lines.get_nowait()) is not None:  # what the kill found in the pipe
        seen.append(line)
    err = process.stderr.read()
    process.wait(timeout=60)
    return "".join(seen), err


def _kill_loop(tmp_path: Path, files: int, kills: int, seed: int) -> None:
    docs, store = tmp_path / "docs", tmp_path / "store"
    docs.mkdir()
    versions: list[dict[str, bytes]] = [{}, {}]
    expected: dict[str, dict[str, tuple[str, int]]] = {}
    for i in range(files):
        name = f"doc_{i:03d}.txt"
        for v, index in enumerate((i, i + 10_000)):
            data = document(index).text.encode("utf-8")
            versions[v][name] = data
            (docs / name).write_bytes(data)
            h, n = fresh(docs / name)
            expected.setdefault(name[:-4], {})[hashlib.sha256(data).hexdigest()] = (h, n)
    for name, data in versions[0].items():
        (docs / name).write_bytes(data)
    with plankg.open(store, create=True) as graph:  # the one-time reference graph, kept out of the timing
        from plankg.store import ensure_reference

        ensure_reference(graph.store)
    started = time.monotonic()
    first = run_cli("load", str(docs), "--store", str(store), timeout=300)
    duration = time.monotonic() - started
    assert first.returncode == 0, first.stderr
    assert len(state(store)) == files

    rng = random.Random(seed)
    landed = 0
    for k in range(kills):
        version = (k + 1) % 2
        for name, data in versions[version].items():
            (docs / name).write_bytes(data)
        process = subprocess.Popen(
            [plankg_command(), "load", str(docs), "--store", str(store)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PLANKG_STORE": ""},
        )
        if k % 2:  # at a random time: before, during or after the writes, wherever the machine's pace puts it
            time.sleep(rng.uniform(0.0, duration * 1.1))
            process.kill()
            out, err = process.communicate(timeout=60)
        else:  # right after the n-th file is reported: mid-load however fast or slow the machine is
            out, err = _kill_after_loaded(process, rng.randint(1, files - 1), timeout=max(60.0, duration * 10))
        assert "Traceback" not in err, err
        now = state(store)  # reopens after every kill
        assert set(now) == set(expected), "a plan graph went missing"
        done = reported(out)
        landed += bool(done) and len(done) < files
        for key, (h, n, byte_hash) in now.items():
            assert byte_hash in expected[key], f"{key}: load record names bytes never loaded"
            assert (h, n) == expected[key][byte_hash], f"{key}: graph is not the whole graph of the bytes its record names"
            if key in done:
                assert byte_hash == hashlib.sha256(versions[version][key + ".txt"]).hexdigest(), f"{key}: reported loaded, old graph"
    print(f"{landed} of {kills} kills landed between two files of a load")
    assert landed >= 1, "no kill landed in the middle of a load"


def test_kill_during_load_quick(tmp_path):
    """Two kill -9s during an 8-file load: the store reopens, reported files are whole, nothing is partial."""
    _kill_loop(tmp_path, files=8, kills=2, seed=7)


@pytest.mark.slow
def test_kill_during_load_at_random_points(tmp_path):
    """kill -9 at 20 random points of a 20-file load: the store reopens, reported files are whole, nothing is partial."""
    _kill_loop(tmp_path, files=20, kills=slow_size(20, 5), seed=20240601)


def _bulk_kill_loop(tmp_path: Path, files: int, kills: int, seed: int) -> None:
    help_text = run_cli("load", "--help", timeout=30).stdout
    if "--bulk" not in help_text:
        pytest.skip("no bulk load path exists: `plankg load` has no --bulk; every document is its own transaction")
    docs = tmp_path / "docs"
    paths = write(docs, files)
    expected = {p.stem: fresh(p) for p in paths}
    started = time.monotonic()
    whole = run_cli("load", str(docs), "--bulk", "--store", str(tmp_path / "whole"), timeout=300)
    duration = time.monotonic() - started
    assert whole.returncode == 0, whole.stderr
    assert {k: (h, n) for k, (h, n, _) in state(tmp_path / "whole").items()} == expected
    rng = random.Random(seed)
    outcomes = set()
    for k in range(kills):
        store = tmp_path / f"store{k}"  # a fresh store each time: every plan goes through the bulk loader
        process = subprocess.Popen([plankg_command(), "load", str(docs), "--bulk", "--store", str(store)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0.0, duration * 1.1))
        process.kill()
        out, err = process.communicate(timeout=60)
        assert "Traceback" not in err, err
        if not store.exists():
            outcomes.add("not created")
            continue
        now = state(store)  # reopening runs the recovery
        assert not list(store.glob("bulk-*.sst")), "orphaned bulk files survive a reopen"
        assert not (store / "plankg-bulk.json").exists()
        assert set(now) in (set(), set(expected)), f"{len(now)} of {files} plans: a bulk load is all or nothing"
        assert {key: (h, n) for key, (h, n, _) in now.items()} == {key: expected[key] for key in now}
        assert reported(out) <= set(now), "a plan reported loaded is missing"
        outcomes.add("all" if now else "none")
    print(f"bulk kill outcomes: {sorted(outcomes)}")


def test_kill_during_bulk_load_quick(tmp_path):
    """Two kill -9s during a 6-file bulk load: after reopening, no bulk-*.sst is left and the load is all or nothing."""
    _bulk_kill_loop(tmp_path, files=6, kills=2, seed=5)


@pytest.mark.slow
def test_kill_during_bulk_load(tmp_path):
    """kill -9 at random points of a 60-file bulk load: no bulk-*.sst survives a reopen; the load is all or nothing."""
    _bulk_kill_loop(tmp_path, files=60, kills=slow_size(10, 3), seed=11)


def test_disk_full_is_reported_and_earlier_documents_survive(tmp_path, small_disk):
    """A load that fills the disk exits 3 with one line 'disk full'; after space is freed every earlier document is whole."""
    docs, store = tmp_path / "docs", small_disk / "store"
    paths = write(docs, 40)
    first = run_cli("load", str(paths[0]), "--store", str(store), timeout=120)  # the store and its reference graph
    assert first.returncode == 0, first.stderr
    assert run_cli("stats", "--store", str(store), timeout=60).returncode == 0  # log replayed into tables
    ballast = fill_disk(small_disk, leave=5_000_000)
    result = run_cli("load", *map(str, paths[1:]), "--store", str(store), timeout=120)
    assert result.returncode == 3, (result.returncode, result.stdout[-500:], result.stderr)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"Error: store {store}: disk full"), result.stderr
    assert "Traceback" not in result.stderr
    done = reported(result.stdout) | {paths[0].stem}
    assert 1 < len(done) < len(paths), result.stdout
    print(f"{len(done) - 1} documents loaded before the disk filled")

    ballast.unlink()
    now = state(store)
    by_key = {p.stem: p for p in paths}
    failed_next = sorted(set(by_key) - done)[0]
    assert done <= set(now) <= done | {failed_next}
    for key, (h, n, _) in now.items():
        assert (h, n) == fresh(by_key[key]), f"{key} is not whole after the disk filled"
    stats = run_cli("stats", "--store", str(store), timeout=60)
    assert stats.returncode == 0, stats.stderr
    assert re.search(rf"^plans\s+{len(now)}$", stats.stdout, re.M)
