"""`plankg serve`'s web app over real HTTP: one server process (the session's ``web`` fixture) on
the seeds plus a document full of markup; no mocks."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import time
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import run_cli
from serving import get, post, request

PLAN = "001_c6078f0173379ff0"
GZ_REGULATOR = "https://w3id.org/plankg/id/agency/440100/市市场监督管理局"
ID = "https://w3id.org/plankg/id/"


def url(web, path: str, **params) -> str:
    """``path`` on the server with ``params`` (a list repeats the name), percent-encoded."""
    items = [(k, v) for k, vs in params.items() for v in (vs if isinstance(vs, list) else [vs])]
    quoted = urllib.parse.quote(path, safe="/%")
    return f"{web.base}{quoted}" + (f"?{urllib.parse.urlencode(items)}" if items else "")


def cli_text(store: Path, name: str, params: list[str], fmt: str) -> str:
    """What `plankg query NAME --param … --format FMT` prints, made in-process by the renderer the
    CLI uses (a CLI process per expectation would double these tests' time)."""
    from plankg.api import PlanGraph
    from plankg.queries import output

    with PlanGraph(store, read_only=True) as graph:
        result = graph.run(name, params)
    out = io.StringIO()
    output.render(result, fmt, out)
    return out.getvalue()


def cli_json(store: Path, name: str, *params: str) -> list:
    return json.loads(cli_text(store, name, list(params), "json"))


def html(web, path: str, **params) -> str:
    status, headers, body = get(url(web, path, **params), Accept="text/html")
    assert status == 200, body[:500]
    assert headers.get_content_type() == "text/html"
    return body.decode("utf-8")


# ---------------------------------------------------------------------------------------------
# catalogue and query pages

def test_catalogue_lists_every_saved_query(web):
    """`/` names every saved query with its summary, tags and parameters; federated ones are marked
    not runnable (the server runs without --allow-service)."""
    from plankg import queries

    page = html(web, "/")
    for name, q in queries.catalogue().items():
        assert f'href="/queries/{name}"' in page
        assert str(__import__("markupsafe").escape(q.summary)) in page
        for p in q.params:
            assert f"<code>{p.name}" in page
    row = page.split('href="/queries/wikidata-divisions"')[1].split("</tr>")[0]
    assert "not runnable" in row and "federated" in row


def test_query_form_offers_enums_and_repeatable_parameters(web):
    """The form of agency-tasks: role's enum as choices (several may be picked), agency repeatable."""
    page = html(web, "/queries/agency-tasks")
    assert '<select name="role" multiple' in page
    assert all(f'<option value="{r}"' in page for r in ("lead", "responsible", "cooperating"))
    assert 'name="agency"' in page and "(repeatable)" in page and "(required)" in page
    assert "<table class=\"rows\">" not in page  # a required parameter: nothing runs before the form is sent
    assert "SELECT ?plan ?task ?role ?agency ?text" in page


def test_query_page_runs_with_parameters(web, web_store):
    """Sent with parameters, the page shows the same rows as the CLI, links to CSV and JSON of them and
    the SPARQL with the values bound."""
    page = html(web, "/queries/agency-tasks", agency="市市场监管局", role=["lead", "cooperating"], _run="1")
    want = cli_json(web_store, "agency-tasks", "agency=市市场监管局", "role=lead", "role=cooperating")
    assert page.count("<tr><td>") == len(want) > 0
    assert '<option value="lead" selected>' in page
    assert "/api/agency-tasks.csv?agency=" in page and "/api/agency-tasks.json?agency=" in page
    assert 'VALUES ?role { &#34;lead&#34; &#34;cooperating&#34; }' in page


def test_query_page_shows_a_bad_value_with_the_cli_message(web, web_store):
    status, _, body = get(url(web, "/queries/targets-due", year="20x5"), Accept="text/html")
    cli = run_cli("query", "targets-due", "--param", "year=20x5", "--store", str(web_store))
    assert status == 400 and cli.returncode == 2
    assert str(__import__("markupsafe").escape(cli.stderr.strip())) in body.decode()


def test_federated_query_page_says_it_does_not_run(web):
    page = html(web, "/queries/wikidata-divisions")
    assert "--allow-service" in page and '<table class="rows">' not in page
    status, _, body = get(url(web, "/api/wikidata-divisions.json"))
    assert status == 400 and "federated" in json.loads(body)["error"]


# ---------------------------------------------------------------------------------------------
# the API

@pytest.mark.parametrize("name, params", [
    ("plans", []), ("assignments", [f"key={PLAN}"]), ("targets", []),
    ("agency-tasks", ["agency=市市场监管局", "agency=市公安局", "role=lead"]),
    ("plan-tasks", [f"plan={PLAN}"]), ("agency-resource-tasks", [f"resource={GZ_REGULATOR}"]),
])
def test_api_json_and_csv_give_the_cli_rows(web, web_store, name, params):
    """/api/NAME.json has the CLI's JSON rows, /api/NAME.csv the CLI's CSV, parameters bound alike."""
    query = {}
    for p in params:
        k, v = p.split("=", 1)
        query.setdefault(k, []).append(v)
    status, headers, body = get(url(web, f"/api/{name}.json", **query))
    assert status == 200 and headers.get_content_type() == "application/json"
    doc = json.loads(body)
    assert doc["rows"] == cli_json(web_store, name, *params) and doc["more"] is False and doc["size"] == 1000
    status, headers, body = get(url(web, f"/api/{name}.csv", **query))
    assert status == 200 and headers.get_content_type() == "text/csv"
    assert body.decode("utf-8") == cli_text(web_store, name, params, "csv")


@pytest.mark.parametrize("name, params", [
    ("agency-tasks", {"agency": "x", "role": "boss"}),  # not in the enum
    ("agency-tasks", {"role": "lead"}),  # a required parameter missing
    ("targets-due", {"year": "20x5"}),  # not a year
    ("plans", {"colour": "red"}),  # unknown parameter
    ("plan-summary", {"plan": ["a", "b"]}),  # a single value given twice
    ("agency-resource-tasks", {"resource": "not an iri"}),
])
def test_bad_parameters_are_400_with_the_cli_message(web, web_store, name, params):
    """A bad value answers 400 with exactly the line `plankg query --param` prints (JSON and CSV)."""
    args = ["query", name, "--store", str(web_store)]
    for k, vs in params.items():
        for v in vs if isinstance(vs, list) else [vs]:
            args += ["--param", f"{k}={v}"]
    cli = run_cli(*args)
    assert cli.returncode == 2 and cli.stderr.startswith("Error: parameter ")
    status, _, body = get(url(web, f"/api/{name}.json", **params))
    assert status == 400 and json.loads(body)["error"] == cli.stderr.strip()
    status, _, body = get(url(web, f"/api/{name}.csv", **params))
    assert status == 400 and body.decode().strip() == cli.stderr.strip()


def test_paging_and_row_cap(web, web_store):
    """_size pages through the rows (the JSON says whether more exist and where), the CSV says it in
    Link; _size is 1 to 10,000, the default 1,000."""
    every = cli_json(web_store, "assignments")
    got, offset, pages = [], 0, 0
    while True:
        status, headers, body = get(url(web, "/api/assignments.json", _size="100", _offset=str(offset)))
        doc = json.loads(body)
        assert status == 200 and doc["count"] == len(doc["rows"]) <= 100
        got += doc["rows"]
        pages += 1
        if not doc["more"]:
            assert doc["next"] is None
            break
        assert doc["next"] == f"/api/assignments.json?_offset={offset + 100}&_size=100"
        offset += 100
    assert got == every and pages == -(-len(every) // 100)
    status, headers, _ = get(url(web, "/api/assignments.csv", _size="10"))
    assert headers["X-Plankg-More-Rows"] == "true" and 'rel="next"' in headers["Link"]
    for bad in ("0", "10001", "x"):
        status, _, body = get(url(web, "/api/plans.json", _size=bad))
        assert status == 400 and json.loads(body)["error"].startswith(f"Error: _size '{bad}'")
    status, _, body = get(url(web, "/api/plans.json", _size="10000"))
    assert status == 200


def test_unknown_names_are_404(web):
    for path in ("/api/no-such-query.json", "/queries/no-such-query", "/api/plans.xml", "/nothing", "/update"):
        status, _, _ = get(url(web, path))
        assert status == 404, path
    status, _, body = get(url(web, "/api/no-such-query.json"))
    assert json.loads(body)["error"] == "Error: no saved query 'no-such-query'; /openapi.json lists them"


def test_openapi_is_valid_and_lists_the_queries(web):
    """/openapi.json is an OpenAPI 3 document (openapi-spec-validator) with a path per query and format."""
    from openapi_spec_validator import validate

    from plankg import queries

    status, _, body = get(url(web, "/openapi.json"))
    spec = json.loads(body)
    validate(spec)
    for name, q in queries.catalogue().items():
        if queries.is_federated(q):
            assert f"/api/{name}.json" not in spec["paths"]
            continue
        op = spec["paths"][f"/api/{name}.json"]["get"]
        declared = {p["name"]: p for p in op["parameters"]}
        assert {p.name for p in q.params} | {"_size", "_offset"} == set(declared)
        for p in q.params:
            assert declared[p.name]["required"] == p.required
            if p.enum:
                schema = declared[p.name]["schema"]
                assert (schema.get("items") or schema)["enum"] == list(p.enum)
    assert spec["servers"] == [{"url": web.base}]


# ---------------------------------------------------------------------------------------------
# SPARQL protocol

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?t a pk:Task } }"


