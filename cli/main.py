"""The ``plankg`` command: a thin Typer layer over ``plankg.api``.

Every failure a user can cause ends as one line ``Error: …`` on stderr with the exit code of the
README (0 ok, 1 empty/violations, 2 bad input, 3 store, 4 endpoint, 5 timeout). Heavy modules load
inside the commands that need them, so ``plankg --help`` stays fast.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import List, Optional

import typer

from plankg.errors import InputError, PlankgError

app = typer.Typer(
    name="plankg",
    help="A knowledge graph of Chinese government work plans: load task-division tables, query them.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    add_completion=False,
)

STORE_HELP = "Store directory (env PLANKG_STORE; default ./plankg-store)."
StoreOption = typer.Option("plankg-store", "--store", "-s", envvar="PLANKG_STORE", help=STORE_HELP)
WaitOption = typer.Option(0.0, "--wait", help="Seconds to wait for a store another process is using.")
QUERY_FORMATS = ("table", "csv", "tsv", "json", "md")


def fail(error: PlankgError) -> None:
    """Print ``Error: …`` on stderr and exit with the error's code."""
    typer.echo(f"Error: {error.message}", err=True)
    raise typer.Exit(error.exit_code)


@contextmanager
def reported():
    """Turn plankg's own errors into one line on stderr and the documented exit code."""
    try:
        yield
    except PlankgError as error:
        fail(error)


def _open(store: str, *, create: bool = False, wait: float = 0.0):
    from plankg.api import PlanGraph

    return PlanGraph(store, create=create, wait=wait)


@contextmanager
def _output(path: Optional[Path]):
    """stdout, or a file written whole: a failed command leaves no half-written output file."""
    if path is None:
        yield sys.stdout
        return
    tmp = path.with_name(f".{path.name}.partial")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as stream:
            yield stream
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write ({exc.strerror})") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@app.command()
def load(
    paths: List[Path] = typer.Argument(..., help="Documents or folders of documents to load."),
    key: Optional[str] = typer.Option(None, "--id", help="Plan key to use instead of the file name (one file only)."),
    store: str = StoreOption,
    wait: float = WaitOption,
) -> None:
    """Load documents: each file replaces its plan whole, or is reported and left out."""
    with reported():
        with _open(store, create=True, wait=wait) as graph:
            from plankg.api import expand_paths

            total = len(expand_paths(paths))
            done = 0

            def report(result) -> None:
                nonlocal done
                done += 1
                counter = f"[{done}/{total}] " if total > 1 else ""
                if result.ok:
                    typer.echo(
                        f"{counter}loaded {result.path} as {result.key}: {result.tasks} tasks, "
                        f"{result.assignments} assignments, {result.targets} targets"
                    )
                else:
                    typer.echo(f"Error: {result.error.message}", err=True)

            results = graph.load_many(paths, key, on_result=report)
        failed = sum(1 for r in results if not r.ok)
        if total > 1:
            typer.echo(f"{len(results) - failed} loaded, 0 skipped, {failed} failed")
        if failed:
            raise typer.Exit(2)


@app.command()
def remove(
    key: str = typer.Argument(..., help="Key of the plan to delete (its file name without extension)."),
    store: str = StoreOption,
    wait: float = WaitOption,
) -> None:
    """Delete a plan and its load record from the store."""
    with reported():
        with _open(store, wait=wait) as graph:
            removed = graph.remove(key)
        if not removed:
            raise InputError(f"no plan {key!r} in {store}")
        typer.echo(f"removed {key}: {removed} quads")


@app.command()
def query(
    name: str = typer.Argument(..., help="Saved query name (see `plankg queries`)."),
    param: List[str] = typer.Option([], "--param", "-p", help="Parameter as NAME=VALUE; repeat for lists."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, tsv, json or md."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    limit: Optional[int] = typer.Option(None, "--limit", min=0, help="Print at most this many rows."),
    fail_empty: bool = typer.Option(False, "--fail-empty", help="Exit 1 when the query finds nothing."),
    store: str = StoreOption,
    wait: float = WaitOption,
) -> None:
    """Run a saved query and print its rows."""
    with reported():
        if fmt not in QUERY_FORMATS:
            raise InputError(f"--format {fmt!r}: choose one of {', '.join(QUERY_FORMATS)}")
        from plankg import queries
        from plankg.queries import output as render_output

        saved = queries.get(name)
        bound = queries.parse_params(saved, list(param))
        with _open(store, wait=wait) as graph:
            result = queries.run(graph.store, saved, bound)
        if limit is not None:
            result.rows = result.rows[:limit]
        if fail_empty and not result.rows:
            from plankg.errors import EmptyResult

            raise EmptyResult(f"query {name} found nothing")
        with _output(output) as stream:
            render_output.render(result, fmt, stream)


@app.command("queries")
def list_queries(
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """List the saved queries with their summaries and parameters."""
    import json

    from plankg import queries

    with reported():
        if fmt not in ("table", "json"):
            raise InputError(f"--format {fmt!r}: choose table or json")
        catalogue = queries.catalogue()
        if fmt == "json":
            typer.echo(json.dumps([queries.describe(q) for q in catalogue.values()], ensure_ascii=False, indent=2))
            return
        width = max(len(n) for n in catalogue)
        for name, q in catalogue.items():
            params = " ".join(
                f"{p.name}{'' if p.required else '?'}{'*' if p.multiple else ''}:{p.type}" for p in q.params
            )
            typer.echo(f"{name.ljust(width)}  {q.summary}" + (f"  [{params}]" if params else ""))


@app.command()
def validate(store: str = StoreOption, wait: float = WaitOption) -> None:
    """Check the plan graphs against the shipped SHACL shapes (exit 1 on violations)."""
    with reported():
        with _open(store, wait=wait) as graph:
            report = graph.validate()
        if report.conforms:
            typer.echo("conforms")
            return
        typer.echo(report.text())
        raise typer.Exit(1)


@app.command()
def export(
    fmt: str = typer.Option("nq", "--format", "-f", help="nq or trig (graphs kept), ttl or nt (their union)."),
    plan: Optional[str] = typer.Option(None, "--plan", help="Export only this plan's graph (its key)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    store: str = StoreOption,
    wait: float = WaitOption,
) -> None:
    """Export the plan graphs as RDF."""
    with reported():
        with _open(store, wait=wait) as graph:
            if output is None:
                graph.export(fmt, sys.stdout.buffer, plan)
                return
            tmp = output.with_name(f".{output.name}.partial")
            try:
                with open(tmp, "wb") as stream:
                    graph.export(fmt, stream, plan)
                tmp.replace(output)
            except OSError as exc:
                raise InputError(f"{output}: cannot write ({exc.strerror})") from None
            finally:
                tmp.unlink(missing_ok=True)


@app.command()
def stats(store: str = StoreOption, wait: float = WaitOption) -> None:
    """Count plans, sections, tasks, assignments, targets, agency names and quads."""
    with reported():
        with _open(store, wait=wait) as graph:
            counts = graph.stats()
        width = max(len(k) for k in counts)
        for k, n in counts.items():
            typer.echo(f"{k.ljust(width)}  {n}")


def run() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    run()
