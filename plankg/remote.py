"""Remote SPARQL endpoints: run saved queries on them and publish plan graphs to them.

Queries go out through SPARQLWrapper (SPARQL 1.1 Protocol, a form-encoded POST asking for SPARQL
JSON results); parameters are written into ``VALUES`` blocks from escaped RDF terms
(``queries.bind_as_values``), since an endpoint takes no substitutions. The answer is read whole
within the time limit and checked before use: it must parse completely as JSON and carry
``head.vars`` and ``results.bindings`` (or ``boolean``). Oxigraph's ``--timeout-s`` answers 200 with
a body cut off mid-way, so a 200 alone proves nothing. The rows become the same ``Result`` of
pyoxigraph terms a local query gives, so ``queries.output.render`` prints them unchanged.

Graphs go out with the SPARQL 1.1 Graph Store HTTP Protocol: one ``PUT …?graph=IRI`` per graph
with an N-Triples body, which replaces the graph on the server, so a second push of the same store
leaves the server as it was. After the push a ``COUNT`` query per graph checks what arrived.

Credentials come from ``PLANKG_ENDPOINT_USER`` and ``PLANKG_ENDPOINT_PASSWORD`` or, failing those,
from the netrc file (``NETRC`` or ``~/.netrc``) entry of the endpoint's host; never from the URL.
They are offered only when the server asks (HTTP Basic or Digest challenge) and only to that host,
and no message names them. Every failure is an ``EndpointError`` (exit 4) naming the endpoint
without credentials or query string, or ``TimedOut`` (exit 5).

SPARQLWrapper is imported inside the functions that use it: ``plankg --help`` never loads it.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from plankg.errors import EndpointError, InputError, PlankgError, TimedOut

ENV_USER = "PLANKG_ENDPOINT_USER"
ENV_PASSWORD = "PLANKG_ENDPOINT_PASSWORD"
DEFAULT_TIMEOUT = 60.0
NTRIPLES_TYPE = "application/n-triples; charset=utf-8"
_MAX_BODY = 1 << 30  # an answer larger than 1 GiB is refused rather than read into memory


# ---------------------------------------------------------------------------------------------
# endpoints and credentials

@dataclass(frozen=True)
class Endpoint:
    """A remote URL with the credentials for its host (never shown: see ``display``)."""

    url: str
    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)

    @property
    def display(self) -> str:
        """The URL as messages show it: scheme, host, port and path, no credentials or query."""
        return display_url(self.url)

    def scrub(self, text: str) -> str:
        """``text`` with the password cut out, should a server have echoed it back."""
        if self.password:
            text = text.replace(self.password, "***")
        return text


def display_url(url: str) -> str:
    """``scheme://host:port/path`` of ``url``: userinfo, query string and fragment left out."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host + (f":{port}" if port else "")
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def endpoint(url: str, option: str = "--endpoint") -> Endpoint:
    """Check ``url`` (http or https, a host, no credentials in it) and find its credentials."""
    scheme, sep, rest = url.partition("://")
    authority = rest.split("/", 1)[0] if sep else ""
    if "@" in authority:  # user:password@host, even when the password holds a '#' or '?'
        shown = f"{scheme}://{authority.rsplit('@', 1)[1]}"
        raise InputError(
            f"{option} {shown}: credentials do not go in the URL; set {ENV_USER} and {ENV_PASSWORD} "
            "or put the host in your netrc file"
        )
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise InputError(f"{option} {display_url(url)!r}: not a valid URL") from None
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise InputError(f"{option} {display_url(url)!r}: a URL has no spaces or control characters (percent-encode them)")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{option} {display_url(url)!r}: give an http:// or https:// URL with a host")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise InputError(
            f"{option} {display_url(url)}: credentials do not go in the URL; set {ENV_USER} and "
            f"{ENV_PASSWORD} or put the host in your netrc file"
        )
    user, password = credentials(parts.hostname)
    return Endpoint(url, user, password)


def credentials(host: str) -> tuple[str | None, str | None]:
    """User and password for ``host``: the environment first, then the netrc file, else none."""
    user, password = os.environ.get(ENV_USER) or None, os.environ.get(ENV_PASSWORD) or None
    if user and password:
        return user, password
    if user or password:
        missing = ENV_PASSWORD if user else ENV_USER
        raise InputError(f"{missing} is not set: set both {ENV_USER} and {ENV_PASSWORD}, or neither")
    return _from_netrc(host)


