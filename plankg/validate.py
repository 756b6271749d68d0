"""SHACL validation of the plan graphs against ``ontology/shapes.ttl``.

Oxigraph has no SHACL engine, so the plan graphs are copied into one rdflib graph and checked with
pyshacl. rdflib and pyshacl take about a second to import, so they are imported inside
``validate`` only: every other command must start fast.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pyoxigraph import NamedNode, RdfFormat, Store

from plankg.errors import InputError
from plankg.ontology import vocab as v

if TYPE_CHECKING:  # pragma: no cover - typing only
    from rdflib import Graph
    from rdflib.term import Node

SH = "http://www.w3.org/ns/shacl#"


@dataclass(frozen=True)
class Violation:
    """One SHACL result, flattened to strings so callers need not know rdflib.

    ``focus`` and ``path`` are full IRIs (``path`` is empty when the constraint is on the node
    itself, as for ``sh:or``); ``severity`` is the local name (``Violation``, ``Warning``, ``Info``);
    ``value`` is the offending value (an IRI, or a literal in N-Triples form) and ``shape`` the
    named shape that failed (empty for the anonymous property shapes).
    """

    focus: str
    path: str
    message: str
    severity: str
    value: str = ""
    shape: str = ""


@dataclass
class ValidationReport:
    """The outcome of validating some plan graphs; ``graphs`` names those that were checked."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    graphs: list[str] = field(default_factory=list)

    def text(self) -> str:
        """A short listing for the terminal: one line per violation, IRIs shortened by prefix."""
        n = len(self.graphs)
        scope = f"{n} plan graph{'s' if n != 1 else ''}"
        if self.conforms and not self.violations:
            return f"Conforms: {scope}, no violations."
        head = "Conforms" if self.conforms else "Does not conform"
        count = len(self.violations)
        lines = [f"{head}: {scope}, {count} violation{'s' if count != 1 else ''}."]
        for viol in self.violations:
            where = _short(viol.focus)
            if viol.path:
                where += f" {_short(viol.path)}"
            value = f" (value {viol.value})" if viol.value and viol.value != viol.focus else ""
            lines.append(f"  {viol.severity}: {where}: {viol.message}{value}")
        return "\n".join(lines)


def _short(iri: str) -> str:
    """Shorten an IRI with the project's prefixes, for reading only."""
    for prefix, ns in v.PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def plan_graphs(store: Store, base: str = v.ID) -> list[NamedNode]:
    """Every plan graph of the store: ``<base>graph/…`` except the loads, reference and analysis graphs."""
    from plankg.ontology.iris import is_plan_graph

    found = [g for g in store.named_graphs() if isinstance(g, NamedNode) and is_plan_graph(g, base)]
    return sorted(found, key=lambda g: g.value)


def validate(store: Store, graph: NamedNode | None = None, *, base: str = v.ID) -> ValidationReport:
    """Validate ``graph``, or the union of all plan graphs, against the shipped SHACL shapes.

    The graphs are validated as one union so that a shape's ``sh:class`` can see types stated
    anywhere in them, as a query over the plan graphs would. A ``graph`` that is not in the
    store is an ``InputError``: validating nothing would report a typo as conforming.
    """
    if graph is not None:
        if not store.contains_named_graph(graph):
            raise InputError(f"no graph {graph.value} in the store")
        graphs = [graph]
    else:
        graphs = plan_graphs(store, base)

    import pyshacl  # noqa: PLC0415 - slow imports kept out of CLI start-up
    from rdflib import Graph  # noqa: PLC0415

    data = _to_rdflib(store, graphs)
    shapes = _package_graph("shapes.ttl")
    ontology = _package_graph("plankg.ttl")
    conforms, results, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        advanced=False,
        allow_warnings=False,
    )
    assert isinstance(results, Graph)
    violations = _violations(results)
    return ValidationReport(conforms=bool(conforms), violations=violations, graphs=[g.value for g in graphs])


