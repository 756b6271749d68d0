"""The ``plankg`` command: a thin Typer layer over ``plankg.api``.

Every failure a user can cause ends as one line ``Error: …`` on stderr with the exit code of
docs/commands.md (0 ok, 1 empty/violations, 2 bad input, 3 store, 4 endpoint, 5 timeout). Heavy modules load
inside the commands that need them, so ``plankg --help`` stays fast.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass
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
FormatOption = typer.Option("table", "--format", "-f", help="table, csv, tsv, json or md.")
OutputOption = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout.")
LimitOption = typer.Option(None, "--limit", min=0, help="Print at most this many rows.")
FailEmptyOption = typer.Option(False, "--fail-empty", help="Exit 1 when the query finds nothing.")


def _check_format(fmt: str) -> None:
    """Refuse an unknown --format before any work is done (the formats of ``queries.output``)."""
    from plankg.queries.output import FORMATS

    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")


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


LayoutOption = typer.Option(
    None, "--layout", help="Force a layout: task-table, inline, labelled, chengban, duty-list or mixed (default: detect)."
)


@app.command()
def load(
    paths: List[Path] = typer.Argument(..., help="Documents or folders of documents to load."),
    key: Optional[str] = typer.Option(None, "--id", help="Plan key to use instead of the file name (one file only)."),
    force: bool = typer.Option(False, "--force", help="Load files whose bytes are unchanged since their last load too."),
    layout: Optional[str] = LayoutOption,
    jurisdiction: Optional[str] = typer.Option(
        None, "--jurisdiction", metavar="CODE",
        help="6-digit division code (520100) for documents whose title and text name no division.",
    ),
    no_analysis: bool = typer.Option(
        False, "--no-analysis",
        help="Skip the corpus-wide step (similar tasks across plans); `plankg analyze` runs it later.",
    ),
    jobs: int = typer.Option(
        1, "--jobs", "-j", min=1,
        help="Parse in this many worker processes (1: a thread beside the writer); plans are still written "
             "one transaction each, in input order.",
    ),
    bulk: bool = typer.Option(
        False, "--bulk",
        help="Write plans new to the store with Oxigraph's bulk loader, faster for big first loads (not one "
             "transaction per plan: a crash leaves none of them; the next command cleans up). Plans already "
             "loaded are replaced as usual.",
    ),
    corrections: Optional[Path] = typer.Option(
        None, "--corrections", metavar="XLSX",
        help="A review workbook of the plan (one file only): its changes are recorded after the load, as `plankg correct` does.",
    ),
    store: str = StoreOption,
    wait: float = WaitOption,
) -> None:
    """Load documents: each file replaces its plan whole, or is reported and left out.

    A file whose bytes are unchanged since its plan's last load is skipped (unless --force); an
    N-Quads dump written by `plankg export --format nq` restores its plan graphs. Each task's
    words, keywords and topics are always made; the similar-task lists of the analysis graph are
    updated once after the last file unless --no-analysis."""
    from plankg.api import check_options, expand_paths

    check_options(layout=layout, jurisdiction=jurisdiction)
    if corrections is not None:
        from plankg.loaders import plan_key
        from plankg.review import read_workbook

        files = expand_paths(paths)
        if len(files) != 1:
            raise InputError(f"--corrections {corrections}: goes with one document, not {len(files)}")
        edited = read_workbook(corrections)  # a bad workbook is refused before anything is loaded
        if edited.key != (key or plan_key(files[0])):
            raise InputError(f"{corrections}: the workbook is of plan {edited.key!r}, not {key or plan_key(files[0])!r}")
    with _open(store, create=True, wait=wait) as graph:
        total = len(expand_paths(paths))
        done = 0

        def report(result) -> None:
            nonlocal done
            done += 1
            counter = f"[{done}/{total}] " if total > 1 else ""
            if result.skipped:
                typer.echo(f"{counter}skipped {result.path} ({result.key} unchanged since its last load)")
            elif result.ok:
                typer.echo(
                    f"{counter}loaded {result.path} as {result.key}: {result.tasks} tasks, "
                    f"{result.assignments} assignments, {result.targets} targets"
                    + (" — no assignment found" if result.tasks and not result.assignments else "")
                    + (f"; {result.corrected} correction(s) applied" if result.corrected else "")
                    + (f"; {len(result.stale)} correction(s) stale (plankg review {result.key} --stale)" if result.stale else "")
                )
                for line in result.stale:
                    typer.echo(f"  stale correction {line}")
            else:
                typer.echo(f"Error: {result.error.message}", err=True)

        results = graph.load_many(
            paths, key, on_result=report, force=force, layout=layout, jurisdiction=jurisdiction, analysis=False,
            jobs=jobs, bulk=bulk,
        )
        if corrections is not None and results and results[0].ok:
            try:
                _report_corrections(graph.correct(results[0].key, corrections, analysis=False), corrections)
            except InputError as exc:
                raise InputError(f"{exc.message} (the document was loaded; no change of {corrections} was recorded)") from None
        if not no_analysis:
            _report_analysis(graph.analyze())
    failed = sum(1 for r in results if not r.ok)
    skipped = sum(1 for r in results if r.skipped)
    if total > 1:
        typer.echo(f"{len(results) - failed - skipped} loaded, {skipped} skipped, {failed} failed")
    if failed:
        raise typer.Exit(2)


def _report_analysis(report) -> None:
    """One line on what an analysis changed; nothing when there was nothing to do."""
    if report.changed:
        analysed, removed = len(report.analysed), len(report.removed)
        typer.echo(
            f"similar tasks: {analysed} plan{'' if analysed == 1 else 's'} analysed, {removed} removed; "
            f"{report.lists_written} task list{'' if report.lists_written == 1 else 's'} written"
        )


@app.command()
def analyze(
    full: bool = typer.Option(False, "--full", help="Recompute every similar-task list, not only what changed."),
    store: str = StoreOption,
    wait: float = WaitOption,
) -> None:
    """Update the similar-task lists for plans loaded with --no-analysis (or removed since)."""
    with _open(store, wait=wait) as graph:
        report = graph.analyze(full=full)
    if report.changed:
        _report_analysis(report)
    else:
        typer.echo("similar tasks: up to date")


@app.command()
def search(
    text: List[str] = typer.Argument(..., help="Words or phrases; a phrase is split into words as task texts are."),
    fmt: str = FormatOption,
    limit: Optional[int] = LimitOption,
    store: str = StoreOption,
    wait: float = WaitOption,
) -> None:
    """Tasks whose text has every word of TEXT (whole words: 监管 does not find 市场监管局)."""
    _check_format(fmt)
    from plankg.queries import output as render_output

    with _open(store, wait=wait) as graph:
        result = graph.search(text)
    if limit is not None:
        result.rows = result.rows[:limit]
    render_output.render(result, fmt, sys.stdout)


@app.command("inspect")
def inspect_command(
    path: Path = typer.Argument(..., help="One document to parse."),
    layout: Optional[str] = LayoutOption,
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Show the detected format and layout and the records a document gives, storing nothing."""
    if fmt not in ("text", "json"):
        raise InputError(f"--format {fmt!r}: choose text or json")
    from plankg.api import inspect

    typer.echo(inspect(path, layout=layout, as_json=fmt == "json"))