def _from_netrc(host: str) -> tuple[str | None, str | None]:
    """The netrc entry for ``host`` (``NETRC`` names the file, default ``~/.netrc``)."""
    import netrc

    path = os.environ.get("NETRC") or os.path.join(os.path.expanduser("~"), ".netrc")
    if not os.path.isfile(path):
        return None, None
    try:
        entry = netrc.netrc(path).authenticators(host)
    except netrc.NetrcParseError as exc:
        # the parser's message may quote a token of the file, which may be a password: leave it out
        where = f" at line {exc.lineno}" if exc.lineno else ""
        hint = " (it must be readable by you only: chmod 600)" if "access too permissive" in str(exc.msg) else ""
        raise InputError(f"{path}: not a usable netrc file{where}{hint}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if not entry:
        return None, None
    login, _account, password = entry
    return (login or None), (password or None)


def _opener(ep: Endpoint) -> urllib.request.OpenerDirector:
    """An opener that answers Basic and Digest challenges from the endpoint's host only."""
    handlers: list[Any] = []
    if ep.user and ep.password:
        parts = urllib.parse.urlsplit(ep.url)
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, f"{parts.scheme}://{parts.netloc}/", ep.user, ep.password)
        handlers = [urllib.request.HTTPBasicAuthHandler(manager), urllib.request.HTTPDigestAuthHandler(manager)]
    return urllib.request.build_opener(*handlers)


_OPENER_LOCK = threading.Lock()


@contextmanager
def _installed(ep: Endpoint):
    """SPARQLWrapper opens URLs with ``urllib.request.urlopen``: give it our opener meanwhile."""
    with _OPENER_LOCK:
        previous = urllib.request._opener  # noqa: SLF001 - urllib keeps no public getter
        urllib.request.install_opener(_opener(ep))
        try:
            yield
        finally:
            urllib.request._opener = previous  # noqa: SLF001


# ---------------------------------------------------------------------------------------------
# failures

def _with_deadline(work: Callable[[], Any], timeout: float, ep: Endpoint) -> Any:
    """Run ``work`` in a helper thread and give up after ``timeout`` seconds: a server that
    trickles its answer byte by byte cannot hold the command past its limit."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the calling thread
            box["error"] = exc

    worker = threading.Thread(target=target, name="plankg-remote", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise _timed_out(ep, timeout)
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _timed_out(ep: Endpoint, timeout: float) -> TimedOut:
    return TimedOut(f"no answer from {ep.display} within {timeout:g} s (--timeout)")


def _is_timeout(exc: BaseException) -> bool:
    reason = getattr(exc, "reason", None)
    return isinstance(exc, (socket.timeout, TimeoutError)) or isinstance(reason, (socket.timeout, TimeoutError))


def _failure(exc: BaseException, ep: Endpoint, timeout: float, action: str) -> PlankgError:
    """One user-facing error for anything the network or the server did; ``action`` says what
    was refused (``run queries``, ``write graphs``)."""
    import http.client

    if _is_timeout(exc):
        return _timed_out(ep, timeout)
    code = getattr(exc, "code", None)
    if isinstance(exc, urllib.error.HTTPError) or isinstance(code, int):
        return EndpointError(_status_message(ep, code, _error_body(exc), action))
    if isinstance(exc, urllib.error.URLError):
        return EndpointError(f"cannot reach {ep.display}: {_reason(exc.reason)}")
    if isinstance(exc, http.client.HTTPException):
        return EndpointError(f"{ep.display} broke off its answer ({type(exc).__name__})")
    if isinstance(exc, OSError):
        return EndpointError(f"cannot reach {ep.display}: {_reason(exc)}")
    if isinstance(exc, ValueError) and "auth" in str(exc).lower():  # urllib: unsupported challenge
        return EndpointError(f"{ep.display} asks for an authentication scheme plankg does not speak (Basic or Digest)")
    raise exc


def _reason(reason: Any) -> str:
    if isinstance(reason, socket.gaierror):
        return "unknown host (DNS lookup failed)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (is the server running?)"
    if isinstance(reason, ConnectionResetError):
        return "the server closed the connection"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason) or type(reason).__name__


def _error_body(exc: BaseException) -> str:
    """The first line of an error answer's text (servers explain a 400 there), kept short."""
    import ast

    body: Any = b""
    try:
        if hasattr(exc, "read"):
            body = exc.read()
        elif exc.args and isinstance(exc.args[0], str) and "\n\nResponse:\n" in exc.args[0]:
            # SPARQLWrapper's exceptions keep the body only as repr(bytes) inside their message
            body = ast.literal_eval(exc.args[0].split("\n\nResponse:\n", 1)[1])
    except Exception:  # noqa: BLE001 - a body we cannot read explains nothing
        body = b""
    text = body[:2000].decode("utf-8", "replace") if isinstance(body, bytes) else ""
    if "<" in text[:200]:  # an HTML error page: no useful line to quote
        return ""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line[:200]


