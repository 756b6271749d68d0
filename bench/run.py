"""plankg against its own store: one table of ratios, each side measured in the same run.

    python bench/run.py                 # N = 300 plans (about 1.5 M quads), rdflib side at N = 60
    python bench/run.py --plans 3000    # the big run (no rdflib side)
    python bench/run.py --plans 5 --no-rdflib --quick   # a smoke run

Rows (DESIGN: plankg should lose almost nothing on top of Oxigraph):

- atomic ingest: ``plankg load --no-analysis --jobs J`` of N generated plans, end to end (process
  start, reference graph, parsing, one transaction per plan, close) against the floor: one
  pyoxigraph ``extend`` per plan graph of the same quads (plankg's own ``export --format nq``)
  into an empty store, plus ``flush`` — target ≤ 1.5×;
- bulk ingest: ``plankg load --bulk --no-analysis --jobs J`` against ``Store.bulk_load`` of that
  N-Quads file — target ≤ 2.0×;
- growth: adding 1 plan (median of 3) and 100 plans to a store holding N plans against adding
  them to an empty store (reference graph already written) — target ≤ 1.5×; the similarity step
  (``plankg analyze`` after the 100) on its own line;
- queries: every saved query without required parameters (federated and catalogue ones aside),
  ``queries.run`` in-process (median of 5 after a warm-up) against rdflib running the same SPARQL
  over the same data (the store's N-Quads in an rdflib ``Dataset``), each rdflib query capped —
  target median ≥ 10×, none below 1×; p95 of ``plan-summary`` over every plan of the N store < 50 ms;
- start-up: ``plankg --help`` and ``plankg queries`` against ``--help`` of a two-command Typer
  app (median of 15) — target ≤ 1.3×;
- memory: peak RSS (the load's whole process tree, sampled) of the atomic load of N/3 and of N
  plans — target: flat (≤ 1.3×), and the same for the bulk load.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable
PLANKG = str(Path(PYTHON).with_name("plankg")) if Path(PYTHON).with_name("plankg").exists() else shutil.which("plankg")


# ---------------------------------------------------------------------------------------------
# measuring

def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stream:
                stat = stream.read().decode("utf-8", "replace")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as stream:
            for line in stream:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, now."""
    tree, total, todo = _children(), 0, [pid]
    while todo:
        p = todo.pop()
        total += _rss_kb(p)
        todo += tree.get(p, [])
    return total


class Run:
    """One timed subprocess: wall seconds, peak RSS of its process tree (MB), output."""

    def __init__(self, cmd: list[str], *, env: dict | None = None, sample: bool = True, check: bool = True) -> None:
        self.cmd = cmd
        peak = [0]
        started = time.perf_counter()
        process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, **(env or {})})
        done = threading.Event()

        def sampler() -> None:
            while not done.wait(0.1):
                peak[0] = max(peak[0], tree_rss_kb(process.pid))

        thread = threading.Thread(target=sampler, daemon=True) if sample else None
        if thread:
            thread.start()
        self.stdout, self.stderr = process.communicate()
        self.seconds = time.perf_counter() - started
        done.set()
        if thread:
            thread.join()
        self.returncode = process.returncode
        self.peak_mb = peak[0] / 1024
        if check and process.returncode != 0:
            raise SystemExit(f"failed ({process.returncode}): {' '.join(cmd)}\n{self.stderr[-2000:]}")

    def json(self) -> dict:
        return json.loads(self.stdout.strip().splitlines()[-1])


def plankg(*args: str, **kw) -> Run:
    return Run([PLANKG, *args], **kw)


def helper(*args: str, **kw) -> Run:
    """This script's own sub-commands (the floors), in a fresh interpreter."""
    return Run([PYTHON, str(Path(__file__).resolve()), *args], **kw)


# ---------------------------------------------------------------------------------------------
# helper sub-commands (run in their own process)

def _floor(mode: str, nq: str, store_dir: str) -> None:
    """Time Oxigraph alone: one extend per plan graph (mode extend) or bulk_load of the file."""
    from pyoxigraph import RdfFormat, Store, parse

    shutil.rmtree(store_dir, ignore_errors=True)
    if mode == "extend":
        graphs: dict = {}
        for q in parse(path=nq, format=RdfFormat.N_QUADS):
            graphs.setdefault(q.graph_name, []).append(q)
        quads = sum(len(v) for v in graphs.values())
        store = Store(store_dir)
        started = time.perf_counter()
        for batch in graphs.values():
            store.extend(batch)
        store.flush()
        seconds = time.perf_counter() - started
    else:
        store = Store(store_dir)
        started = time.perf_counter()
        store.bulk_load(path=nq, format=RdfFormat.N_QUADS)
        store.flush()
        seconds = time.perf_counter() - started
        quads = len(store)
    del store
    print(json.dumps({"seconds": seconds, "quads": quads}))


