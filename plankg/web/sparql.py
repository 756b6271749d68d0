"""``/sparql``: a read-only SPARQL 1.1 Protocol endpoint, and YASGUI for a browser.

Queries come as GET ``?query=``, as a form POST (``application/x-www-form-urlencoded``) or as a
direct POST (``application/sparql-query``); the answer's format follows ``Accept`` (``formats``).
Updates are refused in every form (there is no update route either), so are the dataset
parameters (``default-graph-uri``: plans live in named graphs, see docs/design.md), and so is
SERVICE unless ``serve --allow-service``. SPARQLWrapper and ``plankg query --endpoint`` use it
unchanged. A browser's GET without a query gets the vendored YASGUI (``static/vendor/yasgui``)
with the saved queries that need no parameter as example tabs.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from plankg.errors import InputError

MAX_QUERY_BYTES = 256 * 1024  # a query text larger than this is refused
_FORM = "application/x-www-form-urlencoded"
_DIRECT = "application/sparql-query"


def _refuse_extras(fields: list[tuple[str, str]]) -> str | None:
    """The query text of the protocol's fields, refusing updates and dataset parameters."""
    names = {k for k, _ in fields}
    if "update" in names:
        raise InputError("SPARQL Update is refused: this server only reads (it serves a snapshot)")
    for name in ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri"):
        if name in names:
            raise InputError(f"{name} is not supported: the plans are named graphs; name them with GRAPH in the query")
    texts = [v for k, v in fields if k == "query"]
    if len(texts) > 1:
        raise InputError("give one query parameter, not several")
    return texts[0] if texts else None


async def _query_text(request: Any) -> str | None:
    """The query of a GET or POST request (None: a GET without one)."""
    if request.method in ("GET", "HEAD"):
        return _refuse_extras(list(request.query_params.multi_items()))
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if len(body) > MAX_QUERY_BYTES:
        raise InputError(f"the request body has more than {MAX_QUERY_BYTES} bytes")
    if media == "application/sparql-update":
        raise InputError("SPARQL Update is refused: this server only reads (it serves a snapshot)")
    if media == _FORM:
        fields = parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True)
        return _refuse_extras(fields + list(request.query_params.multi_items()))
    if media == _DIRECT:
        _refuse_extras(list(request.query_params.multi_items()))
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("the query is not UTF-8 text") from None
    raise InputError(f"POST a query as {_FORM} (query=…) or {_DIRECT}, not {media or 'no content type'}")


async def endpoint(request: Any) -> Any:
    """Answer one protocol request (or show YASGUI)."""
    from starlette.responses import Response

    from .formats import with_charset

    settings = request.app.state.settings
    text = await _query_text(request)
    if text is None:
        if "text/html" in request.headers.get("accept", ""):
            return yasgui(request)
        raise InputError("give a SPARQL query: /sparql?query=… (or POST it)")
    if len(text.encode("utf-8", errors="replace")) > MAX_QUERY_BYTES:
        raise InputError(f"the query has more than {MAX_QUERY_BYTES} bytes")
    answer = await settings.pool.call("sparql", text=text, accept=request.headers.get("accept"),
                                      cap=settings.sparql_cap)
    return Response(answer["body"], media_type=with_charset(answer["media"]), headers={"Vary": "Accept"})


def examples(settings: Any) -> list[dict]:
    """The saved queries YASGUI opens as tabs: those that need no parameter value (defaults bound
    as ``VALUES``, as ``plankg query`` binds them), federated ones only with --allow-service."""
    from plankg import queries

    out = []
    for name, query in queries.catalogue().items():
        if queries.CATALOGUE_TAG in query.tags or any(p.required for p in query.params):
            continue
        if queries.is_federated(query) and not settings.allow_service:
            continue
        text = queries.bind_as_values(query, queries.parse_params(query, []))
        out.append({"name": name, "summary": query.summary, "query": f"#+ summary: {query.summary}\n{text.strip()}\n"})
    out.sort(key=lambda e: e["name"] != "plans")  # the list of plans first: where a newcomer starts
    return out


def yasgui(request: Any) -> Any:
    """The YASGUI page, its examples in a JSON data block (not a script: the CSP allows none inline)."""
    from .pages import render

    return render(request, "yasgui.html", {"examples": examples(request.app.state.settings)})
