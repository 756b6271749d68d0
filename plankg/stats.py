"""How much a store holds: plans, sections, tasks, assignments, targets, agency names, quads.

Counted by Python-side scans, not SPARQL aggregates: a scan stops at the first storage error,
while Oxigraph 0.5.13's aggregate evaluation keeps collecting a corrupt block's repeated error
until memory runs out."""
from __future__ import annotations


def count(store) -> dict[str, int]:
    """The counts ``plankg stats`` prints, by name."""
    from pyoxigraph import DefaultGraph, NamedNode

    from plankg.ontology.vocab import PK, RDF_TYPE
    from plankg.store import plan_graphs

    def named(quads):
        return (q for q in quads if not isinstance(q.graph_name, DefaultGraph))

    counts = {"plans": len(plan_graphs(store))}
    for name, cls in (("sections", "Section"), ("tasks", "Task"), ("assignments", "Assignment"), ("targets", "Target")):
        pattern = store.quads_for_pattern(None, RDF_TYPE, NamedNode(f"{PK}{cls}"), None)
        counts[name] = len({q.subject for q in named(pattern)})
    pattern = store.quads_for_pattern(None, NamedNode(f"{PK}agencyName"), None, None)
    counts["agency names"] = len({q.object for q in named(pattern)})
    counts["quads"] = len(store)
    return counts
