"""The Oxigraph store on disk: opening it safely and replacing one plan's graph atomically.

Every write of a plan is one SPARQL Update (``DROP SILENT GRAPH … ; INSERT DATA …``), which
Oxigraph applies as one transaction: a reader or a kill sees the old plan or the new one, never
half of either (docs/design.md, "pyoxigraph").

A store is a directory holding RocksDB's files and ``plankg-store.json``, which records the store
format (``store_format``, an integer plankg bumps on an incompatible change), the plankg and
Oxigraph versions that last wrote the store and those that created it::

    {"store_format": 1, "plankg": "0.1.0", "oxigraph": "0.5.13",
     "created": {"plankg": "0.1.0", "oxigraph": "0.5.13"}}

A store is opened only when its ``store_format`` equals this plankg's and its Oxigraph version is
of the same series (same major.minor while Oxigraph is 0.x): otherwise ``StoreError`` names the
migration, an N-Quads export with the old version loaded by the new one. A store without the file
(made before it existed) is taken as current and gets one. Storage failures of RocksDB
(``OSError``, plain ``RuntimeError``) become ``StoreError`` naming the store: disk full, corrupt,
in use.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import time
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, Store

from plankg.errors import InputError, StoreError
from plankg.ontology import vocab as v
from plankg.ontology.iris import graph_iri, is_plan_graph, load_record_iri, plan_iri

DEFAULT_STORE = "plankg-store"
SHARED_GRAPHS = {v.LOADS_GRAPH.value, v.REFERENCE_GRAPH.value, v.ANALYSIS_GRAPH.value, v.CORRECTIONS_GRAPH.value}
# plan keys whose graph would be a shared one: a plan ``reference`` would overwrite the reference data
RESERVED_KEYS = frozenset(iri.rsplit("/", 1)[1] for iri in SHARED_GRAPHS)

# The store's own record of who wrote it: a small JSON file beside RocksDB's files.
META_FILE = "plankg-store.json"
STORE_FORMAT = 1  # bump when plankg changes what it keeps in a store in an incompatible way
_META_TMP_PREFIX = f".{META_FILE}."  # ".plankg-store.json.<pid>.tmp" while being written


def oxigraph_series(version: str) -> str:
    """The part of an Oxigraph version within which the on-disk format is kept: ``0.5`` or ``1``."""
    parts = version.split(".")
    return ".".join(parts[:2]) if parts[0] == "0" else parts[0]


def current_meta() -> dict:
    """What this plankg writes into ``plankg-store.json``."""
    import pyoxigraph

    from plankg.version import __version__

    return {"store_format": STORE_FORMAT, "plankg": __version__, "oxigraph": pyoxigraph.__version__}


def read_meta(path: Path) -> dict | None:
    """The store's ``plankg-store.json``, or None when it has none (a store older than the file)."""
    meta_path = path / META_FILE
    try:
        text = meta_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise store_failure(exc, path) from None
    try:
        meta = json.loads(text)
        if not isinstance(meta, dict) or not isinstance(meta.get("store_format"), int):
            raise ValueError("no store_format")
        str(meta["plankg"]), str(meta["oxigraph"])
    except (ValueError, KeyError):
        raise StoreError(f"store {path} is corrupt: {META_FILE} is not a plankg store description") from None
    return meta


def write_meta(path: Path, meta: dict) -> None:
    """Write ``plankg-store.json`` whole (temporary file, then rename): never half a file."""
    tmp = path / f"{_META_TMP_PREFIX}{os.getpid()}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as stream:
            json.dump(meta, stream, indent=2, sort_keys=True)
            stream.write("\n")
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, path / META_FILE)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise store_failure(exc, path) from None


