"""``/api/NAME.json`` and ``/api/NAME.csv``: a saved query's rows, a page at a time, and
``/openapi.json`` describing them.

Parameters come from the query string and are bound exactly as ``plankg query --param`` binds
them (``querystring``); a bad one answers 400 with the CLI's ``Error: parameter …`` line. At most
1,000 rows by default, ``_size`` up to 10,000, ``_offset`` for the next page; the JSON says
whether more rows exist and gives the next page's URL, the CSV says so in its ``Link`` header.
"""
from __future__ import annotations

from typing import Any

from plankg.errors import InputError

from . import querystring
from .pool import NotFound

_TYPES = {"json": "application/json", "csv": "text/csv; charset=utf-8"}


async def rows(request: Any) -> Any:
    """One page of a saved query's rows as JSON or CSV."""
    from starlette.responses import Response

    from plankg import queries

    settings = request.app.state.settings
    name, dot, ext = request.path_params["file"].rpartition(".")
    if not dot or ext not in _TYPES:
        raise NotFound(f"nothing at {request.url.path}: ask for /api/NAME.json or /api/NAME.csv")
    try:
        query = queries.get(name)
    except InputError:
        raise NotFound(f"no saved query {name!r}; /openapi.json lists them") from None
    if not settings.allow_service and queries.is_federated(query):
        raise InputError(f"query {name} is federated: it sends a SERVICE request; this server was started "
                         "without --allow-service")
    pairs = querystring.param_pairs(request.query_params.multi_items())
    querystring.checked_params(name, pairs)  # the CLI's checks and messages, before a worker is asked
    page = querystring.page_of(request.query_params.get("_size"), request.query_params.get("_offset"))
    following = f"{request.url.path}?{querystring.query_string(pairs, offset=page.offset + page.size, size=page.size)}"
    answer = await settings.pool.call("saved", name=name, pairs=pairs, offset=page.offset, size=page.size, fmt=ext,
                                      next_url=following)
    headers = {"X-Plankg-More-Rows": "true" if answer["more"] else "false"}
    if answer["more"]:
        headers["Link"] = f'<{following}>; rel="next"'
    return Response(answer["body"], media_type=_TYPES[ext], headers=headers)


async def openapi(request: Any) -> Any:
    """``/openapi.json``: OpenAPI 3 from the catalogue (federated queries only with --allow-service)."""
    from starlette.responses import JSONResponse

    from .openapi import describe

    settings = request.app.state.settings
    base = f"{request.url.scheme}://{request.url.netloc}"
    return JSONResponse(describe(base, allow_service=settings.allow_service))
