"""Queries on a remote endpoint: sent through SPARQLWrapper (SPARQL 1.1 Protocol, a form-encoded
POST asking for SPARQL JSON results), with parameters in ``VALUES`` blocks written from escaped RDF
terms (``queries.bind_as_values``), since an endpoint takes no substitutions. The answer is read
whole within the time limit and checked before use: it must parse completely as JSON and carry
``head.vars`` and ``results.bindings`` (or ``boolean``); a server that answers 200 with a body cut
off mid-way (``servers``) proves nothing by its status. The rows become the same ``Result`` of
pyoxigraph terms a local query gives.

SPARQLWrapper is imported inside the functions that use it: ``plankg --help`` never loads it.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from plankg.errors import EndpointError, PlankgError

from .servers import LITERAL_KINDS, blank_node
from .transport import DEFAULT_TIMEOUT, MAX_BODY, Endpoint, failure, installed, with_deadline

def run_query(ep: Endpoint, query: Any, params: Mapping[str, list], timeout: float = DEFAULT_TIMEOUT):
    """Run a saved query (with parameters as ``queries.parse_params`` gives them) on ``ep``."""
    from plankg import queries

    return run_sparql(ep, queries.bind_as_values(query, params), timeout)


def with_prefixes(text: str, prefixes: Mapping[str, str] | None = None) -> str:
    """``text`` after ``PREFIX`` lines for the ontology's prefixes, which a local query gets by
    default; a prefix the text declares itself comes later and wins."""
    if prefixes is None:
        from plankg.ontology.vocab import PREFIXES

        prefixes = PREFIXES
    from pyoxigraph import NamedNode

    head = "".join(f"PREFIX {p}: {NamedNode(ns)}\n" for p, ns in prefixes.items())
    return head + text


def run_sparql(ep: Endpoint, text: str, timeout: float = DEFAULT_TIMEOUT):
    """Run a SPARQL query on ``ep`` and give its answer as a ``queries.Result``."""
    body, content_type = with_deadline(lambda: _fetch(ep, text, timeout), timeout, ep)
    return parse_results(body, content_type, ep)


def _fetch(ep: Endpoint, text: str, timeout: float) -> tuple[bytes, str]:
    """POST the query through SPARQLWrapper; the whole body and its content type."""
    from SPARQLWrapper import JSON, POST, URLENCODED, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    wrapper = SPARQLWrapper(ep.url)
    wrapper.setQuery(text)
    wrapper.setMethod(POST)
    wrapper.setRequestMethod(URLENCODED)
    wrapper.setReturnFormat(JSON)
    wrapper.setOnlyConneg(True)  # no format=json parameter: plain content negotiation
    wrapper.setTimeout(timeout)  # type: ignore[arg-type] - urllib takes a float
    try:
        with installed(ep):
            answer = wrapper.query()
        response = answer.response
        body = response.read(MAX_BODY + 1)
        if len(body) > MAX_BODY:
            raise EndpointError(f"{ep.display} answered more than {MAX_BODY >> 20} MiB; add a LIMIT")
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) != len(body):
            raise EndpointError(f"{ep.display} broke off its answer after {len(body)} of {declared} bytes")
        return body, response.headers.get("Content-Type", "")
    except PlankgError:
        raise
    except SPARQLWrapperException as exc:
        codes = {"QueryBadFormed": 400, "Unauthorized": 401, "EndPointNotFound": 404, "URITooLong": 414,
                 "EndPointInternalError": 500}
        exc.code = codes.get(type(exc).__name__)  # type: ignore[attr-defined]
        raise failure(exc, ep, timeout, "run queries") from None
    except Exception as exc:  # noqa: BLE001 - urllib, http.client and socket failures
        raise failure(exc, ep, timeout, "run queries") from None


def parse_results(body: bytes, content_type: str, ep: Endpoint):
    """SPARQL 1.1 JSON results -> ``queries.Result`` of pyoxigraph terms; anything else, or an
    answer cut short, is an ``EndpointError``."""
    from plankg.queries import Result

    media = content_type.split(";")[0].strip().lower()
    if media in ("text/html", "application/xhtml+xml") or body.lstrip()[:1] == b"<":
        raise EndpointError(f"{ep.display} answered {media or 'markup'}, not SPARQL JSON results (is it the query endpoint?)")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise EndpointError(f"{ep.display} answered text that is not UTF-8, not SPARQL JSON results") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        if not text.strip():
            raise EndpointError(f"{ep.display} answered nothing (an empty body) instead of SPARQL results") from None
        rest = text[exc.pos:]
        if text.lstrip().startswith("{") and ("{" not in rest or exc.pos >= len(text.rstrip()) - 200):
            # JSON that breaks off: cut short, or followed by a message such as Oxigraph's
            # "The SPARQL operation has been cancelled" when its --timeout-s strikes mid-answer
            prose = re.search(r"([A-Za-z][A-Za-z ,.;:'()-]{9,199})\s*$", rest)
            said = f" and ends with {ep.scrub(prose.group(1))!r}" if prose and " " in prose.group(1) else ""
            raise EndpointError(
                f"{ep.display} answered an incomplete result: the JSON breaks off after byte "
                f"{len(text[:exc.pos].encode())} of {len(body)}{said} (a server-side query time limit cuts "
                "answers short like this)"
            ) from None
        raise EndpointError(f"{ep.display} answered something that is not SPARQL JSON results ({media or 'no type'})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("head"), dict):
        raise EndpointError(f"{ep.display} answered JSON without a head: not SPARQL results")
    if "boolean" in doc and "results" not in doc:
        if not isinstance(doc["boolean"], bool):
            raise EndpointError(f"{ep.display} answered an ASK result whose boolean is not true or false")
        from pyoxigraph import Literal

        return Result(["boolean"], [[Literal(doc["boolean"])]])
    variables = doc["head"].get("vars")
    results = doc.get("results")
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(variables, list) or not all(isinstance(v, str) for v in variables):
        raise EndpointError(f"{ep.display} answered JSON without head.vars: not SPARQL results")
    if not isinstance(bindings, list):
        raise EndpointError(f"{ep.display} answered JSON without results.bindings: not SPARQL results")
    known = set(variables)
    rows = []
    for i, binding in enumerate(bindings):
        if not isinstance(binding, dict) or not set(binding) <= known:
            raise EndpointError(f"{ep.display} answered a malformed result (row {i + 1})")
        try:
            rows.append([_term(binding[v]) if v in binding else None for v in variables])
        except (ValueError, TypeError, KeyError) as exc:
            raise EndpointError(f"{ep.display} answered a malformed term in row {i + 1} ({type(exc).__name__})") from None
    return Result(list(variables), rows)


def _term(cell: Any):
    """One SPARQL JSON term -> the pyoxigraph term it names."""
    from pyoxigraph import Literal, NamedNode, Triple

    if not isinstance(cell, dict):
        raise TypeError("term is not an object")
    kind = cell["type"]
    value = cell["value"]
    if kind == "triple":
        return Triple(_term(value["subject"]), _term(value["predicate"]), _term(value["object"]))
    if not isinstance(value, str):
        raise TypeError("value is not a string")
    if kind == "uri":
        return NamedNode(value)
    if kind in LITERAL_KINDS:
        language = cell.get("xml:lang")
        if language:
            return Literal(value, language=language)
        datatype = cell.get("datatype")
        return Literal(value, datatype=NamedNode(datatype)) if datatype else Literal(value)
    if kind == "bnode":
        return blank_node(value)
    raise ValueError(f"unknown term type {kind!r}")
