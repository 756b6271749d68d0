"""Corrections <-> quads: PROV-O provenance in a plan's graph, correction records in the
corrections graph (``plankg.corrections`` decides what a correction does; this module only says
it in RDF and reads it back).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse, serialize

from plankg.records import Correction

from . import vocab as v
from .iris import correction_iri, extraction_delta_iri, graph_iri, person_iri, plan_iri

PROV = v.PREFIXES["prov"]


def _activity_quads(c: Correction, g) -> list:
    node = correction_iri(c.key, c.sequence)
    out = [
        Quad(node, v.RDF_TYPE, v.pk("Correction"), g),
        Quad(node, v.RDF_TYPE, NamedNode(PROV + "Activity"), g),
        Quad(node, v.pk("rowId"), Literal(c.row_id), g),
        Quad(node, v.pk("action"), Literal(c.action), g),
        Quad(node, v.pk("what"), Literal(c.what), g),
        Quad(node, v.pk("before"), Literal(c.before_text), g),
        Quad(node, v.pk("after"), Literal(c.after_text), g),
        Quad(node, v.pk("taskNumber"), Literal(c.task), g),
        Quad(node, NamedNode(PROV + "endedAtTime"), Literal(c.at.replace("+00:00", "Z"), datatype=NamedNode(v.PREFIXES["xsd"] + "dateTime")), g),
        Quad(node, NamedNode(PROV + "used"), NamedNode(Path(c.source).resolve().as_uri()), g),
    ]
    if g == v.CORRECTIONS_GRAPH:  # in a plan's graph the graph says which plan (no second pk:plan for queries to meet)
        out.append(Quad(node, v.pk("plan"), plan_iri(c.key), g))
    if c.by:
        out.append(Quad(node, NamedNode(PROV + "wasAssociatedWith"), person_iri(c.by), g))
        if g != v.CORRECTIONS_GRAPH:  # only quads with a pk:plan subject there, so a plan's are found and removed whole
            out += [Quad(person_iri(c.by), v.RDF_TYPE, NamedNode(PROV + "Agent"), g),
                    Quad(person_iri(c.by), v.RDFS_LABEL, Literal(c.by), g)]
    return out


def provenance_quads(key: str, corrections: Iterable[Correction], touched: Mapping[int, list[str]]) -> list:
    """What the plan's graph says of its applied corrections (PROV-O): each correction as an
    activity (who, when, which file, the values before and after), each resource it touched
    ``pk:correctedBy`` it, and ``prov:wasRevisionOf`` the value it replaced; ``touched`` gives the
    IRIs (as text) of the resources each correction (by its sequence) touched."""
    g = graph_iri(key)
    out = []
    for c in corrections:
        if c.status != "applied":
            continue
        out += _activity_quads(c, g)
        original = None
        if c.action == "change":
            original = NamedNode(f"{correction_iri(c.key, c.sequence).value}/original")
            out += [Quad(original, v.RDF_TYPE, NamedNode(PROV + "Entity"), g),
                    Quad(original, NamedNode(PROV + "value"), Literal(c.before_text), g)]
        for node in touched.get(c.sequence, []):
            out.append(Quad(NamedNode(node), v.pk("correctedBy"), correction_iri(c.key, c.sequence), g))
            if original is not None:
                out.append(Quad(NamedNode(node), NamedNode(PROV + "wasRevisionOf"), original, g))
    return out


def record_quads(corrections: Iterable[Correction], added: list, removed: list, key: str) -> list:
    """The corrections graph's quads for plan ``key``: every correction (applied or stale) with
    all a replay needs, and the quads the applied ones added to and removed from the graph."""
    g = v.CORRECTIONS_GRAPH
    out = []
    for c in corrections:
        node = correction_iri(c.key, c.sequence)
        out += _activity_quads(c, g)
        out += [
            Quad(node, v.pk("sequence"), Literal(str(c.sequence), datatype=v.XSD_INTEGER), g),
            Quad(node, v.pk("sheet"), Literal(c.sheet), g),
            Quad(node, v.pk("anchor"), Literal(c.anchor), g),
            Quad(node, v.pk("rowBefore"), Literal(json.dumps(dict(c.before), ensure_ascii=False, sort_keys=True)), g),
            Quad(node, v.pk("rowAfter"), Literal(json.dumps(dict(c.after), ensure_ascii=False, sort_keys=True)), g),
            Quad(node, v.pk("by"), Literal(c.by), g),
            Quad(node, v.pk("fileHash"), Literal(c.source_hash), g),
            Quad(node, v.pk("sourceFile"), Literal(c.source), g),
            Quad(node, v.pk("status"), Literal(c.status), g),
        ]
        if c.reason:
            out.append(Quad(node, v.pk("staleReason"), Literal(c.reason), g))
    if added or removed:
        delta = extraction_delta_iri(key)
        out += [
            Quad(delta, v.pk("plan"), plan_iri(key), g),
            Quad(delta, v.pk("addedQuads"), Literal(serialize(added, format=RdfFormat.N_QUADS).decode("utf-8")), g),
            Quad(delta, v.pk("removedQuads"), Literal(serialize(removed, format=RdfFormat.N_QUADS).decode("utf-8")), g),
        ]
    return out


def read_records(quads: Iterable, key: str) -> tuple[list[Correction], list, list]:
    """(corrections in order, quads they added, quads they removed) from the corrections graph's
    quads of plan ``key`` (as ``record_quads`` wrote them)."""
    quads = list(quads)
    subjects: dict[str, dict[str, str]] = {}
    prefix = v.PK
    for q in quads:
        if q.predicate.value.startswith(prefix):
            subjects.setdefault(q.subject.value, {})[q.predicate.value[len(prefix):]] = q.object.value
    delta = subjects.pop(extraction_delta_iri(key).value, {})
    corrections = []
    for node, p in subjects.items():
        if "sequence" not in p:
            continue
        corrections.append(Correction(
            key=key, sequence=int(p["sequence"]), sheet=p["sheet"], action=p["action"], row_id=p["rowId"],
            anchor=p["anchor"], task=p.get("taskNumber", ""), before=json.loads(p["rowBefore"]),
            after=json.loads(p["rowAfter"]), by=p.get("by", ""), at=_at(quads, node), source=p.get("sourceFile", ""),
            source_hash=p.get("fileHash", ""), status=p.get("status", "applied"), reason=p.get("staleReason", ""),
        ))
    corrections.sort(key=lambda c: c.sequence)

    def unpack(text: str | None) -> list:
        return list(parse(text.encode("utf-8"), format=RdfFormat.N_QUADS)) if text else []

    return corrections, unpack(delta.get("addedQuads")), unpack(delta.get("removedQuads"))


def _at(quads: Iterable, node: str) -> str:
    for q in quads:
        if q.subject.value == node and q.predicate.value.endswith("#endedAtTime"):
            return q.object.value
    return ""