def _report_corrections(report, workbook: Path) -> None:
    if report.already:
        typer.echo(f"{workbook}: its changes to {report.key} are recorded already")
    elif not report.recorded:
        typer.echo(f"{workbook}: no changes to {report.key}")
    else:
        typer.echo(f"corrected {report.key}: {len(report.recorded)} corrections recorded from {workbook}")
        for c in report.recorded:
            typer.echo(f"  {c.what}" + (f": {c.before_text} -> {c.after_text}" if c.action == "change" else
                                        f": {c.before_text or c.after_text}"))
    if report.stale:
        typer.echo(f"  {len(report.stale)} corrections of {report.key} are stale (plankg review {report.key} --stale)")


@app.command()
def review(
    key: str = typer.Argument(..., help="Key of the plan to review."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="XLSX", help="Write the review workbook here."),
    changes: bool = typer.Option(False, "--changes", help="List the plan's corrections instead (applied and stale)."),
    stale: bool = typer.Option(False, "--stale", help="List the plan's stale corrections instead."),
    fmt: str = typer.Option("table", "--format", "-f", help="With --changes or --stale: table, csv, tsv, json or jsonl."),
    store: str = StoreOption,
    wait: float = WaitOption,
) -> None:
    """Write one plan as an editable workbook (tasks, assignments, targets), or list its corrections.

    Edit the workbook (change a cell, write delete in action, or add a row with action add),
    then record the changes with `plankg correct KEY FILE`."""
    if (output is not None) + changes + stale != 1:
        raise InputError("review: give one of --output FILE.xlsx, --changes or --stale")
    _check_format(fmt)
    with _open(store, wait=wait) as graph:
        if output is not None:
            written = graph.review(key, output)
            typer.echo(f"wrote {written}: plan {key} (edit it, then: plankg correct {key} {written})")
            return
        result = graph.corrections(key, stale=stale)
    _print_result(result, fmt=fmt, output=None, limit=None, fail_empty=False, what="review")


