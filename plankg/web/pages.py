"""The HTML pages of saved queries: the catalogue at ``/`` and ``/queries/NAME`` (a form for the
parameters, the rows as a table, links to the same rows as CSV and JSON, the SPARQL), and the
Jinja2 environment every page is rendered with.

Autoescape is on for every template, so a task text or an agency name holding ``<script>`` shows
as text; only chart SVG made by plankg itself is marked safe (``plan.html``, ``agency.html``).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from plankg.errors import InputError

from . import querystring
from .pool import NotFound

HTML_PAGE_SIZE = 1_000  # rows a query page shows at once (the API's default page)


@lru_cache(maxsize=1)
def environment() -> Any:
    """The templates shipped with the package, autoescaped whatever their file name."""
    from pathlib import Path

    import jinja2

    templates = Path(__file__).resolve().parent / "templates"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    from plankg.version import __version__

    env.globals["version"] = __version__
    return env


def render(request: Any, template: str, context: dict, status: int = 200) -> Any:
    """A template as an HTML answer."""
    from starlette.responses import HTMLResponse

    html = environment().get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status)


def runnable(query: Any, settings: Any) -> bool:
    """A federated query runs only when the server was started with ``--allow-service``."""
    from plankg import queries

    return settings.allow_service or not queries.is_federated(query)


async def catalogue(request: Any) -> Any:
    """``/``: every saved query with its summary, tags and parameters."""
    from plankg import queries

    settings = request.app.state.settings
    items = [{"query": q, "runnable": runnable(q, settings), "federated": queries.is_federated(q)}
             for q in queries.catalogue().values()]
    return render(request, "catalogue.html", {"items": items, "store": str(settings.store)})


def _saved(name: str) -> Any:
    from plankg import queries

    try:
        return queries.get(name)
    except InputError:
        raise NotFound(f"no saved query {name!r}; the catalogue at / lists them") from None


async def saved_query(request: Any) -> Any:
    """``/queries/NAME``: the form, and the rows once the form is sent (or at once when the query
    needs no parameter)."""
    from plankg import queries

    settings = request.app.state.settings
    query = _saved(request.path_params["name"])
    items = list(request.query_params.multi_items())
    pairs = querystring.param_pairs(items, drop_empty=True)
    sent = "_run" in request.query_params or bool(pairs)
    given: dict[str, list[str]] = {}
    for pair in pairs:
        k, _, v = pair.partition("=")
        given.setdefault(k, []).append(v)
    context: dict[str, Any] = {
        "query": query, "given": given, "runnable": runnable(query, settings),
        "federated": queries.is_federated(query), "error": None, "result": None,
        "sparql": query.sparql,
    }
    needs = [p.name for p in query.params if p.required]
    if context["runnable"] and (sent or not needs):
        try:
            page = querystring.page_of(request.query_params.get("_size"), request.query_params.get("_offset"),
                                       default=HTML_PAGE_SIZE)
            bound = querystring.checked_params(query.name, pairs)
        except InputError as error:
            context["error"] = f"Error: {error.message}"
            return render(request, "query.html", context, status=400)
        context["sparql"] = queries.bind_as_values(query, bound)
        result = await settings.pool.call("saved", name=query.name, pairs=pairs, offset=page.offset,
                                          size=page.size, fmt="records")
        qs = querystring.query_string(pairs)
        context.update(
            result=result, page=page, csv=f"/api/{query.name}.csv?{qs}", json=f"/api/{query.name}.json?{qs}",
            next=f"?{querystring.query_string(pairs, run=1, offset=page.offset + page.size, size=page.size)}"
            if result["more"] else None,
        )
    return render(request, "query.html", context)
