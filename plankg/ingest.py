"""Loading many documents: parsing runs beside the writing, and each plan is still written as one
transaction, in input order.

The parent process keeps everything that touches the store: the skip check of unchanged files
before a file is handed out, and the writes, in the order the files were given (a plan is written
only when every file before it has been). Parsing (read, parse, map to quads) runs in one
background thread (``jobs`` = 1) or in ``jobs`` worker processes, which send the quads back as
N-Quads. Oxigraph writes with the GIL released, so the next documents are parsed while the store
writes. A plan the store does not hold yet is one ``Store.extend`` of the parsed quads (from the
thread) or one ``Store.load`` of their N-Quads (from a worker): one transaction either way; a
plan it holds is one SPARQL update (``plankg.store.write_plan``). At most a few parsed plans wait
for the writer, and Oxigraph's memory tables are flushed every ``FLUSH_QUADS`` quads, so memory
stays flat however many files a load has.

``--bulk`` (``plankg.bulk``) uses the same pipeline and hands the N-Quads to Oxigraph's bulk
loader in chunks instead.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from plankg.errors import InputError, PlankgError

WINDOW = 4  # parsed plans waiting for the writer (per worker process with jobs > 1)
FLUSH_QUADS = 50_000  # quads written between two flushes of Oxigraph's memory tables


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
    skipped: bool = False  # the file's bytes are unchanged since its plan's last load
    corrected: int = 0  # people's corrections applied to the plan (``plankg.corrections``)
    stale: tuple[str, ...] = ()  # "row id: reason" of each correction the document no longer allows

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class Prepared:
    """One file made ready for writing: the ``LoadResult`` it reports once written (or the reason
    nothing is written), and what the writer needs beyond it."""

    result: LoadResult
    source_hash: str = ""
    layout: str = ""
    quads: list | None = None  # the plan graph's quads (serialize=False)
    nquads: bytes | None = None  # or their N-Quads (serialize=True)
    restore: bool = False  # an N-Quads dump: restored by the writer when its turn comes
    correction_records: list | None = None  # the corrections graph's quads of the plan, when it has corrections

    @property
    def writes(self) -> bool:
        """Whether there is a plan graph to write (not refused, not skipped, not a dump)."""
        return self.result.error is None and not self.result.skipped and not self.restore


def prepare(path: Path, key: str | None, layout: str | None, jurisdiction: str | None, serialize: bool = True,
            corrections: list | None = None) -> Prepared:
    """Read, parse, enrich and map one file, replaying the plan's ``corrections`` (a list of
    ``plankg.corrections.Correction``) on it; never touches a store (runs in a thread or worker
    process)."""
    from plankg.corrections import corrected_graph
    from plankg.ontology.provenance import record_quads
    from plankg.loaders import load_document, plan_key
    from plankg.store import check_plan_key

    try:
        check_plan_key(key or plan_key(path), str(path))
        plan = load_document(path, key, layout=layout, jurisdiction=jurisdiction)
    except InputError as exc:
        return Prepared(LoadResult(path, error=exc))
    graph = corrected_graph(plan, corrections or [])
    quads = graph.quads
    result = LoadResult(
        path, key=plan.key, tasks=len(plan.tasks), quads=len(quads),
        assignments=sum(len(t.assignments) for t in plan.tasks), targets=sum(len(t.targets) for t in plan.tasks),
        corrected=sum(c.status == "applied" for c in graph.corrections),
        stale=tuple(f"{c.row_id}: {c.reason}" for c in graph.corrections if c.status == "stale"),
    )
    done = Prepared(result, source_hash=plan.source_hash, layout=plan.layout)
    if corrections:
        done.correction_records = record_quads(graph.corrections, graph.added, graph.removed, plan.key)
    if serialize:
        from pyoxigraph import RdfFormat
        from pyoxigraph import serialize as write

        done.nquads = write(quads, format=RdfFormat.N_QUADS)
    else:
        done.quads = quads
    return done


class _Ready:
    """A result known at once (skipped, restored later, refused): looks like a finished future."""

    def __init__(self, value: Prepared) -> None:
        self.value = value

    def result(self) -> Prepared:
        return self.value


def parser_pool(jobs: int):
    """Where parsing runs: one background thread (``jobs`` = 1; the writer releases the GIL while
    Oxigraph works), or ``jobs`` worker processes started from a clean server process
    (``forkserver`` where the platform has it, else ``spawn``), never forked from a process that
    holds the store. As with any ``multiprocessing`` use, a script that loads with ``jobs`` > 1
    needs the ``if __name__ == "__main__":`` guard."""
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

    if jobs <= 1:
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="plankg-parse")
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["plankg._warm"])  # workers fork from a server that parsed once
    lifeline, keep = context.Pipe(duplex=False)  # only this process ever holds the sending end
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_start, initargs=(lifeline,))
    pool._plankg_lifeline = keep  # open while the pool lives; the kernel closes it if this process dies
    return pool


def _worker_start(lifeline) -> None:
    """A worker exits as soon as the loading process is gone, even after a kill -9: a worker's
    parent is the forkserver, which outlives its clients' children, and a worker blocked on its
    task queue would never notice. The lifeline's sending end lives only in the loading process,
    so reading from it ends (EOF) exactly when that process dies."""
    import os
    import threading

    def watch() -> None:
        try:
            lifeline.recv()
        except (EOFError, OSError):
            pass
        os._exit(1)

    threading.Thread(target=watch, name="plankg-lifeline", daemon=True).start()


WARM_DOCUMENT = (
    "附件\n贵阳市2024年食品安全重点工作任务分工表\n\t主要任务\n\t工作内容\n\t牵头单位\n\t责任单位\n\n"
    "\t（一）夯实基础\n\t1.加强学校食堂监督检查，抽检合格率达到98%以上。\n\t市市场监管局\n\t市教育局、各区政府\n"
)


def warm() -> None:
    """Parse and map one tiny document, so that what parsing builds once per process (jieba's
    dictionary, the division table, the word lists) is built."""
    from plankg.divisions import jurisdiction_of
    from plankg.enrich import enrich
    from plankg.loaders import parse_bytes
    from plankg.ontology.mapping import plan_quads

    plan = parse_bytes(WARM_DOCUMENT.encode("utf-8"), name="warm.txt", key="warm")
    plan.jurisdiction = jurisdiction_of(plan.title, (t.text for t in plan.tasks))
    for _ in plan_quads(enrich(plan)):
        pass


def in_order(items: Iterable, window: int, submit_local: Callable, submit_remote: Callable) -> Iterator[Prepared]:
    """The ``Prepared`` of each item, in input order, with at most ``window`` of them handed out
    ahead of the one the writer waits for. ``submit_local(item)`` returns a ``Prepared`` or None
    (then ``submit_remote(item)`` returns a future)."""
    pending: deque = deque()
    limit = max(1, window)
    for item in items:
        ready = submit_local(item)
        pending.append(_Ready(ready) if ready is not None else submit_remote(item))
        while len(pending) > limit:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def load_info(prepared: Prepared):
    from plankg.loaders import LOADER_VERSION
    from plankg.store import LoadInfo

    return LoadInfo(path=str(prepared.result.path.resolve()), byte_hash=prepared.source_hash, loader_version=LOADER_VERSION,
                    layout=prepared.layout, loaded_at=now())


def unchanged(store, path: Path, key: str, loader_version: str) -> bool:
    """True when ``path`` holds the bytes, path and loader version of plan ``key``'s last load."""
    from plankg.store import load_record

    record = load_record(store, key)
    if record.get("loaderVersion") != loader_version or record.get("loadedFrom") != str(path.resolve()):
        return False
    try:
        data = path.read_bytes()
    except OSError:
        return False  # the parse reports it
    return record.get("byteHash") == hashlib.sha256(data).hexdigest()


