"""The ways to write one plan atomically, side by side on the same quads (how plankg chose its write).

    python bench/writes.py [--plans 60]

Each strategy writes every plan graph of a generated corpus (plus its 7-quad load record) into an
empty store, then writes them all again over themselves (a reload: the same graph, a new load
time), then once more with every graph's quads replaced by another plan's (a changed document).
Every strategy leaves the store holding exactly the plan's new graph and record, in one
transaction per plan (staging ones in two, see below).
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=60)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(BENCH))
    import generate
    from pyoxigraph import NamedNode, Quad, RdfFormat, Store, serialize

    from plankg.loaders import load_document
    from plankg.ontology import vocab as v
    from plankg.enrich import enrich
    from plankg.ontology.mapping import graph_iri, plan_quads
    from plankg.store import LoadInfo, insert_data, load_record_iri, record_quads, write_plan

    work = Path(tempfile.mkdtemp(prefix="plankg-writes-"))
    try:
        plans = []
        for path in generate.write(work / "docs", args.plans, seed=11):
            plan = load_document(path)
            plans.append((plan.key, list(dict.fromkeys(plan_quads(enrich(plan))))))
        total = sum(len(q) for _, q in plans)
        staging = NamedNode(v.ID + "staging")

        def record(key: str, phase: str) -> list:  # a changed document has other bytes
            stamp = f"2025-01-0{1 + ('new', 'reload', 'changed').index(phase)}T00:00:00+00:00"
            return record_quads(key, LoadInfo("/doc", "other" if phase == "changed" else "same", "2", "task-table", stamp))

        def regraph(quads: list, key: str) -> list:  # another plan's quads, moved into this plan's graph
            g = graph_iri(key)
            return [Quad(q.subject, q.predicate, q.object, g) for q in quads]

        def drop_insert(store, key, quads, rec):
            store.update(f"DROP SILENT GRAPH {graph_iri(key)} ;\n"
                         f"DELETE WHERE {{ GRAPH {v.LOADS_GRAPH} {{ {load_record_iri(key)} ?p ?o }} }} ;\n"
                         + insert_data(quads + rec))

        def staged(move: bool):
            def write(store, key, quads, rec):
                g = graph_iri(key)
                store.extend([Quad(q.subject, q.predicate, q.object, staging) for q in quads])  # transaction 1
                switch = (f"MOVE SILENT GRAPH {staging} TO GRAPH {g}" if move else
                          f"DROP SILENT GRAPH {g} ; INSERT {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {staging} "
                          f"{{ ?s ?p ?o }} }} ; DROP SILENT GRAPH {staging}")
                store.update(f"{switch} ;\nDELETE WHERE {{ GRAPH {v.LOADS_GRAPH} {{ {load_record_iri(key)} ?p ?o }} }} ;\n"
                             + insert_data(rec))  # transaction 2
            return write

        def plankg_extend(store, key, quads, rec):
            write_plan(store, key, quads, rec)

        def plankg_nquads(store, key, quads, rec):
            write_plan(store, key, None, rec, nquads=serialize(quads, format=RdfFormat.N_QUADS))

        strategies = {
            "plankg write_plan: extend if new; same bytes: DELETE/INSERT DATA of the difference; else DROP + INSERT DATA": plankg_extend,
            "plankg write_plan from N-Quads (parsing elsewhere): Store.load if new, else as above": plankg_nquads,
            "one update: DROP GRAPH + INSERT DATA (plankg before)": drop_insert,
            "extend into a staging graph, then MOVE (2 transactions)": staged(True),
            "extend into a staging graph, then INSERT … WHERE (2 transactions)": staged(False),
        }
        rows = []
        for name, write in strategies.items():
            folder = work / "store"
            shutil.rmtree(folder, ignore_errors=True)
            store = Store(str(folder))
            times = []
            for phase in ("new", "reload", "changed"):
                started = time.perf_counter()
                for i, (key, quads) in enumerate(plans):
                    if phase == "changed":
                        quads = regraph(plans[(i + 1) % len(plans)][1], key)
                    write(store, key, quads, record(key, phase))
                store.flush()
                times.append(time.perf_counter() - started)
            expected = sum(len(plans[(i + 1) % len(plans)][1]) for i in range(len(plans)))
            held = sum(1 for g in (graph_iri(k) for k, _ in plans) for _ in store.quads_for_pattern(None, None, None, g))
            assert held == expected, (name, held, expected)
            del store
            rows.append((name, *times))
            print(f"{name}: " + ", ".join(f"{t:.2f} s" for t in times), file=sys.stderr, flush=True)
        print(f"{args.plans} plans, {total} plan-graph quads; seconds (k quads/s) per pass over every plan\n")
        print("| strategy | new plans | reload (same graph) | changed graphs |")
        print("|---|---|---|---|")
        for name, *times in rows:
            print(f"| {name} | " + " | ".join(f"{t:.2f} s ({total / t / 1000:.0f} k/s)" for t in times) + " |")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
