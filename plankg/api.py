"""The Python API behind every CLI command: open a store, load, remove, query, export, count.

Each CLI command is a thin wrapper over one method here, so everything the CLI does can be done
from Python too (``plankg.open(path)``).
"""
from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from plankg.errors import InputError, PlankgError
from plankg.store import DEFAULT_STORE, LoadInfo, open_store, plan_graphs, remove_plan, replace_plan

EXPORT_FORMATS = ("nq", "trig", "ttl", "nt")


@dataclass(frozen=True)
class LoadResult:
    """What happened to one file of a load: the plan it became, or the error that stopped it."""

    path: Path
    key: str | None = None
    tasks: int = 0
    assignments: int = 0
    targets: int = 0
    quads: int = 0
    error: PlankgError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files named directly, plus the supported files inside named folders (sorted, recursive)."""
    from plankg.loaders import SUPPORTED_SUFFIXES

    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            out.append(path)
    return out


class PlanGraph:
    """A plankg store opened for exclusive use; close it (or use ``with``) to release the lock."""

    def __init__(self, path: str | os.PathLike = DEFAULT_STORE, *, create: bool = False, wait: float = 0.0) -> None:
        self.path = Path(path)
        self.store = open_store(self.path, create=create, wait=wait)

    def __enter__(self) -> PlanGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.flush()
        del self.store

    # -- writing -------------------------------------------------------------------------------
    def load(self, path: str | os.PathLike, key: str | None = None) -> LoadResult:
        """Parse one file and replace its plan's graph atomically; raises ``InputError`` if unusable."""
        from plankg.loaders import LOADER_VERSION, load_document

        path = Path(path)
        plan = load_document(path, key)
        info = LoadInfo(
            path=str(path.resolve()), byte_hash=plan.source_hash, loader_version=LOADER_VERSION,
            layout=plan.layout, loaded_at=_dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        )
        quads = replace_plan(self.store, plan, info)
        return LoadResult(
            path=path, key=plan.key, tasks=len(plan.tasks), quads=quads,
            assignments=sum(len(t.assignments) for t in plan.tasks), targets=sum(len(t.targets) for t in plan.tasks),
        )

    def load_many(
        self, paths: Iterable[str | os.PathLike], key: str | None = None,
        on_result: Callable[[LoadResult], None] | None = None,
    ) -> list[LoadResult]:
        """Load each file whole or not at all, going on past failures; ``on_result`` reports each."""
        files = expand_paths(paths)
        if key is not None and len(files) > 1:
            raise InputError(f"--id {key!r} names one plan but {len(files)} files were given")
        results = []
        for path in files:
            try:
                result = self.load(path, key)
            except InputError as exc:
                result = LoadResult(path=path, error=exc)
            results.append(result)
            if on_result:
                on_result(result)
        return results

    def remove(self, key: str) -> int:
        """Delete a plan; returns the number of quads removed (0 when no such plan)."""
        return remove_plan(self.store, key)

    # -- reading -------------------------------------------------------------------------------
    def plan_keys(self) -> list[str]:
        prefix = len("https://w3id.org/plankg/id/graph/")
        from urllib.parse import unquote

        return [unquote(g.value[prefix:]) for g in plan_graphs(self.store)]

    def run(self, name: str, params: Iterable[str] = ()):
        """Run a saved query with ``k=v`` parameter strings; returns a result with columns and rows."""
        from plankg import queries

        query = queries.get(name)
        return queries.run(self.store, query, queries.parse_params(query, list(params)))

    def query(self, name: str, **params: object) -> list[dict]:
        """Run a saved query and give its rows as dicts of plain Python values (lists repeat a param)."""
        from plankg.queries import output

        pairs = []
        for k, value in params.items():
            for item in value if isinstance(value, (list, tuple)) else [value]:
                pairs.append(f"{k}={item}")
        return output.as_records(self.run(name, pairs))

    def export(self, fmt: str, stream, plan: str | None = None) -> int:
        """Write the plan graphs as N-Quads/TriG (graphs kept) or N-Triples/Turtle (their union)."""
        from pyoxigraph import RdfFormat, serialize

        from plankg.ontology.mapping import graph_iri
        from plankg.ontology.vocab import PREFIXES

        if fmt not in EXPORT_FORMATS:
            raise InputError(f"--format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
        graphs = plan_graphs(self.store)
        if plan is not None:
            graphs = [g for g in graphs if g == graph_iri(plan)]
            if not graphs:
                raise InputError(f"--plan {plan!r}: no such plan in {self.path}")
        quads = [q for g in graphs for q in self.store.quads_for_pattern(None, None, None, g)]
        if fmt in ("nq", "trig"):
            items: list = quads
        else:
            items = list(dict.fromkeys(q.triple for q in quads))
        rdf_format = {"nq": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG, "ttl": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES}[fmt]
        prefixes = PREFIXES if fmt in ("trig", "ttl") else None
        serialize(items, stream, rdf_format, prefixes=prefixes)
        return len(items)

    def stats(self) -> dict[str, int]:
        """Counts of plans, sections, tasks, assignments, targets, agencies and quads."""
        from plankg.ontology.vocab import PK

        counts = {"plans": len(plan_graphs(self.store))}
        for name, cls in (("sections", "Section"), ("tasks", "Task"), ("assignments", "Assignment"), ("targets", "Target")):
            q = f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ ?x a <{PK}{cls}> }} }}"
            counts[name] = int(next(iter(self.store.query(q)))["n"].value)
        q = f"SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE {{ GRAPH ?g {{ ?a <{PK}agencyName> ?n }} }}"
        counts["agency names"] = int(next(iter(self.store.query(q)))["c"].value)
        counts["quads"] = len(self.store)
        return counts

    def validate(self):
        """SHACL-validate the plan graphs against the shipped shapes."""
        from plankg.validate import validate

        return validate(self.store)


def quads_of(store, graph) -> Iterator:
    return store.quads_for_pattern(None, None, None, graph)
