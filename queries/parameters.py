"""Parameters of a saved query: raw ``NAME=VALUE`` strings turned into RDF terms of the declared
type (a value that is not a valid literal or IRI is refused here), defaults applied, repeats and
missing required ones refused.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pyoxigraph import Literal, NamedNode

from plankg.errors import InputError

if TYPE_CHECKING:
    from .catalogue import SavedQuery


_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_GYEAR = NamedNode(_XSD + "gYear")
_XSD_INTEGER = NamedNode(_XSD + "integer")

PARAM_TYPES = ("string", "integer", "year", "iri")


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


def shown(value: str, limit: int = 40) -> str:
    """A value quoted for an error message, cut short so a 1 MB value stays a one-line error."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def coerce(param: Param, raw: str) -> NamedNode | Literal:
    """Turn one raw value into the RDF term its declared type asks for, or refuse it."""
    where = f"parameter {param.name}"
    if param.enum is not None and raw not in param.enum:
        raise InputError(f"{where}: {shown(raw)} is not one of {', '.join(param.enum)}")
    if param.type == "year":
        if not re.fullmatch(r"[0-9]{4}", raw) or not 1000 <= int(raw) <= 2999:
            raise InputError(f"{where}: {shown(raw)} is not a year (four digits, 1000-2999)")
        return Literal(raw, datatype=_XSD_GYEAR)
    if param.type == "integer":
        if not re.fullmatch(r"[+-]?[0-9]{1,18}", raw):
            raise InputError(f"{where}: {shown(raw)} is not an integer")
        return Literal(str(int(raw)), datatype=_XSD_INTEGER)
    if param.type == "iri":
        try:
            return NamedNode(raw)
        except ValueError as exc:
            raise InputError(f"{where}: {shown(raw)} is not an absolute IRI ({exc})") from None
    try:
        return Literal(raw)
    except (ValueError, TypeError):
        raise InputError(f"{where}: {shown(raw)} is not valid text (lone surrogate?)") from None


def parse_params(query: SavedQuery, pairs: Sequence[str]) -> dict[str, list]:
    """Repeated ``NAME=VALUE`` strings -> typed terms per parameter, with defaults applied."""
    raw: dict[str, list[str]] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise InputError(f"parameter {shown(pair)}: expected NAME=VALUE")
        declared(query, name)
        raw.setdefault(name, []).append(value)
    return complete(query, {name: [coerce(declared(query, name), v) for v in vs] for name, vs in raw.items()})


def declared(query: SavedQuery, name: str) -> Param:
    """The declaration of ``name``, or an error listing what the query does take."""
    param = query.param(name)
    if param is None:
        takes = ", ".join(p.name for p in query.params) or "no parameters"
        raise InputError(f"parameter {shown(name)}: unknown for query {query.name} (it takes {takes})")
    return param


def complete(query: SavedQuery, typed: Mapping[str, list]) -> dict[str, list]:
    """Refuse repeats of single-valued parameters and missing required ones; fill defaults."""
    for given in typed:
        declared(query, given)
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


def typed_mapping(query: SavedQuery, params: Mapping[str, Any]) -> dict[str, list]:
    """Accept terms, strings or lists of them per name, for callers that skip parse_params."""
    typed: dict[str, list] = {}
    for name, value in params.items():
        param = declared(query, name)
        items = value if isinstance(value, (list, tuple)) else [value]
        # a term is re-made from its text so that it, too, has exactly the declared type
        typed[name] = [coerce(param, item.value if isinstance(item, (NamedNode, Literal)) else str(item)) for item in items]
    return typed


PLAN_PARAM = "plan"


def plan_forms(query: SavedQuery, params: Mapping[str, list]) -> Mapping[str, list]:
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
