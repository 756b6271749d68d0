"""The Python API behind every CLI command: open a store, load, remove, query, export, count.

Each CLI command is a thin wrapper over one method here, so everything the CLI does can be done
from Python too (``plankg.open(path)``).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from plankg.errors import InputError, StoreError
from plankg.ingest import LoadResult
from plankg.store import DEFAULT_STORE, PlanStore, guarded, plan_graphs



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


def check_options(*, layout: str | None = None, jurisdiction: str | None = None) -> None:
    """Refuse an unknown ``layout`` or a bad ``jurisdiction`` code before any file is read or any
    store is opened."""
    if layout is not None:
        from plankg.loaders.detect import LAYOUTS, normalise

        if normalise(layout) is None:
            raise InputError(f"--layout {layout!r}: choose one of {', '.join(LAYOUTS)}")
    if jurisdiction is not None:
        from plankg.divisions import check_code

        check_code(jurisdiction)


def inspect(path: str | os.PathLike, *, layout: str | None = None, as_json: bool = False) -> str:
    """What a document gives, storing nothing: its format and layout, each task with its
    agencies, the cue that assigned them, keywords, topics and targets, and the lines nothing
    explains; as indented text or as JSON."""
    from plankg.loaders.summary import inspect_file, plan_record, plan_text

    check_options(layout=layout)
    plan, kind, unexplained = inspect_file(Path(path), layout)
    if as_json:
        import json

        return json.dumps(plan_record(plan, kind, unexplained), ensure_ascii=False, indent=2)
    return plan_text(plan, kind, unexplained)


class PlanGraph:
    """A plankg store opened for exclusive use; close it (or use ``with``) to release the lock."""

    def __init__(self, path: str | os.PathLike = DEFAULT_STORE, *, create: bool = False, wait: float = 0.0,
                 read_only: bool = False) -> None:
        """``read_only`` opens a snapshot nobody writes (``backup``) without its lock, so that
        several processes can read it at once (``plankg serve``'s workers); writes then fail."""
        self.storage = PlanStore(path, create=create, wait=wait, read_only=read_only)  # the store's one owner

    @property
    def path(self) -> Path:
        return self.storage.path

    @property
    def store(self):
        """The open pyoxigraph store, for reading (writes go through ``storage``)."""
        return self.storage.oxigraph

    def __enter__(self) -> PlanGraph:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self.close()
        except StoreError:
            if exc_type is None:  # don't hide the error that is already on its way out
                raise

    def close(self) -> None:
        self.storage.close()

    # -- writing -------------------------------------------------------------------------------
    def load(
        self, path: str | os.PathLike, key: str | None = None, *, force: bool = False, layout: str | None = None,
        jurisdiction: str | None = None, analysis: bool = True,
    ) -> LoadResult:
        """Parse one file and replace its plan's graph atomically; raises ``InputError`` if unusable.

        A file whose bytes, path and loader version equal its plan's last load is skipped
        (``skipped=True``) unless ``force``; an N-Quads dump (``.nq``, from ``export``) restores its
        plan graphs whole. ``layout`` forces a layout (see ``plankg.loaders.detect.LAYOUTS``).
        ``jurisdiction`` (a 6-digit division code) places a plan whose document names no division;
        the reference graph of divisions and agency kinds is written first if missing or outdated.
        Keywords and topics are always made (they are part of the plan's graph); ``analysis=False``
        skips the corpus-wide step (similar tasks), which ``analyze()`` then catches up."""
        path = Path(path)
        if path.is_dir():
            raise InputError(f"{path}: is a directory; load_many loads the files in it")
        # one file is the many-file load of one file: the same skip check, set-up and writing
        (result,) = self.load_many([path], key, force=force, layout=layout, jurisdiction=jurisdiction, analysis=analysis)
        if result.error is not None:
            raise result.error
        return result

    def load_many(
        self, paths: Iterable[str | os.PathLike], key: str | None = None,
        on_result: Callable[[LoadResult], None] | None = None, *, force: bool = False, layout: str | None = None,
        jurisdiction: str | None = None, analysis: bool = True, jobs: int = 1, bulk: bool = False,
    ) -> list[LoadResult]:
        """Load each file whole or not at all, going on past failures; ``on_result`` reports each.
        With ``analysis`` the similar-task lists are brought up to date once, after the last file.
        ``jobs`` > 1 parses in that many worker processes (plans are still written one transaction
        each, in input order; a script that asks for workers needs the usual ``if __name__ ==
        "__main__":`` guard of ``multiprocessing``); ``bulk`` writes the plans the store does not
        hold yet with Oxigraph's bulk loader (``plankg.bulk``: fast, all or none of them after a
        crash)."""
        if jobs < 1:
            raise InputError(f"--jobs {jobs}: give 1 or more worker processes")
        if jurisdiction is not None:
            from plankg.divisions import check_code

            check_code(jurisdiction)  # a bad --jurisdiction is refused before any file is read
        files = expand_paths(paths)
        if key is not None and len(files) > 1:
            raise InputError(f"--id {key!r} names one plan but {len(files)} files were given")
        if bulk:
            from plankg.bulk import load_bulk

            results = load_bulk(self, files, key, on_result, force=force, layout=layout, jurisdiction=jurisdiction, jobs=jobs)
        else:
            from plankg.ingest import run

            results = run(self, files, key, on_result, force=force, layout=layout, jurisdiction=jurisdiction, jobs=jobs)
        if analysis:
            self.analyze()
        return results

    def remove(self, key: str, *, analysis: bool = True) -> int:
        """Delete a plan; returns the number of quads removed (0 when no such plan). With
        ``analysis`` the similar-task lists it was in are recomputed (in an update of their own)."""
        removed = self.storage.remove_plan(key)
        if removed and analysis:
            self.analyze()
        return removed

    def analyze(self, *, full: bool = False):
        """Bring the similar-task lists of the analysis graph up to date with the plans loaded or
        removed since (one SPARQL update); ``full`` recomputes every list. Returns an
        ``plankg.similarity.AnalysisReport``."""
        from plankg.similarity import analyze

        self.storage.ensure_shared()
        with guarded(self.path):
            return analyze(self.store, full=full, write=self.storage.write_analysis)

    def review(self, key: str, output: str | os.PathLike) -> Path:
        """Write plan ``key`` as the store holds it (corrections applied) to an editable review
        workbook (``plankg.review``)."""
        from plankg.corrections import review_rows
        from plankg.review import write_workbook

        plan = self._plan(key)
        return write_workbook(output, key, plan.title, review_rows(plan))

    def correct(self, key: str, workbook: str | os.PathLike, *, by: str | None = None, analysis: bool = True):
        """Record the changes a person made in a review workbook of plan ``key`` as corrections
        (whole file or nothing) and rewrite the plan's graph with them; returns a
        ``CorrectionReport``. Corrections are kept apart from the document and replayed on each
        reload of it (``plankg.corrections``)."""
        import getpass

        from plankg.corrections import changes, corrected_graph
        from plankg.ontology.provenance import read_records, record_quads
        from plankg.ingest import now
        from plankg.ontology.iris import graph_iri
        from plankg.ontology.readback import read_plan
        from plankg.review import read_workbook
        from plankg.store import LoadInfo, correction_quads, load_record
        from plankg.store import record_quads as load_record_quads

        workbook = Path(workbook)
        edited = read_workbook(workbook)
        if edited.key != key:
            raise InputError(f"{workbook}: the workbook is of plan {edited.key!r}, not {key!r}")
        with guarded(self.path):
            stored = list(self.store.quads_for_pattern(None, None, None, graph_iri(key)))
            old = correction_quads(self.store, key)
            record = load_record(self.store, key)
        current = read_plan(stored, key, layout=record.get("layout", ""))
        if current is None:
            raise InputError(f"plan {key!r}: no such plan in {self.path}")
        existing, added, removed = read_records(old, key)
        if any(c.source_hash == edited.sha256 for c in existing):
            return CorrectionReport(key, [], [c for c in existing if c.status == "stale"], already=True)
        first = max((c.sequence for c in existing), default=0) + 1
        new = changes(current, edited.rows, edited.original, str(workbook), first_sequence=first,
                      by=by or getpass.getuser(), at=now(), source=str(workbook.resolve()), source_hash=edited.sha256)
        stale = [c for c in existing if c.status == "stale"]
        if not new:
            return CorrectionReport(key, [], stale)
        gone = set(added)
        extracted = read_plan([q for q in stored if q not in gone] + removed, key, layout=record.get("layout", ""))
        graph = corrected_graph(extracted, existing + new)
        refused = [c for c in graph.corrections if c.sequence >= first and c.status != "applied"]
        if refused:  # made against the plan as stored, so this is a bug, not the person's doing
            raise RuntimeError(f"correction {refused[0].row_id} did not apply: {refused[0].reason}")
        load = []
        if record:
            load = load_record_quads(key, LoadInfo(path=record.get("loadedFrom", ""), byte_hash=record.get("byteHash", ""),
                                                   loader_version=record.get("loaderVersion", ""),
                                                   layout=record.get("layout", ""), loaded_at=now()))
        self.storage.write_plan(key, graph.quads, load,
                                corrections=(old, record_quads(graph.corrections, graph.added, graph.removed, key)))
        if analysis:
            self.analyze()
        return CorrectionReport(key, graph.corrections[len(existing):], [c for c in graph.corrections if c.status == "stale"])

    def corrections(self, key: str | None = None, *, stale: bool = False):
        """The corrections recorded for plan ``key`` (or every plan), as the ``corrections`` saved
        query gives them; only the stale ones with ``stale``."""
        if key is not None:
            self._plan(key)
        params = ([f"key={key}"] if key is not None else []) + (["state=stale"] if stale else [])
        return self.run("corrections", params)

    def _plan(self, key: str):
        """Plan ``key``'s records as the store holds them, or ``InputError`` when it holds none."""
        from plankg.ontology.iris import graph_iri
        from plankg.ontology.readback import read_plan

        with guarded(self.path):
            plan = read_plan(self.store.quads_for_pattern(None, None, None, graph_iri(key)), key)
        if plan is None:
            raise InputError(f"plan {key!r}: no such plan in {self.path}")
        return plan

    def backup(self, target: str | os.PathLike) -> Path:
        """Write a consistent copy of the store to the new directory ``target`` (whole or not at all)."""
        target = Path(target)
        if target.exists():
            raise InputError(f"{target}: already exists; a backup goes into a new directory")
        if not target.parent.is_dir():
            raise InputError(f"{target.parent}: no such directory")
        self.storage.backup(target)
        return target

    # -- reading -------------------------------------------------------------------------------
    def plan_keys(self) -> list[str]:
        from plankg.ontology.iris import key_of_graph

        return [key_of_graph(g) for g in plan_graphs(self.store)]

    def run(self, name: str, params: Iterable[str] = (), *, allow_service: bool = False, limit: int | None = None):
        """Run a saved query with ``k=v`` parameter strings; returns a result with columns and rows.
        A federated query (it calls a remote endpoint) needs ``allow_service``; ``limit`` stops
        after that many rows (a server's row cap)."""
        from plankg import queries

        query = queries.get(name)
        with guarded(self.path):
            return queries.run(self.store, query, queries.parse_params(query, list(params)),
                               allow_service=allow_service, limit=limit)

    def sparql(self, text: str, *, update: bool = False, allow_service: bool = False, limit: int | None = None):
        """Run ad-hoc SPARQL: read-only unless ``update``; SERVICE and LOAD only with ``allow_service``;
        ``limit`` stops after that many rows. The result's ``kind`` says select, ask or graph."""
        from plankg import queries

        with guarded(self.path):
            return queries.run_sparql(
                self.store, text, update=self.storage.run_update if update else None, allow_service=allow_service,
                limit=limit,
            )

    def describe(self, iri: str, *, limit: int = 10_000) -> Description:
        """What the store says about one IRI, over every graph: the triples whose subject it is
        and those that point at it (each at most ``limit``, duplicates across graphs dropped).
        Empty for an IRI the store does not hold (a linked-data server's 404)."""
        from itertools import islice

        from pyoxigraph import NamedNode

        try:
            node = NamedNode(iri)
        except ValueError:
            return Description(iri, [], [])
        with guarded(self.path):
            out = list(islice(dict.fromkeys(q.triple for q in self.store.quads_for_pattern(node, None, None, None)), limit))
            into = list(islice(dict.fromkeys(q.triple for q in self.store.quads_for_pattern(None, None, node, None)), limit))
        return Description(iri, out, into)

    def query(self, name: str, **params: object) -> Rows:
        """Run a saved query and give its rows as dicts of plain Python values (lists repeat a
        param); the list has ``.to_pandas()`` when pandas is installed."""
        from plankg.queries import output

        pairs = []
        for k, value in params.items():
            for item in value if isinstance(value, (list, tuple)) else [value]:
                pairs.append(f"{k}={item}")
        result = self.run(name, pairs)
        return Rows(output.as_records(result), columns=list(result.columns))

    def search(self, words: Iterable[str]):
        """Tasks whose word index has every word of ``words`` (words or phrases, split into words as
        task texts are: 监管 does not find 市场监管局), with the ``tasks-search`` columns."""
        from plankg import queries
        from plankg.words import query_words

        words = list(dict.fromkeys(w for phrase in words for w in query_words(phrase)))
        if not words:
            raise InputError("search: no words in the text given")
        result = None
        for word in words:
            found = self.run("tasks-search", [f"text={word}"])
            if result is None:
                result = found
            else:
                keep = {(r[1], r[3]) for r in found.rows}  # (source, task)
                result.rows = [r for r in result.rows if (r[1], r[3]) in keep]
        return result if result is not None else queries.Result(["plan", "source", "section", "task", "line", "task_text"])

    def frame(self, name: str, **params: object):
        """Run a saved query and give its rows as a pandas DataFrame (needs ``pip install plankg[pandas]``)."""
        return self.query(name, **params).to_pandas()

    def export(self, fmt: str, stream, plan: str | None = None, what: str | None = None, *, as_extracted: bool = False) -> int:
        """Write the plan graphs as N-Quads/TriG/JSON-LD (graphs kept) or N-Triples/Turtle (their
        union), with people's corrections folded in, or as extracted from the documents with
        ``as_extracted``; ``csv`` writes a saved query's rows instead (``what``, default ``agencies``)."""
        from plankg.export import EXPORT_FORMATS, RDF_EXPORTS
        from plankg.ontology.iris import graph_iri

        if what == "network":
            return self._export_network(fmt, stream, plan)
        if fmt not in EXPORT_FORMATS:
            raise InputError(f"--format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
        if fmt == "csv":
            return self._export_rows(what or "agencies", stream, plan)
        if what is not None:
            raise InputError(f"--what {what!r}: goes with --format csv (the RDF formats export the plan graphs)")
        with guarded(self.path):
            graphs = plan_graphs(self.store)
        if plan is not None:
            graphs = [g for g in graphs if g == graph_iri(plan)]
            if not graphs:
                raise InputError(f"--plan {plan!r}: no such plan in {self.path}")
        with guarded(self.path):
            quads = [q for g in graphs for q in self.store.quads_for_pattern(None, None, None, g)]
            if as_extracted:
                quads = self._as_extracted(quads, graphs)
        return RDF_EXPORTS[fmt].write(quads, stream)

    def _as_extracted(self, quads: list, graphs: list) -> list:
        """``quads`` (of ``graphs``) without what corrections added and with what they removed."""
        from plankg.ontology.provenance import read_records
        from plankg.ontology.iris import key_of_graph
        from plankg.store import correction_quads

        added: set = set()
        removed: list = []
        for g in graphs:
            key = key_of_graph(g)
            _, more, fewer = read_records(correction_quads(self.store, key), key)
            added.update(more)
            removed += fewer
        return [q for q in quads if q not in added] + removed if added or removed else quads

    def _export_network(self, fmt: str, stream, plan: str | None) -> int:
        """The agency co-assignment network (``plankg.network``) as GraphML, GEXF or DOT."""
        from plankg import network

        if fmt not in network.NETWORK_FORMATS:
            raise InputError(f"--format {fmt!r}: with --what network choose one of {', '.join(network.NETWORK_FORMATS)}")
        if plan is not None and plan not in self.plan_keys():
            raise InputError(f"--plan {plan!r}: no such plan in {self.path}")
        return network.write(network.build(self, [plan] if plan else None), fmt, stream)

    def _export_rows(self, what: str, stream, plan: str | None) -> int:
        """A saved query's rows as CSV (``export --format csv --what agencies``)."""
        from plankg import queries
        from plankg.queries import output

        saved = queries.get(what)
        if queries.is_federated(saved):
            raise InputError(f"--what {what!r}: a federated query is not exported; run `plankg query {what} --allow-service`")
        pairs = []
        if plan is not None:
            if saved.param("key") is None:
                raise InputError(f"--plan: query {what} has no key parameter; export it without --plan")
            pairs.append(f"key={plan}")
        required = [p.name for p in saved.params if p.required]
        if required:
            raise InputError(f"--what {what!r}: the query needs parameters ({', '.join(required)}); "
                             f"use `plankg query {what} --format csv --param …`")
        with guarded(self.path):
            result = queries.run(self.store, saved, pairs)
        output.render(result, "csv", stream)
        return len(result.rows)

    def stats(self) -> dict[str, int]:
        """Counts of plans, sections, tasks, assignments, targets, agencies and quads."""
        from plankg.stats import count

        with guarded(self.path):
            return count(self.store)

    def validate(self):
        """SHACL-validate the plan graphs against the shipped shapes."""
        from plankg.validate import validate

        with guarded(self.path):
            return validate(self.store)


class CorrectionReport:
    """What ``PlanGraph.correct`` recorded: the new corrections, and those of the plan now stale."""

    def __init__(self, key: str, recorded: list, stale: list, already: bool = False) -> None:
        self.key = key
        self.already = already  # the same workbook's changes were recorded before
        self.recorded = recorded
        self.stale = stale


@dataclass
class Description:
    """``PlanGraph.describe``'s answer: an IRI, the triples about it and the triples pointing at it."""

    iri: str
    about: list = field(default_factory=list)  # pyoxigraph Triples with the IRI as subject
    pointing: list = field(default_factory=list)  # pyoxigraph Triples with the IRI as object

    def __bool__(self) -> bool:
        """Whether the store holds the IRI as a subject (an object alone is a link, not a resource)."""
        return bool(self.about)


class Rows(list):
    """A saved query's rows (dicts keyed by column), in order; ``columns`` names them."""

    def __init__(self, rows: Iterable[dict] = (), columns: list[str] | None = None) -> None:
        super().__init__(rows)
        self.columns = list(columns) if columns is not None else (list(self[0]) if self else [])

    def to_pandas(self):
        """The rows as a pandas DataFrame with the query's columns (pandas is an optional extra)."""
        try:
            import pandas
        except ImportError:
            raise ImportError(
                "to_pandas() needs pandas, which plankg does not install by default: "
                "pip install 'plankg[pandas]' (or pip install pandas)"
            ) from None
        return pandas.DataFrame(list(self), columns=self.columns)
