"""Loading many documents: parse (in worker processes with ``jobs`` > 1), then write each plan
in input order, one transaction per plan.

The parent keeps everything that touches the store: the skip check of unchanged files before a
file is handed out, and the writes, in the order the files were given (a plan's result is written
only when every file before it has been). Workers only read and parse files and map the records to
quads, which they send back as N-Quads bytes; the parent writes those with one ``Store.load`` (a
plan the store does not hold yet) or one SPARQL update (a plan it holds), see
``plankg.store.write_plan``. At most ``2 × jobs`` parsed plans wait to be written, so memory stays
flat however many files a load has.

``--bulk`` (``plankg.bulk``) uses the same parsing and streams the plans into Oxigraph's bulk
loader instead.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from plankg.errors import InputError

WINDOW_PER_JOB = 2  # parsed plans waiting to be written, per worker


@dataclass
class Prepared:
    """One file made ready for writing (or the reason it is not)."""

    path: Path
    key: str | None = None
    tasks: int = 0
    assignments: int = 0
    targets: int = 0
    count: int = 0  # distinct quads of the plan graph
    source_hash: str = ""
    layout: str = ""
    quads: list | None = None  # the plan graph's quads (parsed in this process)
    nquads: bytes | None = None  # or their N-Quads (parsed in a worker)
    error: InputError | None = None
    skipped: bool = False  # unchanged since its last load: nothing to write
    restore: bool = False  # an N-Quads dump: restored by the parent when its turn comes


def prepare(path: Path, key: str | None, layout: str | None, jurisdiction: str | None, serialize: bool) -> Prepared:
    """Read, parse and map one file (in a worker when ``serialize``); never touches a store."""
    from plankg.loaders import load_document
    from plankg.ontology.mapping import plan_quads

    try:
        plan = load_document(path, key, layout=layout, jurisdiction=jurisdiction)
    except InputError as exc:
        return Prepared(path, error=exc)
    quads = list(dict.fromkeys(plan_quads(plan)))
    done = Prepared(
        path, key=plan.key, tasks=len(plan.tasks), count=len(quads), source_hash=plan.source_hash, layout=plan.layout,
        assignments=sum(len(t.assignments) for t in plan.tasks), targets=sum(len(t.targets) for t in plan.tasks),
    )
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


def worker_pool(jobs: int):
    """A pool of ``jobs`` worker processes started from a clean server process (``forkserver``
    where the platform has it, else ``spawn``): never forked from a process holding the store."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["plankg._warm"])  # workers fork from a server that parsed once
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_start)


WARM_DOCUMENT = (
    "附件\n贵阳市2024年食品安全重点工作任务分工表\n\t主要任务\n\t工作内容\n\t牵头单位\n\t责任单位\n\n"
    "\t（一）夯实基础\n\t1.加强学校食堂监督检查，抽检合格率达到98%以上。\n\t市市场监管局\n\t市教育局、各区政府\n"
)


def warm() -> None:
    """Parse and map one tiny document, so that what parsing builds once per process (jieba's
    dictionary, the division table, the word lists) is built."""
    from plankg.divisions import jurisdiction_of
    from plankg.loaders import parse_bytes
    from plankg.ontology.mapping import plan_quads

    plan = parse_bytes(WARM_DOCUMENT.encode("utf-8"), name="warm.txt", key="warm")
    plan.jurisdiction = jurisdiction_of(plan.title, (t.text for t in plan.tasks))
    for _ in plan_quads(plan):
        pass


def _worker_start() -> None:
    """Workers yield the CPU to the writer: the store's writes are the critical path, and the
    workers need only keep a few plans ready for it."""
    import os

    try:
        os.nice(10)
    except (AttributeError, OSError):
        pass


def in_order(items: Iterable, jobs: int, submit_local: Callable, submit_remote: Callable | None) -> Iterator[Prepared]:
    """The ``Prepared`` of each item, in input order, with at most ``WINDOW_PER_JOB × jobs`` of
    them parsed ahead of the writer. ``submit_local(item)`` returns a ``Prepared`` or None (then
    ``submit_remote(item)`` returns a future)."""
    window: deque = deque()
    limit = max(1, WINDOW_PER_JOB * jobs)
    for item in items:
        ready = submit_local(item)
        window.append(_Ready(ready) if ready is not None else submit_remote(item))
        while len(window) > limit:
            yield window.popleft().result()
    while window:
        yield window.popleft().result()


def now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def load_info(prepared: Prepared):
    from plankg.loaders import LOADER_VERSION
    from plankg.store import LoadInfo

    return LoadInfo(path=str(prepared.path.resolve()), byte_hash=prepared.source_hash, loader_version=LOADER_VERSION,
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
    """Load ``files`` into ``graph`` (a ``PlanGraph``) with ``jobs`` parsing processes; returns a
    ``LoadResult`` per file, in input order (``on_result`` gets each as it is written)."""
    from plankg.api import LoadResult
    from plankg.concepts import ensure_schemes
    from plankg.loaders import LOADER_VERSION, plan_key
    from plankg.store import ensure_reference, guarded, record_quads, write_plan

    with guarded(graph.path):
        ensure_reference(graph.store)
        ensure_schemes(graph.store)
    to_parse = [p for p in files if not (p.suffix.lower() == ".nq" and p.is_file())]
    jobs = max(1, min(jobs, len(to_parse)))
    pool = worker_pool(jobs) if jobs > 1 else None
    seen: set[str] = set()

    def local(path: Path) -> Prepared | None:
        if path.suffix.lower() == ".nq" and path.is_file():
            return Prepared(path, restore=True)
        k = key or plan_key(path)
        repeated = k in seen  # a key given twice: the later file always loads (as one after another would)
        seen.add(k)
        if not force and layout is None and not repeated and (jurisdiction is None or graph._placed(k, jurisdiction)):
            with guarded(graph.path):
                if unchanged(graph.store, path, k, LOADER_VERSION):
                    return Prepared(path, key=k, skipped=True)
        if pool is None:
            return prepare(path, key, layout, jurisdiction, serialize=False)
        return None

    def remote(path: Path):
        return pool.submit(prepare, path, key, layout, jurisdiction, True)

    results = []
    try:
        for prepared in in_order(files, jobs, local, remote):
            if prepared.restore:
                try:
                    result = graph._restore(prepared.path)
                except InputError as exc:
                    result = LoadResult(path=prepared.path, error=exc)
            elif prepared.skipped:
                result = LoadResult(path=prepared.path, key=prepared.key, skipped=True)
            elif prepared.error is not None:
                result = LoadResult(path=prepared.path, error=prepared.error)
            else:
                with guarded(graph.path):
                    write_plan(graph.store, prepared.key, prepared.quads, record_quads(prepared.key, load_info(prepared)),
                               nquads=prepared.nquads)
                result = LoadResult(path=prepared.path, key=prepared.key, tasks=prepared.tasks, quads=prepared.count,
                                    assignments=prepared.assignments, targets=prepared.targets)
            results.append(result)
            if on_result:
                on_result(result)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return results
