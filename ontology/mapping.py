"""Records -> quads in the plan's named graph, with deterministic IRIs.

The graph is a pure function of the document's bytes, its key and its jurisdiction: nothing
time-dependent goes in (load records live in the loads graph, see ``load_record_quads``).
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from pyoxigraph import Literal, NamedNode, Quad

from plankg.records import Plan, Target, Task

from . import vocab as v
from .vocab import decimal_literal
from .iris import assignment_iri, division_iri, graph_iri, plan_iri, section_iri, target_iri, task_iri

def _zh(text: str) -> Literal:
    return Literal(text, language="zh")


@lru_cache(maxsize=4096)  # orders and line numbers repeat on every assignment of a task
def _int(n: int) -> Literal:
    return Literal(str(n), datatype=v.XSD_INTEGER)


def _date(value: str) -> Literal:
    return Literal(value, datatype=v.XSD_GYEAR if len(value) == 4 else v.XSD_DATE)


def plan_quads(plan: Plan, base: str = v.ID) -> Iterator[Quad]:
    """All quads of one plan's named graph, from its records alone: the plan must have been
    through ``plankg.enrich`` (words, topics, indicator concepts and agency resources)."""
    if any(task.annotations is None for task in plan.tasks):
        raise ValueError(f"plan {plan.key!r} is not enriched: run plankg.enrich.enrich(plan) before mapping it")
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
        yield q(p, v.pk("jurisdiction"), division_iri(plan.jurisdiction, base))

    section_iris = {}
    for section in plan.sections:
        s = section_iri(p, section.order)
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

    t = task_iri(p, task.order)
    line = _int(task.line)

    def q(s, pred, o):
        return Quad(s, pred, o, g)

    yield q(t, v.RDF_TYPE, v.TASK)
    if task.goal:
        yield q(t, v.RDF_TYPE, v.GOAL_STATEMENT)
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
        node = assignment_iri(t, k)
        agency = assigned_agency(a, base)
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
        yield from _target_quads(target, target_iri(t, k), t, k, line, p, g)


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