def check_compatible(path: Path, meta: dict) -> None:
    """Refuse a store written in another plankg store format or by another Oxigraph series."""
    ours = current_meta()
    if meta["store_format"] == ours["store_format"] and oxigraph_series(str(meta["oxigraph"])) == oxigraph_series(ours["oxigraph"]):
        return
    raise StoreError(
        f"store {path} was written by plankg {meta['plankg']} with Oxigraph {meta['oxigraph']} "
        f"(store format {meta['store_format']}); this plankg {ours['plankg']} with Oxigraph {ours['oxigraph']} "
        f"(store format {ours['store_format']}) cannot open it. To migrate, run with plankg {meta['plankg']}: "
        f"`plankg export --format nq --output dump.nq --store {path}`, then with this plankg: "
        f"`plankg load dump.nq --store NEW-STORE` (or load the source documents again)"
    )


def store_failure(exc: BaseException, path: str | os.PathLike) -> StoreError:
    """The ``StoreError`` for an ``OSError`` or ``RuntimeError`` raised by RocksDB/pyoxigraph."""
    message = str(exc).strip()
    first = message.splitlines()[0] if message else type(exc).__name__
    lowered = message.lower()
    if getattr(exc, "errno", None) == errno.ENOSPC or "no space left" in lowered:
        return StoreError(f"store {path}: disk full (no space left on device); free some space and run the command again")
    if "corruption" in lowered or "corrupt" in lowered:
        return StoreError(f"store {path} is corrupt: {first}")
    if getattr(exc, "errno", None) in (errno.EACCES, errno.EPERM) or "permission denied" in lowered:
        return StoreError(f"store {path}: permission denied ({first})")
    return StoreError(f"store {path}: {first}")


@contextmanager
def guarded(path: str | os.PathLike):
    """Turn the storage errors of pyoxigraph (``OSError``, plain ``RuntimeError``) into ``StoreError``."""
    try:
        yield
    except OSError as exc:
        raise store_failure(exc, path) from None
    except RuntimeError as exc:
        if type(exc) is not RuntimeError:  # typer.Exit, RecursionError, …: not a storage error
            raise
        raise store_failure(exc, path) from None


def _entries(path: Path) -> list[str]:
    return [p.name for p in path.iterdir() if not p.name.startswith(_META_TMP_PREFIX)]


def open_store(path: str | os.PathLike, *, create: bool = False, wait: float = 0.0) -> Store:
    """Open the store at ``path`` for exclusive use, waiting up to ``wait`` seconds for its lock.

    A new store gets its ``plankg-store.json`` before RocksDB writes a file, so a store whose
    creation was killed half-way is still recognised as one and opens. A store written by an
    incompatible version, or one that has data files but lost its ``CURRENT`` file (RocksDB would
    start a new database over it), is refused before RocksDB touches it.
    """
    path = Path(path)
    if not path.exists():
        if not create:
            raise StoreError(f"no store at {path} (load a document first, or pass --store)")
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise store_failure(exc, path) from None
    elif not path.is_dir():
        raise StoreError(f"store {path} is not a directory")
    try:
        entries = _entries(path)
    except OSError as exc:
        raise store_failure(exc, path) from None
    has_rocksdb, has_meta = "CURRENT" in entries, META_FILE in entries
    if entries and not has_rocksdb and not has_meta:
        raise StoreError(f"{path} is not an Oxigraph store (no CURRENT file) nor a plankg store (no {META_FILE})")
    if not has_rocksdb and any(name.endswith((".sst", ".log")) for name in entries):
        # data without CURRENT: RocksDB would start an empty database over it and delete the data
        raise StoreError(f"store {path} is corrupt: its CURRENT file is missing; restore it from a backup")
    if not has_rocksdb and not create:
        raise StoreError(f"no store at {path} (load a document first, or pass --store)")
    meta = read_meta(path) if has_meta else None
    if meta is not None:
        check_compatible(path, meta)
    elif not has_rocksdb:
        meta = _fresh_meta()
        write_meta(path, meta)  # before RocksDB: a killed creation still leaves a plankg store
    store = _open_locked(path, wait)
    if (path / BULK_MARKER).exists():  # a bulk load that did not finish
        recover_bulk(path, store)  # orphan bulk-*.sst files go, and every plan of that load
    for stale in path.glob(f"{_META_TMP_PREFIX}*.tmp"):  # left by a process killed mid-write
        try:
            if time.time() - stale.stat().st_mtime > 60:  # not one a process creating the store writes now
                stale.unlink()
        except OSError:
            pass
    ours = current_meta()
    if meta is None or any(meta.get(k) != ours[k] for k in ours):
        # a store from before this file, or one a compatible other version wrote last: record us
        write_meta(path, {**ours, "created": (meta or {}).get("created") or _fresh_meta()["created"]})
    return store


