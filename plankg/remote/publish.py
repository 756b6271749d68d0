"""Publishing graphs with the SPARQL 1.1 Graph Store HTTP Protocol: one ``PUT …?graph=IRI`` per
graph with an N-Triples body, which replaces the graph on the server, so a second push of the same
store leaves the server as it was. After the push a ``COUNT`` query per graph checks what arrived.
"""
from __future__ import annotations

import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from plankg.errors import EndpointError, InputError

from .results import run_sparql
from .transport import (
    DEFAULT_TIMEOUT, NTRIPLES_TYPE, Endpoint, failure, is_timeout, opener, status_message, timed_out, with_deadline,
)

@dataclass(frozen=True)
class GraphPayload:
    """One graph ready to send: its IRI, its N-Triples body and its number of triples."""

    graph: str
    body: bytes
    triples: int


@dataclass(frozen=True)
class Pushed:
    """One graph after a push: triples sent and triples the server holds in that graph."""

    graph: str
    sent: int
    on_server: int

    @property
    def ok(self) -> bool:
        return self.sent == self.on_server


def skolem_iri(node: Any) -> str:
    """The IRI a blank node is sent as: ``<base>.well-known/genid/<its id in the store>`` (RDF 1.1
    skolemisation), so pushing the same store twice leaves the server's graphs identical."""
    from plankg.ontology.vocab import ID

    return f"<{ID}.well-known/genid/{urllib.parse.quote(node.value, safe='')}>"


def _ntriples_term(term: Any) -> str:
    from pyoxigraph import BlankNode

    return skolem_iri(term) if isinstance(term, BlankNode) else str(term)


def payloads(store_path: str | os.PathLike, plans: Iterable[str] = (), reference: bool = False,
             wait: float = 0.0) -> tuple[list[GraphPayload], list[str]]:
    """The graphs to push, read from the store in one brief exclusive open; and notes (such as
    an asked-for reference graph the store does not have).

    Every plan graph, or those of ``plans``; with every plan also the analysis graph (results
    over the whole corpus, such as task similarities), which only makes sense beside all of them;
    with ``reference`` the reference graph. The loads graph (local file paths) stays home."""
    from plankg.api import PlanGraph
    from plankg.ontology.iris import graph_iri
    from plankg.ontology.vocab import ANALYSIS_GRAPH, REFERENCE_GRAPH
    from plankg.store import guarded, plan_graphs

    notes: list[str] = []
    with PlanGraph(store_path, wait=wait) as pg:
        with guarded(pg.path):
            available = plan_graphs(pg.store)
            wanted = list(dict.fromkeys(plans))
            if wanted:
                graphs = []
                for key in wanted:
                    g = graph_iri(key)
                    if g not in available:
                        raise InputError(f"--plan {key!r}: no such plan in {pg.path}")
                    graphs.append(g)
                if pg.store.contains_named_graph(ANALYSIS_GRAPH):
                    notes.append("the analysis graph (results over the whole corpus) goes only with every plan: left out")
            else:
                graphs = list(available)
                if graphs and pg.store.contains_named_graph(ANALYSIS_GRAPH):
                    graphs.append(ANALYSIS_GRAPH)
            if reference:
                if pg.store.contains_named_graph(REFERENCE_GRAPH):
                    graphs.append(REFERENCE_GRAPH)
                else:
                    notes.append(f"no reference graph in {pg.path}: nothing to send for --reference")
            out = []
            for g in graphs:
                lines = sorted({f"{_ntriples_term(q.subject)} {q.predicate} {_ntriples_term(q.object)} .\n"
                                for q in pg.store.quads_for_pattern(None, None, None, g)})
                out.append(GraphPayload(g.value, "".join(lines).encode("utf-8"), len(lines)))
    if not out and not notes:
        notes.append(f"no plans in {store_path}: nothing to push")
    return out, notes


def graph_url(store_url: str, graph: str) -> str:
    """``store_url`` with ``graph=IRI`` added to its query string (indirect graph identification)."""
    parts = urllib.parse.urlsplit(store_url)
    extra = urllib.parse.urlencode({"graph": graph}, quote_via=urllib.parse.quote)
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def _challenges(ep: Endpoint, url: str, timeout: float) -> list[str]:
    """The ``WWW-Authenticate`` challenges a bodyless ``HEAD`` of ``url`` gets (none if it is let in)."""
    try:
        with urllib.request.build_opener().open(urllib.request.Request(url, method="HEAD"), timeout=timeout):
            return []
    except urllib.error.HTTPError as exc:
        return (exc.headers.get_all("WWW-Authenticate") or []) if exc.code == 401 else []
    except Exception as exc:  # noqa: BLE001 - the PUT itself reports what is wrong
        if is_timeout(exc):
            raise timed_out(ep, timeout) from None
        return []


