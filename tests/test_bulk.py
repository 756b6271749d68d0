"""`plankg load --bulk` and `--jobs N`: the same plan graphs as a plain load, and the bulk path's
crash recovery (every plan whole or absent, no orphan bulk-*.sst files after a kill -9)."""
from __future__ import annotations

import importlib.util
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

import plankg
from conftest import ROOT, plankg_command, run_cli
from generate import slow_size
from generate import write as write_seed_layout
from plankg.store import BULK_MARKER as MARKER
from plankg.ontology.mapping import graph_iri
from plankg.store import graph_hash, load_record, load_record_iri, plan_graphs


def _bench_generator():
    """bench/generate.py (every format and layout), loaded by path: tests/generate.py is `generate`."""
    spec = importlib.util.spec_from_file_location("plankg_bench_generate", ROOT / "bench" / "generate.py")
    if spec.name in sys.modules:
        return sys.modules[spec.name]
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Twelve documents of every format and layout, plus four seed-layout tables."""
    docs = tmp_path_factory.mktemp("bulk-corpus")
    _bench_generator().write(docs, 12, seed=7)
    write_seed_layout(docs, 4)
    return docs


def state(store: Path) -> dict[str, tuple[str, int, str | None]]:
    """Plan key -> (canonical graph hash, quad count, recorded byte hash)."""
    with plankg.open(store) as graph:
        out = {}
        for key, g in zip(graph.plan_keys(), plan_graphs(graph.store)):
            size = sum(1 for _ in graph.store.quads_for_pattern(None, None, None, g))
            out[key] = (graph_hash(graph.store, g), size, load_record(graph.store, key).get("byteHash"))
        return out


def _load(docs: Path, store: Path, *options: str) -> subprocess.CompletedProcess:
    result = run_cli("load", str(docs), "--no-analysis", *options, "--store", str(store), timeout=600)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def plain(corpus, tmp_path_factory) -> dict:
    """The state of a plain load (one transaction per plan, parsing in one thread)."""
    store = tmp_path_factory.mktemp("plain") / "store"
    _load(corpus, store)
    return state(store)


def test_bulk_gives_the_same_graphs(corpus, plain, tmp_path):
    """`load --bulk` writes the same plan graphs (canonical hash per graph) and load records."""
    store = tmp_path / "store"
    result = _load(corpus, store, "--bulk")
    assert result.stdout.splitlines()[-1] == f"{len(plain)} loaded, 0 skipped, 0 failed"
    assert state(store) == plain
    assert not (store / MARKER).exists() and not list(store.glob("bulk-*.sst"))


@pytest.mark.parametrize("options", [("--jobs", "2"), ("--bulk", "--jobs", "2")], ids=["jobs2", "bulk-jobs2"])
def test_jobs_give_the_same_graphs(corpus, plain, tmp_path, options):
    """Parsing in two worker processes gives the graphs of `--jobs 1`, reported in input order."""
    store = tmp_path / "store"
    result = _load(corpus, store, *options)
    assert state(store) == plain
    loaded = [line.split(" as ")[0].split("loaded ")[1] for line in result.stdout.splitlines()[:-1]]
    assert loaded == sorted(loaded)


def test_bulk_next_to_existing_plans(corpus, plain, tmp_path):
    """With --bulk, plans the store holds are replaced one transaction each (no quad left over
    from the old version) and new ones are bulk-loaded; a second --bulk of the same files skips."""
    store = tmp_path / "store"
    files = sorted(corpus.iterdir())
    first = files[0].stem
    with plankg.open(store, create=True) as graph:  # an older version of the first plan, with extra quads
        graph.load(files[1], key=first, analysis=False)
    _load(corpus, store, "--bulk", "--force")
    assert state(store) == plain
    again = _load(corpus, store, "--bulk")
    assert again.stdout.splitlines()[-1] == f"0 loaded, {len(plain)} skipped, 0 failed"


def test_bulk_reports_a_bad_file_and_loads_the_rest(corpus, plain, tmp_path):
    """A file that cannot be parsed is reported and left out; the others are bulk-loaded (exit 2)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for path in sorted(corpus.iterdir())[:5]:
        (docs / path.name).write_bytes(path.read_bytes())
    (docs / "zz_notable.txt").write_text("这是一段没有表格的文字。\n只有两行。\n", encoding="utf-8")
    store = tmp_path / "store"
    result = run_cli("load", str(docs), "--bulk", "--no-analysis", "--store", str(store), timeout=300)
    assert result.returncode == 2, result.stderr
    assert result.stdout.splitlines()[-1] == "5 loaded, 0 skipped, 1 failed"
    assert "zz_notable.txt: no task table" in result.stderr and "Traceback" not in result.stderr
    now = state(store)
    assert set(now) == {p.stem for p in sorted(corpus.iterdir())[:5]}
    assert all(now[k] == plain[k] for k in now)