def open_snapshot(path: str | os.PathLike) -> Store:
    """Open a snapshot of a store (``PlanGraph.backup``) for reading only, without its lock, so
    several processes (``plankg serve``'s workers) can read it at once. Safe only because nothing
    writes a snapshot: reading beside a writer is undefined in Oxigraph (docs/design.md)."""
    path = Path(path)
    if not (path / "CURRENT").is_file():
        raise StoreError(f"no store at {path} (load a document first, or pass --store)")
    try:
        return Store.read_only(str(path))
    except (OSError, RuntimeError) as exc:
        raise store_failure(exc, path) from None


def _fresh_meta() -> dict:
    ours = current_meta()
    return {**ours, "created": {"plankg": ours["plankg"], "oxigraph": ours["oxigraph"]}}


_LOCK_MESSAGES = ("while lock file", "lock hold by", "temporarily unavailable", "no locks available")


def _is_lock_error(exc: OSError) -> bool:
    """RocksDB's "IO error: While lock file: …/LOCK: Resource temporarily unavailable" (another
    process) or "lock hold by current process … No locks available" (another handle here)."""
    message = str(exc).lower()
    return any(m in message for m in _LOCK_MESSAGES)


def _open_locked(path: Path, wait: float) -> Store:
    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        try:
            return Store(str(path))
        except OSError as exc:
            if not _is_lock_error(exc):
                raise store_failure(exc, path) from None
            if time.monotonic() >= deadline:
                raise StoreError(f"store {path} is in use by another process") from None
            time.sleep(0.1)
        except RuntimeError as exc:
            raise store_failure(exc, path) from None


@dataclass(frozen=True)
class LoadInfo:
    """What the loads graph records about a load; kept out of the plan's own graph."""

    path: str
    byte_hash: str
    loader_version: str
    layout: str
    loaded_at: str


def record_quads(key: str, info: LoadInfo) -> list[Quad]:
    """The load record of plan ``key`` (quads of the loads graph)."""
    node, g = load_record_iri(key), v.LOADS_GRAPH
    return [
        Quad(node, v.RDF_TYPE, v.pk("LoadRecord"), g),
        Quad(node, v.pk("plan"), plan_iri(key), g),
        Quad(node, v.pk("loadedAt"), Literal(info.loaded_at, datatype=NamedNode(v.PREFIXES["xsd"] + "dateTime")), g),
        Quad(node, v.pk("loadedFrom"), Literal(info.path), g),
        Quad(node, v.pk("byteHash"), Literal(info.byte_hash), g),
        Quad(node, v.pk("loaderVersion"), Literal(info.loader_version), g),
        Quad(node, v.pk("layout"), Literal(info.layout), g),
    ]


def insert_data(quads: Iterable[Quad]) -> str:
    """``INSERT DATA`` text written from the terms' own N-Triples form (escaped by pyoxigraph), never
    from user text (docs/design.md, "Saved-query contract")."""
    return _data_block("INSERT DATA", quads)


def delete_data(quads: Iterable[Quad]) -> str:
    """``DELETE DATA`` text, written as ``insert_data`` writes its quads."""
    return _data_block("DELETE DATA", quads)


def _data_block(operation: str, quads: Iterable[Quad]) -> str:
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    blocks = [f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items()]
    return operation + " {\n" + "\n".join(blocks) + "\n}"


