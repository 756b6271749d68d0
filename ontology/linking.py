"""Agency resources in a plan's graph: each written agency name, resolved by ``plankg.enrich``
(``plankg.resolution``) to one ``org:Organization`` per body per division, described once per plan graph.

An agency's description is a pure function of the names written in the plan and the plan's
division, so the plan graph stays a pure function of the document's bytes, key and jurisdiction;
the same agency described in two plans' graphs has the same IRI, label, kind and division.
"""
from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Quad

from plankg.records import Plan
from plankg.resolution import Agency, kind_iri

from . import vocab as v
from .iris import agency_iri, division_iri

SKOS = v.PREFIXES["skos"]
ORG = v.PREFIXES["org"]
SKOS_ALTLABEL = NamedNode(SKOS + "altLabel")
ORG_HAS_MEMBER = NamedNode(ORG + "hasMember")
COLLECTIVE = v.pk("Collective")


def agency_node(agency: Agency, base: str = v.ID) -> NamedNode:
    """``agency/<adcode or unknown>/<normalised name>``."""
    return agency_iri(agency.key, agency.code, base)


def assigned_agency(assignment, base: str = v.ID) -> NamedNode:
    """The IRI of the agency resource an enriched assignment's name means."""
    return agency_node(assignment.resolved, base)


def agency_quads(plan: Plan, graph: NamedNode, base: str = v.ID) -> Iterator[Quad]:
    """The description of every agency the plan assigns, and of the members of its collectives."""
    written: dict[Agency, list[str]] = {}
    for task in plan.tasks:
        for assignment in task.assignments:
            names = written.setdefault(assignment.resolved, [])
            if assignment.agency not in names:
                names.append(assignment.agency)
    described: set[Agency] = set()
    for agency, names in written.items():
        yield from _describe(agency, names, graph, base)
        described.add(agency)
    for agency in written:
        for member in agency.members:
            if member not in described:
                described.add(member)
                yield from _describe(member, [], graph, base)


def _describe(agency: Agency, names: list[str], graph: NamedNode, base: str) -> Iterator[Quad]:
    node = agency_node(agency, base)

    def q(p, o):
        return Quad(node, p, o, graph)

    yield q(v.RDF_TYPE, v.ORG_ORGANIZATION)
    if agency.collective:
        yield q(v.RDF_TYPE, COLLECTIVE)
    yield q(v.SKOS_PREFLABEL, Literal(agency.label, language="zh"))
    for name in names:
        if name != agency.label:
            yield q(SKOS_ALTLABEL, Literal(name, language="zh"))
    if agency.code:
        yield q(v.pk("jurisdiction"), division_iri(agency.code, base))
    yield q(v.pk("agencyKind"), NamedNode(kind_iri(agency.kind)))
    for member in agency.members:
        yield q(ORG_HAS_MEMBER, agency_node(member, base))