def run(graph, files: list[Path], key: str | None, on_result, *, force: bool, layout: str | None,
        jurisdiction: str | None, jobs: int) -> list:
    """Load ``files`` into ``graph`` (a ``PlanGraph``) with parsing beside the writing (``jobs``
    worker processes, or a thread); returns a ``LoadResult`` per file, in input order
    (``on_result`` gets each as soon as it is written)."""
    from plankg.loaders import LOADER_VERSION, plan_key
    from plankg.store import correction_quads, guarded, record_quads

    to_parse = sum(1 for p in files if not (p.suffix.lower() == ".nq" and p.is_file()))
    jobs = max(1, min(jobs, to_parse))
    pool = parser_pool(jobs) if to_parse else None  # started first: it warms up while the reference is written
    seen: set[str] = set()

    def local(path: Path) -> Prepared | None:
        if path.suffix.lower() == ".nq" and path.is_file():
            return Prepared(LoadResult(path), restore=True)
        k = key or plan_key(path)
        repeated = k in seen  # a key given twice: the later file always loads (as one after another would)
        seen.add(k)
        if not force and layout is None and not repeated and (jurisdiction is None or placed(graph.store, k, jurisdiction)):
            with guarded(graph.path):
                if unchanged(graph.store, path, k, LOADER_VERSION):
                    return Prepared(LoadResult(path, key=k, skipped=True))
        return None

    serialize = jobs > 1  # a thread hands over the quads themselves: extend takes them without re-parsing

    def remote(path: Path):
        return pool.submit(prepare, path, key, layout, jurisdiction, serialize, corrections_of(graph, key or plan_key(path)))

    results = []
    unflushed = 0
    try:
        graph.storage.ensure_shared()
        for prepared in in_order(files, WINDOW * jobs, local, remote):
            if prepared.restore:
                try:
                    result = restore(graph.storage, prepared.result.path)
                except InputError as exc:
                    result = LoadResult(path=prepared.result.path, error=exc)
            else:
                result = prepared.result
                if prepared.writes:
                    fixes = None
                    if prepared.correction_records is not None:
                        with guarded(graph.path):
                            fixes = (correction_quads(graph.store, result.key), prepared.correction_records)
                    graph.storage.write_plan(result.key, prepared.quads, record_quads(result.key, load_info(prepared)),
                                             nquads=prepared.nquads, corrections=fixes)
                    unflushed += result.quads
                    if unflushed >= FLUSH_QUADS:
                        # RocksDB's memory tables would otherwise grow with everything written
                        # (1.2 GB for 1.5 M quads) and slow each write; flushed every 50 k quads,
                        # one extend per plan of the same 1.5 M quads peaked at 122 MB, 30 % faster
                        graph.storage.persist()
                        unflushed = 0
            results.append(result)
            if on_result:
                on_result(result)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return results