@app.command()
def correct(
    key: str = typer.Argument(..., help="Key of the plan the workbook is of."),
    workbook: Path = typer.Argument(..., metavar="XLSX", help="A review workbook (plankg review) with a person's changes."),
    by: Optional[str] = typer.Option(None, "--by", metavar="NAME", help="Who made the changes (default: the user's login name)."),
    no_analysis: bool = typer.Option(False, "--no-analysis", help="Skip updating the similar-task lists."),
    store: str = StoreOption,
    wait: float = WaitOption,
) -> None:
    """Record a person's changes to a plan from its review workbook, whole file or nothing.

    The corrections are kept apart from the document, with who, when and which file, and are
    replayed each time the document is loaded again; queries see the corrected plan."""
    with _open(store, wait=wait) as graph:
        _report_corrections(graph.correct(key, workbook, by=by, analysis=not no_analysis), workbook)


@app.command()
def remove(
    key: str = typer.Argument(..., help="Key of the plan to delete (its file name without extension)."),
    store: str = StoreOption,
    wait: float = WaitOption,
) -> None:
    """Delete a plan, its load record and its corrections from the store."""
    with _open(store, wait=wait) as graph:
        removed = graph.remove(key)
    if not removed:
        raise InputError(f"no plan {key!r} in {store}")
    typer.echo(f"removed {key}: {removed} quads")


TimeoutOption = typer.Option(None, "--timeout", min=0.001, help="Stop the query after this many seconds (exit 5).")
AllowServiceOption = typer.Option(
    False, "--allow-service", help="Allow SERVICE and LOAD, which make plankg fetch from the network."
)
EndpointOption = typer.Option(
    None, "--endpoint", metavar="QUERY_URL",
    help="Run on this remote SPARQL endpoint instead of the store (credentials from env "
         "PLANKG_ENDPOINT_USER/PLANKG_ENDPOINT_PASSWORD or ~/.netrc; --timeout defaults to 60 s).",
)


def _remote(endpoint: str, timeout: Optional[float]):
    """The checked endpoint and the time limit a remote query gets."""
    from plankg import remote

    return remote.endpoint(endpoint), (timeout if timeout is not None else remote.DEFAULT_TIMEOUT)


