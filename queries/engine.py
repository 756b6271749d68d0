"""Running queries on a store: saved ones with bound parameters, and ad-hoc SPARQL (read-only
unless asked, no SERVICE or LOAD unless allowed), giving a ``Result`` of rows of terms.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pyoxigraph import Literal, QueryBoolean, QuerySolutions, Store

from plankg.errors import InputError

from .binding import Term, bind, keyword, tokens
from .catalogue import CATALOGUE_TAG, SavedQuery, get
from .parameters import complete, parse_params, typed_mapping


@dataclass
class Result:
    """A query's answer as plain rows of pyoxigraph terms (``None`` where unbound)."""

    columns: list[str]
    rows: list[list[Term | None]] = field(default_factory=list)
    # what the query asked for: "select" (rows), "ask" (one boolean row) or "graph" (CONSTRUCT or
    # DESCRIBE: subject, predicate, object rows), so a SPARQL endpoint can answer in the right format
    kind: str = "select"


def run(store: Store | None, name_or_query: str | SavedQuery, params: Mapping[str, Any] | Sequence[str] | None = None,
        *, allow_service: bool = False, limit: int | None = None) -> Result:
    """Run a saved query with parameters given as ``NAME=VALUE`` strings or a mapping of
    names to terms or strings (as parse_params returns).

    A query that calls a remote endpoint (tagged ``federated``, or holding SERVICE) is refused
    unless ``allow_service``; the endpoint's failures are ``EndpointError`` (exit 4). A query
    tagged ``catalogue`` answers from the catalogue graph, and ``store`` may then be None.
    ``limit`` stops reading the answer after that many rows (a server's row cap)."""
    query = name_or_query if isinstance(name_or_query, SavedQuery) else get(name_or_query)
    if params is None:
        typed = complete(query, {})
    elif isinstance(params, Mapping):
        typed = complete(query, typed_mapping(query, params))
    else:
        typed = parse_params(query, list(params))
    text, substitutions = bind(query, typed)
    if CATALOGUE_TAG in query.tags:  # answers from the catalogue itself, whatever the store holds
        from plankg.queries.catalogue_rdf import catalogue_store

        store = catalogue_store()
    if not is_federated(query):
        return _result(store.query(text, substitutions=substitutions or None), limit)
    endpoints = ", ".join(t.value for t in typed.get("endpoint", [])) or "a remote endpoint"
    if not allow_service:
        raise InputError(f"query {query.name} is federated: it sends a SERVICE request to {endpoints}; "
                         "allow it with --allow-service")
    try:
        return _result(store.query(text, substitutions=substitutions or None), limit)
    except (OSError, RuntimeError) as exc:
        if isinstance(exc, RuntimeError) and type(exc) is not RuntimeError:
            raise
        from plankg.errors import EndpointError

        message = " ".join(str(exc).split())
        raise EndpointError(f"query {query.name}: endpoint {endpoints} failed: {message[:300]}") from None


def is_federated(query: SavedQuery) -> bool:
    """True for a query that calls a remote endpoint: tagged ``federated`` or holding SERVICE."""
    return "federated" in query.tags or _calls_service(query.sparql)


@lru_cache(maxsize=256)
def _calls_service(sparql: str) -> bool:
    """Whether the text holds a SERVICE keyword; cached, since every request of ``plankg serve``
    asks it of the same saved queries (tokenising one costs about half a millisecond)."""
    return any(keyword(t) == "SERVICE" for t in tokens(sparql))


def _result(answer: Any, limit: int | None = None) -> Result:
    """Rows of terms from any pyoxigraph query answer (SELECT, ASK, CONSTRUCT/DESCRIBE); with
    ``limit`` at most that many (the answer is read lazily, so the rest is never computed)."""
    from itertools import islice

    if isinstance(answer, QuerySolutions):
        variables = answer.variables
        return Result([v.value for v in variables], [[sol[v] for v in variables] for sol in islice(answer, limit)])
    if isinstance(answer, QueryBoolean):
        return Result(["boolean"], [[Literal(bool(answer))]], kind="ask")
    triples = islice(answer, limit)
    return Result(["subject", "predicate", "object"], [[t.subject, t.predicate, t.object] for t in triples], kind="graph")


_UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
_REMOTE_WORDS = ("SERVICE", "LOAD")


def run_sparql(store: Store, text: str, *, update: bool | Callable[[str, dict], None] = False,
               allow_service: bool = False, prefixes: Mapping[str, str] | None = None,
               limit: int | None = None) -> Result:
    """Run ad-hoc SPARQL: read-only unless ``update`` (True, or the store owner's way of applying an
    update, ``plankg.store.PlanStore.run_update``); no SERVICE or LOAD (they make this process
    fetch from the network) unless ``allow_service``. Bad text is an InputError that carries
    pyoxigraph's line:column message. ``prefixes`` default to the ontology's; ``limit`` caps the rows read."""
    if prefixes is None:
        from plankg.ontology.vocab import PREFIXES

        prefixes = PREFIXES
    words = {kw for kw in (keyword(t) for t in tokens(text)) if kw}
    if not allow_service:
        for word in _REMOTE_WORDS:
            if word in words:
                raise InputError(f"{word} is refused: it makes plankg fetch from the network (allow it explicitly)")
    try:
        if update:
            if callable(update):
                update(text, dict(prefixes))
            else:
                from plankg.store import run_update

                run_update(store, text, dict(prefixes))
            return Result([], [])
        if first_operation(text) in _UPDATE_WORDS:
            raise InputError("SPARQL Update is refused: this command only reads the store")
        return _result(store.query(text, prefixes=dict(prefixes)), limit)
    except SyntaxError as exc:
        raise InputError(f"bad SPARQL: {_short(' '.join(str(exc).split()))}") from None


def _short(message: str, limit: int = 300) -> str:
    """pyoxigraph lists every expected token; keep the line:column and the start of the list."""
    return message if len(message) <= limit else message[:limit] + " …"


def first_operation(text: str) -> str | None:
    """The first keyword after the prologue (BASE/PREFIX declarations)."""
    toks = list(tokens(text))
    i = 0
    while i < len(toks):
        kw = keyword(toks[i])
        if kw == "BASE":
            i += 2
        elif kw == "PREFIX":
            i += 3
        else:
            return kw
    return None