def test_sparql_select_in_every_results_format(web):
    """GET and both POST forms; JSON, XML, CSV and TSV by Accept."""
    text = "SELECT ?key WHERE { GRAPH ?g { ?p a pk:Plan ; dcterms:identifier ?key } } ORDER BY ?key"
    keys = ["000_2345c3afe1f8be5d", PLAN, "hostile"]
    status, headers, body = get(url(web, "/sparql", query=text), Accept="application/sparql-results+json")
    assert status == 200 and headers.get_content_type() == "application/sparql-results+json"
    assert [b["key"]["value"] for b in json.loads(body)["results"]["bindings"]] == keys
    status, headers, body = post(f"{web.base}/sparql", {"query": text}, Accept="application/sparql-results+xml")
    assert headers.get_content_type() == "application/sparql-results+xml"
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert [e.text for e in ET.fromstring(body).iter(f"{ns}literal")] == keys
    status, headers, body = request(f"{web.base}/sparql", text.encode(), "POST", Content_Type="application/sparql-query",
                                    Accept="text/csv")
    assert headers.get_content_type() == "text/csv" and list(csv.reader(io.StringIO(body.decode()))) == [["key"]] + [[k] for k in keys]
    status, headers, body = get(url(web, "/sparql", query=text), Accept="text/tab-separated-values")
    assert body.decode().splitlines() == ["?key"] + [f'"{k}"' for k in keys]
    assert "Vary" in headers


