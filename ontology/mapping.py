"""Records -> quads in the plan's named graph, with deterministic IRIs.

The graph is a pure function of the document's bytes, its key and its jurisdiction: nothing
time-dependent goes in (load records live in the loads graph, see ``load_record_quads``).
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad

from plankg.records import Plan, Target, Task

from . import vocab as v

_IRI_SAFE_ASCII = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")


def _ucschar(code: int) -> bool:
    """RFC 3987 ``ucschar``: the non-ASCII characters an IRI path may hold as they are."""
    if (code & 0xFFFF) >= 0xFFFE:
        return False
    return (
        0xA0 <= code <= 0xD7FF or 0xF900 <= code <= 0xFDCF or 0xFDF0 <= code <= 0xFFEF
        or 0x10000 <= code <= 0xEFFFD
    )


@lru_cache(maxsize=8192)  # agency names and keys recur in every task that names them
def iri_segment(text: str) -> str:
    """Percent-encode what may not stand in an IRI path segment; keep CJK as it is readable."""
    out = []
    for ch in text:
        if ch in _IRI_SAFE_ASCII or (_ucschar(ord(ch)) and not ch.isspace()):
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
    return "".join(out)


def plan_iri(key: str, base: str = v.ID) -> NamedNode:
    return NamedNode(f"{base}plan/{iri_segment(key)}")


def graph_iri(key: str, base: str = v.ID) -> NamedNode:
    return NamedNode(f"{base}graph/{iri_segment(key)}")


def agency_iri(name: str, jurisdiction: str | None, base: str = v.ID) -> NamedNode:
    return NamedNode(f"{base}agency/{jurisdiction or 'unknown'}/{iri_segment(name)}")


def _zh(text: str) -> Literal:
    return Literal(text, language="zh")


@lru_cache(maxsize=4096)  # orders and line numbers repeat on every assignment of a task
def _int(n: int) -> Literal:
    return Literal(str(n), datatype=v.XSD_INTEGER)


def decimal_literal(value: Decimal | str) -> Literal:
    """``xsd:decimal`` in canonical form (no trailing zeros), as Oxigraph stores it, so a parsed
    graph and the stored one are the same quads."""
    text = format(Decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Literal(text if text not in ("", "-0") else "0", datatype=v.XSD_DECIMAL)


def _date(value: str) -> Literal:
    return Literal(value, datatype=v.XSD_GYEAR if len(value) == 4 else v.XSD_DATE)


def plan_quads(plan: Plan, base: str = v.ID) -> Iterator[Quad]:
    """All quads of one plan's named graph."""
    g = graph_iri(plan.key, base)
    p = plan_iri(plan.key, base)

    def q(s, pred, o):
        return Quad(s, pred, o, g)

    yield q(p, v.RDF_TYPE, v.PLAN)
    yield q(p, v.DCT_TITLE, _zh(plan.title))
    yield q(p, v.DCT_IDENTIFIER, Literal(plan.key))
    yield q(p, v.DCT_SOURCE, Literal(plan.source))
    yield q(p, v.pk("sourceHash"), Literal(plan.source_hash))
    if plan.year is not None:
        yield q(p, v.pk("year"), Literal(str(plan.year), datatype=v.XSD_GYEAR))
    if plan.jurisdiction:
        yield q(p, v.pk("jurisdiction"), NamedNode(f"{base}division/{plan.jurisdiction}"))

    section_iris = {}
    for section in plan.sections:
        s = NamedNode(f"{p.value}/section/{section.order}")
        section_iris[id(section)] = s
        yield q(s, v.RDF_TYPE, v.SECTION)
        yield q(s, v.pk("plan"), p)
        yield q(s, v.pk("number"), Literal(section.number))
        yield q(s, v.RDFS_LABEL, _zh(section.label))
        yield q(s, v.pk("order"), _int(section.order))
        yield q(s, v.pk("sourceLine"), _int(section.line))
        yield q(s, v.PROV_DERIVED, p)

    for task in plan.tasks:
        section = section_iris.get(id(task.section)) if task.section is not None else None
        yield from _task_quads(task, p, section, plan.jurisdiction, g, base)

    from .linking import agency_quads  # agencies as resources: kind, division, written forms

    yield from agency_quads(plan, g, base)

    # words of the tasks (tokens, keywords, topics, indicator concepts): also a function of the plan alone
    from .annotations import annotation_quads

    yield from annotation_quads(plan, p, g)


def _task_quads(task: Task, p: NamedNode, section, jurisdiction, g, base) -> Iterator[Quad]:
    from .linking import assigned_agency

    t = NamedNode(f"{p.value}/task/{task.order}")
    line = _int(task.line)

    def q(s, pred, o):
        return Quad(s, pred, o, g)

    yield q(t, v.RDF_TYPE, v.TASK)
    yield q(t, v.pk("plan"), p)
    if section is not None:
        yield q(t, v.pk("section"), section)
    yield q(t, v.pk("number"), Literal(task.number))
    yield q(t, v.pk("text"), _zh(task.text))
    yield q(t, v.pk("sourceLine"), line)
    yield q(t, v.pk("order"), _int(task.order))
    yield q(t, v.pk("perDivisionOfDuties"), Literal("true" if task.per_division_of_duties else "false", datatype=v.XSD_BOOLEAN))
    if task.deadline:
        yield q(t, v.pk("deadline"), _date(task.deadline))
    yield q(t, v.PROV_DERIVED, p)

    for k, a in enumerate(task.assignments, 1):
        node = NamedNode(f"{t.value}/assignment/{k}")
        agency = assigned_agency(a.agency, jurisdiction, base)
        yield q(node, v.RDF_TYPE, v.ASSIGNMENT)
        yield q(node, v.pk("task"), t)
        yield q(node, v.pk("agency"), agency)
        yield q(node, v.pk("role"), v.ROLE_CONCEPTS[a.role])
        yield q(node, v.pk("agencyName"), _zh(a.agency))
        yield q(node, v.pk("agencyText"), _zh(a.written))
        yield q(node, v.pk("order"), _int(k))
        yield q(node, v.pk("sourceLine"), line)
        yield q(node, v.PROV_DERIVED, p)
        yield q(t, v.ROLE_SHORTCUTS[a.role], agency)

    for k, target in enumerate(task.targets, 1):
        yield from _target_quads(target, NamedNode(f"{t.value}/target/{k}"), t, k, line, p, g)


def _target_quads(target: Target, node, t, k, line, p, g) -> Iterator[Quad]:
    def q(pred, o):
        return Quad(node, pred, o, g)

    yield q(v.RDF_TYPE, v.TARGET)
    yield q(v.pk("task"), t)
    yield q(v.pk("kind"), Literal(target.kind))
    yield q(v.pk("sourceText"), _zh(target.text))
    yield q(v.pk("order"), _int(k))
    yield q(v.pk("sourceLine"), line)
    yield q(v.PROV_DERIVED, p)
    if target.indicator:
        yield q(v.pk("indicator"), _zh(target.indicator))
    if target.comparator:
        yield q(v.pk("comparator"), Literal(target.comparator))
    if target.value is not None:
        yield q(v.pk("value"), decimal_literal(target.value))
    if target.unit:
        yield q(v.pk("unit"), Literal(target.unit))
    if target.period:
        yield q(v.pk("period"), Literal(target.period))
    if target.deadline:
        yield q(v.pk("deadline"), _date(target.deadline))
    if target.approximate:
        yield q(v.pk("approximate"), Literal("true", datatype=v.XSD_BOOLEAN))
