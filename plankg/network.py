"""The agency co-assignment network: a node per agency resource (one body in one division, as the
``agencies`` query counts them), an edge between two resources weighted by the tasks they share.

Built from two saved queries (``agencies`` for the nodes, ``agency-network`` for the edges) through
the Python API, so it agrees with what ``plankg query`` shows; written with networkx (GraphML and
GEXF, which Gephi and networkx read) or as Graphviz DOT. networkx is imported inside the functions
only, so ``plankg --help`` does not pay for it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    import networkx

    from plankg.api import PlanGraph


def build(graph: PlanGraph, plans: Iterable[str] | None = None) -> networkx.Graph:
    """The network of every plan, or of the plans whose keys are given (nodes and counts within them).

    Node ids are the agencies' IRIs; node attributes ``label``, ``kind``, ``division``, ``adcode``
    and ``tasks``; edge attributes ``weight`` (shared tasks) and ``plans`` (plans they share in).
    Attributes missing in the store are empty strings, since GraphML and GEXF have no null."""
    import networkx as nx

    params = {"key": list(plans)} if plans else {}
    network = nx.Graph(name="plankg agency co-assignment network")
    for row in graph.query("agencies", **params):
        network.add_node(
            row["agency"], label=row["label"] or row["names"].split(" | ")[0], kind=row["kind"] or "",
            division=row["jurisdiction"] or "", adcode=row["adcode"] or "", tasks=int(row["tasks"]),
        )
    for row in graph.query("agency-network", **params):
        network.add_edge(row["agency_a"], row["agency_b"], weight=int(row["tasks"]), plans=int(row["plans"]))
    return network


def _graphml(network: networkx.Graph, stream: BinaryIO) -> None:
    import networkx as nx

    nx.write_graphml(network, stream, encoding="utf-8")


def _gexf(network: networkx.Graph, stream: BinaryIO) -> None:
    import networkx as nx

    nx.write_gexf(network, stream, encoding="utf-8")


def _dot_string(value: object) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, line breaks kept as ``\\n``."""
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\r", "").replace("\n", "\\n")
    return f'"{text}"'


def _dot(network: networkx.Graph, stream: BinaryIO) -> None:
    """Graphviz DOT, undirected; pydot/pygraphviz would add a dependency for a format this small."""
    lines = [f"graph {_dot_string(network.graph.get('name', 'plankg'))} {{"]
    for node, data in network.nodes(data=True):
        attributes = ", ".join(f"{k}={_dot_string(v)}" for k, v in data.items())
        lines.append(f"  {_dot_string(node)} [{attributes}];")
    for a, b, data in network.edges(data=True):
        lines.append(f"  {_dot_string(a)} -- {_dot_string(b)} [weight={int(data['weight'])}, "
                     f"label={_dot_string(data['weight'])}, plans={int(data['plans'])}];")
    lines.append("}")
    stream.write(("\n".join(lines) + "\n").encode("utf-8"))


# ``plankg export --what network --format NAME``: the writers, by format name
NETWORK_FORMATS: dict[str, Callable[[networkx.Graph, BinaryIO], None]] = {
    "graphml": _graphml,
    "gexf": _gexf,
    "dot": _dot,
}


def write(network: networkx.Graph, fmt: str, stream: BinaryIO) -> int:
    """Write ``network`` in format ``fmt`` (a key of ``NETWORK_FORMATS``); gives the node count."""
    NETWORK_FORMATS[fmt](network, stream)
    return network.number_of_nodes()
