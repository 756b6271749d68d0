"""The Oxigraph store on disk: opening it safely and replacing one plan's graph atomically.

Every write of a plan is one SPARQL Update (``DROP SILENT GRAPH … ; INSERT DATA …``), which
Oxigraph applies as one transaction: a reader or a kill sees the old plan or the new one, never
half of either (NOTES.md, "pyoxigraph").
"""
from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, Store

from plankg.errors import StoreError
from plankg.ontology import vocab as v
from plankg.ontology.mapping import graph_iri, iri_segment, plan_iri, plan_quads
from plankg.records import Plan

DEFAULT_STORE = "plankg-store"
PLAN_GRAPH_PREFIX = v.ID + "graph/"
SHARED_GRAPHS = {v.LOADS_GRAPH.value, v.REFERENCE_GRAPH.value, v.ANALYSIS_GRAPH.value}


def open_store(path: str | os.PathLike, *, create: bool = False, wait: float = 0.0) -> Store:
    """Open the store at ``path`` for exclusive use, waiting up to ``wait`` seconds for its lock."""
    path = Path(path)
    if not path.exists():
        if not create:
            raise StoreError(f"no store at {path} (load a document first, or pass --store)")
    elif not path.is_dir():
        raise StoreError(f"store {path} is not a directory")
    elif any(path.iterdir()) and not (path / "CURRENT").exists():
        raise StoreError(f"{path} is not an Oxigraph store (no CURRENT file)")
    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        try:
            return Store(str(path))
        except OSError as exc:
            message = str(exc)
            if "lock" not in message.lower():
                raise StoreError(f"cannot open store {path}: {message.splitlines()[0]}") from None
            if time.monotonic() >= deadline:
                raise StoreError(f"store {path} is in use by another process") from None
            time.sleep(0.1)


@dataclass(frozen=True)
class LoadInfo:
    """What the loads graph records about a load; kept out of the plan's own graph."""

    path: str
    byte_hash: str
    loader_version: str
    layout: str
    loaded_at: str


def load_record_iri(key: str) -> NamedNode:
    return NamedNode(f"{v.ID}load/{iri_segment(key)}")


def _load_record(plan: Plan, info: LoadInfo) -> list[Quad]:
    node, g = load_record_iri(plan.key), v.LOADS_GRAPH
    return [
        Quad(node, v.RDF_TYPE, v.pk("LoadRecord"), g),
        Quad(node, v.pk("plan"), plan_iri(plan.key), g),
        Quad(node, v.pk("loadedAt"), Literal(info.loaded_at, datatype=NamedNode(v.PREFIXES["xsd"] + "dateTime")), g),
        Quad(node, v.pk("loadedFrom"), Literal(info.path), g),
        Quad(node, v.pk("byteHash"), Literal(info.byte_hash), g),
        Quad(node, v.pk("loaderVersion"), Literal(info.loader_version), g),
        Quad(node, v.pk("layout"), Literal(info.layout), g),
    ]


def _insert_data(quads: Iterable[Quad]) -> str:
    """``INSERT DATA`` text written from the terms' own N-Triples form (escaped by pyoxigraph)."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    blocks = [f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items()]
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}"


def replace_plan(store: Store, plan: Plan, info: LoadInfo) -> int:
    """Replace the plan's graph and its load record in one transaction; returns the plan graph's size."""
    quads = list(dict.fromkeys(plan_quads(plan)))
    g = graph_iri(plan.key)
    record = load_record_iri(plan.key)
    update = (
        f"DROP SILENT GRAPH {g} ;\n"
        f"DELETE WHERE {{ GRAPH {v.LOADS_GRAPH} {{ {record} ?p ?o }} }} ;\n"
        + _insert_data(quads + _load_record(plan, info))
    )
    store.update(update)
    return len(quads)


def remove_plan(store: Store, key: str) -> int:
    """Delete a plan's graph and load record in one transaction; returns how many plan quads went."""
    g = graph_iri(key)
    size = sum(1 for _ in store.quads_for_pattern(None, None, None, g))
    if size == 0 and not store.contains_named_graph(g):
        return 0
    record = load_record_iri(key)
    store.update(f"DROP SILENT GRAPH {g} ;\nDELETE WHERE {{ GRAPH {v.LOADS_GRAPH} {{ {record} ?p ?o }} }}")
    return size


def plan_graphs(store: Store) -> list[NamedNode]:
    """The named graphs that hold one plan each (not the loads, reference or analysis graphs)."""
    return sorted(
        (g for g in store.named_graphs() if isinstance(g, NamedNode) and g.value.startswith(PLAN_GRAPH_PREFIX)
         and g.value not in SHARED_GRAPHS),
        key=lambda g: g.value,
    )


def graph_hash(store: Store, graph: NamedNode) -> str:
    """A canonical hash of one graph: sha256 of its sorted N-Triples (plan graphs have no blank nodes)."""
    lines = sorted(f"{q.subject} {q.predicate} {q.object} .\n" for q in store.quads_for_pattern(None, None, None, graph))
    return hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()
