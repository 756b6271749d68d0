"""An OpenAPI 3.0 description of the web API, generated from the saved-query catalogue: one path
per query and format, each declared parameter a query parameter of its type (an enum as an enum,
a list parameter as a repeated one), plus ``_size``/``_offset`` and the SPARQL endpoint.

Generated, not written by hand, so a query added to ``queries/`` appears in the API description
with nothing else to change (as grlc does for its queries).
"""
from __future__ import annotations

from typing import Any

from . import querystring

_ERROR = {"description": "Error: the message the CLI prints for the same mistake",
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _schema(param: Any) -> dict:
    """A parameter's JSON schema: strings, integers, years (four digits) and IRIs."""
    if param.type == "integer":
        one: dict[str, Any] = {"type": "integer"}
    elif param.type == "year":
        one = {"type": "string", "pattern": "^[0-9]{4}$"}
    elif param.type == "iri":
        one = {"type": "string", "format": "uri"}
    else:
        one = {"type": "string"}
    if param.enum is not None:
        one["enum"] = list(param.enum)
    if param.default is not None and not param.multiple:
        one["default"] = param.default if param.type == "integer" else str(param.default)
    return {"type": "array", "items": one} if param.multiple else one


def _parameters(query: Any) -> list[dict]:
    out = []
    for p in query.params:
        entry = {"name": p.name, "in": "query", "required": p.required, "schema": _schema(p),
                 "description": p.description or f"{p.type} parameter {p.name}"}
        if p.multiple:
            entry.update(style="form", explode=True)
        out.append(entry)
    out.append({"name": "_size", "in": "query", "required": False,
                "description": f"Rows per page (default {querystring.DEFAULT_SIZE}, at most {querystring.MAX_SIZE}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": querystring.MAX_SIZE,
                           "default": querystring.DEFAULT_SIZE}})
    out.append({"name": "_offset", "in": "query", "required": False, "description": "Rows to skip (the next page).",
                "schema": {"type": "integer", "minimum": 0, "default": 0}})
    return out


def describe(base: str, *, allow_service: bool = False) -> dict:
    """The OpenAPI document for a server at ``base`` (``http://127.0.0.1:7878``)."""
    from plankg import queries
    from plankg.version import __version__

    paths: dict[str, Any] = {}
    for name, query in queries.catalogue().items():
        if queries.is_federated(query) and not allow_service:
            continue
        for ext, media, schema in (("json", "application/json", {"$ref": "#/components/schemas/Rows"}),
                                   ("csv", "text/csv", {"type": "string"})):
            paths[f"/api/{name}.{ext}"] = {"get": {
                "operationId": f"{name.replace('-', '_')}_{ext}",
                "summary": query.summary or name,
                "description": query.description or query.summary or name,
                "tags": list(query.tags) or ["queries"],
                "parameters": _parameters(query),
                "responses": {
                    "200": {"description": f"a page of rows of {name}", "content": {media: {"schema": schema}}},
                    "400": _ERROR, "503": _ERROR,
                },
            }}
    paths["/sparql"] = {"get": {
        "operationId": "sparql_query", "summary": "SPARQL 1.1 Protocol query (read-only)",
        "description": "Results as JSON, XML, CSV or TSV (SELECT, ASK) or Turtle, N-Triples, RDF/XML or "
                       "JSON-LD (CONSTRUCT, DESCRIBE), chosen by the Accept header.",
        "tags": ["sparql"],
        "parameters": [{"name": "query", "in": "query", "required": True, "schema": {"type": "string"},
                        "description": "The SPARQL query."}],
        "responses": {"200": {"description": "the query's answer",
                              "content": {"application/sparql-results+json": {"schema": {"type": "object"}}}},
                      "400": _ERROR, "503": _ERROR},
    }}
    return {
        "openapi": "3.0.3",
        "info": {"title": "plankg", "version": __version__,
                 "description": "Saved SPARQL queries over Chinese government work plans, a page of rows at a time."},
        "servers": [{"url": base}],
        "paths": paths,
        "components": {"schemas": {
            "Rows": {"type": "object", "required": ["query", "columns", "rows", "more"], "properties": {
                "query": {"type": "string"}, "columns": {"type": "array", "items": {"type": "string"}},
                "offset": {"type": "integer"}, "size": {"type": "integer"}, "count": {"type": "integer"},
                "more": {"type": "boolean", "description": "whether rows exist past this page"},
                "next": {"type": "string", "nullable": True, "description": "the next page's URL"},
                "rows": {"type": "array", "items": {"type": "object", "additionalProperties": True}},
            }},
            "Error": {"type": "object", "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}},
        }},
    }