def _status_message(ep: Endpoint, code: int | None, body: str, action: str) -> str:
    detail = f": {ep.scrub(body)}" if body else ""
    if code == 401:
        has = "were refused" if ep.user else f"are needed (set {ENV_USER} and {ENV_PASSWORD}, or use a netrc file)"
        return f"{ep.display} answered 401 Unauthorized: credentials {has}"
    if code == 403:
        return f"{ep.display} answered 403 Forbidden: this user may not {action} there{detail}"
    if code == 404:
        return f"{ep.display} answered 404 Not Found: no such endpoint (check the URL)"
    if code in (405, 501):
        return f"{ep.display} answered {code}: it does not take this request here (is it the right endpoint?)"
    if code == 400:
        return f"{ep.display} answered 400 Bad Request{detail}"
    if code == 413:
        return f"{ep.display} answered 413: the request is too large for this server"
    if code == 415:
        return f"{ep.display} answered 415: it does not accept N-Triples ({NTRIPLES_TYPE})"
    if code is not None and code >= 500:
        return f"{ep.display} answered {code}, a server error{detail}"
    return f"{ep.display} answered HTTP {code}{detail}"


# ---------------------------------------------------------------------------------------------
# queries

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
    body, content_type = _with_deadline(lambda: _fetch(ep, text, timeout), timeout, ep)
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
        with _installed(ep):
            answer = wrapper.query()
        response = answer.response
        body = response.read(_MAX_BODY + 1)
        if len(body) > _MAX_BODY:
            raise EndpointError(f"{ep.display} answered more than {_MAX_BODY >> 20} MiB; add a LIMIT")
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
        raise _failure(exc, ep, timeout, "run queries") from None
    except Exception as exc:  # noqa: BLE001 - urllib, http.client and socket failures
        raise _failure(exc, ep, timeout, "run queries") from None


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
    from pyoxigraph import BlankNode, Literal, NamedNode, Triple

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
    if kind in ("literal", "typed-literal"):  # typed-literal: SPARQL JSON's draft form, Virtuoso's
        language = cell.get("xml:lang")
        if language:
            return Literal(value, language=language)
        datatype = cell.get("datatype")
        return Literal(value, datatype=NamedNode(datatype)) if datatype else Literal(value)
    if kind == "bnode":
        try:
            return BlankNode(value)
        except ValueError:  # ids such as Virtuoso's "nodeID://b1": same id, same node
            return BlankNode("b" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:24])
    raise ValueError(f"unknown term type {kind!r}")


# ---------------------------------------------------------------------------------------------
# publishing (Graph Store HTTP Protocol)

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


def query_endpoint_for(store_url: str) -> str | None:
    """The query endpoint that usually sits beside a Graph Store endpoint, or None when unknown:
    Oxigraph ``/store`` -> ``/query``, Fuseki ``/DATASET/data`` -> ``/DATASET/query``, Virtuoso
    ``/sparql-graph-crud[-auth]`` -> ``/sparql[-auth]``, RDF4J/GraphDB ``…/rdf-graphs/service`` ->
    the repository."""
    parts = urllib.parse.urlsplit(store_url)
    path = parts.path.rstrip("/")
    head, _, last = path.rpartition("/")
    swaps = {"store": "query", "data": "query", "sparql-graph-crud": "sparql", "sparql-graph-crud-auth": "sparql-auth"}
    if last in swaps:
        new = f"{head}/{swaps[last]}"
    elif path.endswith("/rdf-graphs/service"):
        new = path[: -len("/rdf-graphs/service")]
    else:
        return None
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, new, "", ""))


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
        if _is_timeout(exc):
            raise _timed_out(ep, timeout) from None
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
            with _opener(ep).open(request, timeout=timeout) as response:
                response.read()
                return response.status
        except Exception as exc:  # noqa: BLE001 - urllib, http.client and socket failures
            reason = getattr(exc, "reason", exc)
            if ep.user and ep.password and isinstance(reason, (BrokenPipeError, ConnectionResetError)):
                # the server cut the upload short, typically by refusing it before reading it
                refused = _refusal(ep, request.full_url, timeout)
                if refused is not None:
                    raise EndpointError(_status_message(ep, refused, "", "write graphs")) from None
            raise _failure(exc, ep, timeout, "write graphs") from None

    return _with_deadline(work, timeout, ep)


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


__all__ = [
    "ENV_USER", "ENV_PASSWORD", "DEFAULT_TIMEOUT", "Endpoint", "endpoint", "credentials", "display_url",
    "run_query", "run_sparql", "parse_results", "GraphPayload", "Pushed", "payloads", "query_endpoint_for",
    "graph_url", "put_graph", "count_on_server", "push",
]