def _empty(store_dir: str) -> None:
    """A store with no plans but its reference graph (what every store has after its first load)."""
    import plankg as pk
    from plankg.concepts import ensure_schemes
    from plankg.store import ensure_reference

    with pk.open(store_dir, create=True) as graph:
        ensure_reference(graph.store)
        ensure_schemes(graph.store)
    print(json.dumps({"ok": True}))


def _typer_app(path: Path) -> Path:
    path.write_text(
        "import typer\n\napp = typer.Typer()\n\n\n@app.command()\ndef hello(name: str) -> None:\n"
        '    """Say hello."""\n    typer.echo(f"hello {name}")\n\n\n@app.command()\ndef bye() -> None:\n'
        '    """Say goodbye."""\n    typer.echo("bye")\n\n\nif __name__ == "__main__":\n    app()\n',
        encoding="utf-8",
    )
    return path


# ---------------------------------------------------------------------------------------------
# the checks

class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str, str]] = []

    def add(self, check: str, plankg_side: str, reference: str, ratio: float | None, target: str, ok: bool | None,
            fmt: str = "{:.2f}×") -> None:
        verdict = "" if ok is None else ("ok" if ok else "MISSED")
        self.rows.append((check, plankg_side, reference, "" if ratio is None else fmt.format(ratio), target, verdict))

    def render(self) -> str:
        head = ("check", "plankg", "reference", "ratio", "target", "")
        widths = [max(_width(r[i]) for r in [head, *self.rows]) for i in range(6)]
        lines = ["| " + " | ".join(_pad(c, w) for c, w in zip(head, widths)) + " |",
                 "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
        lines += ["| " + " | ".join(_pad(c, w) for c, w in zip(r, widths)) + " |" for r in self.rows]
        return "\n".join(lines)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _rate(quads: int, seconds: float) -> str:
    return f"{seconds:.2f} s ({quads / seconds / 1000:.0f} k quads/s)"


def _quads_in(nq: Path) -> int:
    with open(nq, "rb") as stream:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))


def machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal"))
        ram = f"{int(mem.split()[1]) / 1024 / 1024:.1f} GiB RAM"
    except (OSError, StopIteration):
        ram = "? RAM"
    import pyoxigraph

    return (f"{os.cpu_count()} CPUs (nproc), {model}, {ram}; Python {platform.python_version()}, "
            f"pyoxigraph {pyoxigraph.__version__}, load average at start {os.getloadavg()[0]:.2f}")


def ingest(table: Table, work: Path, docs: Path, n: int, jobs: int, memory: dict) -> tuple[Path, Path, int]:
    """Atomic and bulk ingest of the N-plan corpus against the floors; returns the store, the
    plan graphs' N-Quads and their count."""
    atomic, nq = work / "store-atomic", work / "plans.nq"
    shutil.rmtree(atomic, ignore_errors=True)
    _say(f"atomic ingest: plankg load --no-analysis --jobs {jobs} of {n} plans")
    ours = plankg("load", str(docs), "--no-analysis", "--jobs", str(jobs), "--store", str(atomic))
    memory["atomic", n] = ours.peak_mb
    plankg("export", "--format", "nq", "--store", str(atomic), "--output", str(nq), sample=False)
    quads = _quads_in(nq)
    _say(f"atomic ingest: floor, one extend per plan graph ({quads} quads)")
    floor = helper("_floor", "extend", str(nq), str(work / "store-floor"))
    memory["floor", n] = floor.peak_mb
    seconds = floor.json()["seconds"]
    ratio = ours.seconds / seconds
    table.add(f"atomic ingest, {n} plans, {quads} quads (load --no-analysis --jobs {jobs} vs extend per plan)",
              _rate(quads, ours.seconds), _rate(quads, seconds), ratio, "≤ 1.5×", ratio <= 1.5)
    shutil.rmtree(work / "store-floor", ignore_errors=True)

    bulk = work / "store-bulk"
    shutil.rmtree(bulk, ignore_errors=True)
    _say(f"bulk ingest: plankg load --bulk --no-analysis --jobs {jobs}")
    ours = plankg("load", str(docs), "--bulk", "--no-analysis", "--jobs", str(jobs), "--store", str(bulk))
    memory["bulk", n] = ours.peak_mb
    _say("bulk ingest: raw bulk_load of the N-Quads")
    raw = helper("_floor", "bulk", str(nq), str(work / "store-raw"))
    seconds = raw.json()["seconds"]
    ratio = ours.seconds / seconds
    table.add(f"bulk ingest, {n} plans (load --bulk --jobs {jobs} vs bulk_load)", _rate(quads, ours.seconds),
              _rate(quads, seconds), ratio, "≤ 2.0×", ratio <= 2.0)
    shutil.rmtree(work / "store-raw", ignore_errors=True)
    shutil.rmtree(bulk, ignore_errors=True)
    return atomic, nq, quads


