"""`plankg sparql`, `plankg queries show|--format ttl`, the catalogue query and --timeout, end to end."""
from __future__ import annotations

import http.server
import json
import threading
import time

from conftest import run_cli

FOREVER = (
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?b ?c } GRAPH ?h { ?d ?e ?f } GRAPH ?i { ?x ?y ?z } }"
)


def test_sparql_reads(seeded_store):
    """An ad-hoc SELECT answers in JSON with numbers typed."""
    result = run_cli("sparql", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?t a pk:Task } }",
                     "--format", "json", "--store", str(seeded_store))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"n": 79}]


def test_sparql_refuses_update_without_flag(store_copy):
    """An update is refused (exit 2) unless --update is given, and then it applies."""
    update = "INSERT DATA { GRAPH <https://w3id.org/plankg/id/graph/x> { <http://a> <http://b> <http://c> } }"
    refused = run_cli("sparql", update, "--store", str(store_copy))
    assert refused.returncode == 2
    assert refused.stderr == "Error: SPARQL Update is refused: this command only reads the store\n"
    applied = run_cli("sparql", update, "--update", "--store", str(store_copy))
    assert applied.returncode == 0 and applied.stdout == "update applied\n"


def test_bad_sparql_names_line_and_column(seeded_store):
    """Bad SPARQL is one `Error: bad SPARQL: …` line carrying pyoxigraph's position, exit 2."""
    result = run_cli("sparql", "SELECT WHERE {", "--store", str(seeded_store))
    assert result.returncode == 2
    assert result.stderr.startswith("Error: bad SPARQL: ") and len(result.stderr.splitlines()) == 1
    assert "1:" in result.stderr


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list = []

    def do_GET(self):  # noqa: N802 - http.server's naming
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args):
        pass


def test_service_is_refused_and_listener_sees_nothing(seeded_store):
    """SERVICE aimed at a loopback listener is refused; the listener records 0 requests."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    _Recorder.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/sparql"
        for text in (f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", f"LOAD <{url}>"):
            result = run_cli("sparql", text, "--store", str(seeded_store), *(["--update"] if "LOAD" in text else []))
            assert result.returncode == 2
            assert result.stderr.startswith("Error: ") and "refused" in result.stderr
        time.sleep(0.2)
        assert _Recorder.hits == []
    finally:
        server.shutdown()


def test_timeout_ends_a_runaway_query(seeded_store):
    """A query that would run for hours ends at --timeout with exit 5 and one Error line."""
    started = time.monotonic()
    result = run_cli("sparql", FOREVER, "--timeout", "1", "--store", str(seeded_store), timeout=60)
    assert result.returncode == 5
    assert result.stderr == "Error: query timed out after 1 s\n"
    assert time.monotonic() - started < 20


def test_store_is_usable_after_a_timeout(seeded_store):
    """After a killed query the store opens again at once (the child's lock died with it)."""
    run_cli("sparql", FOREVER, "--timeout", "0.5", "--store", str(seeded_store), timeout=60)
    result = run_cli("query", "plans", "--format", "json", "--store", str(seeded_store))
    assert result.returncode == 0 and len(json.loads(result.stdout)) == 2


def test_saved_query_with_timeout_answers(seeded_store):
    """A saved query that finishes in time gives the same output with or without --timeout."""
    plain = run_cli("query", "plans", "--format", "csv", "--store", str(seeded_store))
    bounded = run_cli("query", "plans", "--format", "csv", "--timeout", "30", "--store", str(seeded_store))
    assert bounded.returncode == 0 and bounded.stdout == plain.stdout


def test_queries_show_prints_parameters_and_sparql():
    """`queries show NAME` prints the summary, the parameters and the SPARQL text."""
    result = run_cli("queries", "show", "targets-due")
    assert result.returncode == 0
    assert result.stdout.startswith("targets-due: ")
    assert "  year (year; required)" in result.stdout and "SELECT" in result.stdout


def test_catalogue_as_rdf_and_queried():
    """`queries --format ttl` is Turtle naming each query; `query catalogue` lists them with no store."""
    from pyoxigraph import RdfFormat, parse

    ttl = run_cli("queries", "--format", "ttl").stdout
    triples = list(parse(ttl.encode("utf-8"), format=RdfFormat.TURTLE))
    names = {t.object.value for t in triples if t.predicate.value.endswith("#label") and "/param/" not in t.subject.value}
    listed = json.loads(run_cli("queries", "--format", "json").stdout)
    assert names == {q["name"] for q in listed}
    rows = json.loads(run_cli("query", "catalogue", "--format", "json", "--store", "/nonexistent").stdout)
    assert {r["name"] for r in rows} == names
    fixed = json.loads(run_cli("query", "catalogue", "--param", "tag=fixed", "--format", "json").stdout)
    assert {r["name"] for r in fixed} == {"assignments", "targets", "plans"}


def test_queries_json_shape():
    """`queries --format json` is an array of objects with the keys of docs/design.md, at least 15 queries."""
    listed = json.loads(run_cli("queries", "--format", "json").stdout)
    assert len(listed) >= 15
    for q in listed:
        assert set(q) == {"name", "summary", "description", "tags", "params"}
        for p in q["params"]:
            assert set(p) == {"name", "type", "required", "default", "enum", "multiple"}
