"""plankg against its own store: one table of ratios, each side measured in the same run.

    python bench/run.py                 # N = 300 plans (about 1.5 M quads), rdflib side at N = 60
    python bench/run.py --plans 3000    # the big run (no rdflib side)
    python bench/run.py --plans 5 --no-rdflib --quick   # a smoke run

Rows (plankg should lose almost nothing on top of Oxigraph; every ratio is measured in one run):

- atomic ingest: ``plankg load --no-analysis --jobs J`` of N generated plans, end to end (process
  start, reference graph, parsing, one transaction per plan, close) against the floor: one
  pyoxigraph ``extend`` per plan graph of the same quads (plankg's own ``export --format nq``,
  read between the timed extends) into an empty store, plus ``flush`` — target ≤ 1.5×; the same
  with ``--jobs 1``, the default;
- bulk ingest: ``plankg load --bulk --no-analysis`` against ``Store.bulk_load`` of that N-Quads
  file — target ≤ 2.0×; each ingest side runs twice, alternating, and its best run counts (the
  machine may be shared: other processes slow one run, not the best of two);
- growth: adding 1 plan (median of 5) and 100 plans to a store holding N plans against adding
  them to an empty store (reference graph already written) — target ≤ 1.5×;
- similarity (``plankg analyze``, on its own line): after adding 10 plans to analysed stores of
  S and S/2 plans (S = 60) — sub-linear when the ratio stays below the ratio of store sizes;
- queries: every saved query without required parameters (federated and catalogue ones aside),
  ``queries.run`` in-process (median of 5 after a warm-up) against rdflib running the same SPARQL
  over the same data (the store's N-Quads in an rdflib ``Dataset``), each rdflib query capped at
  60 s — target median ≥ 10×, none below 1×; and the p95 of ``plan-summary`` over every plan of
  the N store — target < 50 ms;
- start-up: ``plankg --help`` and ``plankg queries`` against ``--help`` of a two-command Typer
  app (median of 15) — target ≤ 1.3×;
- memory: peak PSS of the load's process tree at N/3 and N plans, atomic and bulk — target flat
  (≤ 1.3×); Oxigraph alone (one extend per plan graph, never flushed) is shown beside it.

The atomic ingest also gets a line without a target: plankg against Oxigraph alone making the same
periodic flushes plankg makes (which speed Oxigraph up), i.e. what plankg's own Python costs.
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
    """Proportional set size (shared pages split between the processes sharing them, so forked
    workers are not counted twice), else the resident set size."""
    for name, field in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            with open(name, encoding="ascii", errors="replace") as stream:
                for line in stream:
                    if line.startswith(field):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


def tree_rss_kb(pid: int) -> int:
    """Memory of ``pid`` and all its descendants, now (PSS where the kernel gives it)."""
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
    """Time Oxigraph alone: one extend per plan graph (mode extend; only the extends and the final
    flush are timed, the N-Quads are parsed between them), the same with plankg's flush every
    ``FLUSH_QUADS`` quads (mode extend-flush), or bulk_load of the file (mode bulk)."""
    from pyoxigraph import RdfFormat, Store, parse

    shutil.rmtree(store_dir, ignore_errors=True)
    if mode in ("extend", "extend-flush"):  # one plan graph at a time, read between the timed extends
        from itertools import groupby

        from plankg.ingest import FLUSH_QUADS

        store = Store(store_dir)
        seconds, quads, unflushed = 0.0, 0, 0
        for _, group in groupby(parse(path=nq, format=RdfFormat.N_QUADS), key=lambda q: q.graph_name):
            batch = list(group)
            quads += len(batch)
            unflushed += len(batch)
            started = time.perf_counter()
            store.extend(batch)
            if mode == "extend-flush" and unflushed >= FLUSH_QUADS:  # the flushes plankg makes
                store.flush()
                unflushed = 0
            seconds += time.perf_counter() - started
        started = time.perf_counter()
        store.flush()
        seconds += time.perf_counter() - started
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
    from plankg.store import ensure_schemes
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


def _subset(docs: Path, target: Path, count: int) -> Path:
    """The first ``count`` documents of ``docs`` (symlinks), as a folder of their own."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for path in sorted(docs.iterdir())[:count]:
        os.symlink(path, target / path.name)
    return target


