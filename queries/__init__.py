"""Saved SPARQL queries: the catalogue of ``queries/*.rq``, typed parameters and safe binding.

A saved query is a ``.rq`` file whose first lines start with ``#+`` and hold a YAML header in
grlc's style (``summary``, ``description``, ``tags``, ``defaults``, ``enumerate``) plus a
``params:`` mapping that gives each parameter a type, ``required``, ``multiple``, ``default``,
``enum`` and ``description``. Parameter ``NAME`` binds the query variable ``?NAME``.

User values never become query text: a value is first turned into a pyoxigraph term (which
refuses what is not a valid literal or IRI), then either handed to pyoxigraph as a substitution
(possible only for variables in the top-level SELECT projection, see docs/design.md) or written into a
``VALUES`` block from ``str(term)``, the term's own escaped N-Triples form. A ``VALUES`` block
goes at the start of the top-level WHERE group, so a query must test a non-projected parameter
in a FILTER of that top-level group, not inside a nested ``GRAPH { }`` group.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Union

from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, Store, Triple, Variable

from plankg.errors import InputError

Term = Union[NamedNode, BlankNode, Literal, Triple]

PARAM_TYPES = ("string", "integer", "year", "iri")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_GYEAR = NamedNode(_XSD + "gYear")
_XSD_INTEGER = NamedNode(_XSD + "integer")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_QUERY_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
# grlc's header keys keep their meaning; plankg adds ``params``
_HEADER_KEYS = frozenset(
    {"summary", "description", "tags", "defaults", "enumerate", "params", "endpoint", "method",
     "pagination", "endpoint_in_url", "transform"}
)
_PARAM_KEYS = frozenset({"type", "required", "multiple", "default", "enum", "description"})


@dataclass(frozen=True)
class Param:
    """One declared parameter of a saved query; it binds the variable ``?name``."""

    name: str
    type: str = "string"
    required: bool = False
    default: Any = None
    enum: tuple[str, ...] | None = None
    multiple: bool = False
    description: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape ``plankg queries --format json`` prints for a parameter."""
        return {
            "name": self.name, "type": self.type, "required": self.required, "default": self.default,
            "enum": list(self.enum) if self.enum is not None else None, "multiple": self.multiple,
        }


@dataclass(frozen=True)
class SavedQuery:
    """A parsed ``.rq`` file: its header and the SPARQL text after the header."""

    name: str
    summary: str
    description: str
    tags: tuple[str, ...]
    params: tuple[Param, ...]
    sparql: str
    path: str

    def param(self, name: str) -> Param | None:
        """The declaration of parameter ``name``, or None when the query has no such parameter."""
        return next((p for p in self.params if p.name == name), None)

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape ``plankg queries --format json`` prints for a query."""
        return {
            "name": self.name, "summary": self.summary, "description": self.description,
            "tags": list(self.tags), "params": [p.as_dict() for p in self.params],
        }


def describe(query: SavedQuery) -> dict[str, Any]:
    """``{"name", "summary", "description", "tags", "params": [...]}`` for ``plankg queries --format json``."""
    return query.as_dict()


@dataclass
class Result:
    """A query's answer as plain rows of pyoxigraph terms (``None`` where unbound)."""

    columns: list[str]
    rows: list[list[Term | None]] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# catalogue

_CATALOGUE: dict[str, SavedQuery] | None = None


def catalogue() -> dict[str, SavedQuery]:
    """Every shipped saved query by name, read once from the package data."""
    global _CATALOGUE
    if _CATALOGUE is None:
        from importlib.resources import files

        found = {}
        for entry in sorted(files("plankg.queries").iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".rq") and entry.is_file():
                query = parse_saved_query(entry.name[:-3], entry.read_text(encoding="utf-8"), str(entry))
                found[query.name] = query
        _CATALOGUE = found
    return _CATALOGUE


