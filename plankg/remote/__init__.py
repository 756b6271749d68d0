"""Remote SPARQL endpoints: run saved queries on them (``results``) and publish plan graphs to them
(``publish``), over HTTP with the endpoint's credentials and a deadline (``transport``); what sets
one kind of server apart is a table entry (``servers``)."""
from __future__ import annotations

from .publish import GraphPayload, Pushed, count_on_server, graph_url, payloads, push, put_graph
from .results import parse_results, run_query, run_sparql, with_prefixes
from .servers import query_endpoint_for
from .transport import DEFAULT_TIMEOUT, ENV_PASSWORD, ENV_USER, Endpoint, credentials, display_url, endpoint

__all__ = [
    "ENV_USER", "ENV_PASSWORD", "DEFAULT_TIMEOUT", "Endpoint", "endpoint", "credentials", "display_url",
    "run_query", "run_sparql", "parse_results", "with_prefixes", "GraphPayload", "Pushed", "payloads",
    "query_endpoint_for", "graph_url", "put_graph", "count_on_server", "push",
]
