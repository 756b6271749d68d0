"""What a query worker runs (``plankg.web.worker``): each job takes the worker's read-only
``plankg.api.PlanGraph`` and gives plain values (bytes of an answer, or a dict for a template).

Every job reads the store through the Python API alone (saved queries, ``sparql``, ``describe``)
and caps what it reads: a page of saved-query rows, ``cap`` rows of SPARQL, ``cap`` statements
of an IRI. A job returns None for "nothing there" (the request answers 404).
"""
from __future__ import annotations

import io
import json
from typing import Any

from plankg.errors import InputError

from . import formats, views

PAGE_CAP = 2_000  # rows a plan or agency page reads from each query (a page, not an export)


def page_charts(graph: Any, plans: list[str] | None = None, agency: str | None = None) -> list:
    """The charts a plan or agency page shows: objects with ``title`` and ``svg`` (inline SVG made
    by ``plankg.charts``, the same as ``plankg report`` draws)."""
    from plankg.report import charts_for

    return charts_for(graph, plans=plans, agency=agency)


def _records(result: Any) -> list[dict]:
    from plankg.queries.output import as_records

    return as_records(result)


def saved(graph: Any, *, name: str, pairs: list[str], offset: int, size: int, fmt: str,
          next_url: str | None = None, allow_service: bool = False) -> Any:
    """A page of a saved query's rows: ``offset``, at most ``size``; whether more exist is read
    from one row past the page. ``fmt`` json or csv gives the body bytes, ``records`` a dict for
    the HTML page."""
    result = graph.run(name, pairs, allow_service=allow_service, limit=offset + size + 1)
    more = len(result.rows) > offset + size
    result.rows = result.rows[offset:offset + size]
    if fmt == "csv":
        from plankg.queries.output import render

        stream = io.StringIO()
        render(result, "csv", stream)
        return {"body": stream.getvalue().encode("utf-8"), "more": more}
    records = _records(result)
    if fmt == "json":
        body = {"query": name, "columns": list(result.columns), "offset": offset, "size": size,
                "count": len(records), "more": more, "next": next_url if more else None, "rows": records}
        return {"body": json.dumps(body, ensure_ascii=False).encode("utf-8"), "more": more}
    return {"columns": list(result.columns), "rows": [[views.cell(r[c]) for c in result.columns] for r in records],
            "more": more}


def sparql(graph: Any, *, text: str, accept: str | None, cap: int, allow_service: bool = False) -> dict:
    """A SPARQL query's answer in the negotiated format; more than ``cap`` rows is refused (a
    client would otherwise take a cut answer for a whole one)."""
    result = graph.sparql(text, allow_service=allow_service, limit=cap + 1)
    if len(result.rows) > cap:
        raise InputError(f"the answer has more than {cap} rows (the server's row cap); add LIMIT and OFFSET")
    if result.kind == "graph":
        from pyoxigraph import Triple

        media = formats.negotiate(accept, list(formats.GRAPH_TYPES)) or "text/turtle"
        return {"media": media, "body": formats.graph([Triple(*row) for row in result.rows], media)}
    media = formats.negotiate(accept, list(formats.RESULT_TYPES)) or formats.RESULTS_JSON
    return {"media": media, "body": formats.results(result, media)}


def describe(graph: Any, *, iri: str, media: str, cap: int, allow_service: bool = False) -> dict | None:
    """What the store says about ``iri`` as RDF in ``media``; None when it holds no such IRI."""
    found = graph.describe(iri, limit=cap)
    if not found:
        return None
    return {"media": media, "body": formats.graph(found.about, media)}


def resource_page(graph: Any, *, iri: str, cap: int, allow_service: bool = False) -> dict | None:
    """The page of a task, target, section, division or any other IRI the store holds."""
    found = graph.describe(iri, limit=cap + 1)
    return views.resource_view(found, cap) if found else None


def plan_page(graph: Any, *, key: str, allow_service: bool = False) -> dict | None:
    """The page of the plan with ``key``: plan-summary, plan-tasks and targets (saved queries)."""
    summary = _records(graph.run("plan-summary", [f"plan={key}"]))
    summary = [s for s in summary if s["key"] == key]
    if not summary:
        return None
    rows = _records(graph.run("plan-tasks", [f"plan={key}"], limit=PAGE_CAP))
    targets = _records(graph.run("targets", [f"key={key}"], limit=PAGE_CAP))
    view = views.plan_view(summary[0], rows, targets)
    view["cut"] = len(rows) >= PAGE_CAP or len(targets) >= PAGE_CAP
    view["charts"] = page_charts(graph, plans=[key])
    return view


def agency_page(graph: Any, *, iri: str, allow_service: bool = False) -> dict | None:
    """The page of an agency resource: agencies (its row), agency-resource-tasks and agency-resource-partners."""
    profile = _records(graph.run("agencies", [f"agency={iri}"]))
    if not profile:
        return None
    roles = _records(graph.run("agency-resource-tasks", [f"resource={iri}"], limit=PAGE_CAP))
    partners = _records(graph.run("agency-resource-partners", [f"resource={iri}"], limit=PAGE_CAP))
    view = views.agency_view(profile[0], roles, partners)
    view["cut"] = len(roles) >= PAGE_CAP or len(partners) >= PAGE_CAP
    view["charts"] = page_charts(graph, agency=iri)
    return view


def warm(graph: Any) -> None:
    """Run a saved query once and load what answers use, before the worker says it is ready: the
    first request a worker gets is then as quick as the rest."""
    saved(graph, name="plans", pairs=[], offset=0, size=1, fmt="json")
    formats.results(graph.sparql("ASK {}"), formats.RESULTS_JSON)


def ping(graph: Any, *, allow_service: bool = False) -> str:
    """A no-op job: the pool answers, for tests and the bench."""
    return "pong"


JOBS = {
    "saved": saved, "sparql": sparql, "describe": describe, "resource_page": resource_page,
    "plan_page": plan_page, "agency_page": agency_page, "ping": ping,
}
