"""Hostile input through the CLI: injection attempts in every string parameter of every saved
query change nothing and widen no result; `plankg sparql` refuses updates unless --update."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode

import plankg
from conftest import run_cli
from plankg.errors import PlankgError
from plankg.store import graph_hash, plan_graphs

HOSTILE = [
    'x" } ; DROP ALL ; #',
    "x' } INSERT DATA { GRAPH <urn:evil> { <urn:a> <urn:b> <urn:c> } } #",
    '市市场监管局" . ?s ?p ?o . FILTER(true) #',
    "> } DELETE WHERE { ?s ?p ?o } #",
    '\\" ) } UNION { GRAPH ?g { ?s ?p ?o } } #',
    "x\n} ; CLEAR ALL ; SELECT * {",
    '"""',
    "'''",
    "SERVICE <http://127.0.0.1:9/> { ?s ?p ?o }",
    "<http://evil.example/>",
    "?x",
    "$x",
    "%22%7D%3B",
    ".*",
    "(a+)+$",
    "\\u0022 } #",
    "a=b=c",
    "x" * 10_000,
]
# NUL cannot travel in argv; the API run covers it
API_ONLY = ["x\x00y"]


def store_fingerprint(path: Path) -> tuple[int, str, list[str]]:
    """Quad count, a hash over every plan graph's canonical hash, and the list of named graphs."""
    with plankg.open(path) as graph:
        store = graph.store
        hashes = "".join(f"{g.value} {graph_hash(store, g)}\n" for g in plan_graphs(store))
        names = sorted(g.value for g in store.named_graphs() if isinstance(g, NamedNode))
        return len(store), hashlib.sha256(hashes.encode()).hexdigest(), names


def literal_text(path: Path) -> str:
    with plankg.open(path) as graph:
        return "\n".join(q.object.value for q in graph.store.quads_for_pattern(None, None, None, None)
                         if isinstance(q.object, Literal))


