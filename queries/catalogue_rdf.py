"""The saved-query catalogue published as RDF, generated in memory from the ``.rq`` files.

Each query becomes an ``sh:SPARQLSelectExecutable`` (SHACL-AF) with its summary, description,
keywords and parameters, in the style of the SIB query catalogue, so the catalogue can be queried
(``plankg query catalogue``) and shipped beside the data without a store of its own.
"""
from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Quad, Store

from plankg.ontology import vocab as v

QUERY_BASE = "https://w3id.org/plankg/query/"
CATALOGUE_GRAPH = NamedNode(v.ID + "graph/catalogue")
SH = v.PREFIXES["sh"]
SCHEMA = "https://schema.org/"
RDFS_COMMENT = NamedNode(v.PREFIXES["rdfs"] + "comment")
DCT_DESCRIPTION = NamedNode(v.PREFIXES["dcterms"] + "description")


def catalogue_quads() -> Iterator[Quad]:
    """Quads describing every shipped saved query and its parameters."""
    from plankg.queries.catalogue import catalogue

    g = CATALOGUE_GRAPH
    for name, query in catalogue().items():
        node = NamedNode(QUERY_BASE + name)
        executable = "SPARQLAskExecutable" if query.sparql.lstrip().upper().startswith("ASK") else "SPARQLSelectExecutable"
        yield Quad(node, v.RDF_TYPE, NamedNode(SH + executable), g)
        yield Quad(node, v.RDFS_LABEL, Literal(name), g)
        yield Quad(node, RDFS_COMMENT, Literal(query.summary, language="en"), g)
        if query.description:
            yield Quad(node, DCT_DESCRIPTION, Literal(query.description, language="en"), g)
        yield Quad(node, NamedNode(SH + "select"), Literal(query.sparql), g)
        for tag in query.tags:
            yield Quad(node, NamedNode(SCHEMA + "keywords"), Literal(tag), g)
        for param in query.params:
            p = NamedNode(f"{QUERY_BASE}{name}/param/{param.name}")
            yield Quad(node, v.pk("parameter"), p, g)
            yield Quad(p, v.RDF_TYPE, v.pk("QueryParameter"), g)
            yield Quad(p, v.RDFS_LABEL, Literal(param.name), g)
            yield Quad(p, v.pk("parameterType"), Literal(param.type), g)
            yield Quad(p, v.pk("required"), Literal("true" if param.required else "false", datatype=v.XSD_BOOLEAN), g)
            yield Quad(p, v.pk("multiple"), Literal("true" if param.multiple else "false", datatype=v.XSD_BOOLEAN), g)
            if param.description:
                yield Quad(p, RDFS_COMMENT, Literal(param.description, language="en"), g)
            if param.default is not None:
                yield Quad(p, v.pk("defaultValue"), Literal(str(param.default)), g)
            for allowed in param.enum or ():
                yield Quad(p, v.pk("allowedValue"), Literal(str(allowed)), g)


def catalogue_store() -> Store:
    """An in-memory store holding only the catalogue graph."""
    store = Store()
    store.extend(catalogue_quads())
    return store


def catalogue_turtle() -> bytes:
    """The catalogue as Turtle, with the usual prefixes."""
    from pyoxigraph import RdfFormat, serialize

    prefixes = {**v.PREFIXES, "schema": SCHEMA, "pkq": QUERY_BASE}
    return serialize((q.triple for q in catalogue_quads()), None, RdfFormat.TURTLE, prefixes=prefixes)