def drop_plan_update(key: str) -> str:
    """The update that removes plan ``key``: its graph and its load record."""
    return (
        f"DROP SILENT GRAPH {graph_iri(key)} ;\n"
        f"DELETE WHERE {{ GRAPH {v.LOADS_GRAPH} {{ {load_record_iri(key)} ?p ?o }} }}"
    )


def holds_plan(store: Store, key: str) -> bool:
    """True when the store holds a quad of plan ``key``'s graph or its load record."""
    for _ in store.quads_for_pattern(None, None, None, graph_iri(key)):
        return True
    for _ in store.quads_for_pattern(load_record_iri(key), None, None, v.LOADS_GRAPH):
        return True
    return False


def persist(store: Store) -> None:
    """Flush RocksDB's memory tables to disk (bounded memory on long loads; a clean close)."""
    store.flush()


def ensure_schemes(store: Store) -> bool:
    """Put the shipped topic and indicator schemes into the reference graph when it lacks this
    version of them (one update, touching only their own subjects); True when written."""
    from plankg import concepts

    marks = concepts.scheme_version_quads(v.REFERENCE_GRAPH)
    if all(q in store for q in marks):
        return False
    filters = " || ".join(f'STRSTARTS(STR(?s), "{prefix}")' for prefix in concepts.SCHEME_PREFIXES)
    g = v.REFERENCE_GRAPH
    store.update(
        f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {g} {{ ?s ?p ?o FILTER({filters}) }} }} ;\n"
        + insert_data(concepts.vocabulary_quads(g) + marks)
    )
    return True


def write_analysis(store: Store, operations: list[str], stale: Iterable[Quad], fresh: list[Quad]) -> None:
    """Bring the analysis graph up to date in one update: ``operations`` (deletes the analysis
    wrote as patterns), then the stale quads out and the fresh ones in."""
    parts = list(operations)
    stale = sorted(stale, key=str)
    if stale:
        parts.append(delete_data(stale))
    if fresh:
        parts.append(insert_data(fresh))
    if parts:
        store.update(f"PREFIX pk: <{v.PK}>\n" + " ;\n".join(parts))


def run_update(store: Store, text: str, prefixes: dict[str, str]) -> None:
    """A user's SPARQL Update (``plankg sparql --update``), as one transaction."""
    store.update(text, prefixes=prefixes)


def check_plan_key(key: str, where: str) -> None:
    """Refuse a plan key that names one of the store's shared graphs (``loads``, ``reference``,
    ``analysis``) before anything is written."""
    if key in RESERVED_KEYS:
        raise InputError(
            f"{where}: plan key {key!r} names the store's own {key} graph, not a plan (a file so named must be renamed to load)"
        )


def correction_quads(store: Store, key: str) -> list[Quad]:
    """Every quad the corrections graph holds about plan ``key`` (its corrections and what they
    changed), in a stable order."""
    g = v.CORRECTIONS_GRAPH
    subjects = [q.subject for q in store.quads_for_pattern(None, v.pk("plan"), plan_iri(key), g)]
    return sorted((q for s in subjects for q in store.quads_for_pattern(s, None, None, g)), key=str)


