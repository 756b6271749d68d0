"""``plankg load --bulk``: a fast path for big first loads, with its own crash recovery.

Oxigraph's bulk loader writes sorted SST files beside the store and ingests them, two to three
times faster than one transaction per document, but it is not atomic: a kill leaves part of the
data in the store and orphan ``bulk-*.sst`` files in its folder (docs/design.md, "pyoxigraph"). So:

- only plans the store does not hold yet go through the bulk loader; a plan it holds (and a key
  given twice in one load, after its first file) is replaced one transaction each, as without
  ``--bulk``, and so keeps its old graph whole if the load is killed;
- before the bulk loader starts, ``plankg-bulk.json`` in the store folder names every plan it is
  about to write (written whole: temporary file, fsync, rename); it is removed once the loader has
  returned and the store is flushed;
- whenever a store is opened (``plankg.store.open_store``) and that marker is there, the load it
  names did not finish: the orphan ``bulk-*.sst`` files are deleted and the plan graphs and load
  records it names are dropped, so the store holds all or nothing of that load — every plan whole
  or absent — and the marker goes.

Parsing streams into the loader (one document at a time, or ``jobs`` worker processes whose
results come back in order), so the loader sorts and writes while the next documents are parsed
and memory stays bounded by Oxigraph's batch size, not by the size of the load. Results are
reported once the load is in the store.
"""
from __future__ import annotations

from pathlib import Path

from plankg.errors import StoreError

def load_bulk(graph, files: list[Path], key: str | None, on_result, *, force: bool, layout: str | None,
              jurisdiction: str | None, jobs: int) -> list:
    """Load ``files`` into ``graph``: plans new to the store through the bulk loader, the others one
    transaction each (see the module docstring). Returns a ``LoadResult`` per file, in input order."""
    from plankg import ingest
    from plankg.loaders import plan_key
    from plankg.store import RESERVED_KEYS, guarded, holds_plan

    store = graph.store
    graph.storage.ensure_shared()
    with guarded(graph.path):
        fresh: list[int] = []  # indices into files
        rest: list[int] = []
        seen: set[str] = set()
        for i, path in enumerate(files):
            if path.suffix.lower() == ".nq" and path.is_file():
                rest.append(i)
                continue
            k = key or plan_key(path)
            # a reserved key (reference.txt) never reaches the bulk marker, whose crash recovery
            # would drop the shared graph it names: the one-by-one path refuses it
            if k in seen or k in RESERVED_KEYS or holds_plan(store, k):
                rest.append(i)
            else:
                fresh.append(i)
            seen.add(k)
    results: list[tuple[int, object]] = []
    if fresh:
        done = _bulk(graph, [files[i] for i in fresh], key, layout=layout, jurisdiction=jurisdiction, jobs=jobs)
        for i, result in zip(fresh, done):
            results.append((i, result))
            if on_result:
                on_result(result)
    if rest:
        done = ingest.run(graph, [files[i] for i in rest], key, on_result, force=force, layout=layout,
                          jurisdiction=jurisdiction, jobs=jobs)
        results += list(zip(rest, done))
    return [r for _, r in sorted(results, key=lambda item: item[0])]


CHUNK_QUADS = 250_000  # quads handed to one bulk_load call: parsing goes on while Oxigraph writes a chunk
WINDOW = 64  # parsed plans that may wait for the loader (bounded memory: about 1 MB of N-Quads each)
TAIL_PLANS = 16  # the last plans of a load, written in quarter-size chunks


def _bulk(graph, files: list[Path], key: str | None, *, layout, jurisdiction, jobs: int) -> list:
    """Stream the plans of ``files`` (none of them in the store) into the bulk loader: the parser
    (a thread, or ``jobs`` worker processes) runs ahead while ``bulk_load`` writes a chunk of
    N-Quads with the GIL released."""
    from pyoxigraph import RdfFormat, serialize

    from plankg import ingest
    from plankg.loaders import plan_key
    from plankg.store import record_quads

    storage = graph.storage
    keys = [key or plan_key(f) for f in files]
    jobs = max(1, min(jobs, len(files)))
    pool = ingest.parser_pool(jobs)
    results: list = []

    def remote(f: Path):
        return pool.submit(ingest.prepare, f, key, layout, jurisdiction, True)

    def write(chunk: list[bytes]) -> None:
        storage.bulk_write(b"".join(chunk))

    try:
        storage.begin_bulk(keys)
        try:
            chunk: list[bytes] = []
            size = 0
            for prepared in ingest.in_order(files, WINDOW, lambda f: None, remote):
                results.append(prepared.result)
                if not prepared.writes:
                    continue
                chunk.append(prepared.nquads)
                chunk.append(serialize(record_quads(prepared.result.key, ingest.load_info(prepared)), format=RdfFormat.N_QUADS))
                size += prepared.result.quads
                # at the very end, smaller chunks: what is left to write once the parsing is over is
                # written with nothing beside it, so the last chunk is kept short
                tail = len(files) - len(results) < TAIL_PLANS
                if size >= (CHUNK_QUADS // 4 if tail else CHUNK_QUADS):
                    write(chunk)
                    chunk, size = [], 0
            if chunk:
                write(chunk)
            storage.end_bulk()
        except BaseException:
            try:  # undo now if the store lets us; else the next open does
                storage.recover_bulk()
            except (StoreError, OSError, RuntimeError):
                pass
            raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return results
