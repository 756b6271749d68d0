"""IRIs of the plankg ontology and the vocabularies it reuses, as pyoxigraph terms.

Kept apart from the mapping so that queries, validation and tests name terms the same way.
"""
from __future__ import annotations

from decimal import Decimal

from functools import lru_cache

from pyoxigraph import Literal, NamedNode

PK = "https://w3id.org/plankg/ontology#"
ID = "https://w3id.org/plankg/id/"

PREFIXES = {
    "pk": PK,
    "pkid": ID,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "sh": "http://www.w3.org/ns/shacl#",
}


@lru_cache(maxsize=4096)  # called per quad by the mapping: terms are immutable, so built once
@lru_cache(maxsize=None)  # a handful of names, asked for once per quad while mapping
def pk(local: str) -> NamedNode:
    """Term ``pk:local``."""
    return NamedNode(PK + local)


def _ns(prefix: str, local: str) -> NamedNode:
    return NamedNode(PREFIXES[prefix] + local)


RDF_TYPE = _ns("rdf", "type")
RDFS_LABEL = _ns("rdfs", "label")
XSD_DECIMAL = _ns("xsd", "decimal")
XSD_INTEGER = _ns("xsd", "integer")
XSD_BOOLEAN = _ns("xsd", "boolean")
XSD_GYEAR = _ns("xsd", "gYear")
XSD_DATE = _ns("xsd", "date")
DCT_TITLE = _ns("dcterms", "title")
DCT_IDENTIFIER = _ns("dcterms", "identifier")
DCT_SOURCE = _ns("dcterms", "source")
SKOS_PREFLABEL = _ns("skos", "prefLabel")
PROV_DERIVED = _ns("prov", "wasDerivedFrom")
ORG_ORGANIZATION = _ns("org", "Organization")

PLAN = pk("Plan")
SECTION = pk("Section")
TASK = pk("Task")
GOAL_STATEMENT = pk("GoalStatement")
ASSIGNMENT = pk("Assignment")
TARGET = pk("Target")

ROLE_CONCEPTS = {"lead": pk("Lead"), "responsible": pk("Responsible"), "cooperating": pk("Cooperating")}
ROLE_SHORTCUTS = {
    "lead": pk("leadAgency"),
    "responsible": pk("responsibleAgency"),
    "cooperating": pk("cooperatingAgency"),
}

# graphs shared by all plans (docs/design.md, "Documents, plans and graphs")
LOADS_GRAPH = NamedNode(ID + "graph/loads")
REFERENCE_GRAPH = NamedNode(ID + "graph/reference")
ANALYSIS_GRAPH = NamedNode(ID + "graph/analysis")
CORRECTIONS_GRAPH = NamedNode(ID + "graph/corrections")  # what people corrected (plankg.corrections)


def decimal_literal(value: Decimal | str) -> Literal:
    """``xsd:decimal`` in canonical form (no trailing zeros), as Oxigraph stores it, so a parsed
    graph and the stored one are the same quads."""
    text = format(Decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Literal(text if text not in ("", "-0") else "0", datatype=XSD_DECIMAL)
