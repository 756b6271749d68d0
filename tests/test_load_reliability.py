"""Loading many documents: every plan graph is whole or absent to a concurrent reader, a folder
load reports progress and failures, and unchanged files are skipped unless --force."""
from __future__ import annotations

import random
import re
import threading
import time
from pathlib import Path

import pytest
from pyoxigraph import Store

import plankg
from conftest import run_cli
from generate import slow_size, write
from plankg.loaders import load_document
from plankg.ontology import vocab as v
from plankg.enrich import enrich
from plankg.ontology.mapping import graph_iri, plan_quads
from plankg.store import SHARED_GRAPHS, graph_hash, load_record, load_record_iri, plan_graphs

def snapshot_query(keys: list[str]) -> str:
    """One query (so one snapshot): the quad count of each named plan graph and whether its load record exists."""
    pairs = " ".join(f"({graph_iri(k)} {load_record_iri(k)})" for k in keys)
    graphs = " ".join(str(graph_iri(k)) for k in keys)
    return f"""
SELECT ?g ?kind ?n WHERE {{
  {{ SELECT ?g ?kind (COUNT(*) AS ?n) WHERE {{
       VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?s ?p ?o }} BIND("quads" AS ?kind) }} GROUP BY ?g ?kind }}
  UNION
  {{ SELECT ?g ?kind (COUNT(*) AS ?n) WHERE {{
       VALUES (?g ?r) {{ {pairs} }} GRAPH {v.LOADS_GRAPH} {{ ?r a <{v.PK}LoadRecord> }} BIND("record" AS ?kind) }}
     GROUP BY ?g ?kind }}
}}"""


def expected_sizes(paths: list[Path]) -> dict[str, int]:
    """Plan key -> the number of distinct quads a fresh parse of the file produces."""
    sizes = {}
    for path in paths:
        plan = load_document(path)
        sizes[plan.key] = len(set(plan_quads(enrich(plan))))
    return sizes


def _reader(store: Store, sizes: dict[str, int], stop: threading.Event, seen: list, errors: list) -> None:
    """Query the store until told to stop, each time checking a sample of plan graphs (all of them
    when few, else the ones around the load's frontier and some at random) in one snapshot: each is
    absent with no load record, or whole with one. Records the number of graphs seen present."""
    keys = sorted(sizes)  # the load goes in this order
    rng = random.Random(3)
    frontier = 0
    try:
        while not stop.is_set():
            if len(keys) <= 40:
                sample = keys
            else:
                sample = sorted(set(keys[max(0, frontier - 5):frontier + 10]) | set(rng.sample(keys, 25)))
            counts: dict[str, dict[str, int]] = {}
            for row in store.query(snapshot_query(sample)):
                counts.setdefault(row["g"].value, {})[row["kind"].value] = int(row["n"].value)
            present = 0
            for key in sample:
                got = counts.get(graph_iri(key).value, {})
                n, record = got.get("quads", 0), got.get("record", 0)
                assert n in (0, sizes[key]), f"{key}: {n} quads seen, {sizes[key]} expected (partial graph)"
                assert record == (1 if n else 0), f"{key}: graph of {n} quads with {record} load records"
                if n:
                    present += 1
                    frontier = max(frontier, keys.index(key))
            seen.append(present)
            time.sleep(0.005)
    except BaseException as exc:  # any exception is a failure of the test, reported by the main thread
        errors.append(exc)


def _load_with_reader(tmp_path: Path, count: int) -> None:
    paths = write(tmp_path / "docs", count)
    sizes = expected_sizes(paths)
    assert len(sizes) == count
    stop, seen, errors = threading.Event(), [], []
    with plankg.open(tmp_path / "store", create=True) as graph:
        reader = threading.Thread(target=_reader, args=(graph.store, sizes, stop, seen, errors), daemon=True)
        reader.start()
        try:
            results = graph.load_many([tmp_path / "docs"])
            time.sleep(0.05)
        finally:
            stop.set()
            reader.join(timeout=60)
        assert not reader.is_alive()
        assert errors == [], f"reader failed: {errors[0]!r}"
        assert [r.error for r in results if not r.ok] == []
        store = graph.store
        graphs = plan_graphs(store)
        assert len(graphs) == count
        by_iri = {graph_iri(k).value: n for k, n in sizes.items()}
        for g in graphs:
            assert sum(1 for _ in store.quads_for_pattern(None, None, None, g)) == by_iri[g.value]
        others = {g.value for g in store.named_graphs()} - {g.value for g in graphs}
        assert others <= SHARED_GRAPHS
    assert len(seen) >= 10, "the reader ran too few queries to observe the load"
    assert len(set(seen)) >= 2, "the reader saw no intermediate state"