def write_plan(store: Store, key: str, quads: list[Quad] | None, record: list[Quad], nquads: bytes | None = None,
               corrections: tuple[list[Quad], list[Quad]] | None = None) -> None:
    """Make the store hold exactly ``quads`` (or the N-Quads ``nquads``) as plan ``key``'s graph and
    ``record`` as its load record, in one transaction (the fastest atomic write measured):

    - a plan the store does not hold yet is one ``extend`` (or one ``load`` of the N-Quads), which
      is all-or-nothing and as fast as Oxigraph's own per-document writes;
    - a plan it holds is one SPARQL update: for the same bytes as its last load (``--force``, a
      new loader version) ``DELETE DATA`` of the quads that go and ``INSERT DATA`` of those that
      come, which rewrites little more than the load time (6x faster than rewriting the graph);
      for another document ``DROP GRAPH`` + ``INSERT DATA`` of the new graph, which is cheaper
      than listing what changed when most of it did (``bench/writes.py`` measures each way).

    ``corrections`` (quads of the corrections graph that go, quads that come) are written in the
    same transaction: a plan's corrections and its graph never disagree."""
    check_plan_key(key, key)
    from pyoxigraph import RdfFormat, parse, serialize

    gone_corrections, new_corrections = corrections or ([], [])
    if not holds_plan(store, key) and not gone_corrections:
        record = record + new_corrections
        if nquads is not None:
            store.load(nquads + serialize(record, format=RdfFormat.N_QUADS), format=RdfFormat.N_QUADS)
        else:
            store.extend(quads + record)
        return
    if quads is None:
        quads = list(parse(nquads, format=RdfFormat.N_QUADS))
    old_record = list(store.quads_for_pattern(load_record_iri(key), None, None, v.LOADS_GRAPH))
    byte_hash = v.pk("byteHash")
    same_bytes = {q.object for q in old_record if q.predicate == byte_hash} == {q.object for q in record if q.predicate == byte_hash}
    fixes = _corrections_update(gone_corrections, new_corrections)
    if not same_bytes:  # another document: most of the graph changes, and dropping it is cheaper than listing it
        store.update(drop_plan_update(key) + " ;\n" + insert_data(quads + record) + fixes)
        return
    old = set(store.quads_for_pattern(None, None, None, graph_iri(key)))
    old.update(old_record)
    new = dict.fromkeys(quads)
    new.update(dict.fromkeys(record))
    gone = [q for q in old if q not in new]
    come = [q for q in new if q not in old]
    parts = []
    if gone:
        parts.append(delete_data(gone))
    if come:
        parts.append(insert_data(come))
    if parts or fixes:
        store.update(" ;\n".join(parts) + fixes if parts else fixes.lstrip(" ;\n"))


def _corrections_update(gone: list[Quad], come: list[Quad]) -> str:
    """The part of a plan's update that replaces its quads in the corrections graph."""
    new = set(come)
    old = set(gone)
    out = ""
    if old - new:
        out += " ;\n" + delete_data(sorted(old - new, key=str))
    if new - old:
        out += " ;\n" + insert_data(sorted(new - old, key=str))
    return out


def remove_plan(store: Store, key: str) -> int:
    """Delete a plan's graph and load record in one transaction; returns how many plan quads went."""
    check_plan_key(key, key)
    g = graph_iri(key)
    size = sum(1 for _ in store.quads_for_pattern(None, None, None, g))
    if size == 0 and not store.contains_named_graph(g):
        return 0
    gone = correction_quads(store, key)
    store.update(drop_plan_update(key) + (" ;\n" + delete_data(gone) if gone else ""))
    return size


def reference_version_in(store: Store) -> str | None:
    """The version of the reference graph the store holds, or None when it has none."""
    from plankg.ontology.reference import VERSION

    for q in store.quads_for_pattern(v.REFERENCE_GRAPH, VERSION, None, v.REFERENCE_GRAPH):
        return q.object.value
    return None


def ensure_reference(store: Store) -> bool:
    """Write the reference graph (divisions, agency kinds, ontology) when the store has none or
    another version of it, in one transaction (DROP + INSERT DATA); True when it was written."""
    from plankg.ontology.reference import reference_quads, reference_version

    held = reference_version_in(store)
    if held == reference_version():
        return False
    if held is None and not store.contains_named_graph(v.REFERENCE_GRAPH):
        store.extend(list(reference_quads()))  # a new store: one transaction, cheaper than INSERT DATA text
    else:
        store.update(f"DROP SILENT GRAPH {v.REFERENCE_GRAPH} ;\n" + insert_data(reference_quads()))
    return True


def plan_graphs(store: Store) -> list[NamedNode]:
    """The named graphs that hold one plan each (not the loads, reference or analysis graphs)."""
    return sorted(
        (g for g in store.named_graphs() if isinstance(g, NamedNode) and is_plan_graph(g)),
        key=lambda g: g.value,
    )