def _print_result(result, *, fmt: str, output: Optional[Path], limit: Optional[int], fail_empty: bool, what: str) -> None:
    """Apply --limit and --fail-empty, then render in the asked format."""
    from plankg.errors import EmptyResult
    from plankg.queries import output as render_output

    if limit is not None:
        result.rows = result.rows[:limit]
    if fail_empty and not result.rows:
        raise EmptyResult(f"{what} found nothing")
    with _output(output) as stream:
        render_output.render(result, fmt, stream)


def _bounded(timeout: Optional[float], what: str, output: Optional[Path]) -> None:
    """With --timeout, run this command in a killable child and exit with its code."""
    if timeout is None:
        return
    from plankg.cli.bounded import in_child, rerun_bounded

    if not in_child():
        raise typer.Exit(rerun_bounded(timeout, what, output))


@dataclass(frozen=True)
class ResultOptions:
    """The options of every command that runs a query and prints its rows (``query``, ``sparql``)."""

    fmt: str
    output: Optional[Path]
    limit: Optional[int]
    fail_empty: bool
    timeout: Optional[float]
    allow_service: bool
    endpoint: Optional[str]
    store: str
    wait: float

    def print(self, result, what: str) -> None:
        _print_result(result, fmt=self.fmt, output=self.output, limit=self.limit, fail_empty=self.fail_empty, what=what)


RESULT_OPTIONS = (
    ("fmt", str, FormatOption), ("output", Optional[Path], OutputOption), ("limit", Optional[int], LimitOption),
    ("fail_empty", bool, FailEmptyOption), ("timeout", Optional[float], TimeoutOption),
    ("allow_service", bool, AllowServiceOption), ("endpoint", Optional[str], EndpointOption),
    ("store", str, StoreOption), ("wait", float, WaitOption),
)


def result_options(command):
    """Give ``command`` the options of ``RESULT_OPTIONS`` after its own, handed to it as one
    ``opts: ResultOptions``: the options are declared once for every command that prints rows."""
    import functools
    import inspect

    signature = inspect.signature(command, eval_str=True)
    own = [p for p in signature.parameters.values() if p.name != "opts"]
    extra = [inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=d, annotation=t) for n, t, d in RESULT_OPTIONS]

    @functools.wraps(command)
    def with_options(**given):
        opts = ResultOptions(**{n: given.pop(n) for n, _, _ in RESULT_OPTIONS})
        _check_format(opts.fmt)
        return command(**given, opts=opts)

    with_options.__signature__ = signature.replace(parameters=own + extra)
    with_options.__annotations__ = {**{p.name: p.annotation for p in own}, **{n: t for n, t, _ in RESULT_OPTIONS}}
    return with_options


@app.command()
@result_options
def query(
    name: str = typer.Argument(..., help="Saved query name (see `plankg queries`)."),
    param: List[str] = typer.Option([], "--param", "-p", help="Parameter as NAME=VALUE; repeat for lists."),
    opts: ResultOptions = None,
) -> None:
    """Run a saved query and print its rows."""
    from plankg import queries

    saved = queries.get(name)
    bound = queries.parse_params(saved, list(param))
    if opts.endpoint is not None:
        if queries.CATALOGUE_TAG in saved.tags:
            raise InputError(f"query {name} reads plankg's own query catalogue: run it without --endpoint")
        from plankg import remote

        where, limit_s = _remote(opts.endpoint, opts.timeout)
        opts.print(remote.run_query(where, saved, bound, limit_s), f"query {name}")
        return
    _bounded(opts.timeout, f"query {name}", opts.output)
    if queries.CATALOGUE_TAG in saved.tags:  # answered from the catalogue: no store needed
        result = queries.run(None, saved, bound)
    else:
        with _open(opts.store, wait=opts.wait) as graph:
            result = graph.run(name, list(param), allow_service=opts.allow_service)
    opts.print(result, f"query {name}")


