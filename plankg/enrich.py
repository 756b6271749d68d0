"""The step between reading a document and mapping it to RDF: what plankg reads out of a plan
beyond the document's own words goes onto its records here, so ``ontology/`` only maps records
to quads and ``plankg inspect`` can show it.

- per task: its tokens, keywords, word-vector length and topics (``plankg.words``,
  ``plankg.concepts``), as ``Task.annotations``;
- per target: its indicator concept (``Target.concept``);
- per assignment: the agency resource its name means in the plan's division
  (``plankg.resolution``), as ``Assignment.resolved``.

All of it depends on the plan alone (its text, agency names and division, plus the shipped
dictionary, schemes and reference data), so the plan's graph stays a pure function of the
document.
"""
from __future__ import annotations

from dataclasses import replace

from plankg.records import Annotations, Plan


def enrich(plan: Plan) -> Plan:
    """Put annotations, indicator concepts and resolved agencies onto ``plan``'s records (in
    place, and returned); a plan already enriched is left as it is."""
    from plankg.concepts import indicator_concept, tag_topics
    from plankg.resolution import resolve
    from plankg.words import expand, norm, plan_words, vector

    if is_enriched(plan):
        return plan
    words = plan_words(plan)
    for task in plan.tasks:
        found = words[task.order]
        keywords = [w for w, _ in found.keywords]
        task.annotations = Annotations(
            tokens=tuple(sorted(found.tokens)), keywords=tuple(sorted(keywords)), norm=norm(vector(found.tokens)),
            topics=tuple(tag_topics(expand(keywords))),
        )
        task.targets = [replace(t, concept=indicator_concept(t.indicator, t.text, t.unit)) for t in task.targets]
        task.assignments = [replace(a, resolved=resolve(a.agency, plan.jurisdiction)) for a in task.assignments]
    return plan


def is_enriched(plan: Plan) -> bool:
    """Whether every task of ``plan`` carries its annotations (a plan without tasks counts)."""
    return all(task.annotations is not None for task in plan.tasks)
