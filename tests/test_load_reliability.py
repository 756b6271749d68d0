"""Loading many documents: every plan graph is whole or absent to a concurrent reader, a folder
load reports progress and failures, and unchanged files are skipped unless --force."""
from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Store

import plankg
from conftest import run_cli
from generate import slow_size, write
from plankg.loaders import load_document
from plankg.ontology import vocab as v
from plankg.ontology.mapping import graph_iri, plan_quads
from plankg.store import SHARED_GRAPHS, graph_hash, load_record, plan_graphs

SNAPSHOT = f"""
SELECT ?g ?n WHERE {{
  {{ SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g }}
  UNION
  {{ SELECT ?g (COUNT(?r) AS ?n) WHERE {{ GRAPH {v.LOADS_GRAPH} {{ ?r a <{v.PK}LoadRecord> }} BIND("records" AS ?g) }} GROUP BY ?g }}
}}"""


def expected_sizes(paths: list[Path]) -> dict[str, int]:
    """Plan graph IRI -> the number of distinct quads a fresh parse of the file produces."""
    sizes = {}
    for path in paths:
        plan = load_document(path)
        sizes[graph_iri(plan.key).value] = len(set(plan_quads(plan)))
    return sizes


def _reader(store: Store, sizes: dict[str, int], stop: threading.Event, seen: list, errors: list) -> None:
    """Query the store until told to stop; record each snapshot's graph sizes or the first error."""
    try:
        while not stop.is_set():
            counts, records = {}, 0
            for row in store.query(SNAPSHOT):
                g = row["g"]
                if isinstance(g, NamedNode):
                    counts[g.value] = int(row["n"].value)
                else:
                    records = int(row["n"].value)
            plans = {g: n for g, n in counts.items() if g not in SHARED_GRAPHS}
            for g, n in plans.items():
                assert g in sizes, f"unexpected graph {g}"
                assert n == sizes[g], f"{g}: {n} quads seen, {sizes[g]} expected (partial graph)"
            assert set(counts) - set(plans) <= SHARED_GRAPHS
            assert records == len(plans), f"{records} load records for {len(plans)} plan graphs"
            seen.append(len(plans))
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
        for g in graphs:
            assert sum(1 for _ in store.quads_for_pattern(None, None, None, g)) == sizes[g.value]
        others = {g.value for g in store.named_graphs()} - {g.value for g in graphs}
        assert others <= SHARED_GRAPHS
    assert len(seen) >= 3, "the reader ran too few queries to observe the load"
    assert 0 < max(seen) <= count and len(set(seen)) >= 2, "the reader saw no intermediate state"


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


@pytest.mark.xfail(strict=True, reason="ontology/annotations.py writes pk:vectorNorm as f'{x:.9f}' (trailing zeros); "
                   "Oxigraph stores xsd:decimal in canonical form, so the stored graph differs from the parsed one")
def test_parsed_graph_is_stored_verbatim(seed_paths):
    """Every quad a parse produces is stored as it is (typed literals already in canonical lexical form)."""
    for path in seed_paths:
        plan = load_document(path)
        quads = list(dict.fromkeys(plan_quads(plan)))
        memory = Store()
        memory.extend(quads)
        stored = {str(q) for q in memory.quads_for_pattern(None, None, None, graph_iri(plan.key))}
        assert sorted(str(q) for q in quads if str(q) not in stored) == []