@app.command()
@result_options
def sparql(
    text: Optional[str] = typer.Argument(None, help="SPARQL query text ('-' reads standard input)."),
    file: Optional[Path] = typer.Option(None, "--file", "-F", help="Read the SPARQL from this .rq file."),
    update: bool = typer.Option(False, "--update", help="Allow SPARQL Update (the store is read-only otherwise)."),
    opts: ResultOptions = None,
) -> None:
    """Run ad-hoc SPARQL against the store (read-only unless --update)."""
    if (text is None) == (file is None):
        raise InputError("give the SPARQL either as an argument or with --file, not both or neither")
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{file}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    elif text == "-":
        text = sys.stdin.read()
    if opts.endpoint is not None:
        if update:
            raise InputError("--update does not go with --endpoint (publish graphs with `plankg push`)")
        from plankg import remote

        where, limit_s = _remote(opts.endpoint, opts.timeout)
        opts.print(remote.run_sparql(where, remote.with_prefixes(text), limit_s), "query")
        return
    _bounded(opts.timeout, "query", opts.output)
    with _open(opts.store, wait=opts.wait) as graph:
        result = graph.sparql(text, update=update, allow_service=opts.allow_service)
    if update:
        typer.echo("update applied")
        return
    opts.print(result, "query")


queries_app = typer.Typer(
    help="List the saved queries, or show one (`plankg queries show NAME`).",
    invoke_without_command=True, rich_markup_mode=None, no_args_is_help=False,
)
app.add_typer(queries_app, name="queries")


@queries_app.callback()
def list_queries(
    ctx: typer.Context,
    fmt: str = typer.Option("table", "--format", "-f", help="table, json, or ttl (the catalogue as RDF)."),
) -> None:
    """List the saved queries with their summaries and parameters."""
    if ctx.invoked_subcommand is not None:
        return
    print_catalogue(fmt)


def print_catalogue(fmt: str) -> None:
    """The body of `plankg queries` (also reached by `run()`'s fast path, without Typer)."""
    import json

    from plankg import queries

    if fmt not in ("table", "json", "ttl"):
        raise InputError(f"--format {fmt!r}: choose table, json or ttl")
    catalogue = queries.catalogue()
    if fmt == "json":
        typer.echo(json.dumps([queries.describe(q) for q in catalogue.values()], ensure_ascii=False, indent=2))
        return
    if fmt == "ttl":
        from plankg.queries.catalogue_rdf import catalogue_turtle

        sys.stdout.buffer.write(catalogue_turtle())
        return
    width = max(len(n) for n in catalogue)
    for name, q in catalogue.items():
        params = " ".join(
            f"{p.name}{'' if p.required else '?'}{'*' if p.multiple else ''}:{p.type}" for p in q.params
        )
        typer.echo(f"{name.ljust(width)}  {q.summary}" + (f"  [{params}]" if params else ""))


@queries_app.command("show")
def show_query(name: str = typer.Argument(..., help="Saved query name.")) -> None:
    """Print a saved query's description, parameters and SPARQL."""
    from plankg import queries

    q = queries.get(name)
    typer.echo(f"{q.name}: {q.summary}")
    if q.description:
        typer.echo("")
        typer.echo(q.description.strip())
    if q.tags:
        typer.echo(f"\ntags: {', '.join(q.tags)}")
    if q.params:
        typer.echo("\nparameters:")
        for p in q.params:
            flags = ", ".join(
                x for x in ("required" if p.required else "optional", "repeatable" if p.multiple else "",
                            f"default {p.default}" if p.default is not None else "",
                            f"one of {'/'.join(p.enum)}" if p.enum else "") if x
            )
            typer.echo(f"  {p.name} ({p.type}; {flags})" + (f": {p.description}" if p.description else ""))
    typer.echo("\n" + q.sparql.strip())