def growth(table: Table, work: Path, atomic: Path, n: int, jobs: int, memory: dict, similarity: bool) -> None:
    """Adding 1 and 100 plans to the N store and to an empty one."""
    sys.path.insert(0, str(BENCH))
    import generate

    extra = work / "extra"
    shutil.rmtree(extra, ignore_errors=True)
    ones = [generate.write(extra / f"one-{k}", 1, seed=1, start=k)[0] for k in range(3)]
    hundred = extra / "hundred"
    generate.write(hundred, 100, seed=2)
    full, empty = work / "store-full", work / "store-empty"
    for path in (full, empty):
        shutil.rmtree(path, ignore_errors=True)
    shutil.copytree(atomic, full, ignore=shutil.ignore_patterns("LOCK"))
    helper("_empty", str(empty), sample=False)
    _say("growth: +1 plan (3 times) to the full and the empty store")
    times: dict[str, list[float]] = {"full": [], "empty": []}
    for one in ones:
        for name, store in (("full", full), ("empty", empty)):
            times[name].append(plankg("load", str(one), "--no-analysis", "--store", str(store), sample=False).seconds)
    a, b = statistics.median(times["full"]), statistics.median(times["empty"])
    table.add(f"growth +1 plan to a store of {n} plans vs an empty store (median of 3)", f"{a:.2f} s", f"{b:.2f} s",
              a / b, "≤ 1.5×", a / b <= 1.5)
    _say("growth: +100 plans to the full and the empty store")
    a = plankg("load", str(hundred), "--no-analysis", "--jobs", str(jobs), "--store", str(full)).seconds
    run = plankg("load", str(hundred), "--no-analysis", "--jobs", str(jobs), "--store", str(empty))
    b = run.seconds
    memory["atomic", 100] = run.peak_mb
    table.add(f"growth +100 plans to a store of {n} plans vs an empty store", f"{a:.2f} s", f"{b:.2f} s", a / b,
              "≤ 1.5×", a / b <= 1.5)
    if similarity:
        _say(f"similarity: analyze the store of {n} + 103 plans once (untimed in the ratio)")
        whole = plankg("analyze", "--store", str(full), sample=False).seconds
        more = extra / "hundred-b"
        generate.write(more, 100, seed=3)
        fresh = work / "store-empty-b"
        shutil.rmtree(fresh, ignore_errors=True)
        helper("_empty", str(fresh), sample=False)
        for store in (full, fresh):
            plankg("load", str(more), "--no-analysis", "--jobs", str(jobs), "--store", str(store), sample=False)
        _say("similarity: analyze +100 plans in each store")
        a = plankg("analyze", "--store", str(full), sample=False).seconds
        b = plankg("analyze", "--store", str(fresh), sample=False).seconds
        linear = (n + 203) / 100
        table.add(f"similarity: analyze +100 plans, store of {n + 203} vs of 100 plans (analyze of all {n + 103}: "
                  f"{whole:.0f} s)", f"{a:.2f} s", f"{b:.2f} s", a / b, f"sub-linear (< {linear:.1f}×)", a / b < linear)
        shutil.rmtree(fresh, ignore_errors=True)
    for path in (full, empty, extra):
        shutil.rmtree(path, ignore_errors=True)