def test_interrupted_bulk_load_is_undone_at_next_open(corpus, plain, tmp_path):
    """A store left with the bulk marker, orphan bulk-*.sst files and part of the load: the next
    open deletes the orphans and drops every plan the marker names, and only those."""
    store = tmp_path / "store"
    keys = sorted(plain)
    kept, interrupted = keys[:3], keys[3:8]
    with plankg.open(store, create=True) as graph:
        for key in kept + interrupted[:2]:  # two plans of the interrupted load made it in whole…
            graph.load(next(corpus.glob(f"{key}.*")), analysis=False)
        from pyoxigraph import Literal, Quad

        half = graph_iri(interrupted[2])  # …and one only in part, without its load record
        graph.store.add(Quad(half, half, Literal("partial"), half))
    (store / MARKER).write_text(json.dumps({"pid": 1, "keys": interrupted}), encoding="utf-8")
    (store / "bulk-123456789.sst").write_bytes(b"\0" * 4096)
    now = state(store)
    assert set(now) == set(kept) and all(now[k] == plain[k] for k in kept)
    assert not (store / MARKER).exists() and not list(store.glob("bulk-*.sst"))
    with plankg.open(store) as graph:
        assert not list(graph.store.quads_for_pattern(load_record_iri(interrupted[0]), None, None, None))


def _kill_loop(tmp_path: Path, corpus: Path, kills: int, seed: int) -> None:
    """kill -9 a bulk load at random points: after each, every plan is whole or absent, the bulk
    set is all or nothing, plans loaded before stay whole, and no bulk file or marker is left."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for copy in range(4):  # 64 documents: long enough for kills to land mid-load
        for path in sorted(corpus.iterdir()):
            (docs / f"{path.stem}_{copy}{path.suffix}").write_bytes(path.read_bytes())
    before = sorted(p.stem for p in docs.iterdir())[:5]
    base = tmp_path / "base"
    with plankg.open(base, create=True) as graph:
        for key in before:
            graph.load(next(docs.glob(f"{key}.*")), analysis=False)
    started = time.monotonic()
    timing = tmp_path / "timing"
    subprocess.run(["cp", "-a", str(base), str(timing)], check=True)
    done = run_cli("load", str(docs), "--bulk", "--no-analysis", "--store", str(timing), timeout=600)
    assert done.returncode == 0, done.stderr
    duration = time.monotonic() - started
    expected = {key: value[:2] for key, value in state(timing).items()}  # the whole graph of each plan
    assert len(expected) == 64
    rng = random.Random(seed)
    outcomes = set()
    for k in range(kills):
        store = tmp_path / f"store-{k}"
        subprocess.run(["cp", "-a", str(base), str(store)], check=True)
        process = subprocess.Popen(
            [plankg_command(), "load", str(docs), "--bulk", "--no-analysis", "--jobs", str(1 + k % 2), "--store", str(store)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "PLANKG_STORE": ""},
        )
        time.sleep(rng.uniform(0.2, duration))
        process.kill()
        _, err = process.communicate(timeout=60)
        assert "Traceback" not in err.decode("utf-8", "replace")
        now = state(store)  # opens the store: recovery runs here
        assert not list(store.glob("bulk-*.sst")), "orphan bulk files survive a reopen"
        assert not (store / MARKER).exists()
        assert set(before) <= set(now), "a plan loaded before the bulk load went missing"
        fresh = set(now) - set(before)
        assert fresh in (set(), set(expected) - set(before)), f"{len(fresh)} of the bulk load's plans: not all or nothing"
        for key, (h, n, _) in now.items():
            assert (h, n) == expected[key], f"{key} is not whole"
        outcomes.add(bool(fresh))
        subprocess.run(["rm", "-rf", str(store)], check=True)
    print(f"bulk kill outcomes (load present after kill): {sorted(outcomes)}")


@pytest.mark.slow  # 50 s on this machine; tests/test_faults.py kills a small bulk load in the quick suite
def test_kill_during_bulk_load_quick(tmp_path, corpus):
    """Two kill -9s during a 64-document bulk load: the reopened store holds all or none of it."""
    _kill_loop(tmp_path, corpus, kills=2, seed=5)


@pytest.mark.slow
def test_kill_during_bulk_load_at_random_points(tmp_path, corpus):
    """kill -9 at random points of a bulk load (jobs 1 and 2): all or nothing, no orphan files."""
    _kill_loop(tmp_path, corpus, kills=slow_size(8, 3), seed=20240602)