def graph_hash(store: Store, graph: NamedNode) -> str:
    """A canonical hash of one graph: sha256 of its sorted N-Triples (plan graphs have no blank nodes)."""
    lines = sorted(f"{q.subject} {q.predicate} {q.object} .\n" for q in store.quads_for_pattern(None, None, None, graph))
    return hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def load_record(store: Store, key: str) -> dict[str, str]:
    """What the loads graph holds about a plan's last load (``byteHash``, ``loadedFrom``, …), or {}."""
    prefix = v.pk("").value
    record = {}
    for q in store.quads_for_pattern(load_record_iri(key), None, None, v.LOADS_GRAPH):
        if q.predicate.value.startswith(prefix) and isinstance(q.object, Literal):
            record[q.predicate.value[len(prefix):]] = q.object.value
    return record


def restore_graphs(store: Store, quads: Iterable[Quad], where: str) -> dict[str, int]:
    """Put the plan graphs of an N-Quads dump into the store in one transaction, each replacing the
    graph of that name; returns the quad count per graph. Quads outside plan graphs are refused."""
    by_graph: dict[str, list[Quad]] = {}
    for q in quads:
        g = q.graph_name
        if not isinstance(g, NamedNode) or not is_plan_graph(g):
            raise InputError(f"{where}: quad outside a plan graph ({g}); a dump holds plan graphs only")
        by_graph.setdefault(str(g), []).append(q)
    if not by_graph:
        return {}
    unique = {g: list(dict.fromkeys(qs)) for g, qs in by_graph.items()}
    drops = "".join(f"DROP SILENT GRAPH {g} ;\n" for g in unique)
    store.update(drops + insert_data(q for qs in unique.values() for q in qs))
    return {g: len(qs) for g, qs in unique.items()}


def backup_store(store: Store, source: Path, target: Path) -> None:
    """A consistent copy of the open store as a new store directory ``target`` (with its
    ``plankg-store.json``); written beside ``target`` and renamed, so ``target`` is whole or absent."""
    import shutil

    tmp = target.parent / f".{target.name}.partial-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        with guarded(target):
            store.backup(str(tmp))
        meta = read_meta(source) or _fresh_meta()
        write_meta(tmp, meta)
        try:
            os.rename(tmp, target)
        except OSError as exc:
            raise store_failure(exc, target) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# -- the bulk loader's marker and recovery (``plankg.bulk``: fast but not atomic) ---------------
BULK_MARKER = "plankg-bulk.json"
_BULK_MARKER_TMP = f".{BULK_MARKER}."
BULK_ORPHANS = "bulk-*.sst"


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_bulk_marker(path: Path, keys: list[str]) -> None:
    """Name the plans a bulk load is about to write, durably, before it writes any."""
    tmp = path / f"{_BULK_MARKER_TMP}{os.getpid()}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as stream:
            json.dump({"pid": os.getpid(), "keys": keys}, stream, ensure_ascii=False)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, path / BULK_MARKER)
    except OSError:
        tmp.unlink(missing_ok=True)  # a full disk: no bulk load starts, and no half marker stays
        raise
    _fsync_dir(path)


def remove_bulk_marker(path: Path) -> None:
    (path / BULK_MARKER).unlink(missing_ok=True)
    _fsync_dir(path)


def bulk_write(store: Store, nquads: bytes) -> None:
    """Hand a chunk of N-Quads to Oxigraph's bulk loader (not atomic: see ``recover_bulk``).

    The chunks are only ever pyoxigraph's own serialization of terms it built (``plankg.bulk``;
    a user's ``.nq`` file goes the transactional way), so the loader's IRI checks are skipped
    (``lenient``): they would only re-check what the terms' constructors checked."""
    from pyoxigraph import RdfFormat

    store.bulk_load(nquads, format=RdfFormat.N_QUADS, lenient=True)