def test_reader_detects_a_graph_written_in_two_steps(tmp_path):
    """Control: the reader reports a plan graph written in two transactions (so its silence on real loads means something)."""
    path = write(tmp_path / "docs", 1)[0]
    plan = load_document(path)
    quads = list(dict.fromkeys(plan_quads(enrich(plan))))
    stop, seen, errors = threading.Event(), [], []
    with plankg.open(tmp_path / "store", create=True) as graph:
        reader = threading.Thread(target=_reader, args=(graph.store, {plan.key: len(quads)}, stop, seen, errors), daemon=True)
        reader.start()
        graph.store.extend(quads[: len(quads) // 2])
        time.sleep(0.3)
        graph.store.extend(quads[len(quads) // 2:])
        stop.set()
        reader.join(timeout=30)
    assert errors and "partial graph" in str(errors[0])


def test_load_with_concurrent_reader_quick(tmp_path):
    """A 15-document load with a reader thread querying the same store: graphs are whole or absent."""
    _load_with_reader(tmp_path, 15)


@pytest.mark.slow
def test_load_500_documents_with_concurrent_reader(tmp_path):
    """500 generated documents give 500 plan graphs of the parsed sizes; a reader never sees a partial one."""
    _load_with_reader(tmp_path, slow_size(500, 60))


def test_folder_load_reports_progress_failures_and_summary(tmp_path, store_copy):
    """A folder load shows [i/n] progress, reports each bad file with its reason, goes on, and exits 2."""
    docs = tmp_path / "docs"
    write(docs, 3)
    (docs / "gen_0001a_notable.txt").write_text("这是一段没有表格的文字。\n只有两行。\n", encoding="utf-8")
    (docs / "gen_0002a_binary.txt").write_bytes("任务表\n".encode() + b"\xff\xfe\xfd garbage \x81\x20")
    store = store_copy
    result = run_cli("load", str(docs), "--store", str(store), timeout=60)
    assert result.returncode == 2, result.stderr
    lines = result.stdout.splitlines()
    assert [re.match(r"\[(\d)/5\] loaded ", l) is not None for l in lines[:-1]].count(True) == 3
    assert lines[-1] == "3 loaded, 0 skipped, 2 failed"
    errors = result.stderr.splitlines()
    assert len(errors) == 2 and all(e.startswith("Error: ") for e in errors)
    assert "gen_0001a_notable.txt: no task table" in errors[0]
    assert "gen_0002a_binary.txt: undecodable bytes at byte offset 10" in errors[1]
    assert "Traceback" not in result.stderr
    with plankg.open(store) as graph:
        assert [k for k in graph.plan_keys() if k.startswith("gen_")] == ["gen_0000", "gen_0001", "gen_0002"]


def _loaded_at(store_path: Path) -> dict[str, str]:
    with plankg.open(store_path) as graph:
        return {key: load_record(graph.store, key)["loadedAt"] for key in graph.plan_keys()}


def _hashes(store_path: Path) -> dict[str, str]:
    with plankg.open(store_path) as graph:
        return {g.value: graph_hash(graph.store, g) for g in plan_graphs(graph.store)}


def test_unchanged_files_are_skipped_unless_forced(tmp_path, store_copy):
    """A second load skips files whose bytes are unchanged (store untouched), loads a changed one, and --force loads all."""
    docs, store = tmp_path / "docs", store_copy
    paths = write(docs, 3)
    first = run_cli("load", str(docs), "--store", str(store), timeout=60)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[-1] == "3 loaded, 0 skipped, 0 failed"
    stamps, hashes = _loaded_at(store), _hashes(store)
    first_done = time.monotonic()

    again = run_cli("load", str(docs), "--store", str(store), timeout=60)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[-1] == "0 loaded, 3 skipped, 0 failed"
    assert all(re.match(r"\[\d/3\] skipped .* unchanged since its last load", l) for l in again.stdout.splitlines()[:-1])
    assert _loaded_at(store) == stamps and _hashes(store) == hashes

    paths[1].write_text(paths[1].read_text(encoding="utf-8").replace("市商务局", "市财政局"), encoding="utf-8")
    changed = run_cli("load", str(docs), "--store", str(store), timeout=60)
    assert changed.returncode == 0, changed.stderr
    assert changed.stdout.splitlines()[-1] == "1 loaded, 2 skipped, 0 failed"
    assert "loaded " + str(paths[1]) in changed.stdout

    time.sleep(max(0.0, 1.1 - (time.monotonic() - first_done)))  # load times have one-second resolution
    forced = run_cli("load", str(docs), "--force", "--store", str(store), timeout=60)
    assert forced.returncode == 0, forced.stderr
    assert forced.stdout.splitlines()[-1] == "3 loaded, 0 skipped, 0 failed"
    assert all(_loaded_at(store)[p.stem] != stamps[p.stem] for p in paths)


def test_same_bytes_under_another_key_or_path_are_loaded(tmp_path):
    """Skipping needs the same key, path and bytes: a copy of a loaded file elsewhere is loaded, not skipped."""
    a = write(tmp_path / "a", 1)[0]
    b = tmp_path / "b" / a.name
    b.parent.mkdir()
    b.write_bytes(a.read_bytes())
    with plankg.open(tmp_path / "store", create=True) as graph:
        first = graph.load(a)
        assert first.ok and not first.skipped
        assert graph.load(a).skipped
        assert not graph.load(a, force=True).skipped
        moved = graph.load(b)
        assert moved.ok and not moved.skipped
        assert load_record(graph.store, a.stem)["loadedFrom"] == str(b.resolve())


def test_parsed_graph_is_stored_verbatim(seed_paths):
    """Every quad a parse produces is stored as it is (typed literals already in canonical lexical form)."""
    for path in seed_paths:
        plan = load_document(path)
        quads = list(dict.fromkeys(plan_quads(enrich(plan))))
        memory = Store()
        memory.extend(quads)
        stored = {str(q) for q in memory.quads_for_pattern(None, None, None, graph_iri(plan.key))}
        assert sorted(str(q) for q in quads if str(q) not in stored) == []