def ingest(table: Table, work: Path, docs: Path, n: int, jobs: int, repeat: int) -> tuple[Path, int, dict]:
    """Atomic and bulk ingest of the N-plan corpus against Oxigraph alone (each side run
    ``repeat`` times, alternating, the best run counted: the machine may be shared), and the
    memory of both at N/3 and N; returns the atomic store and its plan-graph quad count."""
    atomic, nq = work / "store-atomic", work / "plans.nq"
    shutil.rmtree(atomic, ignore_errors=True)
    _say(f"atomic ingest: plankg load --no-analysis --jobs {jobs} of {n} plans")
    first = plankg("load", str(docs), "--no-analysis", "--jobs", str(jobs), "--store", str(atomic))
    plankg("export", "--format", "nq", "--store", str(atomic), "--output", str(nq), sample=False)
    quads = _quads_in(nq)
    memory = {("plankg", n): first.peak_mb}
    variants = [("jobs", ["--jobs", str(jobs)])] + ([("jobs1", ["--jobs", "1"])] if jobs != 1 else [])
    best: dict[str, float] = {"jobs": first.seconds}
    for r in range(repeat):
        _say(f"atomic ingest, round {r + 1}/{repeat}: floor (one extend per plan graph, {quads} quads), then plankg")
        floor = helper("_floor", "extend", str(nq), str(work / "store-floor"))
        memory["oxigraph", n] = floor.peak_mb
        best["floor"] = min(best.get("floor", float("inf")), floor.json()["seconds"])
        flushed = helper("_floor", "extend-flush", str(nq), str(work / "store-floor"), sample=False)
        best["flushed"] = min(best.get("flushed", float("inf")), flushed.json()["seconds"])
        for name, options in variants:
            if name == "jobs" and r == 0:
                continue  # the first run above
            store = work / "store-again"
            shutil.rmtree(store, ignore_errors=True)
            run = plankg("load", str(docs), "--no-analysis", *options, "--store", str(store), sample=False)
            best[name] = min(best.get(name, float("inf")), run.seconds)
            shutil.rmtree(store, ignore_errors=True)
    ratio = best["jobs"] / best["floor"]
    table.add(f"atomic ingest: {n} plans, {quads} quads; load --no-analysis --jobs {jobs} (end to end) vs one "
              f"extend per plan graph (best of {repeat})", _rate(quads, best["jobs"]), _rate(quads, best["floor"]), ratio,
              "≤ 1.5×", ratio <= 1.5)
    if "jobs1" in best:
        ratio = best["jobs1"] / best["floor"]
        table.add("atomic ingest, the same with --jobs 1 (the default: parsing in one thread beside the writer)",
                  _rate(quads, best["jobs1"]), _rate(quads, best["floor"]), ratio, "≤ 1.5×", ratio <= 1.5)
    # plankg flushes Oxigraph's memory tables every FLUSH_QUADS quads, which makes Oxigraph itself
    # faster: this line shows what plankg adds on top of Oxigraph doing the same (no target)
    fastest = min(best["jobs"], best.get("jobs1", best["jobs"]))
    table.add("atomic ingest, for comparison: the faster of the two vs one extend per plan graph with plankg's "
              "flush every 50 k quads", _rate(quads, fastest), _rate(quads, best["flushed"]),
              fastest / best["flushed"], "(no target)", None)

    best = {}
    for r in range(repeat):
        _say(f"bulk ingest, round {r + 1}/{repeat}: raw bulk_load of the N-Quads, then plankg load --bulk")
        raw = helper("_floor", "bulk", str(nq), str(work / "store-raw"))
        memory["raw-bulk", n] = raw.peak_mb
        best["raw"] = min(best.get("raw", float("inf")), raw.json()["seconds"])
        for name, options in variants:
            store = work / "store-bulk"
            shutil.rmtree(store, ignore_errors=True)
            run = plankg("load", str(docs), "--bulk", "--no-analysis", *options, "--store", str(store))
            if name == "jobs":
                memory["plankg-bulk", n] = max(memory.get(("plankg-bulk", n), 0), run.peak_mb)
            best[name] = min(best.get(name, float("inf")), run.seconds)
            shutil.rmtree(store, ignore_errors=True)
    ratio = best["jobs"] / best["raw"]
    table.add(f"bulk ingest: {n} plans; load --bulk --no-analysis --jobs {jobs} (end to end) vs bulk_load of the "
              f"N-Quads (best of {repeat})", _rate(quads, best["jobs"]), _rate(quads, best["raw"]), ratio, "≤ 2.0×",
              ratio <= 2.0)
    if "jobs1" in best:
        ratio = best["jobs1"] / best["raw"]
        table.add("bulk ingest, the same with --jobs 1", _rate(quads, best["jobs1"]), _rate(quads, best["raw"]), ratio,
                  "≤ 2.0×", ratio <= 2.0)
    for path in (work / "store-raw", work / "store-floor"):
        shutil.rmtree(path, ignore_errors=True)

    small_n = max(1, n // 3)
    small = _subset(docs, work / "docs-small", small_n)
    small_nq = work / "plans-small.nq"
    for mode, args in (("plankg", ["--no-analysis"]), ("plankg-bulk", ["--bulk", "--no-analysis"])):
        _say(f"memory: {mode} of {small_n} plans")
        store = work / f"store-small-{mode}"
        shutil.rmtree(store, ignore_errors=True)
        memory[mode, small_n] = plankg("load", str(small), *args, "--jobs", str(jobs), "--store", str(store)).peak_mb
        if mode == "plankg":
            plankg("export", "--format", "nq", "--store", str(store), "--output", str(small_nq), sample=False)
        shutil.rmtree(store, ignore_errors=True)
    memory["oxigraph", small_n] = helper("_floor", "extend", str(small_nq), str(work / "store-stream")).peak_mb
    memory["raw-bulk", small_n] = helper("_floor", "bulk", str(small_nq), str(work / "store-stream")).peak_mb
    memory["small"] = small_n
    for path in (work / "store-stream", small_nq, nq):
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    return atomic, quads, memory


def growth(table: Table, work: Path, atomic: Path, n: int, jobs: int, more: int = 100) -> None:
    """Adding 1 and ``more`` (100) plans to the N store and to an empty one (parse and store only)."""
    import generate

    extra = work / "extra"
    shutil.rmtree(extra, ignore_errors=True)
    ones = [generate.write(extra / f"one-{k}", 1, seed=1, start=k)[0] for k in range(5)]
    hundred = extra / "more"
    generate.write(hundred, more, seed=2)
    full, empty = work / "store-full", work / "store-empty"
    for path in (full, empty):
        shutil.rmtree(path, ignore_errors=True)
    shutil.copytree(atomic, full, ignore=shutil.ignore_patterns("LOCK"))
    helper("_empty", str(empty), sample=False)
    _say(f"growth: +1 plan ({len(ones)} times) to the full and the empty store")
    times: dict[str, list[float]] = {"full": [], "empty": []}
    for one in ones:
        for name, store in (("full", full), ("empty", empty)):
            times[name].append(plankg("load", str(one), "--no-analysis", "--store", str(store), sample=False).seconds)
    a, b = statistics.median(times["full"]), statistics.median(times["empty"])
    table.add(f"growth: +1 plan to a store of {n} plans vs to an empty store (load --no-analysis, median of {len(ones)})",
              f"{a:.2f} s", f"{b:.2f} s", a / b, "≤ 1.5×", a / b <= 1.5)
    _say(f"growth: +{more} plans to the full and the empty store")
    a = plankg("load", str(hundred), "--no-analysis", "--jobs", str(jobs), "--store", str(full), sample=False).seconds
    b = plankg("load", str(hundred), "--no-analysis", "--jobs", str(jobs), "--store", str(empty), sample=False).seconds
    table.add(f"growth: +{more} plans to a store of {n} plans vs to an empty store (load --no-analysis --jobs {jobs})",
              f"{a:.2f} s", f"{b:.2f} s", a / b, "≤ 1.5×", a / b <= 1.5)
    for path in (full, empty, extra):
        shutil.rmtree(path, ignore_errors=True)


def similarity(table: Table, work: Path, docs: Path, size: int, jobs: int) -> None:
    """The similarity step on its own: ``plankg analyze`` after adding 10 plans to an analysed
    store of ``size`` plans and of ``size / 2`` plans; sub-linear when the ratio stays below the
    ratio of the store sizes."""
    import generate

    half = max(1, size // 2)
    extra = generate.write(work / "extra-similarity", 10, seed=4)
    seconds, whole = {}, {}
    for count in (half, size):
        store = work / f"store-similarity-{count}"
        shutil.rmtree(store, ignore_errors=True)
        plankg("load", str(_subset(docs, work / f"docs-similarity-{count}", count)), "--no-analysis", "--jobs",
               str(jobs), "--store", str(store), sample=False)
        _say(f"similarity: analyze {count} plans, then +10 plans")
        whole[count] = plankg("analyze", "--store", str(store), sample=False).seconds
        plankg("load", str(extra[0].parent), "--no-analysis", "--store", str(store), sample=False)
        seconds[count] = plankg("analyze", "--store", str(store), sample=False).seconds
        shutil.rmtree(store, ignore_errors=True)
        shutil.rmtree(work / f"docs-similarity-{count}", ignore_errors=True)
    ratio = seconds[size] / seconds[half]
    linear = (size + 10) / (half + 10)
    table.add(f"similarity: analyze after +10 plans, store of {size} vs of {half} analysed plans (analyze of all "
              f"{size}: {whole[size]:.1f} s, of {half}: {whole[half]:.1f} s)", f"{seconds[size]:.2f} s",
              f"{seconds[half]:.2f} s", ratio, f"sub-linear, < {linear:.2f}×", ratio < linear)
    shutil.rmtree(work / "extra-similarity", ignore_errors=True)


def run_queries(table: Table, work: Path, docs: Path, count: int, jobs: int, cap: float, rdflib_side: bool,
                details: list[str]) -> None:
    """Saved queries through plankg (in-process) against rdflib over the same data."""
    import plankg as pk
    from plankg import queries

    store_dir = work / "store-queries"
    shutil.rmtree(store_dir, ignore_errors=True)
    subset = _subset(docs, work / "docs-queries", count)
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
            texts[name] = queries.bind_as_values(saved, queries.complete(saved, {}))
            rows[name] = len(queries.run(graph.store, saved).rows)  # warm-up
            samples = []
            for _ in range(5):
                started = time.perf_counter()
                queries.run(graph.store, saved)
                samples.append(time.perf_counter() - started)
            ours[name] = statistics.median(samples)
    shutil.rmtree(store_dir, ignore_errors=True)
    shutil.rmtree(subset, ignore_errors=True)
    if not rdflib_side:
        worst = max(ours, key=ours.get)
        table.add(f"queries at N = {count}: {len(names)} saved queries in-process, slowest ({worst})",
                  f"{ours[worst] * 1000:.1f} ms", "rdflib side skipped", None, "", None)
        dump.unlink(missing_ok=True)
        return
    import rdflib

    quads = _quads_in(dump)
    _say(f"queries: loading {quads} quads into an rdflib Dataset")
    started = time.perf_counter()
    dataset = rdflib.Dataset()
    dataset.parse(str(dump), format="nquads")
    load_seconds = time.perf_counter() - started
    dump.unlink(missing_ok=True)

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
                count_rows = len(list(dataset.query(texts[name])))
                seconds = time.perf_counter() - started
            except Capped:
                seconds, count_rows = cap, None
                capped.append(name)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            ratios[name] = seconds / ours[name]
            same = "" if count_rows is None or count_rows == rows[name] else f" (rdflib: {count_rows} rows)"
            at_least = "≥ " if count_rows is None else ""
            details.append(f"| {name} | {rows[name]}{same} | {ours[name] * 1000:.1f} ms | {at_least}{seconds * 1000:.0f} ms "
                           f"| {at_least}{ratios[name]:.0f}× |")
    finally:
        signal.signal(signal.SIGALRM, previous)
    del dataset
    median = statistics.median(ratios.values())
    slowest = min(ratios, key=ratios.get)
    note = f"capped at {cap:g} s: {', '.join(capped)}" if capped else f"rdflib cap {cap:g} s, not reached"
    table.add(f"queries at N = {count} ({quads} quads): median speed-up of {len(names)} saved queries over rdflib "
              f"(rdflib load {load_seconds:.0f} s; {note})", f"{statistics.median(ours.values()) * 1000:.1f} ms median",
              "rdflib, same SPARQL", median, "≥ 10×", median >= 10, fmt="{:.0f}×")
    table.add(f"queries at N = {count}: smallest speed-up over rdflib ({slowest})", f"{ours[slowest] * 1000:.1f} ms",
              f"{ours[slowest] * ratios[slowest] * 1000:.0f} ms", ratios[slowest], "≥ 1×", ratios[slowest] >= 1,
              fmt="{:.1f}×")


def plan_summary(table: Table, atomic: Path, n: int) -> None:
    """p95 of ``plan-summary`` (through ``queries.run``, parameters bound) over every plan."""
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
    """Peak memory (PSS of the process tree) at N/3 and N plans, which must stay flat: plankg
    flushes Oxigraph's memory tables every ``FLUSH_QUADS`` quads (Oxigraph alone, one extend per
    plan graph without flushing, is shown beside it: RocksDB's memory tables grow with what one
    process writes) and hands the bulk loader bounded chunks."""
    small = memory["small"]
    a, b = memory["plankg", small], memory["plankg", n]
    ratio = b / a
    table.add(f"memory: peak of load --no-analysis, {small} → {n} plans (Oxigraph alone, one extend per plan graph "
              f"without flushes: {memory['oxigraph', small]:.0f} → {memory['oxigraph', n]:.0f} MB)",
              f"{a:.0f} → {b:.0f} MB", "flat", ratio, "≤ 1.3×", ratio <= 1.3)
    a, b = memory["plankg-bulk", small], memory["plankg-bulk", n]
    ratio = b / a
    table.add(f"memory: peak of load --bulk, {small} → {n} plans (bulk_load of the whole file: "
              f"{memory['raw-bulk', small]:.0f} → {memory['raw-bulk', n]:.0f} MB)", f"{a:.0f} → {b:.0f} MB", "flat",
              ratio, "≤ 1.3×", ratio <= 1.3)


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
    parser.add_argument("--similarity-plans", type=int, default=60,
                        help="store size of the similarity line (default 60; 0 skips it)")
    parser.add_argument("--growth-plans", type=int, default=100, help="plans added in the growth line (default 100)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="load --jobs (default: CPUs)")
    parser.add_argument("--rdflib-cap", type=float, default=60.0, help="seconds an rdflib query may take (default 60)")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib side (implied by --plans > 1000)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each ingest side, best counted (default 2)")
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
    table, details = Table(), []
    header = machine()
    try:
        _say(f"generating {args.plans} plans in {work}")
        docs = work / "docs"
        shutil.rmtree(docs, ignore_errors=True)
        generate.write(docs, args.plans)
        atomic, quads, memory = ingest(table, work, docs, args.plans, args.jobs, 1 if args.quick else max(1, args.repeat))
        growth(table, work, atomic, args.plans, args.jobs, args.growth_plans)
        if args.similarity_plans > 0:
            similarity(table, work, docs, min(args.similarity_plans, args.plans), args.jobs)
        _say("queries")
        run_queries(table, work, docs, min(args.query_plans, args.plans), args.jobs, args.rdflib_cap, rdflib_side, details)
        plan_summary(table, atomic, args.plans)
        _say("start-up")
        startup(table, work, 5 if args.quick else 15)
        memory_rows(table, memory, args.plans)
    finally:
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"plankg benchmark, N = {args.plans} plans ({quads} plan-graph quads), load --jobs {args.jobs}, "
          f"finished in {time.perf_counter() - started:.0f} s")
    print(f"machine: {header}")
    print(f"command: python bench/run.py {' '.join(argv)}".rstrip())
    print()
    if details:
        print(f"| saved query (N = {min(args.query_plans, args.plans)}) | rows | plankg | rdflib | speed-up |")
        print("|---|---|---|---|---|")
        print("\n".join(details))
        print()
    print(table.render())
    missed = [r for r in table.rows if r[5] == "MISSED"]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
