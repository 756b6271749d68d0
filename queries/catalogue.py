"""The catalogue of saved queries: ``queries/*.rq`` files with a ``#+`` YAML header in grlc's style
(``summary``, ``description``, ``tags``, ``defaults``, ``enumerate``) plus a ``params:`` mapping
that gives each parameter a type, ``required``, ``multiple``, ``default``, ``enum`` and
``description``. Parameter ``NAME`` binds the query variable ``?NAME``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from plankg.errors import InputError

from .parameters import PARAM_TYPES, Param, coerce

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_QUERY_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
# grlc's header keys keep their meaning; plankg adds ``params``
_HEADER_KEYS = frozenset(
    {"summary", "description", "tags", "defaults", "enumerate", "params", "endpoint", "method",
     "pagination", "endpoint_in_url", "transform"}
)
_PARAM_KEYS = frozenset({"type", "required", "multiple", "default", "enum", "description"})


# a query tagged so answers from the catalogue graph itself, whatever the store holds
CATALOGUE_TAG = "catalogue"


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