def _authorization(ep: Endpoint, request: urllib.request.Request, challenges: list[str]) -> str | None:
    """The ``Authorization`` value answering one of ``challenges`` (Digest preferred, or Basic)."""
    import base64

    manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    parts = urllib.parse.urlsplit(ep.url)
    manager.add_password(None, f"{parts.scheme}://{parts.netloc}/", ep.user, ep.password)
    schemes = {c.strip().partition(" ")[0].lower(): c.strip().partition(" ")[2] for c in challenges}
    if "digest" in schemes:
        chal = urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(schemes["digest"])))
        answer = urllib.request.HTTPDigestAuthHandler(manager).get_authorization(request, chal)
        if answer:
            return f"Digest {answer}"
    if "basic" in schemes:
        return "Basic " + base64.b64encode(f"{ep.user}:{ep.password}".encode("utf-8")).decode("ascii")
    return None


def put_graph(ep: Endpoint, payload: GraphPayload, timeout: float = DEFAULT_TIMEOUT) -> int:
    """Replace one graph on the server (``PUT``); returns the HTTP status.

    With credentials, a bodyless ``HEAD`` first fetches the server's challenge, so the ``PUT``
    carries its ``Authorization`` at once: a server that answers 401 before reading a large body
    (Virtuoso does) would otherwise break the connection of a challenge-response upload."""

    def work() -> int:
        request = urllib.request.Request(graph_url(ep.url, payload.graph), data=payload.body, method="PUT")
        request.add_header("Content-Type", NTRIPLES_TYPE)
        if ep.user and ep.password:
            try:
                header = _authorization(ep, request, _challenges(ep, request.full_url, timeout))
            except ValueError:  # a challenge urllib cannot answer: the PUT's own 401 tells
                header = None
            if header:
                request.add_unredirected_header("Authorization", header)
        try:
            with opener(ep).open(request, timeout=timeout) as response:
                response.read()
                return response.status
        except Exception as exc:  # noqa: BLE001 - urllib, http.client and socket failures
            reason = getattr(exc, "reason", exc)
            if ep.user and ep.password and isinstance(reason, (BrokenPipeError, ConnectionResetError)):
                # the server cut the upload short, typically by refusing it before reading it
                refused = _refusal(ep, request.full_url, timeout)
                if refused is not None:
                    raise EndpointError(status_message(ep, refused, "", "write graphs")) from None
            raise failure(exc, ep, timeout, "write graphs") from None

    return with_deadline(work, timeout, ep)


def _refusal(ep: Endpoint, url: str, timeout: float) -> int | None:
    """401 or 403 when an authenticated bodyless ``HEAD`` of ``url`` is refused, else None."""
    probe = urllib.request.Request(url, method="HEAD")
    try:
        header = _authorization(ep, probe, _challenges(ep, url, timeout))
        if header:
            probe.add_unredirected_header("Authorization", header)
        with urllib.request.build_opener().open(probe, timeout=timeout):
            return None
    except urllib.error.HTTPError as exc:
        return exc.code if exc.code in (401, 403) else None
    except Exception:  # noqa: BLE001 - no better explanation than the original failure
        return None


def count_on_server(ep: Endpoint, graph: str, timeout: float = DEFAULT_TIMEOUT) -> int:
    """How many triples the server holds in ``graph`` (a COUNT query)."""
    from pyoxigraph import NamedNode

    result = run_sparql(ep, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {NamedNode(graph)} {{ ?s ?p ?o }} }}", timeout)
    try:
        return int(result.rows[0][0].value)
    except (IndexError, AttributeError, TypeError, ValueError):
        raise EndpointError(f"{ep.display} gave no count for graph {graph}") from None


def push(store_ep: Endpoint, query_ep: Endpoint, graphs: list[GraphPayload], timeout: float = DEFAULT_TIMEOUT,
         on_pushed: Callable[[Pushed], None] | None = None) -> list[Pushed]:
    """PUT each graph, then check each one's triple count through the query endpoint."""
    for payload in graphs:
        put_graph(store_ep, payload, timeout)
    done = []
    for payload in graphs:
        pushed = Pushed(payload.graph, payload.triples, count_on_server(query_ep, payload.graph, timeout))
        done.append(pushed)
        if on_pushed:
            on_pushed(pushed)
    return done