@app.command()
def validate(store: str = StoreOption, wait: float = WaitOption) -> None:
    """Check the plan graphs against the shipped SHACL shapes (exit 1 on violations)."""
    with _open(store, wait=wait) as graph:
        report = graph.validate()
    if report.conforms:
        typer.echo("conforms")
        return
    typer.echo(report.text())
    raise typer.Exit(1)


@app.command()
def export(
    fmt: str = typer.Option(
        "nq", "--format", "-f",
        help="nq, trig or jsonld (graphs kept; jsonld with ontology/context.jsonld), ttl or nt (their union), "
             "csv (a saved query's rows, see --what), or graphml, gexf or dot (with --what network).",
    ),
    what: Optional[str] = typer.Option(
        None, "--what", metavar="QUERY",
        help="With --format csv: the saved query to export (default agencies). `network`: the agency "
             "co-assignment network (a node per agency resource, edges weighted by shared tasks) as graphml, gexf or dot.",
    ),
    plan: Optional[str] = typer.Option(None, "--plan", help="Export only this plan's graph (its key)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    as_extracted: bool = typer.Option(
        False, "--as-extracted", help="Leave people's corrections out: the plans as extracted from their documents."
    ),
    store: str = StoreOption,
    wait: float = WaitOption,
) -> None:
    """Export the plan graphs as RDF (corrections folded in), the agencies (a saved query) as CSV for open data, or the agency network for Gephi."""
    with _open(store, wait=wait) as graph:
        if output is None:
            graph.export(fmt, sys.stdout.buffer, plan, what, as_extracted=as_extracted)
            return
        tmp = output.with_name(f".{output.name}.partial")
        try:
            with open(tmp, "wb") as stream:
                graph.export(fmt, stream, plan, what, as_extracted=as_extracted)
            tmp.replace(output)
        except OSError as exc:
            raise InputError(f"{output}: cannot write ({exc.strerror})") from None
        finally:
            tmp.unlink(missing_ok=True)


@app.command()
def report(
    output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write (self-contained: opens offline)."),
    plan: List[str] = typer.Option([], "--plan", help="Report on this plan (its key); repeat for several. Default: every plan."),
    store: str = StoreOption,
    wait: float = WaitOption,
) -> None:
    """Write one self-contained HTML report: a summary per plan, charts (workload, targets, topics) and the agencies that share most tasks."""
    from plankg.report import write_report

    with _open(store, wait=wait) as graph:
        path = write_report(graph, plan, output)
    typer.echo(f"wrote {path}")


@app.command()
def stats(store: str = StoreOption, wait: float = WaitOption) -> None:
    """Count plans, sections, tasks, assignments, targets, agency names and quads."""
    with _open(store, wait=wait) as graph:
        counts = graph.stats()
    width = max(len(k) for k in counts)
    for k, n in counts.items():
        typer.echo(f"{k.ljust(width)}  {n}")


@app.command()
def backup(
    target: Path = typer.Argument(..., help="New directory to write the copy into (must not exist)."),
    store: str = StoreOption,
    wait: float = WaitOption,
) -> None:
    """Write a consistent copy of the store into a new directory (a store itself)."""
    with _open(store, wait=wait) as graph:
        graph.backup(target)
    typer.echo(f"backed up {store} to {target}")