def test_sparql_ask_and_construct(web):
    status, _, body = get(url(web, "/sparql", query="ASK { GRAPH ?g { ?p a pk:Plan } }"))
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}
    construct = "CONSTRUCT { ?p dcterms:title ?t } WHERE { GRAPH ?g { ?p a pk:Plan ; dcterms:title ?t } }"
    status, headers, body = get(url(web, "/sparql", query=construct))
    assert status == 200 and headers.get_content_type() == "text/turtle" and "dcterms:title" in body.decode()
    status, headers, body = get(url(web, "/sparql", query=construct), Accept="application/n-triples")
    assert headers.get_content_type() == "application/n-triples" and len(body.decode().strip().splitlines()) == 3
    status, headers, body = get(url(web, "/sparql", query=construct), Accept="application/ld+json")
    assert headers.get_content_type() == "application/ld+json" and "@context" in json.loads(body)


def test_sparql_refuses_updates_service_and_oversized_answers(web):
    """No writes in any form, no SERVICE without --allow-service, no answer past the row cap."""
    for status, _, body in (
        post(f"{web.base}/sparql", {"update": "CLEAR ALL"}),
        request(f"{web.base}/sparql", b"CLEAR ALL", "POST", Content_Type="application/sparql-update"),
        get(url(web, "/sparql", query="CLEAR ALL")),
        get(url(web, "/sparql", query="INSERT DATA { GRAPH <http://x/g> { <http://x/a> <http://x/b> 1 } }")),
    ):
        assert status == 400 and b"refused" in body
    status, _, body = get(url(web, "/sparql", query="SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"))
    assert status == 400 and body.decode().startswith("Error: SERVICE is refused")
    status, _, body = get(url(web, "/sparql", query="SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"))
    assert status == 400 and "more than 10000 rows" in body.decode()
    status, _, body = get(url(web, "/sparql", query="SELECT nonsense"))
    assert status == 400 and body.decode().startswith("Error: bad SPARQL")
    status, _, _ = get(url(web, "/sparql", query=COUNT))
    assert status == 200  # still there, unchanged
    _, _, body = get(url(web, "/sparql", query="SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://x/g> { ?s ?p ?o } }"))
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "0"


