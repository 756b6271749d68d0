"""A plan's graph reads back into the records it was mapped from: enriching and mapping them again
gives the same quads, which corrections rely on."""
from __future__ import annotations

import pytest

from plankg.api import PlanGraph
from plankg.enrich import enrich
from plankg.ontology.iris import graph_iri
from plankg.ontology.mapping import plan_quads
from plankg.ontology.readback import read_plan


def test_seed_graphs_read_back_to_the_same_quads(seeded_store):
    """Each seed's stored graph equals the mapping of the records read back from it."""
    with PlanGraph(seeded_store) as graph:
        keys = graph.plan_keys()
        assert len(keys) == 2
        for key in keys:
            stored = set(graph.store.quads_for_pattern(None, None, None, graph_iri(key)))
            plan = read_plan(stored, key)
            assert plan is not None and plan.tasks
            assert set(plan_quads(enrich(plan))) == stored, key


def test_no_plan_reads_back_as_none():
    """Quads without a plan node give no plan."""
    assert read_plan([], "nothing") is None