@pytest.fixture(scope="module")
def catalogue() -> list[dict]:
    """The saved queries as `plankg queries --format json` lists them."""
    result = run_cli("queries", "--format", "json", timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


BENIGN = {"string": "无此值", "year": "2025", "integer": "1"}


def targets(catalogue: list[dict]) -> list[tuple[str, str, list[str]]]:
    """(query, string parameter, the other required parameters as NAME=VALUE) for every local saved query."""
    out = []
    for query in catalogue:
        if "federated" in query["tags"]:
            continue
        for param in query["params"]:
            if param["type"] != "string":
                continue
            others = [f"{p['name']}={(p['enum'] or [BENIGN.get(p['type'], '无此值')])[0]}"
                      for p in query["params"] if p["required"] and p["name"] != param["name"]]
            out.append((query["name"], param["name"], others))
    return out


def check_answer(code: int, rows: list[dict] | None, value: str, corpus: str) -> None:
    """A hostile value is refused (exit 2) or answered with no rows unless the store really holds that text."""
    assert code in (0, 1, 2), code
    if code == 0 and value not in corpus:
        assert rows == [], f"{len(rows)} rows for a value the store does not hold"


def _api_matrix(store_copy: Path, catalogue: list[dict], values: list[str]) -> None:
    before = store_fingerprint(store_copy)
    corpus = literal_text(store_copy)
    cases = targets(catalogue)
    assert len(cases) >= 5, "the catalogue lists too few string parameters"
    with plankg.open(store_copy) as graph:
        assert graph.run("assignments", ["key=000_2345c3afe1f8be5d"]).rows, "a real parameter value finds rows"
        for name, param, others in cases:
            for value in values:
                try:
                    result = graph.run(name, [f"{param}={value}", *others])
                    code, rows = 0, result.rows
                except PlankgError as error:
                    code, rows = error.exit_code, None
                check_answer(code, rows, value, corpus)
    assert store_fingerprint(store_copy) == before


def test_hostile_params_through_api(store_copy, catalogue):
    """Six of the nastiest values (and NUL) in every string parameter, run in-process: nothing changes, no rows appear."""
    _api_matrix(store_copy, catalogue, HOSTILE[:6] + API_ONLY)


@pytest.mark.slow
def test_hostile_params_through_api_full(store_copy, catalogue):
    """The whole hostile corpus in every string parameter, run in-process: nothing changes, no rows appear."""
    _api_matrix(store_copy, catalogue, HOSTILE + API_ONLY)


def _cli_matrix(store: Path, catalogue: list[dict], values: list[str], *, sample: int = 0) -> None:
    """Every parameter and every value at least once (parameter i gets value i, cycling both);
    with ``sample``, only that many runs."""
    before = store_fingerprint(store)
    corpus = literal_text(store)
    cases = targets(catalogue)
    runs = max(len(cases), len(values))
    picks = [(cases[i % len(cases)], values[i % len(values)]) for i in range(runs)]
    if sample:
        picks = picks[:: max(1, len(picks) // sample)][:sample]
    for (name, param, others), value in picks:
        argv = ["query", name, "--param", f"{param}={value}", "--format", "json", "--store", str(store)]
        for other in others:
            argv += ["--param", other]
        result = run_cli(*argv, timeout=60)
        assert "Traceback" not in result.stderr, (name, param, value, result.stderr)
        if result.returncode:
            assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: "), result.stderr
        rows = json.loads(result.stdout) if result.returncode == 0 else None
        check_answer(result.returncode, rows, value, corpus)
    assert store_fingerprint(store) == before


def test_hostile_params_through_cli(store_copy, catalogue):
    """Five CLI runs with the nastiest values in sampled string parameters: nothing changes."""
    _cli_matrix(store_copy, catalogue, [HOSTILE[1], HOSTILE[4], HOSTILE[5], HOSTILE[0]], sample=5)


@pytest.mark.slow
def test_hostile_params_through_cli_full(store_copy, catalogue):
    """Every string parameter of every saved query and every hostile value, each at least once, via the CLI: nothing changes."""
    _cli_matrix(store_copy, catalogue, HOSTILE)


UPDATES = [
    "INSERT DATA { GRAPH <urn:evil> { <urn:a> <urn:b> <urn:c> } }",
    "insert data { graph <urn:evil> { <urn:a> <urn:b> <urn:c> } }",
    "# a comment first\nPREFIX x: <urn:x#>\nINSERT DATA { GRAPH <urn:evil> { x:a x:b x:c } }",
    "DROP ALL",
    "CLEAR DEFAULT",
    "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "WITH <urn:evil> INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
    "LOAD <http://127.0.0.1:9/data.nt> INTO GRAPH <urn:evil>",
    "CREATE GRAPH <urn:evil>",
]


def test_sparql_refuses_updates_without_flag(store_copy):
    """`plankg sparql` refuses every kind of update without --update (exit 2, one line) and the store is unchanged."""
    help_text = run_cli("--help", timeout=30).stdout
    if " sparql " not in help_text:
        pytest.skip("no `plankg sparql` command")
    before = store_fingerprint(store_copy)
    for update in UPDATES:
        result = run_cli("sparql", update, "--store", str(store_copy), timeout=60)
        assert result.returncode == 2, (update, result.returncode, result.stderr)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: "), result.stderr
    assert store_fingerprint(store_copy) == before


def test_sparql_reads_and_updates_with_flag(store_copy):
    """A query that merely mentions INSERT in a string runs, and --update applies a real update."""
    help_text = run_cli("--help", timeout=30).stdout
    if " sparql " not in help_text:
        pytest.skip("no `plankg sparql` command")
    read = run_cli("sparql", 'SELECT ("INSERT DATA" AS ?x) WHERE {}', "--format", "json", "--store", str(store_copy), timeout=60)
    assert read.returncode == 0, read.stderr
    assert json.loads(read.stdout) == [{"x": "INSERT DATA"}]
    done = run_cli("sparql", UPDATES[0], "--update", "--store", str(store_copy), timeout=60)
    assert done.returncode == 0, done.stderr
    assert "urn:evil" in store_fingerprint(store_copy)[2]