def run_queries(table: Table, work: Path, docs: Path, nq_plans: int, jobs: int, cap: float, rdflib_side: bool,
                details: list[str]) -> None:
    """Saved queries through plankg (in-process) against rdflib over the same data."""
    import plankg as pk
    from plankg import queries

    store_dir = work / "store-queries"
    subset = work / "docs-queries"
    shutil.rmtree(store_dir, ignore_errors=True)
    shutil.rmtree(subset, ignore_errors=True)
    subset.mkdir(parents=True)
    for path in sorted(docs.iterdir())[:nq_plans]:
        os.symlink(path, subset / path.name)
    plankg("load", str(subset), "--no-analysis", "--jobs", str(jobs), "--store", str(store_dir), sample=False)
    names = [name for name, q in queries.catalogue().items()
             if not any(p.required for p in q.params) and not queries.is_federated(q) and queries.CATALOGUE_TAG not in q.tags]
    ours: dict[str, float] = {}
    rows: dict[str, int] = {}
    texts: dict[str, str] = {}
    dump = work / "queries.nq"
    with pk.open(store_dir) as graph:
        from pyoxigraph import RdfFormat

        graph.store.dump(str(dump), RdfFormat.N_QUADS)
        for name in names:
            saved = queries.get(name)
            texts[name] = queries.bind_as_values(saved, queries._complete(saved, {}))
            rows[name] = len(queries.run(graph.store, saved).rows)  # warm-up
            samples = []
            for _ in range(5):
                started = time.perf_counter()
                queries.run(graph.store, saved)
                samples.append(time.perf_counter() - started)
            ours[name] = statistics.median(samples)
    if not rdflib_side:
        worst = max(ours, key=ours.get)
        table.add(f"queries at N = {nq_plans}: {len(names)} saved queries, slowest ({worst})", f"{ours[worst] * 1000:.1f} ms",
                  "rdflib side skipped", None, "", None)
        return
    import rdflib

    _say(f"queries: loading {_quads_in(dump)} quads into an rdflib Dataset")
    started = time.perf_counter()
    dataset = rdflib.Dataset()
    dataset.parse(str(dump), format="nquads")
    load_seconds = time.perf_counter() - started

    class Capped(Exception):
        pass

    def alarm(signum, frame):
        raise Capped()

    previous = signal.signal(signal.SIGALRM, alarm)
    ratios: dict[str, float] = {}
    capped: list[str] = []
    try:
        for name in names:
            _say(f"queries: rdflib {name}")
            signal.setitimer(signal.ITIMER_REAL, cap)
            started = time.perf_counter()
            try:
                count = len(list(dataset.query(texts[name])))
                seconds = time.perf_counter() - started
            except Capped:
                seconds, count = cap, None
                capped.append(name)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            ratios[name] = seconds / ours[name]
            same = "" if count is None or count == rows[name] else f" (rows differ: plankg {rows[name]}, rdflib {count})"
            details.append(f"| {name} | {rows[name]} | {ours[name] * 1000:.1f} ms | "
                           f"{'≥ ' if count is None else ''}{seconds * 1000:.0f} ms | "
                           f"{'≥ ' if count is None else ''}{ratios[name]:.0f}×{same} |")
    finally:
        signal.signal(signal.SIGALRM, previous)
    median = statistics.median(ratios.values())
    slowest = min(ratios, key=ratios.get)
    note = f"; capped at {cap:g} s: {', '.join(capped)}" if capped else f"; rdflib cap {cap:g} s, none reached"
    table.add(f"queries at N = {nq_plans}: median speed-up of {len(names)} saved queries over rdflib "
              f"(rdflib load {load_seconds:.0f} s{note})", f"{statistics.median(ours.values()) * 1000:.1f} ms median",
              "rdflib, same SPARQL", median, "≥ 10×", median >= 10, fmt="{:.0f}×")
    table.add(f"queries at N = {nq_plans}: slowest speed-up over rdflib ({slowest})", f"{ours[slowest] * 1000:.1f} ms",
              f"{ours[slowest] * ratios[slowest] * 1000:.0f} ms", ratios[slowest], "≥ 1×", ratios[slowest] >= 1,
              fmt="{:.1f}×")
    shutil.rmtree(store_dir, ignore_errors=True)
    dump.unlink(missing_ok=True)


def plan_summary(table: Table, atomic: Path, n: int) -> None:
    import plankg as pk
    from plankg import queries

    saved = queries.get("plan-summary")
    samples = []
    with pk.open(atomic) as graph:
        keys = graph.plan_keys()
        queries.run(graph.store, saved, [f"plan={keys[0]}"])
        for key in keys:
            started = time.perf_counter()
            result = queries.run(graph.store, saved, [f"plan={key}"])
            samples.append(time.perf_counter() - started)
            assert len(result.rows) == 1, (key, result.rows)
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]
    table.add(f"plan-summary p95 over the {len(keys)} plans of the N = {n} store (median "
              f"{statistics.median(samples) * 1000:.1f} ms)", f"{p95 * 1000:.1f} ms", "50 ms", p95 / 0.05, "< 50 ms",
              p95 < 0.05, fmt="{:.2f} of it")