def get(name: str) -> SavedQuery:
    """The saved query called ``name``, or the InputError a user sees for a typo."""
    try:
        return catalogue()[name]
    except KeyError:
        raise InputError(f"unknown query {name!r}; `plankg queries` lists them") from None


def parse_saved_query(name: str, text: str, path: str = "") -> SavedQuery:
    """Split a ``.rq`` text into its ``#+`` YAML header and SPARQL body and check the header.

    A broken header in a shipped file is a bug of the package, so it raises ValueError naming
    the file rather than an error meant for the user.
    """
    import yaml

    where = path or name
    if not _QUERY_NAME.fullmatch(name):
        raise ValueError(f"{where}: query name {name!r} must be lower-case letters, digits, - or _")
    header, body = _split_header(text)
    try:
        # libyaml's safe loader where PyYAML has it: 10x faster, and every CLI start reads 27 headers
        meta = yaml.load(header, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) if header.strip() else {}
    except yaml.YAMLError as exc:
        raise ValueError(f"{where}: header is not YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise ValueError(f"{where}: header must be a YAML mapping")
    unknown = set(meta) - _HEADER_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown header keys {sorted(unknown)}")
    params = _parse_params_block(meta.get("params") or {}, _grlc_defaults(meta.get("defaults"), where), where)
    for enumerated in meta.get("enumerate") or []:
        if not any(p.name == enumerated for p in params):
            raise ValueError(f"{where}: enumerate names undeclared parameter {enumerated!r}")
    tags = meta.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ValueError(f"{where}: tags must be a list of strings")
    return SavedQuery(
        name=name,
        summary=str(meta.get("summary") or "").strip(),
        description=str(meta.get("description") or "").strip(),
        tags=tuple(tags),
        params=params,
        sparql=body,
        path=path,
    )


def _split_header(text: str) -> tuple[str, str]:
    """The leading ``#+`` lines without their marker, and the rest of the text."""
    lines = text.splitlines(keepends=True)
    header: list[str] = []
    for line in lines:
        if not line.startswith("#+"):
            break
        header.append(line[3:] if line.startswith("#+ ") else line[2:])
    return "".join(header), "".join(lines[len(header):])


def _grlc_defaults(defaults: Any, where: str) -> dict[str, Any]:
    """grlc writes ``defaults`` as a list of one-key mappings; accept a plain mapping too."""
    if defaults is None:
        return {}
    if isinstance(defaults, dict):
        return dict(defaults)
    if isinstance(defaults, list) and all(isinstance(d, dict) for d in defaults):
        merged: dict[str, Any] = {}
        for d in defaults:
            merged.update(d)
        return merged
    raise ValueError(f"{where}: defaults must be a list of NAME: VALUE mappings")


def _parse_params_block(block: Any, defaults: dict[str, Any], where: str) -> tuple[Param, ...]:
    """Check every parameter declaration; defaults and enum values must fit the declared type."""
    if not isinstance(block, dict):
        raise ValueError(f"{where}: params must be a mapping of name to declaration")
    for name in defaults:
        if name not in block:
            raise ValueError(f"{where}: default for undeclared parameter {name!r}")
    return tuple(_parse_param(str(name), spec or {}, defaults, f"{where}: parameter {name}") for name, spec in block.items())


def _parse_param(name: str, spec: Any, defaults: dict[str, Any], where: str) -> Param:
    """One declaration -> Param, refusing what could never bind."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"{where}: name must be a SPARQL variable name")
    if not isinstance(spec, dict) or set(spec) - _PARAM_KEYS:
        raise ValueError(f"{where}: declaration keys must be among {sorted(_PARAM_KEYS)}")
    kind = spec.get("type", "string")
    if kind not in PARAM_TYPES:
        raise ValueError(f"{where}: type must be one of {PARAM_TYPES}")
    required, multiple = spec.get("required", False), spec.get("multiple", False)
    if not isinstance(required, bool) or not isinstance(multiple, bool):
        raise ValueError(f"{where}: required and multiple must be true or false")
    enum = spec.get("enum")
    if enum is not None:
        if not isinstance(enum, list) or not enum:
            raise ValueError(f"{where}: enum must be a non-empty list")
        enum = tuple(str(e) for e in enum)
    default = spec.get("default", defaults.get(name))
    param = Param(name, kind, required, default, enum, multiple, str(spec.get("description") or "").strip())
    if default is not None:
        if required:
            raise ValueError(f"{where}: a required parameter cannot have a default")
        values = default if isinstance(default, list) else [default]
        if len(values) > 1 and not multiple:
            raise ValueError(f"{where}: list default for a single-valued parameter")
        try:
            for value in values:
                coerce(param, str(value))
        except InputError as exc:
            raise ValueError(f"{where}: bad default: {exc.message}") from None
    for value in enum or ():
        try:
            coerce(Param(name, kind), value)
        except InputError as exc:
            raise ValueError(f"{where}: bad enum value: {exc.message}") from None
    return param


# ---------------------------------------------------------------------------------------------
# parameters

def _show(value: str, limit: int = 40) -> str:
    """A value quoted for an error message, cut short so a 1 MB value stays a one-line error."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def coerce(param: Param, raw: str) -> NamedNode | Literal:
    """Turn one raw value into the RDF term its declared type asks for, or refuse it."""
    where = f"parameter {param.name}"
    if param.enum is not None and raw not in param.enum:
        raise InputError(f"{where}: {_show(raw)} is not one of {', '.join(param.enum)}")
    if param.type == "year":
        if not re.fullmatch(r"[0-9]{4}", raw) or not 1000 <= int(raw) <= 2999:
            raise InputError(f"{where}: {_show(raw)} is not a year (four digits, 1000-2999)")
        return Literal(raw, datatype=_XSD_GYEAR)
    if param.type == "integer":
        if not re.fullmatch(r"[+-]?[0-9]{1,18}", raw):
            raise InputError(f"{where}: {_show(raw)} is not an integer")
        return Literal(str(int(raw)), datatype=_XSD_INTEGER)
    if param.type == "iri":
        try:
            return NamedNode(raw)
        except ValueError as exc:
            raise InputError(f"{where}: {_show(raw)} is not an absolute IRI ({exc})") from None
    try:
        return Literal(raw)
    except (ValueError, TypeError):
        raise InputError(f"{where}: {_show(raw)} is not valid text (lone surrogate?)") from None


def parse_params(query: SavedQuery, pairs: Sequence[str]) -> dict[str, list]:
    """Repeated ``NAME=VALUE`` strings -> typed terms per parameter, with defaults applied."""
    raw: dict[str, list[str]] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise InputError(f"parameter {_show(pair)}: expected NAME=VALUE")
        _declared(query, name)
        raw.setdefault(name, []).append(value)
    return _complete(query, {name: [coerce(_declared(query, name), v) for v in vs] for name, vs in raw.items()})


def _declared(query: SavedQuery, name: str) -> Param:
    """The declaration of ``name``, or an error listing what the query does take."""
    param = query.param(name)
    if param is None:
        takes = ", ".join(p.name for p in query.params) or "no parameters"
        raise InputError(f"parameter {_show(name)}: unknown for query {query.name} (it takes {takes})")
    return param


def _complete(query: SavedQuery, typed: Mapping[str, list]) -> dict[str, list]:
    """Refuse repeats of single-valued parameters and missing required ones; fill defaults."""
    for given in typed:
        _declared(query, given)
    out: dict[str, list] = {}
    for param in query.params:
        name = param.name
        values = list(typed.get(name) or [])
        if len(values) > 1 and not param.multiple:
            raise InputError(f"parameter {name}: given {len(values)} times but takes one value")
        if not values and param.default is not None:
            defaults = param.default if isinstance(param.default, list) else [param.default]
            values = [coerce(param, str(d)) for d in defaults]
        if not values and param.required:
            raise InputError(f"parameter {name}: required by query {query.name} (--param {name}=VALUE)")
        if values:
            out[name] = values
    return out


def _typed_mapping(query: SavedQuery, params: Mapping[str, Any]) -> dict[str, list]:
    """Accept terms, strings or lists of them per name, for callers that skip parse_params."""
    typed: dict[str, list] = {}
    for name, value in params.items():
        param = _declared(query, name)
        items = value if isinstance(value, (list, tuple)) else [value]
        # a term is re-made from its text so that it, too, has exactly the declared type
        typed[name] = [coerce(param, item.value if isinstance(item, (NamedNode, Literal)) else str(item)) for item in items]
    return typed


# ---------------------------------------------------------------------------------------------
# binding

_TOKEN_PATTERN = (
    r'''(?P<ws>\s+)
    |(?P<comment>\#[^\r\n]*)
    |(?P<string>"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""|\'\'\'(?:(?:\'|\'\')?(?:[^\'\\]|\\.))*\'\'\'
        |"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\')
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
    |(?P<word>[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_\-.\u00B7\u00C0-\uFFFF]*(?::(?:\\.|[^\s{}()<>"',;\\])*)?
        |:(?:\\.|[^\s{}()<>"',;\\])*)
    |(?P<punct>.)'''
)


@lru_cache(maxsize=1)
def _token_re() -> re.Pattern:
    """Compiled on first use: its Unicode classes take ~7 ms, paid by every CLI start otherwise."""
    return re.compile(_TOKEN_PATTERN, re.X | re.S)


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int


def _tokens(text: str) -> Iterator[_Token]:
    """SPARQL tokens that matter for structure: strings, IRIs and comments are kept whole so
    that a brace or keyword inside them is never taken for syntax."""
    for m in _token_re().finditer(text):
        if m.lastgroup not in ("ws", "comment"):
            yield _Token(m.lastgroup or "punct", m.group(), m.start())


def _keyword(token: _Token) -> str | None:
    """The upper-cased keyword a bare word token spells (prefixed names are never keywords)."""
    if token.kind == "word" and ":" not in token.text:
        return token.text.upper()
    return None


@dataclass(frozen=True)
class _Shape:
    projected: frozenset[str]  # plain variables and AS aliases; ``*`` projects none by name
    where_open: int  # index of the top-level WHERE group's "{"


def _shape(sparql: str) -> _Shape:
    """Find the top-level projection and the brace that opens the top-level WHERE group."""
    tokens = list(_tokens(sparql))
    start = next((i for i, t in enumerate(tokens) if _keyword(t) in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")), None)
    if start is None:
        raise ValueError("no SELECT, ASK, CONSTRUCT or DESCRIBE in the query")
    projected: set[str] = set()
    depth, i = 0, start + 1
    if _keyword(tokens[start]) == "CONSTRUCT" and i < len(tokens) and tokens[i].text == "{":
        i = _skip_group(tokens, i)
    while i < len(tokens):
        tok = tokens[i]
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth -= 1
        elif tok.text == "{" and depth == 0:
            return _Shape(frozenset(projected), tok.start)
        elif tok.kind == "var" and (depth == 0 or _keyword(tokens[i - 1]) == "AS"):
            projected.add(tok.text[1:])
        i += 1
    raise ValueError("no WHERE group in the query")


def _skip_group(tokens: list[_Token], i: int) -> int:
    """Index just after the group that opens at ``tokens[i]``."""
    depth = 0
    for j in range(i, len(tokens)):
        depth += {"{": 1, "}": -1}.get(tokens[j].text, 0)
        if depth == 0:
            return j + 1
    return len(tokens)


PLAN_PARAM = "plan"


def _plan_forms(query: SavedQuery, params: Mapping[str, list]) -> Mapping[str, list]:
    """A ``plan`` parameter takes a plan's key or its title (docs/design.md). Keys are plain literals
    and titles ``@zh`` literals, so the text given stands for both terms: ``VALUES ?plan { "x"
    "x"@zh }``. A query can then find the plan with one triple pattern, ``?p
    dcterms:identifier|dcterms:title ?plan``, which Oxigraph answers from its indexes (a few ms),
    where ``FILTER(STR(?key) = ?plan || STR(?title) = ?plan)`` makes it join every plan's data
    first (bench/run.py: plan-summary went from 0.8 s to ms at 300 plans). The title form never
    passes such a FILTER (a simple literal never equals a tagged one), so queries written that
    way answer as before."""
    param = query.param(PLAN_PARAM)
    terms = params.get(PLAN_PARAM)
    if param is None or param.type != "string" or not terms:
        return params
    forms = list(terms)
    for term in terms:
        if isinstance(term, Literal) and term.language is None and term.datatype.value == _XSD + "string":
            forms.append(Literal(term.value, language="zh"))
    return {**params, PLAN_PARAM: list(dict.fromkeys(forms))}


def bind(query: SavedQuery, params: Mapping[str, list]) -> tuple[str, dict[Variable, Term]]:
    """The SPARQL text to run and its substitutions, with every value bound as an RDF term.

    A single value of a projected variable is a substitution; anything else becomes a
    ``VALUES`` block (from ``str(term)``, never from user text) at the start of the top-level
    WHERE group. A parameter without values leaves its variable unbound. A ``plan`` value
    stands for a key and a title (``_plan_forms``).
    """
    params = _plan_forms(query, params)
    shape = _shape(query.sparql)
    substitutions: dict[Variable, Term] = {}
    blocks: list[str] = []
    for name, terms in params.items():
        _declared(query, name)
        if not terms:
            continue
        for term in terms:
            if not isinstance(term, (NamedNode, Literal)):
                raise TypeError(f"parameter {name}: bind takes NamedNode or Literal, not {type(term).__name__}")
        if len(terms) == 1 and name in shape.projected:
            substitutions[Variable(name)] = terms[0]
        else:
            blocks.append(f"VALUES ?{name} {{ {' '.join(str(t) for t in terms)} }}")
    text = query.sparql
    if blocks:
        at = shape.where_open + 1
        text = text[:at] + "\n  " + "\n  ".join(blocks) + "\n" + text[at:]
    return text, substitutions


def bind_as_values(query: SavedQuery, params: Mapping[str, list]) -> str:
    """The SPARQL text with every value in a ``VALUES`` block (from ``str(term)``), for a remote
    endpoint, which takes no substitutions: the same answer as ``bind`` gives locally."""
    params = _plan_forms(query, params)
    shape = _shape(query.sparql)
    blocks: list[str] = []
    for name, terms in params.items():
        _declared(query, name)
        for term in terms:
            if not isinstance(term, (NamedNode, Literal)):
                raise TypeError(f"parameter {name}: bind takes NamedNode or Literal, not {type(term).__name__}")
        if terms:
            blocks.append(f"VALUES ?{name} {{ {' '.join(str(t) for t in terms)} }}")
    if not blocks:
        return query.sparql
    at = shape.where_open + 1
    return query.sparql[:at] + "\n  " + "\n  ".join(blocks) + "\n" + query.sparql[at:]


# ---------------------------------------------------------------------------------------------
# running

CATALOGUE_TAG = "catalogue"


def run(store: Store | None, name_or_query: str | SavedQuery, params: Mapping[str, Any] | Sequence[str] | None = None,
        *, allow_service: bool = False) -> Result:
    """Run a saved query with parameters given as ``NAME=VALUE`` strings or a mapping of
    names to terms or strings (as parse_params returns).

    A query that calls a remote endpoint (tagged ``federated``, or holding SERVICE) is refused
    unless ``allow_service``; the endpoint's failures are ``EndpointError`` (exit 4). A query
    tagged ``catalogue`` answers from the catalogue graph, and ``store`` may then be None."""
    query = name_or_query if isinstance(name_or_query, SavedQuery) else get(name_or_query)
    if params is None:
        typed = _complete(query, {})
    elif isinstance(params, Mapping):
        typed = _complete(query, _typed_mapping(query, params))
    else:
        typed = parse_params(query, list(params))
    text, substitutions = bind(query, typed)
    if CATALOGUE_TAG in query.tags:  # answers from the catalogue itself, whatever the store holds
        from plankg.queries.catalogue_rdf import catalogue_store

        store = catalogue_store()
    if not is_federated(query):
        return _result(store.query(text, substitutions=substitutions or None))
    endpoints = ", ".join(t.value for t in typed.get("endpoint", [])) or "a remote endpoint"
    if not allow_service:
        raise InputError(f"query {query.name} is federated: it sends a SERVICE request to {endpoints}; "
                         "allow it with --allow-service")
    try:
        return _result(store.query(text, substitutions=substitutions or None))
    except (OSError, RuntimeError) as exc:
        if isinstance(exc, RuntimeError) and type(exc) is not RuntimeError:
            raise
        from plankg.errors import EndpointError

        message = " ".join(str(exc).split())
        raise EndpointError(f"query {query.name}: endpoint {endpoints} failed: {message[:300]}") from None


def is_federated(query: SavedQuery) -> bool:
    """True for a query that calls a remote endpoint: tagged ``federated`` or holding SERVICE."""
    return "federated" in query.tags or any(_keyword(t) == "SERVICE" for t in _tokens(query.sparql))


def _result(answer: Any) -> Result:
    """Rows of terms from any pyoxigraph query answer (SELECT, ASK, CONSTRUCT/DESCRIBE)."""
    if isinstance(answer, QuerySolutions):
        variables = answer.variables
        return Result([v.value for v in variables], [[sol[v] for v in variables] for sol in answer])
    if isinstance(answer, QueryBoolean):
        return Result(["boolean"], [[Literal(bool(answer))]])
    return Result(["subject", "predicate", "object"], [[t.subject, t.predicate, t.object] for t in answer])


_UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
_REMOTE_WORDS = ("SERVICE", "LOAD")


def run_sparql(store: Store, text: str, *, update: bool = False, allow_service: bool = False,
               prefixes: Mapping[str, str] | None = None) -> Result:
    """Run ad-hoc SPARQL: read-only unless ``update``; no SERVICE or LOAD (they make this
    process fetch from the network) unless ``allow_service``. Bad text is an InputError that
    carries pyoxigraph's line:column message. ``prefixes`` default to the ontology's."""
    if prefixes is None:
        from plankg.ontology.vocab import PREFIXES

        prefixes = PREFIXES
    words = {kw for kw in (_keyword(t) for t in _tokens(text)) if kw}
    if not allow_service:
        for word in _REMOTE_WORDS:
            if word in words:
                raise InputError(f"{word} is refused: it makes plankg fetch from the network (allow it explicitly)")
    try:
        if update:
            store.update(text, prefixes=dict(prefixes))
            return Result([], [])
        if _first_operation(text) in _UPDATE_WORDS:
            raise InputError("SPARQL Update is refused: this command only reads the store")
        return _result(store.query(text, prefixes=dict(prefixes)))
    except SyntaxError as exc:
        raise InputError(f"bad SPARQL: {_short(' '.join(str(exc).split()))}") from None


def _short(message: str, limit: int = 300) -> str:
    """pyoxigraph lists every expected token; keep the line:column and the start of the list."""
    return message if len(message) <= limit else message[:limit] + " …"


def _first_operation(text: str) -> str | None:
    """The first keyword after the prologue (BASE/PREFIX declarations)."""
    tokens = list(_tokens(text))
    i = 0
    while i < len(tokens):
        kw = _keyword(tokens[i])
        if kw == "BASE":
            i += 2
        elif kw == "PREFIX":
            i += 3
        else:
            return kw
    return None


__all__ = [
    "PARAM_TYPES", "Param", "SavedQuery", "Result", "catalogue", "get", "describe", "parse_saved_query",
    "coerce", "parse_params", "bind", "bind_as_values", "run", "run_sparql", "is_federated",
]