def recover_bulk(path: str | os.PathLike, store: Store) -> list[str]:
    """Undo a bulk load that did not finish (``open_store`` calls it with the lock held): delete
    orphan ``bulk-*.sst`` files, drop the plan graphs and load records the marker names (one
    transaction), then remove the marker. Returns the keys dropped ([] without a marker)."""
    path = Path(path)
    marker = path / BULK_MARKER
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        keys = [str(k) for k in data["keys"]]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"store {path}: cannot read {BULK_MARKER}, the record of an unfinished bulk load ({exc})") from None
    try:
        for orphan in path.glob(BULK_ORPHANS):
            orphan.unlink(missing_ok=True)
        for stale in path.glob(f"{_BULK_MARKER_TMP}*.tmp"):
            stale.unlink(missing_ok=True)
        if keys:
            store.update(" ;\n".join(drop_plan_update(key) for key in keys))
        store.flush()
        remove_bulk_marker(path)
    except OSError as exc:
        raise store_failure(exc, path) from None
    except RuntimeError as exc:
        if type(exc) is not RuntimeError:
            raise
        raise store_failure(exc, path) from None
    return keys


class PlanStore:
    """The one owner of a plankg store on disk: its path, its lock (held from opening to
    ``close``) and every write, each translated into plankg's store errors. Reads go through
    ``oxigraph``, the open pyoxigraph store (saved queries, validation, counts)."""

    def __init__(self, path: str | os.PathLike, *, create: bool = False, wait: float = 0.0,
                 read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only  # a snapshot nobody writes (open_snapshot): no lock, no writes
        self.oxigraph = open_snapshot(self.path) if read_only else open_store(self.path, create=create, wait=wait)

    def guarded(self):
        """Store failures inside the block become ``StoreError``s naming this store."""
        return guarded(self.path)

    def close(self) -> None:
        """Flush to disk and let the lock go (the handle is unusable afterwards)."""
        try:
            if not self.read_only:
                with guarded(self.path):
                    persist(self.oxigraph)
        finally:
            del self.oxigraph

    # -- writes ----------------------------------------------------------------------------------
    def write_plan(self, key: str, quads: list[Quad] | None, record: list[Quad], nquads: bytes | None = None,
                   corrections: tuple[list[Quad], list[Quad]] | None = None) -> None:
        with guarded(self.path):
            write_plan(self.oxigraph, key, quads, record, nquads=nquads, corrections=corrections)

    def remove_plan(self, key: str) -> int:
        with guarded(self.path):
            return remove_plan(self.oxigraph, key)

    def restore_graphs(self, quads: Iterable[Quad], where: str) -> dict[str, int]:
        with guarded(self.path):
            return restore_graphs(self.oxigraph, quads, where)

    def ensure_shared(self) -> None:
        """The reference graph and the shipped schemes, written when missing or outdated."""
        with guarded(self.path):
            ensure_reference(self.oxigraph)
            ensure_schemes(self.oxigraph)

    def write_analysis(self, operations: list[str], stale: Iterable[Quad], fresh: list[Quad]) -> None:
        with guarded(self.path):
            write_analysis(self.oxigraph, operations, stale, fresh)

    def run_update(self, text: str, prefixes: dict[str, str]) -> None:
        with guarded(self.path):
            run_update(self.oxigraph, text, prefixes)

    def persist(self) -> None:
        with guarded(self.path):
            persist(self.oxigraph)

    def begin_bulk(self, keys: list[str]) -> None:
        """Name the plans a bulk load is about to write (``recover_bulk`` undoes them after a crash)."""
        with guarded(self.path):
            write_bulk_marker(self.path, keys)

    def bulk_write(self, nquads: bytes) -> None:
        with guarded(self.path):
            bulk_write(self.oxigraph, nquads)

    def end_bulk(self) -> None:
        """The bulk load is in the store: flush it and remove the marker."""
        with guarded(self.path):
            persist(self.oxigraph)
            remove_bulk_marker(self.path)

    def recover_bulk(self) -> list[str]:
        return recover_bulk(self.path, self.oxigraph)

    def backup(self, target: Path) -> None:
        backup_store(self.oxigraph, self.path, target)