def startup(table: Table, work: Path, reps: int) -> None:
    app = _typer_app(work / "two_commands.py")
    commands = {"typer": [PYTHON, str(app), "--help"], "help": [PLANKG, "--help"], "queries": [PLANKG, "queries"]}
    times: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(reps):
        for name, cmd in commands.items():
            times[name].append(Run(cmd, sample=False).seconds)
    base = statistics.median(times["typer"])
    for name, label in (("help", "plankg --help"), ("queries", "plankg queries")):
        ours = statistics.median(times[name])
        table.add(f"start-up: {label} vs a two-command Typer app's --help (median of {reps})", f"{ours * 1000:.0f} ms",
                  f"{base * 1000:.0f} ms", ours / base, "≤ 1.3×", ours / base <= 1.3)


def memory_rows(table: Table, memory: dict, n: int) -> None:
    small, large = memory.get(("atomic", 100)), memory.get(("atomic", n))
    if small and large:
        ratio = large / small
        table.add(f"memory: peak RSS of load --no-analysis, 100 → {n} plans (floor at {n}: "
                  f"{memory.get(('floor', n), 0):.0f} MB)", f"{small:.0f} → {large:.0f} MB", "flat", ratio, "≤ 1.3×",
                  ratio <= 1.3)
    small, large = memory.get(("bulk", "small")), memory.get(("bulk", n))
    if small and large:
        ratio = large / small
        table.add(f"memory: peak RSS of load --bulk, {memory['bulk-small-n']} → {n} plans", f"{small:.0f} → {large:.0f} MB",
                  "flat", ratio, "≤ 1.3×", ratio <= 1.3)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_floor":
        _floor(*argv[1:4])
        return 0
    if argv and argv[0] == "_empty":
        _empty(argv[1])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=300, help="N, the size of the corpus (default 300)")
    parser.add_argument("--query-plans", type=int, default=60, help="N of the rdflib comparison (default 60)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="load --jobs (default: CPUs)")
    parser.add_argument("--rdflib-cap", type=float, default=60.0, help="seconds an rdflib query may take (default 60)")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib side (implied by --plans > 1000)")
    parser.add_argument("--no-similarity", action="store_true", help="skip the similarity growth line")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke run)")
    parser.add_argument("--work", type=Path, default=None, help="working folder (default: a new temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    args = parser.parse_args(argv)
    if PLANKG is None:
        raise SystemExit("the plankg command is not installed next to this Python (make install)")
    rdflib_side = not args.no_rdflib and args.plans <= 1000
    import tempfile

    work = args.work or Path(tempfile.mkdtemp(prefix="plankg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(BENCH))
    import generate

    started = time.perf_counter()
    table, details, memory = Table(), [], {}
    try:
        header = machine()
        _say(f"generating {args.plans} plans in {work}")
        docs = work / "docs"
        shutil.rmtree(docs, ignore_errors=True)
        generate.write(docs, args.plans)
        atomic, nq, quads = ingest(table, work, docs, args.plans, args.jobs, memory)
        growth(table, work, atomic, args.plans, args.jobs, memory, similarity=not args.no_similarity)
        small_n = max(1, args.plans // 3)
        small_docs = work / "docs-small"
        shutil.rmtree(small_docs, ignore_errors=True)
        small_docs.mkdir()
        for path in sorted(docs.iterdir())[:small_n]:
            os.symlink(path, small_docs / path.name)
        _say(f"memory: bulk load of {small_n} plans")
        run = plankg("load", str(small_docs), "--bulk", "--no-analysis", "--jobs", str(args.jobs),
                     "--store", str(work / "store-bulk-small"))
        memory["bulk", "small"], memory["bulk-small-n"] = run.peak_mb, small_n
        shutil.rmtree(work / "store-bulk-small", ignore_errors=True)
        _say("queries")
        run_queries(table, work, docs, min(args.query_plans, args.plans), args.jobs, args.rdflib_cap, rdflib_side, details)
        plan_summary(table, atomic, args.plans)
        _say("start-up")
        startup(table, work, 5 if args.quick else 15)
        memory_rows(table, memory, args.plans)
    finally:
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"plankg benchmark: N = {args.plans} plans ({quads} plan-graph quads), load --jobs {args.jobs}; {header}")
    print(f"finished in {time.perf_counter() - started:.0f} s (`python bench/run.py {' '.join(argv)}`)")
    print()
    if details:
        print("| query (N = %d) | rows | plankg | rdflib | speed-up |" % min(args.query_plans, args.plans))
        print("|---|---|---|---|---|")
        print("\n".join(details))
        print()
    print(table.render())
    missed = [r for r in table.rows if r[5] == "MISSED"]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
