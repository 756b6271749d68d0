"""Content negotiation and the serialisations the web app answers in: SPARQL 1.1 results (JSON,
XML, CSV, TSV) and RDF graphs (Turtle, N-Triples, RDF/XML, JSON-LD), written from a
``queries.Result`` or from triples.

The results are written here, not by pyoxigraph's ``QuerySolutions.serialize``, because the server
caps the rows it reads (``PlanGraph.run(limit=…)``) and pyoxigraph can only serialise a whole,
unread answer. Pure functions: no Starlette, usable in the worker processes.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

RESULTS_JSON = "application/sparql-results+json"
RESULTS_XML = "application/sparql-results+xml"
# media types for SELECT and ASK answers, the first the default; aliases map to the same writer
RESULT_TYPES = {
    RESULTS_JSON: "json", "application/json": "json", RESULTS_XML: "xml", "application/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
# media types for CONSTRUCT and DESCRIBE answers and for describing an IRI, the first the default
GRAPH_TYPES = {
    "text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES", "text/plain": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML", "application/ld+json": "JSON_LD",
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """``Accept`` as (media range, q) pairs; an absent or empty header accepts anything."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    out = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            name, _, value = f.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        out.append((media, q))
    return out


def negotiate(header: str | None, offered: list[str]) -> str | None:
    """The offered media type the ``Accept`` header likes best (ties: the earlier offered), or None
    when it accepts none. An exact range beats ``type/*``, which beats ``*/*``."""
    ranges = parse_accept(header)
    best, best_q = None, 0.0
    for media in offered:
        kind = media.split("/")[0]
        q, specificity = 0.0, -1
        for accepted, weight in ranges:
            level = 2 if accepted == media else 1 if accepted == f"{kind}/*" else 0 if accepted == "*/*" else -1
            if level > specificity:
                q, specificity = weight, level
        if specificity >= 0 and q > best_q:
            best, best_q = media, q
    return best


def _term_json(term: Any) -> dict:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, Triple):
        return {"type": "triple", "value": {"subject": _term_json(term.subject),
                                            "predicate": _term_json(term.predicate),
                                            "object": _term_json(term.object)}}
    raise TypeError(f"not an RDF term: {type(term).__name__}")


def _results_json(result: Any) -> bytes:
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.rows[0][0].value == "true"}).encode()
    bindings = [{c: _term_json(t) for c, t in zip(result.columns, row) if t is not None} for row in result.rows]
    return json.dumps({"head": {"vars": result.columns}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8")


def _term_xml(term: Any) -> str:
    if isinstance(term, NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    if isinstance(term, Triple):
        return (f"<triple><subject>{_term_xml(term.subject)}</subject><predicate>{_term_xml(term.predicate)}"
                f"</predicate><object>{_term_xml(term.object)}</object></triple>")
    raise TypeError(f"not an RDF term: {type(term).__name__}")


def _results_xml(result: Any) -> bytes:
    head = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
    if result.kind == "ask":
        value = "true" if result.rows[0][0].value == "true" else "false"
        return (head + f"<head/>\n<boolean>{value}</boolean>\n</sparql>\n").encode()
    parts = [head, "<head>", *(f"<variable name={quoteattr(c)}/>" for c in result.columns), "</head>\n<results>\n"]
    for row in result.rows:
        parts.append("<result>")
        parts += [f"<binding name={quoteattr(c)}>{_term_xml(t)}</binding>" for c, t in zip(result.columns, row) if t is not None]
        parts.append("</result>\n")
    parts.append("</results>\n</sparql>\n")
    return "".join(parts).encode("utf-8")


def _plain(term: Any) -> str:
    """A term in SPARQL CSV: the bare value (``_:id`` for a blank node), empty when unbound."""
    if term is None:
        return ""
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (NamedNode, Literal)):
        return term.value
    return str(term)


def _results_csv(result: Any) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([_plain(t) for t in row])
    return out.getvalue().encode("utf-8")


def _results_tsv(result: Any) -> bytes:
    """SPARQL TSV: variables as ``?name``, terms in their N-Triples/Turtle form (``str()`` of a term)."""
    lines = ["\t".join(f"?{c}" for c in result.columns)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


_RESULT_WRITERS = {"json": _results_json, "xml": _results_xml, "csv": _results_csv, "tsv": _results_tsv}


def results(result: Any, media: str) -> bytes:
    """A SELECT or ASK ``Result`` in the SPARQL results format of ``media`` (one of RESULT_TYPES)."""
    return _RESULT_WRITERS[RESULT_TYPES[media]](result)


def graph(triples: list, media: str) -> bytes:
    """Triples in the RDF format of ``media`` (one of GRAPH_TYPES), with the ontology's prefixes;
    JSON-LD compacted with the shipped context (``plankg.export.write_jsonld``)."""
    from pyoxigraph import DefaultGraph, Quad, RdfFormat, serialize

    from plankg.ontology.vocab import PREFIXES

    fmt = GRAPH_TYPES[media]
    if fmt == "JSON_LD":
        from plankg.export import write_jsonld

        stream = io.BytesIO()
        write_jsonld([Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in triples], stream)
        return stream.getvalue()
    prefixes = PREFIXES if fmt in ("TURTLE", "RDF_XML") else None
    return serialize(triples, format=getattr(RdfFormat, fmt), prefixes=prefixes) or b""


def with_charset(media: str) -> str:
    """The Content-Type header value: text types and JSON say UTF-8 explicitly."""
    return f"{media}; charset=utf-8" if media.startswith("text/") or "json" in media or "xml" in media else media