@app.command()
def push(
    url: str = typer.Argument(..., metavar="GRAPH_STORE_URL", help="The server's Graph Store Protocol URL (Oxigraph: http://HOST:PORT/store)."),
    plan: List[str] = typer.Option([], "--plan", help="Push only this plan (its key); repeat for several. Default: every plan."),
    reference: bool = typer.Option(False, "--reference", help="Push the reference graph too (if the store has one)."),
    query_endpoint: Optional[str] = typer.Option(
        None, "--query-endpoint", metavar="QUERY_URL", help="The server's query URL for the check (derived for Oxigraph, Fuseki, Virtuoso, RDF4J)."),
    timeout: float = typer.Option(60.0, "--timeout", min=0.001, help="Seconds each request may take (exit 5)."),
    store: str = StoreOption,
    wait: float = WaitOption,
) -> None:
    """Publish plan graphs to a SPARQL server: one PUT per named graph (Graph Store HTTP Protocol).

    Sends every plan graph (or those of --plan), with every plan also the analysis graph, and
    with --reference the reference graph; never the loads graph. Each PUT replaces that graph on
    the server and blank nodes go as fixed skolem IRIs (…/.well-known/genid/…), so pushing again
    leaves the server unchanged; each graph's triples are then counted through the query
    endpoint. Credentials come from env
    PLANKG_ENDPOINT_USER/PLANKG_ENDPOINT_PASSWORD or ~/.netrc (Basic or Digest), never the URL."""
    from plankg import remote

    target = remote.endpoint(url, "GRAPH_STORE_URL")
    derived = query_endpoint or remote.query_endpoint_for(url)
    if derived is None:
        raise InputError(f"{target.display}: cannot tell the server's query URL for the check; give --query-endpoint")
    checker = remote.endpoint(derived, "--query-endpoint")
    graphs, notes = remote.payloads(store, plan, reference, wait)
    for note in notes:
        typer.echo(note)
    if not graphs:
        return

    def report(pushed) -> None:
        state = "checked" if pushed.ok else f"MISMATCH: the server holds {pushed.on_server}"
        typer.echo(f"pushed <{pushed.graph}>: {pushed.sent} triples ({state})")

    done = remote.push(target, checker, graphs, timeout, on_pushed=report)
    bad = [p for p in done if not p.ok]
    if bad:
        from plankg.errors import EndpointError

        raise EndpointError(
            f"{checker.display}: {len(bad)} of {len(done)} graphs do not hold what was sent (first: <{bad[0].graph}>, "
            f"{bad[0].on_server} triples on the server, {bad[0].sent} sent)"
        )
    typer.echo(f"pushed {len(done)} graphs, {sum(p.sent for p in done)} triples to {target.display}")


@app.command()
def serve(
    port: int = typer.Option(7878, "--port", min=1, max=65535, help="Port to listen on."),
    bind: str = typer.Option("127.0.0.1", "--bind", help="Address to listen on (0.0.0.0: every interface; anyone who reaches it can read the graph)."),
    timeout: int = typer.Option(30, "--timeout", min=1, help="Seconds a query may run on the server (then 503)."),
    workers: int = typer.Option(2, "--workers", min=1, max=64, help="Query worker processes (each killable at --timeout)."),
    allow_service: bool = typer.Option(False, "--allow-service", help="Let SPARQL and federated saved queries make SERVICE calls to other endpoints."),
    cors: Optional[str] = typer.Option(None, "--cors", metavar="ORIGIN", help="Send CORS headers allowing this origin (none by default)."),
    store: str = StoreOption,
    wait: float = WaitOption,
) -> None:
    """Serve a snapshot of the store read-only over HTTP: saved queries as pages and a JSON/CSV
    API, a SPARQL endpoint with YASGUI, and a page for every IRI (docs/web.md).

    The live store stays writable (`plankg load` works meanwhile); the snapshot shows the store
    as it was at start. Ctrl-C or SIGTERM stops the server and deletes the snapshot."""
    from plankg import serve as serving

    def banner(served) -> None:
        typer.echo(f"serving a read-only snapshot of {served.store} (snapshot {served.snapshot})")
        typer.echo(f"  saved queries:    {served.web}")
        typer.echo(f"  SPARQL endpoint:  {served.query_url}  (queries stop after {served.timeout:g} s)")
        typer.echo(f"  JSON/CSV API:     {served.base}/openapi.json")
        typer.echo(f"  linked data:      {served.base}/id/plan/KEY, /id/agency/…")
        if bind not in ("127.0.0.1", "::1", "localhost"):
            typer.echo(f"  listening on {bind}: anyone who can reach this address can read the graph")
        typer.echo("Ctrl-C stops the server.")

    code = serving.serve(store, port, bind, timeout, wait, on_ready=banner, workers=workers,
                         allow_service=allow_service, cors=cors)
    typer.echo("stopped; snapshot removed")
    raise typer.Exit(code)


