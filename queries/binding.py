"""Binding values to a saved query without ever putting user text into it (docs/design.md,
"Saved-query contract"): a value is already a pyoxigraph term (``parameters.coerce``), handed to
pyoxigraph as a substitution where the variable is in the top-level SELECT projection (the only
place pyoxigraph takes one), else written into a ``VALUES`` block from ``str(term)``, the term's
own escaped N-Triples form. A ``VALUES`` block goes at the start of the top-level WHERE group, so a
query tests a non-projected parameter in a FILTER of that group, not inside a nested ``GRAPH { }``.
The small SPARQL tokenizer here finds that group and the projection.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Union

from pyoxigraph import BlankNode, Literal, NamedNode, Triple, Variable

from .catalogue import SavedQuery
from .parameters import declared, plan_forms

Term = Union[NamedNode, BlankNode, Literal, Triple]

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
class Token:
    kind: str
    text: str
    start: int


def tokens(text: str) -> Iterator[Token]:
    """SPARQL tokens that matter for structure: strings, IRIs and comments are kept whole so
    that a brace or keyword inside them is never taken for syntax."""
    for m in _token_re().finditer(text):
        if m.lastgroup not in ("ws", "comment"):
            yield Token(m.lastgroup or "punct", m.group(), m.start())


def keyword(token: Token) -> str | None:
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
    toks = list(tokens(sparql))
    start = next((i for i, t in enumerate(toks) if keyword(t) in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")), None)
    if start is None:
        raise ValueError("no SELECT, ASK, CONSTRUCT or DESCRIBE in the query")
    projected: set[str] = set()
    depth, i = 0, start + 1
    if keyword(toks[start]) == "CONSTRUCT" and i < len(toks) and toks[i].text == "{":
        i = _skip_group(toks, i)
    while i < len(toks):
        tok = toks[i]
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth -= 1
        elif tok.text == "{" and depth == 0:
            return _Shape(frozenset(projected), tok.start)
        elif tok.kind == "var" and (depth == 0 or keyword(toks[i - 1]) == "AS"):
            projected.add(tok.text[1:])
        i += 1
    raise ValueError("no WHERE group in the query")


def _skip_group(tokens: list[Token], i: int) -> int:
    """Index just after the group that opens at ``tokens[i]``."""
    depth = 0
    for j in range(i, len(tokens)):
        depth += {"{": 1, "}": -1}.get(tokens[j].text, 0)
        if depth == 0:
            return j + 1
    return len(tokens)


def bind(query: SavedQuery, params: Mapping[str, list], *, substitutions: bool = True) -> tuple[str, dict[Variable, Term]]:
    """The SPARQL text to run and its substitutions, with every value bound as an RDF term.

    With ``substitutions``, a single value of a projected variable is a pyoxigraph substitution;
    any other value (and every value without it, for a remote endpoint, which takes none) goes
    into a ``VALUES`` block written from ``str(term)``, never from user text, at the start of the
    top-level WHERE group. A parameter without values leaves its variable unbound. A ``plan``
    value stands for a key and a title (``parameters.plan_forms``).
    """
    params = plan_forms(query, params)
    shape = _shape(query.sparql)
    bound: dict[Variable, Term] = {}
    blocks: list[str] = []
    for name, terms in params.items():
        declared(query, name)
        for term in terms:
            if not isinstance(term, (NamedNode, Literal)):
                raise TypeError(f"parameter {name}: bind takes NamedNode or Literal, not {type(term).__name__}")
        if not terms:
            continue
        if substitutions and len(terms) == 1 and name in shape.projected:
            bound[Variable(name)] = terms[0]
        else:
            blocks.append(f"VALUES ?{name} {{ {' '.join(str(t) for t in terms)} }}")
    text = query.sparql
    if blocks:
        at = shape.where_open + 1
        text = text[:at] + "\n  " + "\n  ".join(blocks) + "\n" + text[at:]
    return text, bound


def bind_as_values(query: SavedQuery, params: Mapping[str, list]) -> str:
    """The SPARQL text with every value in a ``VALUES`` block, for a remote endpoint: the same
    answer as ``bind`` gives locally."""
    return bind(query, params, substitutions=False)[0]