def test_sparqlwrapper_uses_the_endpoint_unchanged(web):
    from SPARQLWrapper import JSON, POST, TURTLE, XML, SPARQLWrapper

    wrapper = SPARQLWrapper(f"{web.base}/sparql")
    wrapper.setQuery(f"PREFIX pk: <https://w3id.org/plankg/ontology#> {COUNT}")
    wrapper.setReturnFormat(JSON)
    assert int(wrapper.queryAndConvert()["results"]["bindings"][0]["n"]["value"]) == 18 + 61 + 2
    wrapper.setMethod(POST)
    wrapper.setReturnFormat(XML)
    assert wrapper.queryAndConvert().getElementsByTagName("literal")[0].firstChild.data == "81"
    wrapper.setQuery("CONSTRUCT { ?p a <https://w3id.org/plankg/ontology#Plan> } WHERE "
                     "{ GRAPH ?g { ?p a <https://w3id.org/plankg/ontology#Plan> } }")
    wrapper.setReturnFormat(TURTLE)
    import rdflib

    assert len(rdflib.Graph().parse(data=wrapper.queryAndConvert().decode(), format="turtle")) == 3


@pytest.mark.parametrize("name, params", [
    ("plans", []), ("agency-tasks", ["agency=市市场监管局", "role=lead"]), ("agency-resource-partners", [f"resource={GZ_REGULATOR}"]),
])
def test_plankg_query_endpoint_against_the_server(web, web_store, name, params):
    """`plankg query NAME --endpoint http://127.0.0.1:PORT/sparql` prints what the store prints."""
    args = [a for p in params for a in ("--param", p)]
    remote = run_cli("query", name, *args, "--endpoint", f"{web.base}/sparql", "--format", "json")
    assert remote.returncode == 0, remote.stderr
    assert json.loads(remote.stdout) == cli_json(web_store, name, *params) != []


def test_a_slow_query_is_stopped_at_the_timeout_and_the_server_goes_on(web):
    """A query past --timeout (3 s here) answers 503 and its worker is killed; later requests work."""
    slow = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?b ?c . ?d ?e ?f . ?h ?i ?j } }"
    started = time.monotonic()
    status, _, body = get(url(web, "/sparql", query=slow))
    took = time.monotonic() - started
    assert status == 503 and "ran longer than 3 s" in body.decode() and 2.9 < took < 10
    for _ in range(4):  # both workers, one of them a fresh replacement
        status, _, _ = get(url(web, "/api/plans.json"))
        assert status == 200