def run() -> None:
    """Console-script entry point: usage errors too end as one line ``Error: …`` (exit 2)."""
    try:  # typer >= 0.22 carries its own copy of click
        from typer._click import exceptions as click_errors
    except ImportError:  # pragma: no cover - older typer on click
        from click import exceptions as click_errors

    _whole_writes()
    argv = sys.argv[1:]
    if argv == ["queries"] or (len(argv) == 3 and argv[0] == "queries" and argv[1] in ("--format", "-f")):
        # Tools list the catalogue at every start; Typer's per-parameter validation (it imports
        # pydantic) costs more than the listing, so the plain forms skip it (bench/run.py: start-up)
        try:
            print_catalogue(argv[2] if len(argv) == 3 else "table")
        except typer.Exit as done:
            sys.exit(done.exit_code)
        except BrokenPipeError:
            _reader_left()
        sys.exit(0)
    try:
        code = app(standalone_mode=False)
        sys.stdout.flush()  # a reader that left shows here, not in the interpreter's last flush
    except PlankgError as error:  # the one place plankg's own errors become `Error: …` and a code
        typer.echo(f"Error: {error.message}", err=True)
        sys.exit(error.exit_code)
    except BrokenPipeError:
        _reader_left()
    except click_errors.NoArgsIsHelpError as error:
        error.show()  # plain `plankg`: the help, as before
        sys.exit(error.exit_code)
    except click_errors.UsageError as error:
        where = f"{error.ctx.command_path}: " if error.ctx is not None else ""
        hint = f" (see `{error.ctx.command_path} --help`)" if error.ctx is not None else ""
        message = " ".join(error.format_message().split())
        typer.echo(f"Error: {where}{message}{hint}", err=True)
        sys.exit(error.exit_code)
    except click_errors.ClickException as error:
        typer.echo(f"Error: {' '.join(error.format_message().split())}", err=True)
        sys.exit(error.exit_code)
    except typer.Abort:
        typer.echo("Error: aborted", err=True)
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


def _whole_writes() -> None:
    """Make each write to stdout all or an error, so that a reader that left is always noticed.

    Under ``PYTHONUNBUFFERED`` (``python -u``, common in containers) ``sys.stdout`` writes straight
    to the file descriptor, and CPython's text layer drops whatever part of a write the pipe did not
    take: ``plankg query assignments | head -1`` would lose the rest without a word and exit 0. A
    ``BufferedWriter`` writes everything or raises ``BrokenPipeError``; flushing at each newline
    keeps the output as prompt as unbuffered (the progress lines of ``load``)."""
    import io

    stream = sys.stdout
    if stream is None or not isinstance(getattr(stream, "buffer", None), io.RawIOBase):
        return  # buffered already (the default), or not a file (a test harness's stream)
    stream.flush()
    raw = io.FileIO(stream.fileno(), "w", closefd=False)  # its own object: closing it leaves fd 1 alone
    sys.stdout = io.TextIOWrapper(io.BufferedWriter(raw), encoding=stream.encoding, errors=stream.errors,
                                  line_buffering=True)


def _reader_left() -> None:
    """Output cut by a closed pipe (``plankg query assignments | head -1``) ends quietly with status
    1, as click does for a pipe closed inside a command and as Python's notes on SIGPIPE advise
    (docs/commands.md, "Exit codes"); stdout goes to devnull so the interpreter's last flush cannot
    fail. Output the pipe took whole before the reader left was not cut (status 0); a reader that
    left is noticed at the next write, so ``plankg stats | head -2`` may end either way."""
    import os

    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(1)


if __name__ == "__main__":
    run()
