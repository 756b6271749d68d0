"""Plan graphs in a real on-disk store: reloads are idempotent, removal is complete, failures change nothing."""
from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Store

import plankg
from plankg.errors import InputError, StoreError
from plankg.ontology.mapping import graph_iri
from plankg.store import graph_hash, load_record_iri, plan_graphs


def _snapshot(path: Path) -> dict:
    store = Store(str(path))
    try:
        return {g.value: (sum(1 for _ in store.quads_for_pattern(None, None, None, g)), graph_hash(store, g))
                for g in plan_graphs(store)}
    finally:
        del store


def test_reload_leaves_graph_unchanged(store_copy, seed_paths):
    """Loading a seed again gives the same quad count and canonical hash for its plan graph."""
    before = _snapshot(store_copy)
    with plankg.open(store_copy) as graph:
        graph.load(seed_paths[0])
    assert _snapshot(store_copy) == before


def test_graph_is_pure_function_of_bytes(tmp_path, seed_paths):
    """Two fresh stores loaded at different times hold identical plan graphs (no load time in them)."""
    for name in ("a", "b"):
        with plankg.open(tmp_path / name, create=True) as graph:
            graph.load_many(seed_paths)
    assert _snapshot(tmp_path / "a") == _snapshot(tmp_path / "b")


def test_remove_leaves_no_quad(store_copy, seed_paths):
    """Removing a plan deletes every quad of its graph and its load record; the other plan stays."""
    key = seed_paths[0].stem
    with plankg.open(store_copy) as graph:
        removed = graph.remove(key)
        assert removed > 1000
        store = graph.store
        assert sum(1 for _ in store.quads_for_pattern(None, None, None, graph_iri(key))) == 0
        assert not list(store.quads_for_pattern(load_record_iri(key), None, None, None))
        assert list(store.quads_for_pattern(load_record_iri(seed_paths[1].stem), None, None, None))
        assert graph.plan_keys() == [seed_paths[1].stem]
        assert graph.remove(key) == 0


def test_failed_load_changes_nothing(store_copy, tmp_path):
    """A file with no task table is refused with InputError and the store's quads are untouched."""
    bad = tmp_path / "notes.txt"
    bad.write_text("这是一段没有表格的文字。\n只有两行。\n", encoding="utf-8")
    before = _snapshot(store_copy)
    with plankg.open(store_copy) as graph:
        with pytest.raises(InputError, match="no task table"):
            graph.load(bad)
    assert _snapshot(store_copy) == before


def test_store_in_use_is_refused(store_copy):
    """A second open of a store another handle holds fails at once with 'is in use'."""
    with plankg.open(store_copy):
        with pytest.raises(StoreError, match="is in use"):
            plankg.open(store_copy)


def test_missing_store_is_refused(tmp_path):
    """Opening a store that does not exist without create says 'no store at'."""
    with pytest.raises(StoreError, match="no store at"):
        plankg.open(tmp_path / "absent")


def test_directory_that_is_not_a_store(tmp_path):
    """A non-empty folder without Oxigraph's files is not taken for a store."""
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "file.txt").write_text("x")
    with pytest.raises(StoreError, match="not an Oxigraph store"):
        plankg.open(tmp_path / "junk", create=True)
