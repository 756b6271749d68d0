"""`plankg export --what network`: the agency co-assignment network read back with networkx, its
nodes the agency resources of the `agencies` query and its weights the shared tasks that
`co-assignments` counts by written name (issue 15)."""
from __future__ import annotations

import json
import re
from collections import Counter

import networkx as nx
import pytest

from conftest import run_cli

GUANGZHOU = "001_c6078f0173379ff0"


def _rows(store, name, *params):
    args = ["query", name, "--format", "json", "--store", str(store)]
    for p in params:
        args += ["--param", p]
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _export(store, tmp_path, fmt, *extra):
    path = tmp_path / f"network.{fmt}"
    result = run_cli("export", "--what", "network", "--format", fmt, "--store", str(store), "--output", str(path), *extra)
    assert result.returncode == 0, result.stderr
    return path


def _expected_weights(store):
    """Shared tasks per pair of agency resources, from the co-assignments and agencies queries:
    in each plan, each written name maps to its resource through the names the agencies query
    lists for that plan (市教育局 of Guiyang and of Guangzhou are two resources)."""
    weights = Counter()
    for plan in _rows(store, "plans"):
        resource_of = {name: row["agency"] for row in _rows(store, "agencies", f"key={plan['key']}") for name in row["names"].split(" | ")}
        for row in _rows(store, "co-assignments"):
            if row["plan"] == plan["plan"]:
                weights[tuple(sorted((resource_of[row["agency_a"]], resource_of[row["agency_b"]])))] += row["tasks"]
    return weights


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_reads_back_with_the_agencies_as_nodes(seeded_store, tmp_path, fmt, read):
    """Every agency resource is a node with its label, kind and division; nothing else is."""
    network = read(_export(seeded_store, tmp_path, fmt))
    agencies = {row["agency"]: row for row in _rows(seeded_store, "agencies")}
    assert set(network.nodes) == set(agencies)
    for iri, data in network.nodes(data=True):
        assert data["label"] == agencies[iri]["label"]
        assert data["kind"] == (agencies[iri]["kind"] or "")
        assert data["division"] == (agencies[iri]["jurisdiction"] or "")


def test_edge_weights_are_the_shared_tasks_co_assignments_counts(seeded_store, tmp_path):
    """Each edge weighs the tasks its two resources share, as co-assignments counts them (names
    of one resource summed; the seeds give no two names of one resource on one task)."""
    network = nx.read_graphml(_export(seeded_store, tmp_path, "graphml"))
    weights = _expected_weights(seeded_store)
    got = {tuple(sorted((a, b))): int(d["weight"]) for a, b, d in network.edges(data=True)}
    assert got == dict(weights)
    assert max(got.values()) >= 18  # the heaviest pairs share most of a plan's tasks


def test_plan_option_keeps_one_plan(seeded_store, tmp_path):
    """--plan KEY gives that plan's agencies and edges only (all Guangzhou's, code 440100)."""
    network = nx.read_gexf(_export(seeded_store, tmp_path, "gexf", "--plan", GUANGZHOU))
    assert set(network.nodes) == {row["agency"] for row in _rows(seeded_store, "agencies", f"key={GUANGZHOU}")}
    assert {d["adcode"] for _, d in network.nodes(data=True)} == {"440100"}
    assert network.number_of_edges() == len(_rows(seeded_store, "agency-network", f"key={GUANGZHOU}"))


def test_dot_lists_every_node_and_edge_with_escaped_strings(seeded_store, tmp_path):
    """The DOT text is one undirected graph with a quoted node line per resource and an edge line per pair."""
    text = _export(seeded_store, tmp_path, "dot").read_text(encoding="utf-8")
    assert text.startswith('graph "plankg agency co-assignment network" {\n') and text.endswith("}\n")
    nodes = re.findall(r'^  "([^"]+)" \[label=', text, flags=re.M)
    edges = re.findall(r'^  "([^"]+)" -- "([^"]+)" \[weight=(\d+)', text, flags=re.M)
    assert set(nodes) == {row["agency"] for row in _rows(seeded_store, "agencies")}
    assert len(edges) == len(_rows(seeded_store, "agency-network"))


def test_dot_escapes_quotes_and_backslashes():
    """A label with a quote, a backslash or a line break stays one DOT string."""
    from io import BytesIO

    from plankg.network import NETWORK_FORMATS

    network = nx.Graph(name='a "b"')
    network.add_node('x"y', label='市\\局"\n')
    network.add_node("z", label="z")
    network.add_edge('x"y', "z", weight=2, plans=1)
    stream = BytesIO()
    NETWORK_FORMATS["dot"](network, stream)
    assert stream.getvalue().decode("utf-8") == (
        'graph "a \\"b\\"" {\n'
        '  "x\\"y" [label="市\\\\局\\"\\n"];\n'
        '  "z" [label="z"];\n'
        '  "x\\"y" -- "z" [weight=2, label="2", plans=1];\n'
        "}\n"
    )


@pytest.mark.parametrize("args, message", [
    (["--format", "ttl"], "Error: --format 'ttl': with --what network choose one of graphml, gexf, dot\n"),
    (["--format", "dot", "--plan", "nope"], "Error: --plan 'nope': no such plan in {store}\n"),
])
def test_bad_network_exports_are_refused(seeded_store, args, message):
    """A format the network has no writer for, or an unknown plan: one line, exit 2, no output."""
    result = run_cli("export", "--what", "network", "--store", str(seeded_store), *args)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message.format(store=seeded_store))