# ---------------------------------------------------------------------------------------------
# linked data

def test_plan_page(web, web_store):
    """A plan's page: counts, sections, every task with its agencies by role (links), targets with
    their source line (linked to their task)."""
    page = html(web, f"/id/plan/{PLAN}")
    tasks = cli_json(web_store, "plan-tasks", f"plan={PLAN}")
    assert "广州市2020年食品安全重点工作安排任务分工表" in page
    for section in {t["section"] for t in tasks}:
        assert f">{section}</a></h3>" in page
    from markupsafe import escape

    for task in tasks:
        assert f'<a class="task-id" href="/id/plan/{PLAN}/task/' in page and str(escape(task["text"])) in page
    assert '<a href="/id/agency/440100/市市场监督管理局">市市场监管局</a>' in page
    for target in cli_json(web_store, "targets", f"key={PLAN}"):
        assert f'<td class="n">{target["line"]}</td>' in page and str(escape(target["text"])) in page
    assert "牵头 lead" in page and "负责 responsible" in page


def test_agency_page(web, web_store):
    """An agency's page: names, kind and division (linked), its tasks by role across plans and its
    partners, every name a link."""
    page = html(web, "/id/agency/440100/市市场监督管理局")
    assert "<h1>广州市市场监督管理局</h1>" in page and "市场监管" in page
    assert '<a href="/id/division/440100">广州市 (440100)</a>' in page
    roles = cli_json(web_store, "agency-resource-tasks", f"resource={GZ_REGULATOR}")
    import re

    assert len(re.findall(r'<td><a href="/id/plan/[^/"]+">', page)) == len(roles) > 0
    for partner in cli_json(web_store, "agency-resource-partners", f"resource={GZ_REGULATOR}"):
        assert f'<a href="{partner["partner"][len(ID) - 4:]}">{partner["label"]}</a>' in page


def test_other_iris_have_pages_and_rdf(web):
    """Tasks, targets, divisions and sections have pages; Turtle and JSON-LD by Accept; a graph IRI
    redirects to its plan; an IRI the store does not hold is 404 in every form."""
    for path in (f"/id/plan/{PLAN}/task/46", f"/id/plan/{PLAN}/task/46/target/2", "/id/division/440100",
                 f"/id/plan/{PLAN}/section/1"):
        page = html(web, path)
        assert f"<code>{ID}{path[4:]}</code>" in page
    page = html(web, f"/id/plan/{PLAN}/task/46/target/2")
    assert "食用农产品检验量不低于千人2批次" in page and f'href="/id/plan/{PLAN}/task/46"' in page
    status, headers, body = get(url(web, f"/id/plan/{PLAN}/task/46"), Accept="text/turtle")
    assert status == 200 and headers.get_content_type() == "text/turtle" and headers["Vary"] == "Accept"
    import rdflib

    graph = rdflib.Graph().parse(data=body.decode(), format="turtle")
    assert (rdflib.URIRef(f"{ID}plan/{PLAN}/task/46"), rdflib.URIRef("https://w3id.org/plankg/ontology#number"),
            rdflib.Literal("46")) in graph
    status, headers, body = get(url(web, "/id/agency/440100/市市场监督管理局"), Accept="application/ld+json")
    assert headers.get_content_type() == "application/ld+json"
    assert "广州市市场监督管理局" in body.decode()
    status, headers, _ = request(url(web, f"/id/graph/{PLAN}"))
    assert status == 200 and "<h1>广州市2020年" in _.decode()  # urllib follows the 303 to the plan
    for accept in ("text/html", "text/turtle", "application/ld+json"):
        for path in ("/id/plan/nothing", "/id/agency/440100/无此局", f"/id/plan/{PLAN}/task/9999", "/id/x"):
            status, _, _ = get(url(web, path), Accept=accept)
            assert status == 404, (path, accept)


