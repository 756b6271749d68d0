"""Quads -> records: a plan's graph read back into the ``plankg.records`` it was mapped from.

The inverse of ``mapping.plan_quads`` for what a loader reads (plan, sections, tasks, assignments,
targets); what ``plankg.enrich`` adds is left out, since enriching the records again remakes it.
Corrections need it: a person corrects the plan as the store holds it, and the corrected records
are enriched and mapped again, so a corrected agency name is resolved and a corrected text is
segmented exactly as a loaded one would be (``mapping.plan_quads(enrich(read_plan(...))))`` gives
the graph back, which the tests check on the seeds).
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad

from plankg.records import Assignment, Plan, Section, Target, Task

from . import vocab as v


def read_plan(quads: Iterable[Quad], key: str, layout: str = "") -> Plan | None:
    """The records of plan ``key`` from the quads of its graph, or None when they hold no plan."""
    by_subject: dict[str, dict[str, list]] = {}
    for q in quads:
        by_subject.setdefault(q.subject.value, {}).setdefault(q.predicate.value, []).append(q.object)

    def kind_of(cls: NamedNode) -> list[tuple[str, dict]]:
        return [(s, props) for s, props in by_subject.items() if cls in props.get(v.RDF_TYPE.value, ())]

    plans = kind_of(v.PLAN)
    if not plans:
        return None
    _, p = plans[0]
    year = _one(p, v.pk("year"))
    jurisdiction = _one(p, v.pk("jurisdiction"))
    plan = Plan(
        key=key, title=_one(p, v.DCT_TITLE).value, source=_one(p, v.DCT_SOURCE).value,
        source_hash=_text(p, v.pk("sourceHash")) or "", layout=layout,
        year=int(year.value) if year is not None else None,
        jurisdiction=jurisdiction.value.rsplit("/", 1)[1] if jurisdiction is not None else None,
    )
    sections: dict[str, Section] = {}
    for iri, props in sorted(kind_of(v.SECTION), key=lambda item: _int(item[1], "order")):
        section = Section(number=_text(props, v.pk("number")), label=_text(props, v.RDFS_LABEL),
                          order=_int(props, "order"), line=_int(props, "sourceLine"))
        sections[iri] = section
        plan.sections.append(section)
    assignments: dict[str, list[tuple[int, Assignment]]] = {}
    for _, props in kind_of(v.ASSIGNMENT):
        role = next(r for r, concept in v.ROLE_CONCEPTS.items() if concept in props[v.pk("role").value])
        found = Assignment(agency=_text(props, v.pk("agencyName")), role=role, written=_text(props, v.pk("agencyText")))
        assignments.setdefault(_one(props, v.pk("task")).value, []).append((_int(props, "order"), found))
    targets: dict[str, list[tuple[int, Target]]] = {}
    for _, props in kind_of(v.TARGET):
        value = _one(props, v.pk("value"))
        found = Target(
            kind=_text(props, v.pk("kind")), text=_text(props, v.pk("sourceText")),
            indicator=_text(props, v.pk("indicator")), comparator=_text(props, v.pk("comparator")),
            value=Decimal(value.value) if value is not None else None, unit=_text(props, v.pk("unit")),
            period=_text(props, v.pk("period")), deadline=_text(props, v.pk("deadline")),
            approximate=_text(props, v.pk("approximate")) == "true",
        )
        targets.setdefault(_one(props, v.pk("task")).value, []).append((_int(props, "order"), found))
    for iri, props in sorted(kind_of(v.TASK), key=lambda item: _int(item[1], "order")):
        section = _one(props, v.pk("section"))
        plan.tasks.append(Task(
            number=_text(props, v.pk("number")), text=_text(props, v.pk("text")), line=_int(props, "sourceLine"),
            order=_int(props, "order"), section=sections.get(section.value) if section is not None else None,
            assignments=[a for _, a in sorted(assignments.get(iri, []), key=lambda item: item[0])],
            targets=[t for _, t in sorted(targets.get(iri, []), key=lambda item: item[0])],
            per_division_of_duties=_text(props, v.pk("perDivisionOfDuties")) == "true",
            deadline=_text(props, v.pk("deadline")),
        ))
    return plan


def _one(props: dict, predicate: NamedNode):
    values = props.get(predicate.value)
    return values[0] if values else None


def _text(props: dict, predicate: NamedNode) -> str | None:
    value = _one(props, predicate)
    return value.value if isinstance(value, (Literal, NamedNode)) else None


def _int(props: dict, local: str) -> int:
    return int(_one(props, v.pk(local)).value)
