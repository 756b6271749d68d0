"""The SPARQL servers plankg talks to, each a small table entry with what sets it apart, so the
protocol code stays generic.

- where its query endpoint sits beside its Graph Store endpoint (``push`` checks counts there);
- Virtuoso answers literals in SPARQL JSON's draft form (``typed-literal``) and names blank nodes
  ``nodeID://b1``, which is no valid blank-node id for pyoxigraph;
- Oxigraph's ``--timeout-s`` answers 200 with a body cut off mid-way (``results`` checks every
  answer whole, so nothing here needs to say so).
"""
from __future__ import annotations

import hashlib
import urllib.parse
from dataclasses import dataclass


@dataclass(frozen=True)
class ServerKind:
    """One kind of server: how its Graph Store endpoint's path ends, and its query endpoint's."""

    name: str
    store_path: str  # the last segment(s) of the Graph Store endpoint's path
    query_path: str | None  # what replaces them for the query endpoint ("" for the path's parent)


SERVER_KINDS = (
    ServerKind("oxigraph", "store", "query"),
    ServerKind("fuseki", "data", "query"),
    ServerKind("virtuoso", "sparql-graph-crud", "sparql"),
    ServerKind("virtuoso (authenticated)", "sparql-graph-crud-auth", "sparql-auth"),
    ServerKind("rdf4j / graphdb", "rdf-graphs/service", ""),
)
# SPARQL JSON literal types: the standard one and the draft form Virtuoso answers with
LITERAL_KINDS = ("literal", "typed-literal")


def query_endpoint_for(store_url: str) -> str | None:
    """The query endpoint that usually sits beside a Graph Store endpoint, or None when the URL is
    of no known kind (``SERVER_KINDS``).

    >>> query_endpoint_for("http://localhost:7878/store")
    'http://localhost:7878/query'
    >>> query_endpoint_for("http://h/repositories/r/rdf-graphs/service")
    'http://h/repositories/r'
    """
    parts = urllib.parse.urlsplit(store_url)
    path = parts.path.rstrip("/")
    for kind in SERVER_KINDS:
        if path == kind.store_path or path.endswith("/" + kind.store_path):
            head = path[: len(path) - len(kind.store_path)].rstrip("/")
            new = f"{head}/{kind.query_path}" if kind.query_path else head
            return urllib.parse.urlunsplit((parts.scheme, parts.netloc, new, "", ""))
    return None


def blank_node(value: str):
    """The pyoxigraph blank node an answer names: its own id, or for an id pyoxigraph refuses
    (Virtuoso's ``nodeID://b1``) one derived from it, so the same id is the same node."""
    from pyoxigraph import BlankNode

    try:
        return BlankNode(value)
    except ValueError:
        return BlankNode("b" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:24])