def test_every_link_of_a_plan_page_answers(web):
    """Every /id/ link on the plan page leads to a page (no dangling link)."""
    import re

    page = html(web, f"/id/plan/{PLAN}")
    links = sorted(set(re.findall(r'href="(/id/[^"]+)"', page)))
    assert len(links) > 50
    for link in links[::5]:
        status, _, _ = get(url(web, urllib.parse.unquote(link)), Accept="text/html")
        assert status == 200, link


# ---------------------------------------------------------------------------------------------
# escaping, CORS, YASGUI

def test_document_markup_is_escaped_everywhere(web):
    """A title, heading, task text and agency name holding <script> show as text on every page."""
    raw = ('<script>alert("task")</script>', '<script>alert("title")</script>', "<script>alert(1)</script>", "<b>监管</b>")
    agency = "市<script>alert(1)</script>局"
    pages = [html(web, "/id/plan/hostile"), html(web, "/queries/assignments", key="hostile"),
             html(web, "/queries/agency-tasks", agency=agency)]
    _, _, body = get(url(web, "/api/agencies.json"))
    [iri] = [r["agency"] for r in json.loads(body)["rows"] if r["names"] == agency]
    # the path as a browser sends it: the IRI's own %-escapes kept, its CJK percent-encoded
    status, _, body = get(f"{web.base}/id/{urllib.parse.quote(iri[len(ID):], safe='/%')}", Accept="text/html")
    assert status == 200, body[:300]
    pages.append(body.decode())
    for page in pages:
        assert "<script" not in page
        for text in raw:
            assert text not in page
    assert "开展&lt;script&gt;alert(&#34;task&#34;)&lt;/script&gt;专项检查" in pages[0]
    assert "市&lt;script&gt;alert(1)&lt;/script&gt;局" in pages[0] and "&lt;script&gt;alert（1）&lt;/script&gt;局</h1>" in pages[3]


def test_no_cors_headers_by_default(web):
    for path in ("/", "/api/plans.json", f"/sparql?query={urllib.parse.quote(COUNT)}", f"/id/plan/{PLAN}"):
        _, headers, _ = get(f"{web.base}{path}", Origin="http://elsewhere.example")
        assert "Access-Control-Allow-Origin" not in headers, path
    status, headers, _ = request(f"{web.base}/api/plans.json", method="OPTIONS", Origin="http://elsewhere.example",
                                 Access_Control_Request_Method="GET")
    assert status == 405 and "Access-Control-Allow-Origin" not in headers


def test_yasgui_is_served_from_the_package(web):
    """A browser's GET of /sparql without a query gets YASGUI from /static/vendor (the npm files,
    unmodified), with the saved queries that need no parameter as examples."""
    page = html(web, "/sparql")
    assert '<script src="/static/vendor/yasgui/yasgui.min.js"' in page and "http" not in page.split("<main>")[1].split("plankg-examples")[0]
    examples = json.loads(page.split('id="plankg-examples">')[1].split("</script>")[0])
    names = [e["name"] for e in examples]
    assert "plans" in names and "agency-tasks" not in names and "wikidata-divisions" not in names
    readme = (Path(__file__).resolve().parent.parent / "plankg" / "web" / "static" / "vendor" / "yasgui" / "README.md").read_text()
    for name in ("yasgui.min.js", "yasgui.min.css"):
        status, _, body = get(f"{web.base}/static/vendor/yasgui/{name}")
        assert status == 200 and f"`{name}` sha256 `{hashlib.sha256(body).hexdigest()}`" in readme
    status, _, body = get(f"{web.base}/static/vendor/yasgui/LICENSE")
    assert status == 200 and b"MIT License" in body