def corrections_of(graph, key: str) -> list | None:
    """The corrections the store holds for plan ``key`` (``plankg.corrections.Correction``), or
    None when it holds none (the common case: one lookup)."""
    from plankg.ontology.provenance import read_records
    from plankg.store import correction_quads, guarded

    with guarded(graph.path):
        quads = correction_quads(graph.store, key)
    return read_records(quads, key)[0] or None if quads else None


def placed(store, key: str, jurisdiction: str) -> bool:
    """True when the plan's graph already has division ``jurisdiction`` (a reload may skip)."""
    from plankg.ontology.iris import division_iri, graph_iri, plan_iri
    from plankg.ontology.vocab import pk

    found = store.quads_for_pattern(plan_iri(key), pk("jurisdiction"), None, graph_iri(key))
    return any(q.object == division_iri(jurisdiction) for q in found)


def restore(storage, path: Path) -> LoadResult:
    """Load an N-Quads dump of plan graphs (``plankg export --format nq``) in one transaction."""
    from pyoxigraph import RdfFormat, parse

    from plankg.ontology.vocab import PK, RDF_TYPE
    try:
        quads = list(parse(path=str(path), format=RdfFormat.N_QUADS))
    except SyntaxError as exc:
        raise InputError(f"{path}: not valid N-Quads ({str(exc).splitlines()[0]})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    sizes = storage.restore_graphs(quads, str(path))
    if not sizes:
        raise InputError(f"{path}: no quads in the dump")
    kinds = {f"{PK}{c}": 0 for c in ("Task", "Assignment", "Target")}
    for q in quads:
        if q.predicate == RDF_TYPE and q.object.value in kinds:
            kinds[q.object.value] += 1
    return LoadResult(
        path=path, key=f"{len(sizes)} plan graphs", quads=sum(sizes.values()), tasks=kinds[f"{PK}Task"],
        assignments=kinds[f"{PK}Assignment"], targets=kinds[f"{PK}Target"],
    )