class _DropIllTypedWarnings(logging.Filter):
    """rdflib logs a traceback for each ill-typed literal it parses; SHACL reports them better."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Failed to convert Literal lexical form" not in record.getMessage()


def _to_rdflib(store: Store, graphs: list[NamedNode]) -> Graph:
    """Copy the triples of ``graphs`` into one rdflib graph through N-Triples.

    The graphs are dumped into one buffer and parsed once, so a blank node shared by two graphs
    stays one node, as it is in the store.
    """
    from rdflib import Graph  # noqa: PLC0415

    chunks = [store.dump(format=RdfFormat.N_TRIPLES, from_graph=g) for g in graphs]
    data = Graph()
    payload = b"".join(c for c in chunks if c)
    if payload:
        logger = logging.getLogger("rdflib.term")
        quiet = _DropIllTypedWarnings()
        logger.addFilter(quiet)
        try:
            data.parse(data=payload, format="nt")
        finally:
            logger.removeFilter(quiet)
    return data


def _package_graph(name: str) -> Graph:
    """Parse one of the Turtle files shipped in ``plankg.ontology``."""
    from importlib.resources import files  # noqa: PLC0415

    from rdflib import Graph  # noqa: PLC0415

    text = files("plankg.ontology").joinpath(name).read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def _violations(results: Graph) -> list[Violation]:
    """Flatten the ``sh:result`` entries of a pyshacl report, sorted so output is stable."""
    from rdflib import RDF, URIRef  # noqa: PLC0415

    def one(node: Node, local: str) -> Node | None:
        return results.value(node, URIRef(SH + local))

    out = []
    for report in results.subjects(RDF.type, URIRef(SH + "ValidationReport")):
        for result in results.objects(report, URIRef(SH + "result")):
            messages = sorted(str(m) for m in results.objects(result, URIRef(SH + "resultMessage")))
            severity = one(result, "resultSeverity")
            out.append(
                Violation(
                    focus=_term_text(one(result, "focusNode")),
                    path=_path_text(results, one(result, "resultPath")),
                    message="; ".join(messages),
                    severity=str(severity).removeprefix(SH) if severity is not None else "Violation",
                    value=_term_text(one(result, "value")),
                    shape=_shape_text(one(result, "sourceShape")),
                )
            )
    return sorted(set(out), key=lambda x: (x.focus, x.path, x.message, x.value, x.shape))


def _shape_text(shape: Node | None) -> str:
    """A named shape's IRI; nothing for an anonymous one, whose blank-node label changes per run."""
    from rdflib import URIRef  # noqa: PLC0415

    return str(shape) if isinstance(shape, URIRef) else ""


def _term_text(term: Node | None) -> str:
    """An IRI as itself, anything else in its N-Triples form (blank nodes: ``_:id``)."""
    from rdflib import BNode, URIRef  # noqa: PLC0415
    from rdflib import Literal as RdfLiteral  # noqa: PLC0415

    if term is None:
        return ""
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, RdfLiteral):
        # written by hand: rdflib's n3() warns on, and may reformat, the ill-typed literals
        # that validation exists to report
        lexical = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        if term.language:
            return f'"{lexical}"@{term.language}'
        if term.datatype is not None and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f'"{lexical}"^^<{term.datatype}>'
        return f'"{lexical}"'
    return str(term)


def _path_text(results: Graph, path: Node | None) -> str:
    """An IRI path as its IRI; a complex SHACL path in SPARQL property-path syntax."""
    from rdflib import BNode, URIRef  # noqa: PLC0415
    from rdflib.collection import Collection  # noqa: PLC0415

    if path is None:
        return ""
    if isinstance(path, URIRef):
        return str(path)
    if not isinstance(path, BNode):
        return _term_text(path)
    if (path, URIRef(SH + "inversePath"), None) in results:
        return "^" + _wrap(_path_text(results, results.value(path, URIRef(SH + "inversePath"))))
    for key, suffix in (("zeroOrMorePath", "*"), ("oneOrMorePath", "+"), ("zeroOrOnePath", "?")):
        inner = results.value(path, URIRef(SH + key))
        if inner is not None:
            return _wrap(_path_text(results, inner)) + suffix
    alternatives = results.value(path, URIRef(SH + "alternativePath"))
    if alternatives is not None:
        return "(" + "|".join(_wrap(_path_text(results, p)) for p in Collection(results, alternatives)) + ")"
    if (path, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#first"), None) in results:
        return "/".join(_wrap(_path_text(results, p)) for p in Collection(results, path))
    return _term_text(path)


def _wrap(path: str) -> str:
    """Put an IRI in angle brackets inside a composed path; leave composed parts as they are."""
    return f"<{path}>" if "://" in path and not path.startswith(("<", "^", "(")) else path
